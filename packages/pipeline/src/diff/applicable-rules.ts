import { formatResourceRef, serviceAccountUser, type AccessPolicyIR, type AccessRuleIR, type AccessRequest } from "@rampart/core";

const SA_USER = /^system:serviceaccount:([^:]+):([^:]+)$/;

/** Indexes policies by the subjects they name, to find the rules that can apply to one requester. */
export class PolicyIndex {
  private readonly byUser = new Map<string, AccessPolicyIR[]>();
  private readonly byGroup = new Map<string, AccessPolicyIR[]>();

  constructor(
    policies: readonly AccessPolicyIR[],
    private readonly now: number,
  ) {
    const add = (map: Map<string, AccessPolicyIR[]>, key: string, p: AccessPolicyIR) => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [p]);
      else if (list[list.length - 1] !== p) list.push(p);
    };
    for (const p of policies) {
      for (const u of p.users) add(this.byUser, u, p);
      for (const sa of p.serviceAccounts) add(this.byUser, serviceAccountUser(sa.namespace, sa.name), p);
      for (const g of p.groups) add(this.byGroup, g, p);
    }
  }

  /**
   * The unexpired rules of every policy whose subjects match the requester, including the groups
   * a ServiceAccount username implies — a superset of what the evaluator scans for it.
   */
  rulesFor(request: Pick<AccessRequest, "user" | "groups">): AccessRuleIR[] {
    const rules: AccessRuleIR[] = [];
    for (const p of this.policiesFor(request)) for (const r of p.rules) if (r.expires === undefined || this.now < r.expires) rules.push(r);
    return rules;
  }

  /** Every policy whose subjects match the requester (a ServiceAccount username implies its groups). */
  policiesFor(request: Pick<AccessRequest, "user" | "groups">): Set<AccessPolicyIR> {
    const user = request.user ?? "";
    const groups = [...(request.groups ?? [])];
    const sa = SA_USER.exec(user);
    if (sa) groups.push("system:serviceaccounts", `system:serviceaccounts:${sa[1]}`);
    const policies = new Set<AccessPolicyIR>();
    for (const p of this.byUser.get(user) ?? []) policies.add(p);
    for (const g of groups) for (const p of this.byGroup.get(g) ?? []) policies.add(p);
    return policies;
  }
}

/** True when both sets hold the same policy names, each of them in `unchanged`. */
export function samePolicies(a: ReadonlySet<AccessPolicyIR>, b: ReadonlySet<AccessPolicyIR>, unchanged: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  const names = new Set<string>();
  for (const p of a) {
    if (!unchanged.has(p.name)) return false;
    names.add(p.name);
  }
  for (const p of b) if (!names.has(p.name)) return false;
  return true;
}

const keys = new WeakMap<AccessRuleIR, string>();

/** What a rule says, without where it is written: equal keys decide every request alike. */
export function ruleKey(rule: AccessRuleIR): string {
  let k = keys.get(rule);
  if (k === undefined) {
    const list = (xs: readonly { source: string }[] | undefined) =>
      xs === undefined
        ? "-"
        : xs
            .map((x) => x.source)
            .sort()
            .join(",");
    k = [
      rule.effect,
      [...rule.verbs].sort().join(","),
      rule.resources.map(formatResourceRef).sort().join(","),
      list(rule.nonResourceURLs),
      list(rule.namespaces),
      list(rule.names),
    ].join("|");
    keys.set(rule, k);
  }
  return k;
}

/** True when two rule lists decide every request alike (same rules up to order, names and duplicates). */
export function sameRules(a: readonly AccessRuleIR[], b: readonly AccessRuleIR[]): boolean {
  const ka = new Set(a.map(ruleKey));
  const kb = new Set(b.map(ruleKey));
  if (ka.size !== kb.size) return false;
  for (const k of ka) if (!kb.has(k)) return false;
  return true;
}
