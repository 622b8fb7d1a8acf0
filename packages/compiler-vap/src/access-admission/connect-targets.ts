import { formatResourceRef, resourceRefMatches, type AccessRuleIR, type Inventory } from "@rampart/core";

/** Subresources whose requests reach admission as CONNECT, without the RBAC verb. */
export const CONNECT_SUBRESOURCES = new Set(["exec", "attach", "portforward", "proxy"]);

/** The RBAC verbs a CONNECT request may carry (`get` for websockets, `create` for SPDY, every HTTP method for proxy). */
const CONNECT_VERBS = new Set(["get", "create", "update", "patch", "delete"]);

/** A concrete connect subresource of the inventory and the RBAC verbs admission cannot tell apart on it. */
export interface ConnectTarget {
  readonly group: string;
  readonly resource: string;
  readonly sub: string;
  /** Served verbs that reach admission as CONNECT. */
  readonly verbs: readonly string[];
  /** `pods/exec`, `services/proxy`, … */
  readonly text: string;
}

/** Where the connect requests of a target are decided. */
export interface ConnectPlan {
  /** Targets whose names and denies admission enforces (RBAC grants the broader envelope). */
  readonly enforced: readonly ConnectTarget[];
  /** Targets a name pattern or deny touches that stay RBAC-only, with the rules that tell their verbs apart. */
  readonly rbacOnly: readonly { readonly target: ConnectTarget; readonly rules: readonly AccessRuleIR[] }[];
}

/** Every connect subresource the inventory serves. */
export function connectTargets(inventory: Inventory | undefined): ConnectTarget[] {
  const out: ConnectTarget[] = [];
  for (const res of inventory?.resources ?? []) {
    for (const s of res.subresources) {
      if (!CONNECT_SUBRESOURCES.has(s.name)) continue;
      const verbs = s.verbs.filter((v) => CONNECT_VERBS.has(v));
      if (verbs.length > 0)
        out.push({
          group: res.group,
          resource: res.resource,
          sub: s.name,
          verbs,
          text: formatResourceRef({ group: res.group, resource: res.resource, subresource: s.name, everything: false }),
        });
    }
  }
  return out;
}

/** The connect verbs of a target that a rule covers (none when its resources miss the target). */
export function coveredConnectVerbs(rule: AccessRuleIR, t: ConnectTarget): string[] {
  if (rule.nonResourceURLs || !rule.resources.some((ref) => resourceRefMatches(ref, t.group, t.resource, t.sub))) return [];
  return rule.anyVerb ? [...t.verbs] : t.verbs.filter((v) => rule.verbs.includes(v));
}

/** True when a rule covers every connect verb of the target (it decides them alike, and admission can enforce it). */
export function coversConnect(rule: AccessRuleIR, t: ConnectTarget): boolean {
  return coveredConnectVerbs(rule, t).length === t.verbs.length;
}

/** True when a rule is refined by admission: a deny, or an allow restricted by names. */
export const refinable = (rule: AccessRuleIR) => rule.effect === "deny" || rule.names !== undefined;

/**
 * Decides, per connect target, whether admission can enforce the rules exactly: it is needed when
 * a deny or a name-restricted allow covers a connect verb there, and possible when every rule
 * covering the target decides all its connect verbs alike (admission only sees CONNECT).
 */
export function planConnect(rules: readonly AccessRuleIR[], inventory: Inventory | undefined): ConnectPlan {
  const enforced: ConnectTarget[] = [];
  const rbacOnly: { target: ConnectTarget; rules: AccessRuleIR[] }[] = [];
  for (const t of connectTargets(inventory)) {
    if (!rules.some((r) => refinable(r) && coveredConnectVerbs(r, t).length > 0)) continue;
    const apart = rules.filter((r) => {
      const n = coveredConnectVerbs(r, t).length;
      return n > 0 && n < t.verbs.length;
    });
    if (apart.length === 0) enforced.push(t);
    else rbacOnly.push({ target: t, rules: apart });
  }
  return { enforced, rbacOnly };
}
