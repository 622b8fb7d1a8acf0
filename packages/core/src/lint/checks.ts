import type { Severity } from "../diagnostics.js";
import type { Inventory } from "../inventory/inventory.js";
import type { Grant, Target } from "./grants.js";

/** One least-privilege / escalation check. */
export interface LintCheck {
  id: string;
  severity: Severity;
  /** What the check looks for, for docs and `--help`. */
  title: string;
  /** Probes: any one granted (verb on target) triggers the check. */
  probes: readonly { verbs: readonly string[]; group: string; resource: string; subresource: string }[];
  /** Only cluster-wide grants count. */
  clusterWide?: boolean;
  /** Only grants without resourceNames / name patterns count. */
  unnamed?: boolean;
  /** Only namespaced grants count (the cluster-wide ones have a stronger check). */
  namespacedOnly?: boolean;
  /** What the holder can do, completing "group `dev` can …". */
  can: string;
  /** Why it matters. */
  why: string;
  hint: string;
}

const WRITE = ["create", "update", "patch"] as const;
const READ = ["get", "list", "watch"] as const;
const CONNECT = ["create", "get"] as const;
const probe = (verbs: readonly string[], group: string, resource: string, subresource = "") => ({ verbs, group, resource, subresource });
const RBAC = "rbac.authorization.k8s.io";
const ADM = "admissionregistration.k8s.io";
const CONTROLLERS = [
  ["", "pods"],
  ["", "replicationcontrollers"],
  ["apps", "deployments"],
  ["apps", "statefulsets"],
  ["apps", "daemonsets"],
  ["apps", "replicasets"],
  ["batch", "jobs"],
  ["batch", "cronjobs"],
] as const;
const EXEC_PROBES = [probe(CONNECT, "", "pods", "exec"), probe(CONNECT, "", "pods", "attach"), probe(CONNECT, "", "pods", "portforward")];

/** The checks, following Kubernetes' RBAC good practices. */
export const LINT_CHECKS: readonly LintCheck[] = [
  {
    id: "escalate",
    severity: "error",
    title: "escalate on roles",
    probes: [probe(["escalate"], RBAC, "roles"), probe(["escalate"], RBAC, "clusterroles")],
    can: "`escalate` roles",
    why: "the holder can grant itself any permission",
    hint: "remove `escalate`; let an administrator change roles",
  },
  {
    id: "bind",
    severity: "error",
    title: "bind on roles",
    probes: [probe(["bind"], RBAC, "roles"), probe(["bind"], RBAC, "clusterroles")],
    can: "`bind` roles",
    why: "the holder can bind any role, including cluster-admin, to itself",
    hint: "remove `bind`, or restrict it to named roles",
  },
  {
    id: "impersonate",
    severity: "error",
    title: "impersonation",
    probes: [
      probe(["impersonate"], "", "users"),
      probe(["impersonate"], "", "groups"),
      probe(["impersonate"], "", "serviceaccounts"),
      probe(["impersonate"], "authentication.k8s.io", "userextras"),
      probe(["impersonate"], "authentication.k8s.io", "uids"),
    ],
    can: "impersonate {held}",
    why: "the holder acts with their permissions",
    hint: "remove impersonation, or restrict it to named identities",
  },
  {
    id: "secrets-read-cluster",
    severity: "error",
    title: "reading secrets in every namespace",
    clusterWide: true,
    probes: [probe(READ, "", "secrets")],
    can: "read secrets",
    why: "secrets hold credentials, among them ServiceAccount tokens",
    hint: "restrict `namespaces` (and `names`) to the secrets this subject needs",
  },
  {
    id: "exec-cluster",
    severity: "error",
    title: "exec, attach or port-forward into pods cluster-wide",
    clusterWide: true,
    probes: EXEC_PROBES,
    can: "use {held}",
    why: "exec, attach and port-forward reach into running pods, which hold their ServiceAccount token and mounted secrets",
    hint: "restrict `namespaces` to the namespaces this subject operates",
  },
  {
    id: "nodes-proxy",
    severity: "error",
    title: "nodes/proxy",
    clusterWide: true,
    probes: [probe(["get", "create", "update", "patch", "delete"], "", "nodes", "proxy")],
    can: "use `nodes/proxy`",
    why: "direct access to the kubelet API bypasses audit and admission",
    hint: "remove `nodes/proxy`; use metrics endpoints instead",
  },
  {
    id: "rbac-write-cluster",
    severity: "error",
    title: "creating or changing roles and bindings cluster-wide",
    clusterWide: true,
    probes: [probe(WRITE, RBAC, "roles"), probe(WRITE, RBAC, "rolebindings"), probe(WRITE, RBAC, "clusterroles"), probe(WRITE, RBAC, "clusterrolebindings")],
    can: "create or change {held}",
    why: "the holder can grant permissions up to its own in every namespace",
    hint: "manage RBAC through rampart in Git instead of granting it",
  },
  {
    id: "serviceaccount-token-cluster",
    severity: "error",
    title: "serviceaccounts/token create cluster-wide",
    clusterWide: true,
    probes: [probe(["create"], "", "serviceaccounts", "token")],
    can: "create ServiceAccount tokens",
    why: "the holder can act as any ServiceAccount",
    hint: "restrict `namespaces` and `names`",
  },
  {
    id: "csr-approval",
    severity: "error",
    title: "approving certificate signing requests",
    clusterWide: true,
    probes: [probe(["update", "patch"], "certificates.k8s.io", "certificatesigningrequests", "approval"), probe(["approve"], "certificates.k8s.io", "signers")],
    can: "approve certificate signing requests",
    why: "the holder can mint client certificates for any user",
    hint: "leave CSR approval to the control plane",
  },
  {
    id: "admission-write",
    severity: "error",
    title: "changing admission webhooks or policies",
    clusterWide: true,
    probes: [
      "validatingwebhookconfigurations",
      "mutatingwebhookconfigurations",
      "validatingadmissionpolicies",
      "validatingadmissionpolicybindings",
      "mutatingadmissionpolicies",
      "mutatingadmissionpolicybindings",
    ].map((r) => probe([...WRITE, "delete"], ADM, r)),
    can: "change {held}",
    why: "the holder can switch off admission control",
    hint: "manage admission configuration through rampart in Git",
  },
  {
    id: "persistentvolume-create",
    severity: "error",
    title: "creating persistentvolumes",
    clusterWide: true,
    probes: [probe(["create"], "", "persistentvolumes")],
    can: "create persistentvolumes",
    why: "a hostPath volume reaches the node's filesystem",
    hint: "let an administrator or a StorageClass provisioner create persistentvolumes; grant `create persistentvolumeclaims` in the team's namespaces instead",
  },
  {
    id: "ephemeral-containers-cluster",
    severity: "error",
    title: "changing pods/ephemeralcontainers cluster-wide",
    clusterWide: true,
    probes: [probe(["update", "patch"], "", "pods", "ephemeralcontainers")],
    can: "add ephemeral containers to pods",
    why: "an ephemeral container runs any command in the pod, as good as exec",
    hint: "restrict `namespaces` (and `names`) to the pods this subject debugs, or make it a temporary grant with `expires`",
  },
  {
    id: "namespace-write-cluster",
    severity: "error",
    title: "changing namespaces cluster-wide",
    clusterWide: true,
    probes: [probe(["update", "patch"], "", "namespaces")],
    can: "change namespaces",
    why: "their labels select Pod Security levels and NetworkPolicies",
    hint: "manage namespaces and their labels through Git; grant `get` and `list` only",
  },
  {
    id: "nodes-write",
    severity: "error",
    title: "patching or updating nodes",
    clusterWide: true,
    probes: [probe(["update", "patch"], "", "nodes")],
    can: "update or patch nodes",
    why: "labels and taints steer workloads onto the nodes the holder chooses",
    hint: "leave nodes to the cluster's administrators and node lifecycle controllers",
  },
  {
    id: "exec",
    severity: "warning",
    title: "exec, attach or port-forward into pods of a namespace",
    namespacedOnly: true,
    probes: EXEC_PROBES,
    can: "use {held}",
    why: "exec, attach and port-forward reach into running pods, which hold their ServiceAccount token and mounted secrets",
    hint: "restrict with `names` to the pods that need it, or make it a temporary grant with `expires`",
  },
  {
    id: "rbac-write",
    severity: "warning",
    title: "creating or changing roles and bindings in a namespace",
    namespacedOnly: true,
    probes: [probe(WRITE, RBAC, "roles"), probe(WRITE, RBAC, "rolebindings")],
    can: "create or change {held}",
    why: "the holder can pass its permissions on",
    hint: "manage RBAC through rampart in Git instead of granting it",
  },
  {
    id: "workload-create",
    severity: "warning",
    title: "workload creation",
    probes: CONTROLLERS.map(([g, r]) => probe(["create"], g, r)),
    can: "create {held}",
    why: "the pods can run as any ServiceAccount of the namespace and mount any of its secrets",
    hint: "make sure the namespace's ServiceAccounts hold no more than this subject may use",
  },
  {
    id: "secrets-read-namespace",
    severity: "warning",
    title: "reading all secrets of a namespace",
    namespacedOnly: true,
    unnamed: true,
    probes: [probe(READ, "", "secrets")],
    can: "read every secret",
    why: "no `names` limit it to the secrets the subject needs",
    hint: "list the secrets this subject needs with `names`",
  },
];

/** True when a grant's target covers (group, resource, subresource). */
export function targetCovers(t: Target, group: string, resource: string, subresource: string): boolean {
  if (t.group !== "*" && t.group !== group) return false;
  if (t.resource !== "*" && t.resource !== resource) return false;
  if (t.subresource === "**") return true;
  if (t.subresource === "*") return subresource !== "";
  return t.subresource === subresource;
}

/** Targets of impersonation and signing that discovery does not list: requests for them carry no namespace. */
const CLUSTER_ONLY = new Set(["users", "groups", "userextras", "uids", "signers"]);

/** `pods/exec`, `deployments.apps`: how findings name what a grant holds. */
export function hitText(h: Pick<Hit, "group" | "resource" | "subresource">): string {
  return `\`${h.resource}${h.group ? `.${h.group}` : ""}${h.subresource ? `/${h.subresource}` : ""}\``;
}

/** A (verb, target) of a check that a grant covers. */
export interface Hit {
  verb: string;
  group: string;
  resource: string;
  subresource: string;
}

/**
 * Every (verb, target) of a check that the grant really holds, in probe order. A namespaced
 * grant (a Role, or a rule with `namespaces`) never holds a cluster-scoped resource, whatever
 * its wildcards say.
 */
export function grantMatches(grant: Grant, check: LintCheck, inventory?: Inventory): Hit[] {
  if (check.clusterWide && !grant.clusterWide) return [];
  if (check.namespacedOnly && grant.clusterWide) return [];
  if (check.unnamed && grant.named) return [];
  const hits: Hit[] = [];
  for (const p of check.probes) {
    const verb = p.verbs.find((v) => grant.verbs.includes(v) || grant.verbs.includes("*"));
    if (verb === undefined) continue;
    if (!grant.clusterWide && (inventory?.resource(p.group, p.resource)?.namespaced ?? !CLUSTER_ONLY.has(p.resource)) === false) continue;
    if (grant.targets.some((t) => targetCovers(t, p.group, p.resource, p.subresource)))
      hits.push({ verb, group: p.group, resource: p.resource, subresource: p.subresource });
  }
  return hits;
}
