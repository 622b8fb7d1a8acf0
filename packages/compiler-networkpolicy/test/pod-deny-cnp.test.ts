// Pod denies as Admin-tier ClusterNetworkPolicies (`--network-backend cnp`), pinned where the goldens have one
// case only (found by mutation testing of emit-denies.ts): the priority option and its bounds, one object per
// governed namespace or one for all of them, and the subject selecting the governed namespaces.
import { describe, expect, it } from "vitest";
import { loadDocuments, trafficPolicy, type RampartDocument } from "@rampart/core";
import { compileNetwork } from "@rampart/compiler-networkpolicy";

function docs(values: unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
}

type Cnp = { metadata: { name: string }; spec: { priority: number; subject: { pods: { namespaceSelector: unknown } } } };
const cnps = (documents: RampartDocument[], cnpPriority?: number) =>
  compileNetwork(documents, { networkBackend: "cnp", ...(cnpPriority === undefined ? {} : { cnpPriority }) }).objects.filter(
    (o) => o.kind === "ClusterNetworkPolicy",
  ) as unknown as Cnp[];

const twoDenies = docs([
  trafficPolicy("seg", {
    namespaces: ["team-a", "team-b"],
    deny: [
      { direction: "ingress", from: [{ namespace: "team-c", pods: { app: "batch" } }] },
      { direction: "egress", to: [{ namespace: "team-c", pods: { app: "db" } }] },
    ],
  }),
]);

describe("pod denies as ClusterNetworkPolicies", () => {
  it("take priorities from `cnpPriority` (default 100), one more per object, kept within 0-1000", () => {
    expect(cnps(twoDenies).map((o) => o.spec.priority)).toEqual([100, 101]);
    expect(cnps(twoDenies, 7).map((o) => o.spec.priority)).toEqual([7, 8]);
    expect(cnps(twoDenies, -5).map((o) => o.spec.priority)).toEqual([0, 1]);
    expect(cnps(twoDenies, 999).map((o) => o.spec.priority)).toEqual([999, 1000]);
    expect(cnps(twoDenies, 5000).map((o) => o.spec.priority)).toEqual([1000, 1000]);
  });

  it("a deny of pods in a named namespace is one object whose subject selects every governed namespace", () => {
    expect(cnps(twoDenies).map((o) => [o.metadata.name, o.spec.subject.pods.namespaceSelector])).toEqual([
      ["rampart-seg-deny-0", { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["team-a", "team-b"] }] }],
      ["rampart-seg-deny-1", { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["team-a", "team-b"] }] }],
    ]);
  });

  it("a deny of pods in the same namespace is one object per governed namespace, each selecting its own", () => {
    const out = cnps(docs([trafficPolicy("seg", { namespaces: ["team-a", "team-b"], deny: [{ direction: "ingress", from: [{ pods: { app: "batch" } }] }] })]));
    expect(out.map((o) => [o.metadata.name.replace(/-n[0-9a-z]+$/, "-n<hash>"), o.spec.subject.pods.namespaceSelector, o.spec.priority])).toEqual([
      ["rampart-seg-deny-0-team-a-n<hash>", { matchLabels: { "kubernetes.io/metadata.name": "team-a" } }, 100],
      ["rampart-seg-deny-0-team-b-n<hash>", { matchLabels: { "kubernetes.io/metadata.name": "team-b" } }, 101],
    ]);
  });
});
