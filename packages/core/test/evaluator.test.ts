import { describe, expect, it } from "vitest";
import { accessPolicy, allow, cluster, createEvaluator, deny, loadDocuments, type AccessRequest } from "@rampart/core";

const NOW = new Date("2026-11-24T00:00:00Z");
function evaluator(values: unknown[], cluster = "default") {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return createEvaluator(documents, { cluster, now: NOW });
}
const bob = (r: Omit<AccessRequest, "user" | "groups">): AccessRequest => ({ user: "bob", groups: ["team-a"], ...r });

describe("access semantics of SPEC.md", () => {
  const e = evaluator([
    accessPolicy("team-a", {
      subjects: [{ group: "team-a" }, { serviceAccount: "ci/deployer" }],
      rules: [
        allow({ verbs: ["get", "list", "watch"], resources: ["pods", "pods/log", "deployments.apps", "nodes"], namespaces: ["team-a", "team-a-*"] }),
        deny({ verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] }),
        allow({ verbs: ["list"], resources: ["configmaps"], namespaces: ["*"] }),
        allow({ verbs: ["get"], nonResourceURLs: ["/healthz", "/metrics*"] }),
        allow({ verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"], expires: "2026-11-24T00:00:00Z" }),
      ],
    }),
  ]);

  it("everything except nginx*: a matching deny wins, others are allowed", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name: "nginx-1" })).decision).toBe("deny");
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "team-a-dev", name: "web-1" })).decision).toBe("allow");
  });

  it("a deny by name applies to collections: listing must not bypass it", () => {
    const d = e.decide(bob({ verb: "list", resource: "pods", namespace: "team-a" }));
    expect(d).toMatchObject({ decision: "deny", matched: [{ policy: "team-a", rule: 1, effect: "deny" }] });
  });

  it("`namespaces: [\"*\"]` covers requests across all namespaces; other namespace lists do not", () => {
    expect(e.decide(bob({ verb: "list", resource: "configmaps", namespace: "" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", apiGroup: "apps", resource: "deployments", namespace: "" })).decision).toBe("deny");
  });

  it("rules with namespaces never apply to cluster-scoped resources", () => {
    expect(e.decide(bob({ verb: "get", resource: "nodes", name: "node-1" })).decision).toBe("deny");
  });

  it("`pods` is not `pods/exec`; `pods/log` is its own subresource", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", subresource: "log", namespace: "team-a", name: "web" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "get", resource: "pods", subresource: "exec", namespace: "team-a", name: "web" })).decision).toBe("deny");
  });

  it("ServiceAccounts match by username; non-resource URLs by glob", () => {
    expect(e.decide({ user: "system:serviceaccount:ci:deployer", verb: "get", nonResourceURL: "/metrics/cadvisor" }).decision).toBe("allow");
    expect(e.decide({ user: "system:serviceaccount:ci:other", verb: "get", nonResourceURL: "/healthz" }).decision).toBe("deny");
  });

  it("expires is exclusive: at the instant of expiry the rule no longer applies", () => {
    expect(e.decide(bob({ verb: "get", resource: "secrets", namespace: "team-a", name: "db" })).decision).toBe("deny");
  });

  it("no matching rule is a default deny, with a one-sentence reason", () => {
    const d = e.decide({ user: "eve", verb: "get", resource: "pods", namespace: "team-a", name: "x" });
    expect(d).toEqual({ decision: "deny", matched: [], reason: "denied by default: no allow rule of a policy whose subjects and clusters match applies to this request" });
  });

  it("the reason names the policy, the rule and what it covers", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name: "web" })).reason).toBe(
      "allowed by rule 0 of AccessPolicy `team-a`, which allows get, list, watch on pods, pods/log, deployments.apps, nodes in namespaces team-a, team-a-*, and no deny rule matches",
    );
  });

  it("explain lists every applicable rule", () => {
    expect(e.explain(bob({ verb: "list", resource: "pods", namespace: "team-a" })).applicable.map((m) => m.rule)).toEqual([0, 1]);
  });
});

describe("clusters and ServiceAccount groups", () => {
  const values = [
    cluster("prod", { tags: { env: "prod" } }),
    cluster("dev", { tags: { env: "dev" } }),
    accessPolicy("prod-only", { subjects: [{ group: "system:serviceaccounts:ci" }], clusters: { env: "prod" }, rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["*"] })] }),
    accessPolicy("everywhere", { subjects: [{ user: "alice" }], rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["*"] })] }),
  ];

  it("a policy applies only in clusters its tag selector selects; requests may name the cluster", () => {
    const e = evaluator(values, "prod");
    const sa = { user: "system:serviceaccount:ci:builder", verb: "get", resource: "pods", namespace: "x", name: "y" };
    expect(e.decide(sa).decision).toBe("allow"); // implied group system:serviceaccounts:ci
    expect(e.decide({ ...sa, cluster: "dev" }).decision).toBe("deny");
    expect(e.decide({ user: "alice", verb: "get", resource: "pods", namespace: "x", name: "y", cluster: "dev" }).decision).toBe("allow");
    expect(e.decide({ ...sa, cluster: "staging" }).reason).toBe("denied: unknown cluster `staging`; known clusters are `prod`, `dev`");
  });
});
