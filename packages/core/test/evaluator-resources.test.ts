import { describe, expect, it } from "vitest";
import { allow, crd } from "@rampart/core";
import { bob, teamA } from "./evaluator-examples.js";

// The evaluator on examples: resources, verbs, and namespace and name globs of every shape the index compiles.

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
    const e = teamA(
      allow({ verbs: ["*"], resources: ["configmaps"], namespaces: ["team-a"] }),
      allow({ verbs: ["get", "watch"], resources: ["secrets"], namespaces: ["team-a"] }),
    );
    for (const verb of ["get", "delete", "escalate", "frobnicate"])
      expect(e.decide(bob({ verb, resource: "configmaps", namespace: "team-a", name: "c" })).decision).toBe("allow");
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
    [["db"], "db", "allow"],
    [["db"], "db2", "deny"],
    [["db"], "d", "deny"],
    [["web-*"], "web-", "allow"],
    [["web-*"], "web", "deny"],
    [["*-canary"], "api-canary", "allow"],
    [["*-canary"], "-canary", "allow"],
    [["*-canary"], "canary", "deny"],
    [["a*z"], "az", "allow"],
    [["a*z"], "abcz", "allow"],
    [["a*z"], "a", "deny"],
    [["a*z"], "za", "deny"],
    [["aza*zaz"], "azaz", "deny"], // prefix and suffix must not overlap
    [["job-??"], "job-12", "allow"],
    [["job-??"], "job-1", "deny"],
    [["job-??"], "job-123", "deny"],
    [["x?y*"], "xay", "allow"],
    [["x?y*"], "xaybb", "allow"],
    [["x?y*"], "xy", "deny"],
    [["**"], "", "deny"], // a collection: an allow restricted by names does not apply
    [["**"], "anything", "allow"],
  ] as const)("names %j, pod %s → %s", (names, name, decision) => {
    expect(only([...names]).decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name })).decision).toBe(decision);
  });
  it("a list matches when one of its globs does", () => {
    for (const name of ["db", "web-1", "x-canary", "abz", "job-42", "x1y2"])
      expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "n", name })).decision).toBe("allow");
    for (const name of ["dbx", "web", "canary", "ab", "job-4", "xy"])
      expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "n", name })).decision).toBe("deny");
  });
});
