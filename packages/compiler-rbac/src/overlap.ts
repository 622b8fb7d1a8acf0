import { serviceAccountUser, type AccessPolicyIR } from "@rampart/core";

/** A principal a policy names: a username (ServiceAccounts as theirs) or a group. */
type Principal = { user: string } | { group: string };

const SA_USER = "system:serviceaccount:";
const isSaUser = (u: string) => u.startsWith(SA_USER);
/** Groups whose members are ServiceAccounts only. */
const isSaGroup = (g: string) => g === "system:serviceaccounts" || g.startsWith("system:serviceaccounts:");
/** Groups anyone authenticated belongs to. */
const isEveryone = (g: string) => g === "system:authenticated";

function principals(p: AccessPolicyIR): Principal[] {
  return [...p.users.map((user) => ({ user })), ...p.serviceAccounts.map((s) => ({ user: serviceAccountUser(s.namespace, s.name) })), ...p.groups.map((group) => ({ group }))];
}

/** Can one requester be both `a` and `b`? ServiceAccounts never hold ordinary groups, people never hold ServiceAccount groups. */
function canCoincide(a: Principal, b: Principal): boolean {
  if ("user" in a && "user" in b) return a.user === b.user;
  if ("group" in a && "group" in b) return a.group === b.group || isEveryone(a.group) || isEveryone(b.group) || isSaGroup(a.group) === isSaGroup(b.group);
  const user = "user" in a ? a.user : (b as { user: string }).user;
  const group = "group" in a ? a.group : (b as { group: string }).group;
  if (isEveryone(group)) return true;
  if (!isSaUser(user)) return !isSaGroup(group);
  const ns = user.slice(SA_USER.length, user.indexOf(":", SA_USER.length));
  return group === "system:serviceaccounts" || group === `system:serviceaccounts:${ns}`;
}

/** True when a deny of `other` may apply to a request that `policy` allows (some requester may match both). */
export function mayOverlap(policy: AccessPolicyIR, other: AccessPolicyIR): boolean {
  if (policy === other || policy.name === other.name) return true;
  const mine = principals(policy);
  return principals(other).some((b) => mine.some((a) => canCoincide(a, b)));
}
