import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createEvaluator, loadDocuments } from "@rampart/core";
import { formatLearnSummary, learnFromAuditLogs, policyDocument, readAuditLog } from "@rampart/pipeline";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateAuditLog } from "./audit-generator.js";
import { deniedCount, probes, tempDir, writeLog } from "./learn-helpers.js";

const RBAC = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: deployer, namespace: team-0 }
rules:
  - apiGroups: [apps]
    resources: [deployments]
    verbs: [get, list, watch, create, update, patch, delete]
  - apiGroups: [""]
    resources: [pods]
    verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: deployer, namespace: team-0 }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer }
subjects: [{ kind: ServiceAccount, name: deployer, namespace: ci }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: node-reader }
rules:
  - apiGroups: [""]
    resources: [nodes]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: alice-nodes }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader }
subjects: [{ kind: User, name: alice@example.com }]
`;

describe("least-privilege gap against current RBAC", () => {
  it("counts, per subject, the granted cells the log never used, and lists them grouped", async () => {
    const { lines } = generateAuditLog({ seed: 1, requests: 2000 });
    const dir = tempDir();
    writeFileSync(join(dir, "rbac.yaml"), RBAC);
    const r = await learnFromAuditLogs([writeLog(lines)], { rbacFiles: [join(dir, "rbac.yaml")] });
    const gap = Object.fromEntries(r.summary.gap!.map((g) => [g.policy, g]));
    // team-0: 7 deployment verbs + 2 pod verbs granted; the deployer used get, patch, create (deployments) and list (pods).
    expect(gap["sa-ci-deployer"]).toEqual({
      subject: "ServiceAccount ci/deployer",
      policy: "sa-ci-deployer",
      granted: 9,
      used: 4,
      unused: 5,
      unusedGrants: [
        { verbs: ["delete", "list", "update", "watch"], resources: ["deployments.apps"], namespaces: ["team-0"] },
        { verbs: ["get"], resources: ["pods"], namespaces: ["team-0"] },
      ],
    });
    // nodes get/list/watch granted cluster-wide; alice only read nodes by name — asked without a name, the get cell is unused too.
    expect(gap["user-alice-example-com"]).toMatchObject({ granted: 3, used: 1, unused: 2, unusedGrants: [{ verbs: ["list", "watch"], resources: ["nodes"] }] });
    expect(gap["user-bob"]).toMatchObject({ granted: 0, used: 0, unused: 0, unusedGrants: [] });
    expect(formatLearnSummary(r.summary).filter((l) => l.includes("deployer"))).toEqual([
      "ServiceAccount ci/deployer (sa-ci-deployer): RBAC grants 9, the log used 4, unused 5",
    ]);
  });
});

describe("property: any synthetic log replays exactly and its neighbours stay denied", () => {
  it("holds for random seeds, sizes and team counts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 1, max: 4 }),
        async (seed, requests, teams) => {
          const { lines, stats } = generateAuditLog({ seed, requests, teams });
          const log = writeLog(lines);
          const r = await learnFromAuditLogs([log]);
          expect(r.summary.replay).toMatchObject({
            kept: stats.allowed,
            keptAllowed: stats.allowed,
            forbidden: stats.forbidden,
            forbiddenDenied: stats.forbidden,
            failures: [],
          });
          const { documents, diagnostics } = loadDocuments(r.policies.map(policyDocument));
          expect(diagnostics).toEqual([]);
          const near = probes((await readAuditLog([log])).records, (x) => x.user);
          expect(near.length).toBeGreaterThanOrEqual(1); // floor: every log has allowed requests with a neighbour
          expect(deniedCount(createEvaluator(documents), near)).toBe(near.length);
        },
      ),
      { numRuns: 25 },
    );
  });
});
