import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint, loadDocuments, loadManifests, whoCan, accessPolicy, allow, deny } from "@rampart/core";

const rbac = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: risky }
rules:
  - { apiGroups: [""], resources: [secrets], verbs: [get, list] }
  - { apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind, escalate] }
  - { apiGroups: [""], resources: [users, groups], verbs: [impersonate] }
  - { apiGroups: [""], resources: [pods/exec], verbs: [create] }
  - { apiGroups: [""], resources: [nodes/proxy], verbs: [get] }
  - { apiGroups: [""], resources: [serviceaccounts/token], verbs: [create] }
  - { apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update] }
  - { apiGroups: [admissionregistration.k8s.io], resources: [validatingwebhookconfigurations], verbs: [delete] }
  - { apiGroups: ["*"], resources: ["*"], verbs: ["*"] }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: risky }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: risky }
subjects: [{ kind: Group, name: ops, apiGroup: rbac.authorization.k8s.io }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: ci-admin }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects: [{ kind: ServiceAccount, name: deployer, namespace: ci }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: reader, namespace: team-a }
rules:
  - { apiGroups: [""], resources: [secrets], verbs: [get] }
  - { apiGroups: [apps], resources: [deployments], verbs: [create] }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: reader, namespace: team-a }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader }
subjects: [{ kind: User, name: alice, apiGroup: rbac.authorization.k8s.io }]
`;

async function manifests() {
  const dir = mkdtempSync(join(tmpdir(), "rampart-lint-"));
  writeFileSync(join(dir, "rbac.yaml"), rbac);
  return (await loadManifests(["rbac.yaml"], { cwd: dir })).manifests;
}

describe("lint on RBAC manifests", () => {
  it("finds every escalation path of the good-practices list, naming object, rule and subjects", async () => {
    const findings = lint([], await manifests(), { now: new Date("2026-11-24T00:00:00Z") });
    const ids = (object: string, rule: number) =>
      findings
        .filter((f) => f.object === object && f.rule === rule)
        .map((f) => f.code)
        .sort();
    expect(ids("ClusterRole/risky", 0)).toEqual(["cluster-wide", "secrets-read-cluster"]);
    expect(ids("ClusterRole/risky", 1)).toEqual(["bind", "escalate"]);
    expect(ids("ClusterRole/risky", 2)).toEqual(["impersonate"]);
    expect(ids("ClusterRole/risky", 3)).toEqual(["cluster-wide", "exec-cluster"]);
    expect(ids("ClusterRole/risky", 4)).toEqual(["nodes-proxy"]);
    expect(ids("ClusterRole/risky", 5)).toEqual(["cluster-wide", "serviceaccount-token-cluster"]);
    expect(ids("ClusterRole/risky", 6)).toEqual(["csr-approval"]);
    expect(ids("ClusterRole/risky", 7)).toEqual(["admission-write"]);
    expect(ids("ClusterRole/risky", 8)).toContain("wildcard-verb");
    expect(ids("ClusterRole/risky", 8)).toContain("wildcard-group");
    expect(ids("ClusterRole/cluster-admin", 0)).toContain("cluster-admin-serviceaccount");
    expect(ids("Role/team-a/reader", 0)).toEqual(["secrets-read-namespace"]);
    expect(ids("Role/team-a/reader", 1)).toEqual(["workload-create"]);
    const bind = findings.find((f) => f.code === "bind")!;
    expect(bind).toMatchObject({ severity: "error", file: "rbac.yaml", line: 6, column: 5, subjects: ["Group ops"] });
    expect(bind.message).toBe(
      "group `ops` can `bind` roles cluster-wide (rule 1 of ClusterRole `risky`, bound by ClusterRoleBinding `risky`): the holder can bind any role, including cluster-admin, to itself",
    );
  });
});

describe("lint on AccessPolicies", () => {
  const docs = loadDocuments([
    accessPolicy("ops", {
      subjects: [{ group: "ops" }],
      rules: [
        allow({ verbs: ["get", "list"], resources: ["secrets"], namespaces: ["*"] }),
        allow({ verbs: ["get"], resources: ["pods"], namespaces: ["team-a"], expires: "2026-11-30T00:00:00Z" }),
        allow({ verbs: ["get"], resources: ["configmaps"], namespaces: ["team-b"] }),
        deny({ verbs: ["*"], resources: ["configmaps"], namespaces: ["*"] }),
      ],
    }),
    accessPolicy("safe", {
      subjects: [{ group: "safe" }],
      rules: [allow({ verbs: ["get", "list"], resources: ["secrets"], namespaces: ["*"] }), deny({ verbs: ["*"], resources: ["secrets"], namespaces: ["*"] })],
    }),
  ]).documents;
  const findings = lint(docs, [], { now: new Date("2026-11-24T00:00:00Z") });
  const codes = (object: string, rule: number) =>
    findings
      .filter((f) => f.object === object && f.rule === rule)
      .map((f) => f.code)
      .sort();

  it("reports reading secrets everywhere, expiring and unused rules", () => {
    expect(codes("AccessPolicy/ops", 0)).toEqual(["secrets-read-cluster"]);
    expect(codes("AccessPolicy/ops", 1)).toEqual(["expiring"]);
    expect(codes("AccessPolicy/ops", 2)).toEqual(["unused-rule"]);
  });

  it("takes denies into account: a denied grant is no finding", () => {
    expect(codes("AccessPolicy/safe", 0)).toEqual(["unused-rule"]);
  });

  it("who-can lists the named subjects allowed, with the rule", () => {
    expect(
      whoCan(docs, { verb: "list", resource: "secrets", namespace: "" }).map((e) => `${e.subject.kind} ${e.subject.name} ${e.rule.policy}#${e.rule.rule}`),
    ).toEqual(["Group ops ops#0"]);
  });
});
