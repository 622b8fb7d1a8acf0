import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { accessPolicy, allow, cluster, crd, createEvaluator, deny, loadDocuments, loadFiles, resolveCluster, type AccessRequest, type EvaluatorOptions } from "@rampart/core";

// One readable example per statement of SPEC.md's AccessPolicy section (and per semantics decision
// of the lead); the property test checks the same semantics on random policies.

const NOW = new Date("2026-11-24T00:00:00Z");

function evaluator(values: unknown[], options: EvaluatorOptions = {}) {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return createEvaluator(documents, { now: NOW, ...options });
}
/** A request of bob, member of group team-a. */
const bob = (r: Omit<AccessRequest, "user" | "groups">): AccessRequest => ({ user: "bob", groups: ["team-a"], ...r });
/** An evaluator with one policy for group team-a holding the given rules. */
const teamA = (...rules: ReturnType<typeof allow>[]) => evaluator([accessPolicy("team-a", { subjects: [{ group: "team-a" }], rules })]);

describe("the example AccessPolicy of SPEC.md, loaded from YAML", async () => {
  const dir = await mkdtemp(join(tmpdir(), "rampart-eval-"));
  await writeFile(
    join(dir, "policy.yaml"),
    `apiVersion: rampart.dev/v1alpha1
kind: AccessPolicy
metadata: { name: team-a }
spec:
  subjects:
    - group: team-a
    - user: alice@example.com
    - serviceAccount: ci/deployer
  clusters: { env: dev }
  rules:
    - effect: allow
      verbs: [get, list, watch]
      resources: [pods, pods/log, deployments.apps, "*.batch"]
      namespaces: [team-a, "team-a-*"]
    - effect: deny
      verbs: ["*"]
      resources: [pods]
      namespaces: ["*"]
      names: ["nginx*"]
    - effect: allow
      verbs: [get]
      nonResourceURLs: [/healthz, "/metrics*"]
    - effect: allow
      verbs: [get, list]
      resources: [secrets]
      namespaces: [team-a]
      expires: 2026-12-31T18:00:00Z
      reason: INC-4711 break-glass
---
apiVersion: rampart.dev/v1alpha1
kind: Cluster
metadata: { name: dev-eu }
spec: { tags: { env: dev, region: eu } }
---
apiVersion: rampart.dev/v1alpha1
kind: Cluster
metadata: { name: prod-eu }
spec: { tags: { env: prod, region: eu } }
`,
  );
  const { documents, diagnostics } = await loadFiles([dir]);
  await rm(dir, { recursive: true });
  expect(diagnostics).toEqual([]);
  const e = createEvaluator(documents, { cluster: "dev-eu", now: NOW });
  const cases: [string, AccessRequest, "allow" | "deny", number | undefined][] = [
    ["a group member reads a pod of a team-a-* namespace", bob({ verb: "get", resource: "pods", namespace: "team-a-dev", name: "web-1" }), "allow", 0],
    ["a user subject reads pod logs", { user: "alice@example.com", verb: "get", resource: "pods", subresource: "log", namespace: "team-a", name: "web-1" }, "allow", 0],
    ["the ServiceAccount, by its username, lists jobs (`*.batch`)", { user: "system:serviceaccount:ci:deployer", verb: "list", apiGroup: "batch", resource: "jobs", namespace: "team-a" }, "allow", 0],
    ["every pod except those named nginx*", bob({ verb: "get", resource: "pods", namespace: "team-a", name: "nginx-7" }), "deny", 1],
    ["listing pods must not bypass the deny by name", bob({ verb: "list", resource: "pods", namespace: "team-a" }), "deny", 1],
    ["deployments can be read but not deleted", bob({ verb: "delete", apiGroup: "apps", resource: "deployments", namespace: "team-a", name: "api" }), "deny", undefined],
    ["another namespace is out of reach", bob({ verb: "get", resource: "pods", namespace: "team-b", name: "web-1" }), "deny", undefined],
    ["non-resource URL globs", { user: "alice@example.com", verb: "get", nonResourceURL: "/metrics/cadvisor" }, "allow", 2],
    ["a URL no rule lists", { user: "alice@example.com", verb: "get", nonResourceURL: "/debug/pprof" }, "deny", undefined],
    ["temporary access before it expires", bob({ verb: "get", resource: "secrets", namespace: "team-a", name: "db" }), "allow", 3],
    ["the same in a cluster the policy does not select", bob({ verb: "get", resource: "secrets", namespace: "team-a", name: "db", cluster: "prod-eu" }), "deny", undefined],
    ["a subject the policy does not name", { user: "eve", groups: ["team-b"], verb: "get", resource: "pods", namespace: "team-a", name: "web-1" }, "deny", undefined],
  ];
  it.each(cases)("%s", (_, request, decision, rule) => {
    const d = e.decide(request);
    expect(d.decision).toBe(decision);
    expect(d.matched).toEqual(rule === undefined ? [] : [{ policy: "team-a", rule, effect: decision }]);
  });

  it("temporary access stops at the instant it expires", () => {
    const at = (now: string) => createEvaluator(documents, { cluster: "dev-eu", now: new Date(now) }).decide(bob({ verb: "get", resource: "secrets", namespace: "team-a", name: "db" })).decision;
    expect(at("2026-12-31T17:59:59.999Z")).toBe("allow");
    expect(at("2026-12-31T18:00:00Z")).toBe("deny");
  });
});

describe("resources: `<resource>[.<apiGroup>][/<subresource>]`", () => {
  it.each([
    ["pods", "", "pods", "", "allow"],
    ["pods", "", "pods", "log", "deny"], // `pods` is not its subresources
    ["pods/log", "", "pods", "log", "allow"],
    ["pods/log", "", "pods", "exec", "deny"],
    ["pods/log", "", "pods", "", "deny"],
    ["pods/*", "", "pods", "exec", "allow"],
    ["pods/*", "", "pods", "", "deny"], // every subresource, not the resource itself
    ["*.apps", "apps", "statefulsets", "", "allow"],
    ["*.apps", "apps", "deployments", "scale", "deny"], // every resource of apps, not their subresources
    ["*.apps", "", "pods", "", "deny"],
    ["*/scale", "", "replicationcontrollers", "scale", "allow"],
    ["*/scale", "apps", "deployments", "scale", "deny"], // core resources only
    ["deployments.apps", "", "deployments", "", "deny"], // the core group has no suffix
    ["deployments.apps", "apps", "deployments", "", "allow"],
    ["*", "apps", "deployments", "scale", "allow"], // `*` alone: every resource and subresource of every group
    ["*", "example.com", "widgets", "status", "allow"],
  ] as const)("`%s` on (group %j, %s, subresource %j) → %s", (entry, apiGroup, resource, subresource, decision) => {
    const e = teamA(allow({ verbs: ["get"], resources: [entry as "pods"] }));
    expect(e.decide(bob({ verb: "get", apiGroup, resource, subresource, namespace: "team-a", name: "x" })).decision).toBe(decision);
  });

  it("a CRD entry made with crd() covers that group only", () => {
    const e = teamA(allow({ verbs: ["get"], resources: [crd("widgets.example.com")] }));
    expect(e.decide(bob({ verb: "get", apiGroup: "example.com", resource: "widgets", namespace: "team-a", name: "x" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "get", apiGroup: "example.org", resource: "widgets", namespace: "team-a", name: "x" })).decision).toBe("deny");
  });
});

describe("verbs", () => {
  it("`*` is every verb; a list is exactly its verbs", () => {
    const e = teamA(allow({ verbs: ["*"], resources: ["configmaps"], namespaces: ["team-a"] }), allow({ verbs: ["get", "watch"], resources: ["secrets"], namespaces: ["team-a"] }));
    for (const verb of ["get", "delete", "escalate", "frobnicate"]) expect(e.decide(bob({ verb, resource: "configmaps", namespace: "team-a", name: "c" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "watch", resource: "secrets", namespace: "team-a", name: "s" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", resource: "secrets", namespace: "team-a" })).decision).toBe("deny");
  });
});

describe("namespaces and names: globs with `*` and `?` only", () => {
  const e = teamA(
    allow({ verbs: ["get"], resources: ["pods"], namespaces: ["team-?", "dev-*-eu"], names: ["web-*", "db-?"] }),
    allow({ verbs: ["get"], resources: ["configmaps"] }), // no namespaces: cluster-wide; no names: every name
  );
  it.each([
    ["team-b", "web-1", "allow"],
    ["team-bb", "web-1", "deny"], // `?` is exactly one character
    ["dev-x-y-eu", "db-1", "allow"], // `*` any run, even with dashes
    ["dev-eu", "db-1", "deny"],
    ["team-b", "db-12", "deny"],
    ["team-b", "api", "deny"],
  ] as const)("pods in %s named %s → %s", (namespace, name, decision) => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace, name })).decision).toBe(decision);
  });
  it("omitting namespaces and names covers every namespace, every name, and requests across all namespaces", () => {
    expect(e.decide(bob({ verb: "get", resource: "configmaps", namespace: "anything", name: "any" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "get", resource: "configmaps", namespace: "", name: "any" })).decision).toBe("allow");
  });
});

describe("name globs of every shape the index compiles (literal, prefix, suffix, prefix and suffix, trailing `?`, general)", () => {
  const e = teamA(allow({ verbs: ["get"], resources: ["pods"], namespaces: ["*"], names: ["db", "web-*", "*-canary", "a*z", "job-??", "x?y*"] }));
  const only = (names: string[]) => teamA(allow({ verbs: ["get"], resources: ["pods"], namespaces: ["*"], names }));
  it.each([
    [["db"], "db", "allow"], [["db"], "db2", "deny"], [["db"], "d", "deny"],
    [["web-*"], "web-", "allow"], [["web-*"], "web", "deny"],
    [["*-canary"], "api-canary", "allow"], [["*-canary"], "-canary", "allow"], [["*-canary"], "canary", "deny"],
    [["a*z"], "az", "allow"], [["a*z"], "abcz", "allow"], [["a*z"], "a", "deny"], [["a*z"], "za", "deny"],
    [["aza*zaz"], "azaz", "deny"], // prefix and suffix must not overlap
    [["job-??"], "job-12", "allow"], [["job-??"], "job-1", "deny"], [["job-??"], "job-123", "deny"],
    [["x?y*"], "xay", "allow"], [["x?y*"], "xaybb", "allow"], [["x?y*"], "xy", "deny"],
    [["**"], "", "deny"], // a collection: an allow restricted by names does not apply
    [["**"], "anything", "allow"],
  ] as const)("names %j, pod %s → %s", (names, name, decision) => {
    expect(only([...names]).decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name })).decision).toBe(decision);
  });
  it("a list matches when one of its globs does", () => {
    for (const name of ["db", "web-1", "x-canary", "abz", "job-42", "x1y2"]) expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "n", name })).decision).toBe("allow");
    for (const name of ["dbx", "web", "canary", "ab", "job-4", "xy"]) expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "n", name })).decision).toBe("deny");
  });
});

describe("collections (empty name) and requests across all namespaces (empty namespace)", () => {
  const e = teamA(
    allow({ verbs: ["get", "list", "create"], resources: ["pods"], namespaces: ["team-a"], names: ["web-*"] }),
    allow({ verbs: ["list"], resources: ["configmaps"], namespaces: ["*"] }),
    allow({ verbs: ["list"], resources: ["services"], namespaces: ["team-*"] }),
    allow({ verbs: ["list", "watch"], resources: ["secrets"] }),
    deny({ verbs: ["list"], resources: ["secrets"], namespaces: ["kube-system"] }),
    allow({ verbs: ["list"], resources: ["endpoints"], namespaces: ["team-a"] }),
  );
  it("an allow restricted by names does not apply to a collection (list, or create without a name)", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name: "web-1" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", resource: "pods", namespace: "team-a" })).decision).toBe("deny");
    expect(e.decide(bob({ verb: "create", resource: "pods", namespace: "team-a" })).decision).toBe("deny");
  });
  it("`namespaces: [\"*\"]` covers requests across all namespaces; other namespace lists do not", () => {
    expect(e.decide(bob({ verb: "list", resource: "configmaps", namespace: "" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", resource: "services", namespace: "team-a" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", resource: "services", namespace: "" })).decision).toBe("deny");
  });
  it("a deny restricted by namespaces applies to a request across all namespaces: the list may hold denied objects", () => {
    expect(e.decide(bob({ verb: "list", resource: "secrets", namespace: "team-a" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "watch", resource: "secrets", namespace: "" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", resource: "secrets", namespace: "" }))).toMatchObject({ decision: "deny", matched: [{ policy: "team-a", rule: 4, effect: "deny" }] });
  });
  it("a deny restricted by names applies to a collection", () => {
    const d = teamA(allow({ verbs: ["list"], resources: ["pods"], namespaces: ["team-a"] }), deny({ verbs: ["*"], resources: ["pods"], names: ["nginx*"] }));
    expect(d.decide(bob({ verb: "list", resource: "pods", namespace: "team-a" }))).toMatchObject({ decision: "deny", matched: [{ rule: 1 }] });
  });
  it("a plain namespaced allow does not cover a list across all namespaces", () => {
    expect(e.decide(bob({ verb: "list", resource: "endpoints", namespace: "team-a" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", resource: "endpoints", namespace: "" })).decision).toBe("deny");
  });
});

describe("cluster-scoped resources (the inventory tells them apart)", () => {
  it("rules with namespaces never apply to them, allow or deny, even with namespaces: [\"*\"]", () => {
    const e = teamA(
      allow({ verbs: ["get"], resources: ["nodes", "pods"], namespaces: ["*"] }),
      allow({ verbs: ["list"], resources: ["nodes"] }),
      deny({ verbs: ["list"], resources: ["nodes"], namespaces: ["*"] }),
    );
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name: "p" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "get", resource: "nodes", name: "node-1" })).decision).toBe("deny");
    expect(e.decide(bob({ verb: "list", resource: "nodes" })).decision).toBe("allow"); // the namespaced deny does not apply
  });
  it("a rule without namespaces is cluster-wide: it covers them (and their subresources)", () => {
    const e = teamA(allow({ verbs: ["get"], resources: ["nodes", "nodes/proxy", "clusterrolebindings.rbac.authorization.k8s.io"] }));
    expect(e.decide(bob({ verb: "get", resource: "nodes", subresource: "proxy", name: "node-1" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "get", apiGroup: "rbac.authorization.k8s.io", resource: "clusterrolebindings", name: "admin" })).decision).toBe("allow");
  });
  it("a CRD the inventory does not know, asked for without a namespace: namespaced allows do not apply, namespaced denies do", () => {
    const values = [
      accessPolicy("crds", {
        subjects: [{ group: "team-a" }],
        rules: [allow({ verbs: ["list"], resources: [crd("widgets.example.com")], namespaces: ["*"] }), allow({ verbs: ["get"], resources: [crd("gadgets.example.com")] }), deny({ verbs: ["get"], resources: [crd("gadgets.example.com")], namespaces: ["kube-*"] })],
      }),
    ];
    const e = evaluator(values);
    expect(e.decide(bob({ verb: "list", apiGroup: "example.com", resource: "widgets", namespace: "team-a" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", apiGroup: "example.com", resource: "widgets" })).decision).toBe("deny");
    expect(e.decide(bob({ verb: "get", apiGroup: "example.com", resource: "gadgets", name: "g" }))).toMatchObject({ decision: "deny", matched: [{ rule: 2 }] });
    expect(e.decide(bob({ verb: "get", apiGroup: "example.com", resource: "gadgets", namespace: "team-a", name: "g" })).decision).toBe("allow");
  });
});

describe("non-resource URLs", () => {
  const e = teamA(allow({ verbs: ["*"], resources: ["*"] }), allow({ verbs: ["get"], nonResourceURLs: ["/healthz", "/logs/*", "/v?"] }));
  it("rules with resources never apply to them — not even `*` — and URL rules only to them", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "x", name: "y" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "get", nonResourceURL: "/metrics" })).decision).toBe("deny");
    expect(e.decide(bob({ verb: "get", nonResourceURL: "/logs/kubelet.log" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "get", nonResourceURL: "/v2" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "post", nonResourceURL: "/healthz" })).decision).toBe("deny");
  });
  it("a request with a non-empty nonResourceURL is a non-resource request, whatever else it names", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "x", name: "y", nonResourceURL: "/metrics" })).decision).toBe("deny");
  });
});

describe("expires: the rule applies iff now < expires", () => {
  const rules = [allow({ verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"], expires: "2026-11-24T00:00:00Z" }), allow({ verbs: ["get"], resources: ["configmaps"], namespaces: ["team-a"], expires: "2026-11-25" })];
  const at = (now: NonNullable<EvaluatorOptions["now"]>, resource: string) => evaluator([accessPolicy("team-a", { subjects: [{ group: "team-a" }], rules })], { now }).decide(bob({ verb: "get", resource, namespace: "team-a", name: "x" })).decision;
  it("a millisecond before, at, and after the instant", () => {
    expect(at(Date.parse("2026-11-23T23:59:59.999Z"), "secrets")).toBe("allow");
    expect(at(Date.parse("2026-11-24T00:00:00Z"), "secrets")).toBe("deny");
    expect(at(Date.parse("2026-11-24T00:00:00.001Z"), "secrets")).toBe("deny");
  });
  it("a date alone is midnight UTC of that day", () => {
    expect(at(new Date("2026-11-24T23:59:59Z"), "configmaps")).toBe("allow");
    expect(at(new Date("2026-11-25T00:00:00Z"), "configmaps")).toBe("deny");
  });
  it("a `now` function is read at each decision", () => {
    let clock = Date.parse("2026-11-24T23:00:00Z");
    const e = evaluator([accessPolicy("team-a", { subjects: [{ group: "team-a" }], rules })], { now: () => clock });
    const request = bob({ verb: "get", resource: "configmaps", namespace: "team-a", name: "x" });
    expect(e.decide(request).decision).toBe("allow");
    clock = Date.parse("2026-11-25T00:00:00Z");
    expect(e.decide(request).decision).toBe("deny");
  });
  it("the allow reason says until when", () => {
    const e = evaluator([accessPolicy("team-a", { subjects: [{ group: "team-a" }], rules: [allow({ verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"], expires: "2026-12-31T18:00:00Z", reason: "INC-4711 break-glass" })] })]);
    expect(e.decide(bob({ verb: "get", resource: "secrets", namespace: "team-a", name: "db" })).reason).toBe(
      "allowed by rule 0 of AccessPolicy `team-a`, which allows get on secrets in namespaces team-a until 2026-12-31T18:00:00.000Z (INC-4711 break-glass), and no deny rule matches",
    );
  });
});

describe("subjects: users, groups and ServiceAccounts", () => {
  const get = { verb: "get", resource: "pods", namespace: "x", name: "y" };
  const e = evaluator([
    accessPolicy("by-user", { subjects: [{ user: "alice" }], rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["x"] })] }),
    accessPolicy("by-sa", { subjects: [{ serviceAccount: "ci/deployer" }], rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["x"] })] }),
    accessPolicy("all-sa", { subjects: [{ group: "system:serviceaccounts" }], rules: [allow({ verbs: ["list"], resources: ["pods"], namespaces: ["*"] })] }),
    accessPolicy("ns-sa", { subjects: [{ group: "system:serviceaccounts:build" }], rules: [allow({ verbs: ["watch"], resources: ["pods"], namespaces: ["*"] })] }),
  ]);
  it("a user subject matches the user name only", () => {
    expect(e.decide({ user: "alice", ...get }).decision).toBe("allow");
    expect(e.decide({ user: "alicia", groups: ["alice"], ...get }).decision).toBe("deny");
  });
  it("a ServiceAccount subject matches its username system:serviceaccount:<ns>:<name>", () => {
    expect(e.decide({ user: "system:serviceaccount:ci:deployer", ...get })).toMatchObject({ decision: "allow", matched: [{ policy: "by-sa" }] });
    expect(e.decide({ user: "system:serviceaccount:ci:other", ...get }).decision).toBe("deny");
  });
  it("a ServiceAccount is in system:serviceaccounts and system:serviceaccounts:<ns> even when the request does not list them", () => {
    expect(e.decide({ user: "system:serviceaccount:build:bot", verb: "list", resource: "pods" })).toMatchObject({ decision: "allow", matched: [{ policy: "all-sa" }] });
    expect(e.decide({ user: "system:serviceaccount:build:bot", verb: "watch", resource: "pods" })).toMatchObject({ decision: "allow", matched: [{ policy: "ns-sa" }] });
    expect(e.decide({ user: "system:serviceaccount:ci:bot", verb: "watch", resource: "pods" }).decision).toBe("deny");
    expect(e.decide({ user: "bob", groups: ["system:serviceaccounts:build"], verb: "watch", resource: "pods" }).decision).toBe("allow");
  });
  it.each(["system:serviceaccount:build", "system:serviceaccount:build:", "system:serviceaccount::bot", "system:serviceaccount:build:a:b"])(
    "a malformed ServiceAccount username %j implies no group",
    (user) => {
      expect(e.decide({ user, verb: "list", resource: "pods" }).decision).toBe("deny");
      expect(e.decide({ user, verb: "watch", resource: "pods" }).decision).toBe("deny");
    },
  );
});

describe("deny overrides, default deny, and what decide reports", () => {
  const e = evaluator([
    accessPolicy("readers", { subjects: [{ group: "team-a" }], rules: [allow({ verbs: ["get", "list"], resources: ["pods"], namespaces: ["*"] }), allow({ verbs: ["get"], resources: ["pods"], namespaces: ["team-a"] })] }),
    accessPolicy("guard", { subjects: [{ group: "team-a" }], rules: [deny({ verbs: ["get"], resources: ["pods"], namespaces: ["kube-*"] }), deny({ verbs: ["*"], resources: ["pods"], namespaces: ["kube-system"] })] }),
  ]);
  it("a matching deny of another policy wins over allows", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "kube-system", name: "etcd" }))).toMatchObject({ decision: "deny", matched: [{ policy: "guard", rule: 0, effect: "deny" }] });
  });
  it("decide reports only the deciding rule: the first matching deny, else the first matching allow (0-based index)", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name: "web" })).matched).toEqual([{ policy: "readers", rule: 0, effect: "allow" }]);
  });
  it("explain lists every applicable rule in policy order", () => {
    expect(e.explain(bob({ verb: "get", resource: "pods", namespace: "kube-system", name: "etcd" })).applicable).toEqual([
      { policy: "readers", rule: 0, effect: "allow" },
      { policy: "guard", rule: 0, effect: "deny" },
      { policy: "guard", rule: 1, effect: "deny" },
    ]);
  });
  it("no matching rule is a default deny, with a one-sentence reason", () => {
    expect(e.decide({ user: "eve", verb: "get", resource: "pods", namespace: "team-a", name: "x" })).toEqual({
      decision: "deny",
      matched: [],
      reason: "denied by default: no allow rule of a policy whose subjects and clusters match applies to this request",
    });
  });
  it("the reason names the policy, the rule and what it covers", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name: "web" })).reason).toBe(
      "allowed by rule 0 of AccessPolicy `readers`, which allows get, list on pods in every namespace, and no deny rule matches",
    );
    expect(e.decide(bob({ verb: "delete", resource: "pods", namespace: "kube-system", name: "etcd" })).reason).toBe(
      "denied by rule 1 of AccessPolicy `guard`, which denies every verb on pods in namespaces kube-system; a matching deny always wins",
    );
  });
});

describe("clusters: tag selectors and the request's cluster", () => {
  const values = [
    cluster("prod-eu", { tags: { env: "prod", region: "eu" } }),
    cluster("prod-us", { tags: { env: "prod", region: "us" } }),
    cluster("dev", {}),
    accessPolicy("prod-eu-only", { subjects: [{ user: "alice" }], clusters: { env: "prod", region: "eu" }, rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["*"] })] }),
    accessPolicy("everywhere", { subjects: [{ user: "alice" }], rules: [allow({ verbs: ["list"], resources: ["pods"], namespaces: ["*"] })] }),
  ];
  const get = (cluster?: string): AccessRequest => ({ user: "alice", verb: "get", resource: "pods", namespace: "x", name: "y", ...(cluster === undefined ? {} : { cluster }) });
  it("a policy applies iff every tag of its selector matches the cluster's tags", () => {
    const e = evaluator(values, { cluster: "prod-eu" });
    expect(e.decide(get()).decision).toBe("allow");
    expect(e.decide(get("prod-us")).decision).toBe("deny");
    expect(e.decide(get("dev")).decision).toBe("deny");
  });
  it("a policy without a selector applies in every cluster", () => {
    const e = evaluator(values, { cluster: "prod-eu" });
    for (const c of ["prod-eu", "prod-us", "dev"]) expect(e.decide({ ...get(c), verb: "list" }).decision).toBe("allow");
  });
  it("a request without a cluster uses the evaluator's default; with one Cluster document, that one", () => {
    expect(evaluator(values, { cluster: "prod-us" }).decide(get()).decision).toBe("deny");
    expect(evaluator([values[0], values[3]]).decide(get()).decision).toBe("allow");
  });
  it("takes the resolved cluster as compilers do: a ClusterIR from resolveCluster, used as given", () => {
    const documents = loadDocuments(values).documents;
    const [prodUs] = resolveCluster(documents, { name: "prod-us" }).clusters;
    expect(createEvaluator(documents, { cluster: prodUs!, now: NOW }).decide(get()).decision).toBe("deny");
    // Its tags select the policies even when no Cluster document of that name has them.
    const retagged = { ...prodUs!, tags: { env: "prod", region: "eu" } };
    const e = createEvaluator(documents, { cluster: retagged, now: NOW });
    expect(e.decide(get()).decision).toBe("allow");
    expect(e.decide(get("prod-us")).decision).toBe("allow");
    expect(e.clusters).toEqual(["prod-eu", "prod-us", "dev"]);
  });
  it("an unknown cluster is a deny that names the known ones", () => {
    expect(evaluator(values, { cluster: "prod-eu" }).decide(get("staging"))).toEqual({
      decision: "deny",
      matched: [],
      reason: "denied: unknown cluster `staging`; known clusters are `prod-eu`, `prod-us`, `dev`",
    });
  });
  it("without Cluster documents there is one implicit cluster, `default`, with no tags", () => {
    const e = evaluator([values[3], values[4]]);
    expect(e.clusters).toEqual(["default"]);
    expect(e.decide({ ...get(), verb: "list" }).decision).toBe("allow");
    expect(e.decide(get()).decision).toBe("deny"); // the selector needs tags `default` does not have
    expect(e.decide({ ...get("prod-eu"), verb: "list" }).decision).toBe("deny");
  });
});
