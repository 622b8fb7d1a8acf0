import type { AccessPolicyIR } from "@rampart/core";
import { ALL_SERVICE_ACCOUNTS_GROUP, SERVICE_ACCOUNTS_GROUP_PREFIX, SERVICE_ACCOUNT_USER_PREFIX, serviceAccountUser } from "@rampart/core/compiler";

/**
 * Who a requester can be at once. RBAC binds permissions to subjects, and one request may
 * carry a user and many groups, so a deny of one policy must be honoured wherever a
 * requester of another policy may also match it. The model: two distinct users never
 * coincide; ServiceAccounts hold only `system:serviceaccounts`, `system:serviceaccounts:<ns>`
 * and `system:authenticated`; people may hold any other group (not the ServiceAccount ones).
 */
export type Principal = { readonly user: string } | { readonly group: string };

const SA_USER = SERVICE_ACCOUNT_USER_PREFIX;
const ALL_SA = ALL_SERVICE_ACCOUNTS_GROUP;
const SA_NS = SERVICE_ACCOUNTS_GROUP_PREFIX;
const EVERYONE = "system:authenticated";

const isSaUser = (u: string) => u.startsWith(SA_USER);
const saNamespace = (u: string) => u.slice(SA_USER.length, Math.max(SA_USER.length, u.indexOf(":", SA_USER.length)));
const isSaGroup = (g: string) => g === ALL_SA || g.startsWith(SA_NS);

/** The principals a policy names (ServiceAccounts by their username). */
export function principalsOf(p: AccessPolicyIR): Principal[] {
  return [
    ...p.users.map((user) => ({ user })),
    ...p.serviceAccounts.map((s) => ({ user: serviceAccountUser(s.namespace, s.name) })),
    ...p.groups.map((group) => ({ group })),
  ];
}

/** Can one requester be both `a` and `b`? */
export function canCoincide(a: Principal, b: Principal): boolean {
  if ("user" in a && "user" in b) return a.user === b.user;
  if ("group" in a && "group" in b) return a.group === b.group || a.group === EVERYONE || b.group === EVERYONE || isSaGroup(a.group) === isSaGroup(b.group);
  const user = "user" in a ? a.user : (b as { user: string }).user;
  const group = "group" in a ? a.group : (b as { group: string }).group;
  if (group === EVERYONE) return true;
  if (!isSaUser(user)) return !isSaGroup(group);
  return group === ALL_SA || group === `${SA_NS}${saNamespace(user)}`;
}

/**
 * `mayOverlap(policy, other)`: true when a deny of `other` may apply to a requester that
 * `policy` names (same policy included). Principals are computed once per policy, and pairs of
 * principals are decided through their closure tokens (see `tokensOf`).
 */
export function overlapTester(): (policy: AccessPolicyIR, other: AccessPolicyIR) => boolean {
  const closures = new Map<AccessPolicyIR, Set<string>>();
  const tokens = new Map<AccessPolicyIR, string[]>();
  return (policy, other) => {
    if (policy === other || policy.name === other.name) return true;
    let mine = closures.get(policy);
    if (!mine) closures.set(policy, (mine = new Set(principalsOf(policy).flatMap(closureOf))));
    let theirs = tokens.get(other);
    if (!theirs) tokens.set(other, (theirs = [...new Set(principalsOf(other).flatMap(tokensOf))]));
    for (const t of theirs) if (mine.has(t)) return true;
    return false;
  };
}

/**
 * Closure tokens: a policy subject `b` is given `tokensOf(b)`, a requester `a` holds
 * `closureOf(a)`; they share a token iff `canCoincide(a, b)`. Lets one evaluator call answer
 * "does a deny of any policy this requester may also match apply?".
 */
export function tokensOf(p: Principal): string[] {
  if ("user" in p) return isSaUser(p.user) ? [`u:${p.user}`, "any-sa", `any-sa:${saNamespace(p.user)}`] : [`u:${p.user}`, "any-person"];
  if (p.group === EVERYONE) return ["everyone"];
  if (p.group === ALL_SA) return ["sa-group", "sa-group-all"];
  if (p.group.startsWith(SA_NS)) return ["sa-group", `sa-group:${p.group.slice(SA_NS.length)}`];
  return ["person-group"];
}

/** The tokens a requester principal holds (see `tokensOf`). */
export function closureOf(p: Principal): string[] {
  if ("user" in p) {
    return isSaUser(p.user) ? [`u:${p.user}`, "everyone", "sa-group-all", `sa-group:${saNamespace(p.user)}`] : [`u:${p.user}`, "everyone", "person-group"];
  }
  if (p.group === EVERYONE) return ["everyone", "any-person", "any-sa", "person-group", "sa-group"];
  if (p.group === ALL_SA) return ["everyone", "any-sa", "sa-group"];
  if (p.group.startsWith(SA_NS)) return ["everyone", "sa-group", `any-sa:${p.group.slice(SA_NS.length)}`];
  return ["everyone", "any-person", "person-group"];
}
