import type { AccessPolicyIR, AccessRuleIR } from "@rampart/core";
import { serviceAccountUser } from "@rampart/core/compiler";
import type { Principal } from "../principals.js";
import { refCovers } from "../targets.js";
import { HTTP_VERBS, servable } from "../universe.js";
import type { RuleOrigin } from "./judge-request.js";
import { UNKNOWN_NAME } from "./name-classes.js";
import { resourceRequest, urlRequest, type Req, type Requester } from "./request.js";
import { isNamespaceObject, type RequestUniverse } from "./universe.js";

/** The principals a policy names directly (ServiceAccounts by their username). */
const membersOf = (p: AccessPolicyIR): Principal[] => [
  ...p.users.map((user) => ({ user })),
  ...p.groups.map((group) => ({ group })),
  ...p.serviceAccounts.map((s) => ({ user: serviceAccountUser(s.namespace, s.name) })),
];

/** Phase 2: every servable request an unexpired allow rule allows its policy's subjects, each judged against RBAC. */
export function visitAllowedRequests(
  policies: readonly AccessPolicyIR[],
  now: number,
  universe: RequestUniverse,
  requester: (p: Principal) => Requester,
  judge: (r: Req, from: RuleOrigin) => void,
): void {
  for (const p of policies) {
    const members = membersOf(p).map(requester);
    for (const rule of p.rules) {
      if (rule.effect !== "allow" || (rule.expires !== undefined && rule.expires <= now)) continue;
      const from = { policy: p.name, rule: rule.index, position: `${rule.source.file}:${rule.source.line}:${rule.source.column}` };
      for (const [verb, make] of allowedRequests(rule, universe)) for (const s of members) judge(make(s, verb), from);
    }
  }
}

type Make = (s: Requester, verb: string) => Req;

/** The requests of one allow rule, as (verb, request maker) pairs, in a stable order. */
function* allowedRequests(rule: AccessRuleIR, universe: RequestUniverse): Generator<[string, Make]> {
  if (rule.nonResourceURLs) {
    const paths = universe.urls.filter((u) => rule.nonResourceURLs!.some((g) => g.test(u)));
    for (const path of paths) for (const verb of rule.anyVerb ? HTTP_VERBS : rule.verbs) yield [verb, (s, v) => urlRequest(s, v, path)];
    return;
  }
  for (const t of universe.targets) {
    if (!rule.resources.some((ref) => refCovers(ref, t))) continue;
    const verbs = rule.anyVerb ? t.verbs : rule.verbs.filter((v) => t.verbs.includes(v));
    const requests: [string, readonly string[]][] = [];
    if (isNamespaceObject(t)) {
      if (rule.namespaces) continue; // namespaced rules never apply to cluster-scoped resources
      for (const n of [...universe.namespaces, UNKNOWN_NAME]) requests.push([n, [n]]);
      requests.push(["", [UNKNOWN_NAME, ""]]);
    } else {
      const scopes = t.namespaced ? [...universe.namespaces, ""] : [""];
      for (const n of scopes) {
        if (rule.namespaces && (!t.namespaced || !(n === "" ? rule.anyNamespace : rule.namespaces.some((g) => g.test(n))))) continue;
        requests.push([n, universe.names.universeNames(t, n)]);
      }
    }
    for (const [n, names] of requests)
      for (const name of names) for (const verb of verbs) if (servable(t, verb, n, name)) yield [verb, (s, v) => resourceRequest(s, v, t, n, name)];
  }
}
