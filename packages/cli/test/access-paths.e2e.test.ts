import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { rampart } from "./run-cli.js";

const EXAMPLE = join(REPO_ROOT, "examples/platform/policies");

describe("who-can and lint show indirect paths (built binary)", () => {
  it("who-can get secrets: direct and indirect subjects, JSON and text", () => {
    const json = rampart(["who-can", "get", "secrets", EXAMPLE, "-n", "payments", "--name", "db", "--cluster", "prod", "-o", "json"]);
    expect(json.code).toBe(0);
    const path = ["create deployments.apps", "runs pods as any ServiceAccount of the namespace", "mounts any secret of the namespace"];
    expect(
      JSON.parse(json.stdout).subjects.map((e: { subject: unknown; rule: unknown; indirect?: boolean; path?: string[] }) => [
        e.subject,
        e.rule,
        e.indirect,
        e.path,
      ]),
    ).toEqual([
      [{ kind: "Group", name: "payments" }, { policy: "payments", rule: 1, effect: "allow" }, true, path],
      [{ kind: "ServiceAccount", name: "deployer", namespace: "payments" }, { policy: "payments", rule: 1, effect: "allow" }, true, path],
      [{ kind: "User", name: "oncall@example.com" }, { policy: "break-glass", rule: 0, effect: "allow" }, undefined, undefined],
    ]);
    const text = rampart(["who-can", "get", "secrets", EXAMPLE, "-n", "payments", "--name", "db", "--cluster", "prod"]);
    expect(text.stdout.split("\n").filter(Boolean)).toEqual([
      `${"Group payments".padEnd(40)} indirect: ${path.join(" → ")} (payments rule 1)`,
      `${"ServiceAccount payments/deployer".padEnd(40)} indirect: ${path.join(" → ")} (payments rule 1)`,
      `${"User oncall@example.com".padEnd(40)} break-glass rule 0`,
    ]);
  });

  it("lint: a new error-level finding in RBAC is exit 1; the example's deny bypasses are warnings", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-e2e-"));
    writeFileSync(
      join(dir, "rbac.yaml"),
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: pv }\nrules:\n  - { apiGroups: [""], resources: [persistentvolumes], verbs: [create] }\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: pv }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pv }\nsubjects: [{ kind: Group, name: dev, apiGroup: rbac.authorization.k8s.io }]\n',
    );
    const bad = rampart(["lint", "rbac.yaml"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout.trim()).toBe(
      "rbac.yaml:5:5: error: group `dev` can create persistentvolumes cluster-wide (rule 0 of ClusterRole `pv`, bound by ClusterRoleBinding `pv`): a hostPath volume reaches the node's filesystem (let an administrator or a StorageClass provisioner create persistentvolumes; grant `create persistentvolumeclaims` in the team's namespaces instead) [persistentvolume-create]",
    );
    const example = rampart(["lint", EXAMPLE, "--at", "2026-11-24T00:00:00Z", "-o", "json"]);
    expect(example.code).toBe(0);
    const findings = JSON.parse(example.stdout).findings as { code: string; severity: string; subjects: string[]; line: number }[];
    expect(findings.filter((f) => f.code === "deny-bypass").map((f) => [f.severity, f.line, f.subjects])).toEqual([
      ["warning", 26, ["Group payments"]],
      ["warning", 26, ["ServiceAccount payments/deployer"]],
      ["warning", 45, ["Group search"]],
    ]);
  });
});
