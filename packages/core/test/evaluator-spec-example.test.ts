import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEvaluator, loadFiles, type AccessRequest } from "@rampart/core";
import { NOW, bob } from "./evaluator-examples.js";

// The evaluator on examples: the example AccessPolicy of SPEC.md (loaded from YAML), decided request by request.

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
    [
      "a user subject reads pod logs",
      { user: "alice@example.com", verb: "get", resource: "pods", subresource: "log", namespace: "team-a", name: "web-1" },
      "allow",
      0,
    ],
    [
      "the ServiceAccount, by its username, lists jobs (`*.batch`)",
      { user: "system:serviceaccount:ci:deployer", verb: "list", apiGroup: "batch", resource: "jobs", namespace: "team-a" },
      "allow",
      0,
    ],
    ["every pod except those named nginx*", bob({ verb: "get", resource: "pods", namespace: "team-a", name: "nginx-7" }), "deny", 1],
    ["listing pods must not bypass the deny by name", bob({ verb: "list", resource: "pods", namespace: "team-a" }), "deny", 1],
    [
      "deployments can be read but not deleted",
      bob({ verb: "delete", apiGroup: "apps", resource: "deployments", namespace: "team-a", name: "api" }),
      "deny",
      undefined,
    ],
    ["another namespace is out of reach", bob({ verb: "get", resource: "pods", namespace: "team-b", name: "web-1" }), "deny", undefined],
    ["non-resource URL globs", { user: "alice@example.com", verb: "get", nonResourceURL: "/metrics/cadvisor" }, "allow", 2],
    ["a URL no rule lists", { user: "alice@example.com", verb: "get", nonResourceURL: "/debug/pprof" }, "deny", undefined],
    ["temporary access before it expires", bob({ verb: "get", resource: "secrets", namespace: "team-a", name: "db" }), "allow", 3],
    [
      "the same in a cluster the policy does not select",
      bob({ verb: "get", resource: "secrets", namespace: "team-a", name: "db", cluster: "prod-eu" }),
      "deny",
      undefined,
    ],
    [
      "a subject the policy does not name",
      { user: "eve", groups: ["team-b"], verb: "get", resource: "pods", namespace: "team-a", name: "web-1" },
      "deny",
      undefined,
    ],
  ];
  it.each(cases)("%s", (_, request, decision, rule) => {
    const d = e.decide(request);
    expect(d.decision).toBe(decision);
    expect(d.matched).toEqual(rule === undefined ? [] : [{ policy: "team-a", rule, effect: decision }]);
  });

  it("temporary access stops at the instant it expires", () => {
    const at = (now: string) =>
      createEvaluator(documents, { cluster: "dev-eu", now: new Date(now) }).decide(bob({ verb: "get", resource: "secrets", namespace: "team-a", name: "db" }))
        .decision;
    expect(at("2026-12-31T17:59:59.999Z")).toBe("allow");
    expect(at("2026-12-31T18:00:00Z")).toBe("deny");
  });
});
