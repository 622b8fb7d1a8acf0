import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lint, loadFiles, loadManifests, type Finding } from "@rampart/core";

const dir = resolve(__dirname, "fixtures/lint");
const now = new Date("2026-11-24T00:00:00Z");
const show = (f: Finding) => `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.code}] ${f.message}`;
const SHOW_ALL = process.env.SHOW_LINT === "1";

async function lintFile(file: string): Promise<Finding[]> {
  const policies = await loadFiles([file], { cwd: dir, skipForeign: true });
  const manifests = await loadManifests([file], { cwd: dir });
  expect([...policies.diagnostics, ...manifests.diagnostics]).toEqual([]);
  const rbac = manifests.manifests.filter((m) => String(m.value.apiVersion ?? "").startsWith("rbac.authorization.k8s.io/"));
  const findings = lint(policies.documents, rbac, { now });
  if (SHOW_ALL) console.log(JSON.stringify(findings.map(show), null, 2));
  return findings;
}

describe("lint corpus: every new finding fires, in AccessPolicies and in RBAC manifests", () => {
  it("the four new cluster-wide escalations, and a namespaced wildcard that holds none of them", async () => {
    expect((await lintFile("escalations.yaml")).map(show)).toEqual([
      "escalations.yaml:8:7: error [persistentvolume-create] group `storage` can create persistentvolumes cluster-wide (rule 0 of AccessPolicy `storage`): a hostPath volume reaches the node's filesystem",
      "escalations.yaml:18:7: error [ephemeral-containers-cluster] group `debug` can add ephemeral containers to pods in every namespace (rule 0 of AccessPolicy `debug`): an ephemeral container runs any command in the pod, as good as exec",
      "escalations.yaml:29:7: error [namespace-write-cluster] user `ann` and group `platform` can change namespaces cluster-wide (rule 0 of AccessPolicy `platform`): their labels select Pod Security levels and NetworkPolicies",
      "escalations.yaml:39:7: error [nodes-write] ServiceAccount `ops/labeller` can update or patch nodes cluster-wide (rule 0 of AccessPolicy `nodeops`): labels and taints steer workloads onto the nodes the holder chooses",
      "escalations.yaml:50:7: error [bind] group `team-a-admins` can `bind` roles in namespace `team-a` (rule 0 of AccessPolicy `team-admin`): the holder can bind any role, including cluster-admin, to itself",
      "escalations.yaml:50:7: error [escalate] group `team-a-admins` can `escalate` roles in namespace `team-a` (rule 0 of AccessPolicy `team-admin`): the holder can grant itself any permission",
      "escalations.yaml:50:7: warning [exec] group `team-a-admins` can use `pods/exec`, `pods/attach` and `pods/portforward` in namespace `team-a` (rule 0 of AccessPolicy `team-admin`): exec, attach and port-forward reach into running pods, which hold their ServiceAccount token and mounted secrets",
      "escalations.yaml:50:7: error [impersonate] group `team-a-admins` can impersonate `serviceaccounts` in namespace `team-a` (rule 0 of AccessPolicy `team-admin`): the holder acts with their permissions",
      "escalations.yaml:50:7: warning [rbac-write] group `team-a-admins` can create or change `roles.rbac.authorization.k8s.io` and `rolebindings.rbac.authorization.k8s.io` in namespace `team-a` (rule 0 of AccessPolicy `team-admin`): the holder can pass its permissions on",
      "escalations.yaml:50:7: warning [secrets-read-namespace] group `team-a-admins` can read every secret in namespace `team-a` (rule 0 of AccessPolicy `team-admin`): no `names` limit it to the secrets the subject needs",
      "escalations.yaml:50:7: error [wildcard-group] group `team-a-admins` can use resources of every API group (`*`) in namespace `team-a` (rule 0 of AccessPolicy `team-admin`): API groups added later, such as those of new CRDs, are granted too",
      "escalations.yaml:50:7: error [wildcard-resource] group `team-a-admins` can use every resource (`*`) of every API group in namespace `team-a` (rule 0 of AccessPolicy `team-admin`): a resource added later must not be granted by accident",
      "escalations.yaml:50:7: error [wildcard-verb] group `team-a-admins` can use every verb (`*`) in namespace `team-a` (rule 0 of AccessPolicy `team-admin`): verbs added later, such as `escalate` or `impersonate` on new resources, are granted too",
      "escalations.yaml:50:7: warning [workload-create] group `team-a-admins` can create `pods`, `replicationcontrollers`, `deployments.apps`, `statefulsets.apps`, `daemonsets.apps`, `replicasets.apps`, `jobs.batch` and `cronjobs.batch` in namespace `team-a` (rule 0 of AccessPolicy `team-admin`): the pods can run as any ServiceAccount of the namespace and mount any of its secrets",
      "escalations.yaml:62:7: warning [unused-rule] rule 0 of AccessPolicy `taken-back` allows group `almost` nothing: every request it covers is denied or matches no namespace",
      "escalations.yaml:66:7: warning [unused-rule] rule 1 of AccessPolicy `taken-back` allows group `almost` nothing: every request it covers is denied or matches no namespace",
    ]);
  });

  it("the same findings from plain RBAC; a RoleBinding of the same ClusterRole holds none of them", async () => {
    const findings = await lintFile("escalations-rbac.yaml");
    expect(findings.map(show)).toEqual([
      "escalations-rbac.yaml:6:5: error [persistentvolume-create] group `infra` can create persistentvolumes cluster-wide (rule 0 of ClusterRole `risky-new`, bound by ClusterRoleBinding `risky-new`): a hostPath volume reaches the node's filesystem",
      "escalations-rbac.yaml:7:5: warning [cluster-wide] group `infra` can use namespaced resources in every namespace (rule 1 of ClusterRole `risky-new`, bound by ClusterRoleBinding `risky-new`): a ClusterRoleBinding grants them everywhere",
      "escalations-rbac.yaml:7:5: error [ephemeral-containers-cluster] group `infra` can add ephemeral containers to pods cluster-wide (rule 1 of ClusterRole `risky-new`, bound by ClusterRoleBinding `risky-new`): an ephemeral container runs any command in the pod, as good as exec",
      "escalations-rbac.yaml:8:5: error [namespace-write-cluster] group `infra` can change namespaces cluster-wide (rule 2 of ClusterRole `risky-new`, bound by ClusterRoleBinding `risky-new`): their labels select Pod Security levels and NetworkPolicies",
      "escalations-rbac.yaml:9:5: error [nodes-write] group `infra` can update or patch nodes cluster-wide (rule 3 of ClusterRole `risky-new`, bound by ClusterRoleBinding `risky-new`): labels and taints steer workloads onto the nodes the holder chooses",
      "escalations-rbac.yaml:28:5: error [bind] group `team-a-admins` can `bind` roles in namespace `team-a` (rule 0 of ClusterRole `team-star`, bound by RoleBinding `team-a/team-star`): the holder can bind any role, including cluster-admin, to itself",
      "escalations-rbac.yaml:28:5: error [escalate] group `team-a-admins` can `escalate` roles in namespace `team-a` (rule 0 of ClusterRole `team-star`, bound by RoleBinding `team-a/team-star`): the holder can grant itself any permission",
      "escalations-rbac.yaml:28:5: warning [exec] group `team-a-admins` can use `pods/exec`, `pods/attach` and `pods/portforward` in namespace `team-a` (rule 0 of ClusterRole `team-star`, bound by RoleBinding `team-a/team-star`): exec, attach and port-forward reach into running pods, which hold their ServiceAccount token and mounted secrets",
      "escalations-rbac.yaml:28:5: error [impersonate] group `team-a-admins` can impersonate `serviceaccounts` in namespace `team-a` (rule 0 of ClusterRole `team-star`, bound by RoleBinding `team-a/team-star`): the holder acts with their permissions",
      "escalations-rbac.yaml:28:5: warning [rbac-write] group `team-a-admins` can create or change `roles.rbac.authorization.k8s.io` and `rolebindings.rbac.authorization.k8s.io` in namespace `team-a` (rule 0 of ClusterRole `team-star`, bound by RoleBinding `team-a/team-star`): the holder can pass its permissions on",
      "escalations-rbac.yaml:28:5: warning [secrets-read-namespace] group `team-a-admins` can read every secret in namespace `team-a` (rule 0 of ClusterRole `team-star`, bound by RoleBinding `team-a/team-star`): no `names` limit it to the secrets the subject needs",
      "escalations-rbac.yaml:28:5: error [wildcard-group] group `team-a-admins` can use resources of every API group (`*`) in namespace `team-a` (rule 0 of ClusterRole `team-star`, bound by RoleBinding `team-a/team-star`): API groups added later, such as those of new CRDs, are granted too",
      "escalations-rbac.yaml:28:5: error [wildcard-resource] group `team-a-admins` can use every resource (`*`) of every API group in namespace `team-a` (rule 0 of ClusterRole `team-star`, bound by RoleBinding `team-a/team-star`): a resource added later must not be granted by accident",
      "escalations-rbac.yaml:28:5: error [wildcard-verb] group `team-a-admins` can use every verb (`*`) in namespace `team-a` (rule 0 of ClusterRole `team-star`, bound by RoleBinding `team-a/team-star`): verbs added later, such as `escalate` or `impersonate` on new resources, are granted too",
      "escalations-rbac.yaml:28:5: warning [workload-create] group `team-a-admins` can create `pods`, `replicationcontrollers`, `deployments.apps`, `statefulsets.apps`, `daemonsets.apps`, `replicasets.apps`, `jobs.batch` and `cronjobs.batch` in namespace `team-a` (rule 0 of ClusterRole `team-star`, bound by RoleBinding `team-a/team-star`): the pods can run as any ServiceAccount of the namespace and mount any of its secrets",
    ]);
    expect(findings.filter((f) => f.subjects.includes("User bob"))).toEqual([]);
  });

  it("denies that an indirect path bypasses: secrets (mount), ServiceAccount tokens (run as), exec (ephemeral container)", async () => {
    const findings = await lintFile("bypass.yaml");
    expect(findings.map(show)).toEqual([
      "bypass.yaml:8:7: warning [workload-create] group `dev` can create `deployments.apps` in namespace `team-a` (rule 0 of AccessPolicy `dev`): the pods can run as any ServiceAccount of the namespace and mount any of its secrets",
      "bypass.yaml:12:7: warning [deny-bypass] group `dev` is denied reading secrets in namespace `team-a` (rule 1 of AccessPolicy `dev`), yet can bypass the deny: mount the secret in a pod: create deployments.apps (rule 0 of AccessPolicy `dev`) → runs pods as any ServiceAccount of the namespace → mounts any secret of the namespace",
      "bypass.yaml:23:7: warning [exec] user `sam` can use `pods/exec` in namespace `prod` (rule 0 of AccessPolicy `sre`): exec, attach and port-forward reach into running pods, which hold their ServiceAccount token and mounted secrets",
      "bypass.yaml:31:7: warning [deny-bypass] user `sam` is denied exec into pods named `db-*` in namespace `prod` (rule 2 of AccessPolicy `sre`), yet can bypass the deny: add an ephemeral container to the pod: patch pods/ephemeralcontainers (rule 1 of AccessPolicy `sre`) → adds an ephemeral container to the pod → runs any command in the pod, as exec does",
      "bypass.yaml:43:7: warning [workload-create] ServiceAccount `build/runner` can create `jobs.batch` in namespace `build` (rule 0 of AccessPolicy `ci`): the pods can run as any ServiceAccount of the namespace and mount any of its secrets",
      "bypass.yaml:47:7: warning [deny-bypass] ServiceAccount `build/runner` is denied creating ServiceAccount tokens in namespace `build` (rule 1 of AccessPolicy `ci`), yet can bypass the deny: run a pod as a privileged ServiceAccount and read its mounted token: create jobs.batch (rule 0 of AccessPolicy `ci`) → runs pods as any ServiceAccount of the namespace → obtains a token of any ServiceAccount of the namespace",
    ]);
    expect(findings.filter((f) => f.code === "deny-bypass").map((f) => [f.object, f.rule, f.subjects, f.hint])).toEqual([
      [
        "AccessPolicy/dev",
        1,
        ["Group dev"],
        "deny `create` of pods and of the workload kinds (deployments, jobs, …) there too, or keep these secrets out of namespaces where this subject runs pods",
      ],
      ["AccessPolicy/sre", 2, ["User sam"], "deny `update` and `patch` of `pods/ephemeralcontainers` on the same pods too"],
      [
        "AccessPolicy/ci",
        1,
        ["ServiceAccount build/runner"],
        "deny `create` of pods and of the workload kinds there too, or keep privileged ServiceAccounts out of namespaces where this subject runs pods",
      ],
    ]);
  });

  it("least-privilege policies and roles stay clean", async () => {
    expect(await lintFile("least-privilege.yaml")).toEqual([]);
    expect(await lintFile("least-privilege-rbac.yaml")).toEqual([]);
  });
});
