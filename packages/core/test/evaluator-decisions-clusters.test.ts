import { describe, expect, it } from "vitest";
import { accessPolicy, allow, cluster, createEvaluator, deny, loadDocuments, resolveCluster, type AccessRequest } from "@rampart/core";
import { NOW, evaluator, bob } from "./evaluator-examples.js";

// The evaluator on examples: deny overrides, default deny, what decide and explain report, and cluster selection.

describe("deny overrides, default deny, and what decide reports", () => {
  const e = evaluator([
    accessPolicy("readers", {
      subjects: [{ group: "team-a" }],
      rules: [
        allow({ verbs: ["get", "list"], resources: ["pods"], namespaces: ["*"] }),
        allow({ verbs: ["get"], resources: ["pods"], namespaces: ["team-a"] }),
      ],
    }),
    accessPolicy("guard", {
      subjects: [{ group: "team-a" }],
      rules: [deny({ verbs: ["get"], resources: ["pods"], namespaces: ["kube-*"] }), deny({ verbs: ["*"], resources: ["pods"], namespaces: ["kube-system"] })],
    }),
  ]);
  it("a matching deny of another policy wins over allows", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "kube-system", name: "etcd" }))).toMatchObject({
      decision: "deny",
      matched: [{ policy: "guard", rule: 0, effect: "deny" }],
    });
  });
  it("decide reports only the deciding rule: the first matching deny, else the first matching allow (0-based index)", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name: "web" })).matched).toEqual([
      { policy: "readers", rule: 0, effect: "allow" },
    ]);
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
    accessPolicy("prod-eu-only", {
      subjects: [{ user: "alice" }],
      clusters: { env: "prod", region: "eu" },
      rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["*"] })],
    }),
    accessPolicy("everywhere", { subjects: [{ user: "alice" }], rules: [allow({ verbs: ["list"], resources: ["pods"], namespaces: ["*"] })] }),
  ];
  const get = (cluster?: string): AccessRequest => ({
    user: "alice",
    verb: "get",
    resource: "pods",
    namespace: "x",
    name: "y",
    ...(cluster === undefined ? {} : { cluster }),
  });
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

// Found by mutation testing (a default of "" instead of `default` survived): with several Clusters and
// no `cluster` option, a request that names no cluster is judged for the unknown cluster `default`.
describe("the default cluster with several Clusters and no option", () => {
  it("is `default`, unknown: a deny that names it and the known clusters", () => {
    const e = evaluator([
      accessPolicy("p", { subjects: [{ user: "alice" }], rules: [allow({ verbs: ["get"], resources: ["pods"] })] }),
      cluster("prod", {}),
      cluster("dev", {}),
    ]);
    const request = { user: "alice", verb: "get", resource: "pods", namespace: "a", name: "x" };
    expect(e.decide(request)).toEqual({ decision: "deny", matched: [], reason: "denied: unknown cluster `default`; known clusters are `prod`, `dev`" });
    expect(e.decide({ ...request, cluster: "dev" }).decision).toBe("allow");
  });
});
