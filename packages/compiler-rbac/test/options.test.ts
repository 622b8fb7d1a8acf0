import { describe, expect, it } from "vitest";
import { accessPolicy, allow, cluster, createInventory, deny, loadDocuments, normaliseClusters, type ClusterIR, type RampartDocument } from "@rampart/core";
import { compileRbac, verifyRbac } from "@rampart/compiler-rbac";

const NOW = new Date("2026-11-24T00:00:00Z");
const inventory = createInventory({ namespaces: ["team-a", "team-b"], objects: { pods: { "team-a": ["nginx-1", "api-1"] } } });
const docs = (values: unknown[]): RampartDocument[] => {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
};
function proved(documents: RampartDocument[], options: { keepWildcards?: boolean; cluster?: ClusterIR | string } = {}) {
  const out = compileRbac(documents, { inventory, now: NOW, ...options });
  expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const proof = verifyRbac(documents, inventory, out.objects, { now: NOW, report: out.report, ...(options.cluster ? { cluster: options.cluster } : {}) });
  expect(proof.overGrants).toEqual([]);
  expect(proof.underGrants.filter((u) => !u.covered)).toEqual([]);
  return out;
}
const rulesOf = (out: ReturnType<typeof compileRbac>) => out.objects.flatMap((o) => o.rules ?? []);

describe("keepWildcards", () => {
  const admin = (extra: unknown[] = []) =>
    docs([accessPolicy("admin", { subjects: [{ group: "admins" }], rules: [allow({ verbs: ["*"], resources: ["*"] }), ...(extra as never[])] })]);

  it("keeps `*` verbs, groups and resources of a cluster-wide rule that no deny intersects", () => {
    expect(rulesOf(proved(admin(), { keepWildcards: true }))).toEqual([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]);
  });

  it("expands by default: explicit groups, resources and verbs from the inventory", () => {
    const rules = rulesOf(proved(admin()));
    expect(rules.length).toBe(50);
    expect(rules.flatMap((r) => [...(r.apiGroups ?? []), ...(r.resources ?? []), ...r.verbs])).not.toContain("*");
  });

  it("expands when a deny intersects, and subtracts it", () => {
    const out = proved(admin([deny({ verbs: ["get"], resources: ["secrets"] })]), { keepWildcards: true });
    const rules = rulesOf(out);
    expect(rules.flatMap((r) => r.resources ?? [])).not.toContain("*");
    const secrets = rules.filter((r) => r.resources?.includes("secrets"));
    expect(secrets.flatMap((r) => r.verbs)).not.toContain("get");
    expect(secrets.flatMap((r) => r.verbs)).toContain("list");
  });

  it("keeps `*/scale` but expands `*.apps` (RBAC `*` would take in subresources) and namespaced `*` (it would reach the Namespace object)", () => {
    const out = proved(
      docs([
        accessPolicy("ops", {
          subjects: [{ user: "ops" }],
          rules: [allow({ verbs: ["get"], resources: ["*/scale", "*.apps"] }), allow({ verbs: ["*"], resources: ["*"], namespaces: ["team-a"] })],
        }),
      ]),
      { keepWildcards: true },
    );
    const cluster = out.objects.find((o) => o.kind === "ClusterRole" && o.metadata.name === "rampart:ops")!;
    expect(cluster.rules!.flatMap((r) => r.resources)).toContain("*/scale");
    expect(cluster.rules!.flatMap((r) => r.resources)).toContain("deployments");
    expect(cluster.rules!.flatMap((r) => r.resources)).not.toContain("*");
    const ns = out.objects.find((o) => o.kind === "Role" && o.metadata.namespace === "team-a")!;
    expect(ns.rules!.flatMap((r) => r.resources)).not.toContain("*");
    expect(ns.rules!.flatMap((r) => r.verbs)).toEqual(ns.rules!.map(() => "*"));
  });
});

describe("namespaces", () => {
  it("a literal namespace the inventory does not list still gets its RoleBinding, with a note", () => {
    const out = proved(
      docs([accessPolicy("p", { subjects: [{ user: "u" }], rules: [allow({ verbs: ["get"], resources: ["configmaps"], namespaces: ["team-c", "team-*"] })] })]),
    );
    expect(out.objects.filter((o) => o.kind === "RoleBinding").map((o) => o.metadata.namespace)).toEqual(["team-a", "team-b", "team-c"]);
    expect(out.diagnostics.map((d) => d.message)).toEqual([
      "rule 0 of AccessPolicy `p`: namespace `team-c` is not in the inventory; its RoleBinding applies once the namespace exists",
    ]);
  });

  it("a cluster-wide allow with a namespace-restricted deny becomes RoleBindings in the other known namespaces", () => {
    const out = proved(
      docs([
        accessPolicy("p", {
          subjects: [{ user: "u" }],
          rules: [allow({ verbs: ["get"], resources: ["configmaps"] }), deny({ verbs: ["get"], resources: ["configmaps"], namespaces: ["team-b"] })],
        }),
      ]),
    );
    expect(out.objects.filter((o) => o.kind === "RoleBinding").map((o) => o.metadata.namespace)).toEqual(["team-a"]);
    expect(out.report.rules[0]!.notExpressible[0]!.reason).toContain("all-namespace requests and later namespaces are not granted");
  });
});

describe("clusters", () => {
  const two = () =>
    docs([
      cluster("prod", { tags: { env: "prod" } }),
      cluster("dev", { tags: { env: "dev" } }),
      accessPolicy("p", { subjects: [{ user: "u" }], clusters: { env: "dev" }, rules: [allow({ verbs: ["get"], resources: ["nodes"] })] }),
    ]);

  it("selects policies by the cluster's tags", () => {
    expect(proved(two(), { cluster: "dev" }).objects).toHaveLength(2);
    expect(proved(two(), { cluster: "prod" }).objects).toEqual([]);
  });

  it("an unknown cluster, or several without a choice, is an error", () => {
    expect(compileRbac(two(), { inventory, now: NOW, cluster: "prd" }).diagnostics.map((d) => `${d.message} | ${d.hint}`)).toEqual([
      "unknown cluster `prd`; the policies define `prod`, `dev` | did you mean `prod`? pass one of them to `--cluster`",
    ]);
    expect(compileRbac(two(), { inventory, now: NOW }).diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["cluster-required", "`--cluster` is required: the policies define clusters `prod`, `dev`"],
    ]);
  });

  it("takes the resolved cluster as given (no name round trip)", () => {
    const dev = normaliseClusters(two()).find((c) => c.name === "dev")!;
    expect(proved(two(), { cluster: dev }).objects).toHaveLength(2);
    expect(compileRbac(two(), { inventory, now: NOW, cluster: dev }).diagnostics).toEqual([]);
  });
});

describe("report and diagnostics", () => {
  it("counts objects and rules against the naive expansion, and says per rule what RBAC enforces", () => {
    const out = proved(
      docs([
        accessPolicy("p", {
          subjects: [{ group: "g" }],
          rules: [
            allow({ verbs: ["get", "list"], resources: ["pods", "services"], namespaces: ["team-*"] }),
            deny({ verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] }),
            allow({ verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"], expires: "2026-01-01T00:00:00Z" }),
          ],
        }),
      ]),
    );
    expect(out.report.counts).toEqual({ objects: 4, rules: 3, naiveObjects: 4, naiveRules: 3 });
    expect(out.report.rules.map((r) => [r.rule, r.effect, r.verbs, r.expired ?? false])).toEqual([
      [0, "allow", ["get", "list"], false],
      [1, "deny", ["*"], false],
      [2, "allow", [], true],
    ]);
  });

  it("warns when no resource of an allow rule serves a verb", () => {
    const out = compileRbac(
      docs([accessPolicy("p", { subjects: [{ user: "u" }], rules: [allow({ verbs: ["get", "create"], resources: ["pods/log"], namespaces: ["team-a"] })] })]),
      { inventory, now: NOW },
    );
    expect(out.diagnostics.map((d) => `${d.severity}: ${d.message} | ${d.hint}`)).toEqual([
      "warning: verb `create` is not served by any of `pods/log`: rule 0 of AccessPolicy `p` grants nothing for it | they serve `get`; remove the verb or add the resource that serves it",
    ]);
  });

  it("non-resource URLs: a deny inside an allowed prefix cannot be carved out of it, so the prefix is not granted", () => {
    const out = proved(
      docs([
        accessPolicy("p", {
          subjects: [{ user: "u" }],
          rules: [allow({ verbs: ["get"], nonResourceURLs: ["/metrics*", "/healthz"] }), deny({ verbs: ["get"], nonResourceURLs: ["/metrics/secret"] })],
        }),
      ]),
    );
    expect(rulesOf(out)).toEqual([{ nonResourceURLs: ["/healthz"], verbs: ["get"] }]);
    expect(out.report.rules[0]!.notExpressible[0]!.reason).toBe("non-resource URL `/metrics*` overlaps a denied URL that RBAC cannot carve out: not granted");
  });
});
