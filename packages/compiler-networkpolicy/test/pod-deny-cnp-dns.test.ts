// Pod denies that name DNS as ClusterNetworkPolicies (found by mutation testing of emit-denies.ts): kube-dns is a
// second Deny rule of the same object, named `-dns`, on port 53 only; a named port on it widens to port 53 and warns.
import { describe, expect, it } from "vitest";
import { loadDocuments, trafficPolicy, type RampartDocument } from "@rampart/core";
import { compileNetwork } from "@rampart/compiler-networkpolicy";

function docs(values: unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
}

type Rule = { name: string; action: string; protocols?: unknown; to?: unknown[] };
type Cnp = { metadata: { name: string }; spec: { egress?: Rule[] } };
const KUBE_DNS = {
  pods: { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } },
};
const DNS_PORTS = [{ tcp: { destinationPort: { number: 53 } } }, { udp: { destinationPort: { number: 53 } } }];

function compileCnp(deny: unknown) {
  const out = compileNetwork(docs([trafficPolicy("seg", { namespaces: ["team-a"], deny: [deny] as never })]), { networkBackend: "cnp" });
  const cnps = out.objects.filter((o) => o.kind === "ClusterNetworkPolicy") as unknown as Cnp[];
  return { cnps, warnings: out.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.code}: ${d.message}`) };
}

describe("pod denies naming DNS under the cnp backend", () => {
  it("pods and DNS in one deny: one object, the pods rule and a `-dns` rule for kube-dns on port 53", () => {
    const { cnps, warnings } = compileCnp({ direction: "egress", to: [{ namespace: "team-c", pods: { app: "db" } }, { dns: true }] });
    expect(warnings).toEqual([]);
    expect(cnps.map((o) => o.metadata.name)).toEqual(["rampart-seg-deny-0"]);
    const rules = cnps[0]!.spec.egress!;
    expect(rules.map((r) => [r.name, r.action])).toEqual([
      ["seg-deny-0", "Deny"],
      ["seg-deny-0-dns", "Deny"],
    ]);
    expect(rules[1]!.to).toEqual([KUBE_DNS]);
    expect(rules[1]!.protocols).toEqual(DNS_PORTS);
    expect(rules[0]!.protocols).toBeUndefined();
  });

  it("a deny of DNS alone is one rule without the `-dns` suffix", () => {
    const { cnps } = compileCnp({ direction: "egress", to: [{ dns: true }] });
    expect(cnps.flatMap((o) => o.spec.egress!.map((r) => r.name))).toEqual(["seg-deny-0"]);
    expect(cnps[0]!.spec.egress![0]!.to).toEqual([KUBE_DNS]);
    expect(cnps[0]!.spec.egress![0]!.protocols).toEqual(DNS_PORTS);
  });

  it("a named port on a DNS deny is denied on port 53 of its protocol, with a warning that says so", () => {
    const { cnps, warnings } = compileCnp({ direction: "egress", to: [{ dns: true }], ports: ["dns/UDP"] });
    expect(cnps[0]!.spec.egress![0]!.protocols).toEqual([{ udp: { destinationPort: { number: 53 } } }]);
    expect(warnings).toEqual([
      "network-not-expressible: deny rule 0 of TrafficPolicy `seg`: named ports on a `dns: true` peer cannot be intersected with port 53: kube-dns is denied on port 53 of their protocols",
    ]);
  });
});
