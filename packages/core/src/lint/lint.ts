import type { Diagnostic } from "../diagnostics.js";
import { documentsOfKind, positionOf, type RampartDocument } from "../documents.js";
import { createEvaluator, type Evaluator } from "../evaluator/evaluator.js";
import type { AccessRequest } from "../evaluator/types.js";
import { createInventory, type Inventory } from "../inventory/inventory.js";
import { serviceAccountUser } from "../compiler/service-accounts.js";
import { normaliseClusters, selectorMatches } from "../ir/access.js";
import type { Manifest } from "../load/load-manifests.js";
import { timestampMillis } from "../schema/common.js";
import { grantMatches, hitText, LINT_CHECKS } from "./checks.js";
import { bypassFindings } from "./bypass.js";
import { policyGrants, rbacGrants, type Grant } from "./grants.js";

/** A lint finding: a diagnostic that names the object, the rule and the subjects holding it. */
export interface Finding extends Diagnostic {
  object: string;
  rule: number;
  subjects: string[];
}

/** Options of `lint`. */
export interface LintOptions {
  now?: Date;
  inventory?: Inventory;
  /** Days before expiry at which rules and exemptions are reported (default 14). */
  expiryWarningDays?: number;
}

const DAY = 86_400_000;

/** What a finding says: "<subjects> can <can> (<where>): <why>". */
interface Says {
  id: string;
  severity: Finding["severity"];
  can: string;
  why: string;
  hint: string;
}

const quoted = (kindSlashName: string) => {
  const slash = kindSlashName.indexOf("/");
  return `${kindSlashName.slice(0, slash)} \`${kindSlashName.slice(slash + 1)}\``;
};

/** `group \`dev\``, `user \`alice\``, `ServiceAccount \`ci/deployer\``. */
function subjectPhrase(s: string): string {
  const space = s.indexOf(" ");
  const kind = s.slice(0, space);
  return `${kind === "ServiceAccount" ? kind : kind.toLowerCase()} \`${s.slice(space + 1)}\``;
}

/** "a, b and c". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]!}`;
}

/** Who holds a grant, as the subject of a sentence. */
function holders(g: Grant): string {
  return g.subjects.length ? andList(g.subjects.map(subjectPhrase)) : `whoever is bound to ${quoted(g.object)}`;
}

/** Where a grant comes from: "rule 2 of AccessPolicy `dev`", with its binding. */
function origin(g: Grant): string {
  const via = g.binding ? `, bound by ${quoted(g.binding)}` : g.policy ? "" : ", not bound yet";
  return `rule ${g.rule} of ${quoted(g.object)}${via}`;
}

/** Where a grant applies: "cluster-wide", "in namespaces `a`, `b`", "in namespace `x`". */
function scopeOf(g: Grant): string {
  if (g.ir?.anyNamespace) return "in every namespace";
  if (g.clusterWide) return "cluster-wide";
  if (g.ir?.namespaces) return `in namespace${g.ir.namespaces.length > 1 ? "s" : ""} ${g.ir.namespaces.map((n) => `\`${n.source}\``).join(", ")}`;
  const ns = g.binding?.split("/")[1];
  return g.binding?.startsWith("RoleBinding/") && ns
    ? `in namespace \`${ns}\``
    : g.object.startsWith("Role/")
      ? `in namespace \`${g.object.split("/")[1]}\``
      : "in one namespace";
}

function finding(says: Says, g: Grant, message?: string): Finding {
  return {
    code: says.id,
    severity: says.severity,
    message: message ?? `${holders(g)} can ${says.can} (${origin(g)}): ${says.why}`,
    hint: says.hint,
    file: g.at.file,
    line: g.at.line,
    column: g.at.column,
    object: g.object,
    rule: g.rule,
    subjects: g.subjects,
  };
}

/** The requests each subject of a policy makes for a probe; a group subject holds only that group. */
function subjectRequests(g: Grant, base: AccessRequest): AccessRequest[] {
  const p = g.policy!;
  return [
    ...p.users.map((user) => ({ ...base, user })),
    ...p.groups.map((group) => ({ ...base, user: "", groups: [group] })),
    ...p.serviceAccounts.map((s) => ({ ...base, user: serviceAccountUser(s.namespace, s.name) })),
  ];
}

/** Synthesises a value a glob matches. */
const sample = (glob: string) => glob.replace(/[*?]/g, "x");

/**
 * Least-privilege and privilege-escalation findings on AccessPolicies and plain RBAC
 * manifests, after Kubernetes' RBAC good practices.
 */
export function lint(documents: readonly RampartDocument[], manifests: readonly Manifest[], options: LintOptions = {}): Finding[] {
  const now = (options.now ?? new Date()).getTime();
  const inventory = options.inventory ?? createInventory();
  const soon = (options.expiryWarningDays ?? 14) * DAY;
  const clusters = normaliseClusters(documents);
  const evaluators = new Map<string, Evaluator>();
  const evaluatorFor = (cluster: string) => {
    let e = evaluators.get(cluster);
    if (!e) evaluators.set(cluster, (e = createEvaluator(documents, { cluster, now, inventory })));
    return e;
  };
  /** True when some subject of the policy really holds the request in some cluster the policy selects (denies considered). */
  const held = (g: Grant, request: AccessRequest): boolean =>
    clusters.some(
      (c) =>
        selectorMatches(g.policy!.clusters, c.tags) &&
        subjectRequests(g, request).some((r) => evaluatorFor(c.name).decide({ ...r, cluster: c.name }).decision === "allow"),
    );

  const findings: Finding[] = [];
  const { grants: fromRbac } = rbacGrants(manifests);
  const grants = [...policyGrants(documents), ...fromRbac];
  for (const g of grants) {
    if (g.policy && g.expires !== undefined && g.expires <= now) continue; // expired rules grant nothing
    const scope = scopeOf(g);
    if (g.verbs.includes("*"))
      findings.push(
        finding(
          {
            id: "wildcard-verb",
            severity: "error",
            can: `use every verb (\`*\`) ${scope}`,
            why: "verbs added later, such as `escalate` or `impersonate` on new resources, are granted too",
            hint: "list the verbs this subject needs",
          },
          g,
        ),
      );
    if (g.targets.some((t) => t.resource === "*"))
      findings.push(
        finding(
          {
            id: "wildcard-resource",
            severity: "error",
            can: `use every resource (\`*\`) of ${g.targets.some((t) => t.group === "*") ? "every API group" : `API group${new Set(g.targets.filter((t) => t.resource === "*").map((t) => t.group)).size > 1 ? "s" : ""} ${[...new Set(g.targets.filter((t) => t.resource === "*").map((t) => `\`${t.group || "core"}\``))].join(", ")}`} ${scope}`,
            why: "a resource added later must not be granted by accident",
            hint: "list the resources this subject needs",
          },
          g,
        ),
      );
    if (g.targets.some((t) => t.group === "*"))
      findings.push(
        finding(
          {
            id: "wildcard-group",
            severity: "error",
            can: `use resources of every API group (\`*\`) ${scope}`,
            why: "API groups added later, such as those of new CRDs, are granted too",
            hint: "name the API groups",
          },
          g,
        ),
      );
    for (const check of LINT_CHECKS) {
      let hits = grantMatches(g, check, inventory);
      // A policy rule holds only what survives its denies (and its clusters): name only that.
      if (g.policy && check.clusterWide)
        hits = hits.filter((h) => held(g, { verb: h.verb, apiGroup: h.group, resource: h.resource, subresource: h.subresource }));
      if (hits.length === 0) continue;
      const heldText = andList([...new Set(hits.map(hitText))]);
      findings.push(finding({ ...check, can: `${check.can.replace("{held}", heldText)} ${scope}` }, g));
    }
    if (g.object === "ClusterRole/cluster-admin" && g.subjects.some((s) => s.startsWith("ServiceAccount "))) {
      findings.push(
        finding(
          {
            id: "cluster-admin-serviceaccount",
            severity: "error",
            can: `act as cluster-admin ${scope}`,
            why: "any pod running as the ServiceAccount owns the cluster",
            hint: "bind a role with only the permissions the workload needs",
          },
          g,
        ),
      );
    }
    const namespacedOnly =
      g.targets.length > 0 &&
      g.nonResourceURLs.length === 0 &&
      g.targets.every((t) => t.resource !== "*" && inventory.resource(t.group, t.resource)?.namespaced === true);
    if (g.clusterWide && namespacedOnly && !(g.policy && g.ir?.anyNamespace)) {
      findings.push(
        finding(
          {
            id: "cluster-wide",
            severity: "warning",
            can: "use namespaced resources in every namespace",
            why: g.policy ? "the rule names no namespace" : "a ClusterRoleBinding grants them everywhere",
            hint: g.policy
              ? 'restrict `namespaces` to where this subject works (or write `namespaces: ["*"]` to mean it)'
              : "use a RoleBinding in the namespaces that need it",
          },
          g,
        ),
      );
    }
    if (g.policy && g.expires !== undefined && g.expires - now <= soon) {
      findings.push(
        finding(
          {
            id: "expiring",
            severity: "warning",
            can: `use this rule until ${new Date(g.expires).toISOString()}`,
            why: `it expires within ${options.expiryWarningDays ?? 14} days`,
            hint: "renew `expires` if still needed, or remove the rule",
          },
          g,
        ),
      );
    }
    if (g.policy && g.ir && !ruleUsed(g, inventory, (r) => held(g, r))) {
      const says = { id: "unused-rule", severity: "warning" as const, can: "", why: "", hint: "remove the rule or fix its namespaces and denies" };
      findings.push(finding(says, g, `${origin(g)} allows ${holders(g)} nothing: every request it covers is denied or matches no namespace`));
    }
  }
  findings.push(...bypassFindings(documents, clusters, inventory, evaluatorFor));
  findings.push(...exemptionFindings(documents, now, soon));
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : 1)));
}

/** True when some concrete request the rule covers is allowed. */
function ruleUsed(g: Grant, inventory: Inventory, allowed: (r: AccessRequest) => boolean): boolean {
  const r = g.ir!;
  const verbs = r.anyVerb ? ["get"] : r.verbs;
  if (r.nonResourceURLs) return verbs.some((verb) => r.nonResourceURLs!.some((u) => allowed({ verb, nonResourceURL: sample(u.source) })));
  const names = r.names ? r.names.map((n) => sample(n.source)) : ["x"];
  for (const ref of r.resources) {
    const resources =
      ref.everything || ref.resource === "*"
        ? inventory.resources.filter((x) => ref.everything || x.group === ref.group).slice(0, 5)
        : [inventory.resource(ref.group, ref.resource)];
    for (const res of resources) {
      const group = res?.group ?? ref.group;
      const resource = res?.resource ?? ref.resource;
      const sub = ref.subresource === "*" ? (res?.subresources[0]?.name ?? "status") : ref.subresource;
      const namespaced = res?.namespaced ?? true;
      const namespaces = r.namespaces
        ? inventory.namespaces
            .filter((ns) => r.namespaces!.some((gl) => gl.test(ns)))
            .slice(0, 5)
            .concat(r.namespaces.map((n) => sample(n.source)))
        : [namespaced ? "default" : ""];
      for (const verb of verbs)
        for (const namespace of namespaced ? namespaces : [""])
          for (const name of names) {
            if (allowed({ verb, apiGroup: group, resource, subresource: sub, namespace, name })) return true;
          }
    }
  }
  return false;
}

function exemptionFindings(documents: readonly RampartDocument[], now: number, soon: number): Finding[] {
  const out: Finding[] = [];
  for (const p of documentsOfKind(documents, "WorkloadPolicy")) {
    (p.spec.exemptions ?? []).forEach((e, i) => {
      if (e.expires === undefined) return;
      const at = timestampMillis(e.expires);
      if (at - now > soon) return;
      const pos = positionOf(p, ["spec", "exemptions", i, "expires"]);
      const expired = at <= now;
      out.push({
        code: expired ? "exemption-expired" : "exemption-expiring",
        severity: "warning",
        message: `\`WorkloadPolicy/${p.metadata.name}\` exemption ${i} (owner ${e.owner}) ${expired ? "has expired: its rules apply again" : `expires ${e.expires}, within 14 days`}`,
        hint: expired ? "remove the exemption" : "renew `expires` with its owner, or let it lapse",
        ...pos,
        object: `WorkloadPolicy/${p.metadata.name}`,
        rule: i,
        subjects: [e.owner],
      });
    });
  }
  return out;
}
