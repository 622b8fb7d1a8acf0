import type { Severity } from "../diagnostics.js";
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
  message: string;
  hint: string;
}

const WRITE = ["create", "update", "patch"] as const;
const READ = ["get", "list", "watch"] as const;
const probe = (verbs: readonly string[], group: string, resource: string, subresource = "") => ({ verbs, group, resource, subresource });
const RBAC = "rbac.authorization.k8s.io";
const ADM = "admissionregistration.k8s.io";
const CONTROLLERS = [
  ["", "pods"], ["", "replicationcontrollers"], ["apps", "deployments"], ["apps", "statefulsets"], ["apps", "daemonsets"],
  ["apps", "replicasets"], ["batch", "jobs"], ["batch", "cronjobs"],
] as const;

/** The checks, following Kubernetes' RBAC good practices. */
export const LINT_CHECKS: readonly LintCheck[] = [
  { id: "escalate", severity: "error", title: "escalate on roles", probes: [probe(["escalate"], RBAC, "roles"), probe(["escalate"], RBAC, "clusterroles")], message: "grants `escalate` on roles: the holder can grant itself any permission", hint: "remove `escalate`; let an administrator change roles" },
  { id: "bind", severity: "error", title: "bind on roles", probes: [probe(["bind"], RBAC, "roles"), probe(["bind"], RBAC, "clusterroles")], message: "grants `bind` on roles: the holder can bind any role, including cluster-admin, to itself", hint: "remove `bind`, or restrict it to named roles" },
  { id: "impersonate", severity: "error", title: "impersonation", probes: [probe(["impersonate"], "", "users"), probe(["impersonate"], "", "groups"), probe(["impersonate"], "", "serviceaccounts"), probe(["impersonate"], "authentication.k8s.io", "userextras"), probe(["impersonate"], "authentication.k8s.io", "uids")], message: "grants `impersonate`: the holder can act as other users, groups or ServiceAccounts", hint: "remove impersonation, or restrict it to named identities" },
  { id: "secrets-read-cluster", severity: "error", title: "reading secrets in every namespace", clusterWide: true, probes: [probe(READ, "", "secrets")], message: "grants reading secrets in every namespace", hint: "restrict `namespaces` (and `names`) to the secrets this subject needs" },
  { id: "exec-cluster", severity: "error", title: "exec, attach or port-forward into pods cluster-wide", clusterWide: true, probes: [probe(["create", "get"], "", "pods", "exec"), probe(["create", "get"], "", "pods", "attach"), probe(["create", "get"], "", "pods", "portforward")], message: "grants exec, attach or port-forward into pods in every namespace", hint: "restrict `namespaces` to the namespaces this subject operates" },
  { id: "nodes-proxy", severity: "error", title: "nodes/proxy", probes: [probe(["get", "create", "update", "patch", "delete"], "", "nodes", "proxy")], message: "grants `nodes/proxy`: direct access to the kubelet API bypasses audit and admission", hint: "remove `nodes/proxy`; use metrics endpoints instead" },
  { id: "rbac-write-cluster", severity: "error", title: "creating or changing roles and bindings cluster-wide", clusterWide: true, probes: [probe(WRITE, RBAC, "roles"), probe(WRITE, RBAC, "rolebindings"), probe(WRITE, RBAC, "clusterroles"), probe(WRITE, RBAC, "clusterrolebindings")], message: "grants creating or changing roles or role bindings cluster-wide", hint: "manage RBAC through rampart in Git instead of granting it" },
  { id: "serviceaccount-token-cluster", severity: "error", title: "serviceaccounts/token create cluster-wide", clusterWide: true, probes: [probe(["create"], "", "serviceaccounts", "token")], message: "grants creating ServiceAccount tokens in every namespace: the holder can act as any ServiceAccount", hint: "restrict `namespaces` and `names`" },
  { id: "csr-approval", severity: "error", title: "approving certificate signing requests", probes: [probe(["update", "patch"], "certificates.k8s.io", "certificatesigningrequests", "approval"), probe(["approve"], "certificates.k8s.io", "signers")], message: "grants approving certificate signing requests: the holder can mint client certificates", hint: "leave CSR approval to the control plane" },
  { id: "admission-write", severity: "error", title: "changing admission webhooks or policies", probes: ["validatingwebhookconfigurations", "mutatingwebhookconfigurations", "validatingadmissionpolicies", "validatingadmissionpolicybindings", "mutatingadmissionpolicies", "mutatingadmissionpolicybindings"].map((r) => probe([...WRITE, "delete"], ADM, r)), message: "grants changing admission webhooks or policies: the holder can switch off admission control", hint: "manage admission configuration through rampart in Git" },
  { id: "exec", severity: "warning", title: "exec, attach or port-forward into pods of a namespace", namespacedOnly: true, probes: [probe(["create", "get"], "", "pods", "exec"), probe(["create", "get"], "", "pods", "attach"), probe(["create", "get"], "", "pods", "portforward")], message: "grants exec, attach or port-forward into pods", hint: "restrict with `names` to the pods that need it, or make it a temporary grant with `expires`" },
  { id: "rbac-write", severity: "warning", title: "creating or changing roles and bindings in a namespace", namespacedOnly: true, probes: [probe(WRITE, RBAC, "roles"), probe(WRITE, RBAC, "rolebindings")], message: "grants creating or changing roles or role bindings", hint: "manage RBAC through rampart in Git instead of granting it" },
  { id: "workload-create", severity: "warning", title: "workload creation", probes: CONTROLLERS.map(([g, r]) => probe(["create"], g, r)), message: "grants creating pods or pod controllers: the pods can mount any ServiceAccount of the namespace and run with its permissions", hint: "make sure the namespace's ServiceAccounts hold no more than this subject may use" },
  { id: "secrets-read-namespace", severity: "warning", title: "reading all secrets of a namespace", namespacedOnly: true, unnamed: true, probes: [probe(READ, "", "secrets")], message: "grants reading every secret of the namespace", hint: "list the secrets this subject needs with `names`" },
];

/** True when a grant's target covers (group, resource, subresource). */
export function targetCovers(t: Target, group: string, resource: string, subresource: string): boolean {
  if (t.group !== "*" && t.group !== group) return false;
  if (t.resource !== "*" && t.resource !== resource) return false;
  if (t.subresource === "**") return true;
  if (t.subresource === "*") return subresource !== "";
  return t.subresource === subresource;
}

/** The first (verb, target) of a check that the grant covers, or undefined. */
export function grantMatches(grant: Grant, check: LintCheck): { verb: string; group: string; resource: string; subresource: string } | undefined {
  if (check.clusterWide && !grant.clusterWide) return undefined;
  if (check.namespacedOnly && grant.clusterWide) return undefined;
  if (check.unnamed && grant.named) return undefined;
  for (const p of check.probes) {
    const verb = p.verbs.find((v) => grant.verbs.includes(v) || grant.verbs.includes("*"));
    if (verb === undefined) continue;
    if (grant.targets.some((t) => targetCovers(t, p.group, p.resource, p.subresource))) return { verb, group: p.group, resource: p.resource, subresource: p.subresource };
  }
  return undefined;
}
