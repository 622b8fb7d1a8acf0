// Pod denies as ClusterNetworkPolicies, the rules inside each object (found by mutation testing of
// emit-denies.ts): which remotes make one object per governed namespace, and the ports a deny keeps.
import { describe, expect, it } from "vitest";
import { loadDocuments, trafficPolicy, type RampartDocument } from "@rampart/core";
import { compileNetwork } from "@rampart/compiler-networkpolicy";

function docs(values: unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
}

type Rule = { name: string; action: string; protocols?: unknown; from?: unknown[]; to?: unknown[] };
type Cnp = { metadata: { name: string }; spec: { ingress?: Rule[]; egress?: Rule[] } };
const cnps = (documents: RampartDocument[]) =>
  compileNetwork(documents, { networkBackend: "cnp" }).objects.filter((o) => o.kind === "ClusterNetworkPolicy") as unknown as Cnp[];
const names = (out: Cnp[]) => out.map((o) => o.metadata.name.replace(/-n[0-9a-z]+$/, "-n<hash>"));

describe("pod deny rules in ClusterNetworkPolicies", () => {
  it("a deny naming same-namespace pods among other remotes is still one object per governed namespace", () => {
    const mixed = [{ pods: { app: "batch" } }, { namespace: "team-c", pods: { app: "db" } }];
    const out = cnps(docs([trafficPolicy("seg", { namespaces: ["team-a", "team-b"], deny: [{ direction: "ingress", from: mixed }] })]));
    expect(names(out)).toEqual(["rampart-seg-deny-0-team-a-n<hash>", "rampart-seg-deny-0-team-b-n<hash>"]);
    expect(out.map((o) => o.spec.ingress?.[0]?.from?.length)).toEqual([2, 2]);
  });

  it("a deny of every remote is one object for all governed namespaces", () => {
    const out = cnps(docs([trafficPolicy("seg", { namespaces: ["team-a", "team-b"], deny: [{ direction: "ingress" }] })]));
    expect(names(out)).toEqual(["rampart-seg-deny-0"]);
  });

  it("per-namespace objects have distinct names: the namespace and a hash end each", () => {
    const out = cnps(docs([trafficPolicy("seg", { namespaces: ["a", "b", "c"], deny: [{ direction: "egress", to: [{ pods: { app: "db" } }] }] })]));
    expect(new Set(out.map((o) => o.metadata.name)).size).toBe(3);
    expect(out.map((o) => o.metadata.name).every((n, i) => n.startsWith(`rampart-seg-deny-0-${"abc"[i]}-n`))).toBe(true);
  });

  it("per-namespace names stay distinct where policy, rule and namespace names would spell the same name", () => {
    const sameNs = { direction: "ingress" as const, from: [{ pods: { app: "batch" } }] };
    const out = cnps(
      docs([trafficPolicy("a", { namespaces: ["deny-0-x"], deny: [sameNs, sameNs] }), trafficPolicy("a-deny-1", { namespaces: ["x"], deny: [sameNs] })]),
    );
    const spelled = out.map((o) => o.metadata.name.replace(/-n[0-9a-z]+$/, ""));
    expect(spelled.filter((n) => n === "rampart-a-deny-1-deny-0-x")).toHaveLength(2);
    expect(new Set(out.map((o) => o.metadata.name)).size).toBe(out.length);
  });

  it("a label-governed policy that matches no known namespace has only the deny for namespaces created later", () => {
    const deny = [{ direction: "ingress" as const, from: [{ namespace: "team-c", pods: { app: "batch" } }] }];
    const out = cnps(docs([trafficPolicy("seg", { namespaceLabels: { tier: "payments" }, deny })]));
    expect(out.map((o) => o.metadata.name)).toEqual(["rampart-seg-deny-0-later"]);
  });

  it("a deny with ports keeps them as the rule's protocols, and one without ports has none", () => {
    const out = cnps(
      docs([
        trafficPolicy("seg", {
          namespaces: ["team-a"],
          deny: [
            { direction: "ingress", from: [{ namespace: "team-c", pods: { app: "batch" } }], ports: ["5432/TCP"] },
            { direction: "ingress", from: [{ namespace: "team-c", pods: { app: "web" } }] },
          ],
        }),
      ]),
    );
    const rules = out.map((o) => o.spec.ingress![0]!);
    expect(rules.map((r) => [r.name, r.action])).toEqual([
      ["seg-deny-0", "Deny"],
      ["seg-deny-1", "Deny"],
    ]);
    expect(rules[0]!.protocols).toEqual([{ tcp: { destinationPort: { number: 5432 } } }]);
    expect("protocols" in rules[1]!).toBe(false);
  });
});
