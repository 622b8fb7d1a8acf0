// Cedar side of the access bench: the scenario's policies translated to Cedar, and one Cedar
// authorization call per request.
import { createRequire } from "node:module";
import { parseResourceRef, type AccessRequest, type Inventory } from "@rampart/core";
import type { Policy } from "./access.bench.js";

const require = createRequire(import.meta.url);
const cedar = require("@cedar-policy/cedar-wasm/nodejs") as typeof import("@cedar-policy/cedar-wasm/nodejs");

/** Prepares a policy set under `id` (re-preparing the same id replaces the set). */
export function preparse(id: string, policies: readonly Policy[]): void {
  const parsed = cedar.preparsePolicySet(id, { staticPolicies: toCedar(policies) });
  if (parsed.type !== "success") throw new Error(`cedar could not parse the translated policies: ${JSON.stringify(parsed.errors[0])}`);
}

// Cedar translation. Principals: User entities whose parents are their groups (plus, for a
// ServiceAccount, `system:serviceaccounts` and `system:serviceaccounts:<ns>`); actions: the verbs;
// the resource: one Resource entity per request with group/resource/subresource/namespace/name
// attributes and `scope` ("namespace" | "all" across all namespaces | "cluster" | "unknown", from the
// inventory as Kubernetes' discovery would tell it). Globs become `like` patterns: Cedar's `like`
// has `*` but no `?`, so the translator refuses `?` (the scenario generates `*` only).

const str = (s: string) => JSON.stringify(s);
function like(glob: string): string {
  if (glob.includes("?")) throw new Error(`cannot translate glob \`${glob}\` to Cedar: \`like\` has no single-character wildcard`);
  return `"${glob.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function cedarResource(entry: string): string {
  const ref = parseResourceRef(entry);
  if ("error" in ref) throw new Error(ref.error);
  if (ref.everything) return "true";
  const { group, resource, subresource: sub } = ref;
  const conds = [`resource.group == ${str(group)}`];
  if (resource !== "*") conds.push(`resource.resource == ${str(resource)}`);
  conds.push(sub === "" ? `resource.subresource == ""` : sub === "*" ? `resource.subresource != ""` : `resource.subresource == ${str(sub)}`);
  return `(${conds.join(" && ")})`;
}

/** One Cedar policy per rampart rule: permit for allow, forbid for deny. */
export function toCedar(policies: readonly Policy[]): string {
  const out: string[] = [];
  for (const p of policies) {
    const principals = p.subjects.map((s) =>
      "group" in s ? `principal in Group::${str(s.group)}` : `principal == User::${str(`system:serviceaccount:${s.serviceAccount.replace("/", ":")}`)}`,
    );
    p.rules.forEach((rule, index) => {
      const deny = rule.effect === "deny";
      const scope = principals.length === 1 ? principals[0]! : "principal";
      const action = rule.verbs.includes("*") ? "action" : `action in [${rule.verbs.map((v) => `Action::${str(v)}`).join(", ")}]`;
      const conds: string[] = [];
      if (principals.length > 1) conds.push(`(${principals.join(" || ")})`);
      conds.push(`(${rule.resources.map(cedarResource).join(" || ")})`);
      if (rule.namespaces) {
        const globs = rule.namespaces.map((g) => `resource.namespace like ${like(g)}`).join(" || ");
        const all = deny || rule.namespaces.includes("*") ? `resource.scope == "all" || ` : "";
        const unknown = deny ? `resource.scope == "unknown" || ` : "";
        conds.push(`(${all}${unknown}(resource.scope == "namespace" && (${globs})))`);
      }
      if (rule.names) {
        const globs = rule.names.map((g) => `resource.name like ${like(g)}`).join(" || ");
        conds.push(deny ? `(resource.name == "" || ${globs})` : `(resource.name != "" && (${globs}))`);
      }
      if (rule.expires) conds.push(`context.now < ${Date.parse(rule.expires)}`);
      out.push(`@id(${str(`${p.name}#${index}`)})\n${deny ? "forbid" : "permit"}(${scope}, ${action}, resource) when { ${conds.join(" && ")} };`);
    });
  }
  return out.join("\n");
}

const SA = /^system:serviceaccount:([^:]+):([^:]+)$/;

/** The Cedar authorization call of a request (built once, outside the timed loop). */
export function cedarCall(setId: string, r: AccessRequest, inventory: Inventory, now: number) {
  const user = r.user ?? "";
  const groups = [...(r.groups ?? [])];
  const sa = SA.exec(user);
  if (sa) groups.push("system:serviceaccounts", `system:serviceaccounts:${sa[1]}`);
  const known = inventory.resource(r.apiGroup ?? "", r.resource ?? "");
  const ns = r.namespace ?? "";
  const scope = known !== undefined && !known.namespaced ? "cluster" : ns !== "" ? "namespace" : known ? "all" : "unknown";
  return {
    principal: { type: "User", id: user },
    action: { type: "Action", id: r.verb },
    resource: { type: "Resource", id: "request" },
    context: { now },
    preparsedPolicySetId: setId,
    entities: [
      { uid: { type: "User", id: user }, attrs: {}, parents: groups.map((g) => ({ type: "Group", id: g })) },
      {
        uid: { type: "Resource", id: "request" },
        attrs: { group: r.apiGroup ?? "", resource: r.resource ?? "", subresource: r.subresource ?? "", namespace: ns, name: r.name ?? "", scope },
        parents: [],
      },
    ],
  };
}

export function cedarDecide(call: ReturnType<typeof cedarCall>): "allow" | "deny" {
  const answer = cedar.statefulIsAuthorized(call);
  if (answer.type !== "success") throw new Error(`cedar: ${JSON.stringify(answer.errors)}`);
  if (answer.response.diagnostics.errors.length) throw new Error(`cedar evaluation errors: ${JSON.stringify(answer.response.diagnostics.errors[0])}`);
  return answer.response.decision === "allow" ? "allow" : "deny";
}
