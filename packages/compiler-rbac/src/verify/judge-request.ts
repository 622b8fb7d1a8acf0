import type { AccessPolicyIR, AccessRequest, Diagnostic, Evaluator } from "@rampart/core";
import type { RbacAuthorizer } from "../authorizer.js";
import type { RbacRuleReport } from "../compile.js";
import { canCoincide, principalsOf } from "../principals.js";
import type { GrantMismatch } from "../verify.js";
import { combine, plain, type Req } from "./request.js";

/** The allow rule a phase-2 request comes from. */
export interface RuleOrigin {
  policy: string;
  rule: number;
  /** `file:line:column` of the rule. */
  position: string;
}

/** What judging needs: both sides of the comparison and how to explain a difference. */
export interface JudgeContext {
  evaluator: Pick<Evaluator, "decide">;
  authorizer: RbacAuthorizer;
  policies: readonly AccessPolicyIR[];
  /** Which deny of a policy the requester may also match applies (see deny-closure.ts). */
  closure: ((request: AccessRequest, closure: readonly string[]) => string | undefined) | undefined;
  admits: ((request: AccessRequest) => boolean) | undefined;
  diagnostics: readonly Pick<Diagnostic, "file" | "line" | "column">[] | undefined;
  report: { readonly rules: readonly Pick<RbacRuleReport, "policy" | "rule" | "notExpressible">[] } | undefined;
}

/** The outcome a judge fills in. */
export interface Verdicts {
  overGrants: GrantMismatch[];
  underGrants: GrantMismatch[];
  checked: number;
}

/** Is an under-grant of a rule and verb covered: reported as not expressible (or, without a report, a diagnostic at the rule)? */
export function coverage(ctx: Pick<JudgeContext, "diagnostics" | "report">): (from: RuleOrigin, verb: string) => boolean {
  if (ctx.report) {
    const reported = new Map<string, Set<string>>();
    for (const r of ctx.report.rules) reported.set(`${r.policy}#${r.rule}`, new Set(r.notExpressible.flatMap((n) => n.verbs)));
    return (from, verb) => {
      const verbs = reported.get(`${from.policy}#${from.rule}`);
      return verbs !== undefined && (verbs.has(verb) || verbs.has("*"));
    };
  }
  const positions = new Set((ctx.diagnostics ?? []).map((d) => `${d.file}:${d.line}:${d.column}`));
  return (from) => positions.has(from.position);
}

/**
 * `judgeRequest(r)` (phase 1, a request a bound rule grants) or `judgeRequest(r, from)` (phase 2,
 * a request an allow rule allows): compares RBAC (and the admission layer) with the policies and
 * records an over-grant or an under-grant.
 */
export function createJudge(ctx: JudgeContext, out: Verdicts): (r: Req, from?: RuleOrigin) => void {
  const covered = coverage(ctx);
  const { evaluator, authorizer, closure, admits } = ctx;
  const denyPrincipals = [
    ...new Map(
      ctx.policies
        .filter((p) => p.rules.some((r) => r.effect === "deny"))
        .flatMap(principalsOf)
        .map((p) => [JSON.stringify(p), p]),
    ).values(),
  ];
  const over = (request: Req, reason: string, grantedBy: Req) =>
    out.overGrants.push({ request: plain(request), reason, grantedBy: authorizer.grantsOf(grantedBy) });
  return (r, from) => {
    out.checked++;
    const s = r.requester;
    // Phase 1 visits only what a bound rule grants; phase 2 asks RBAC.
    let granted = from ? s.rbac(r) : true;
    if (granted && admits !== undefined) granted = admits(r);
    if (from && granted) return; // proved in phase 1
    const decision = evaluator.decide(r);
    if (!granted) {
      if (from && decision.decision === "allow")
        out.underGrants.push({ request: plain(r), policy: from.policy, rule: from.rule, covered: covered(from, r.verb) });
      return;
    }
    if (decision.decision !== "allow") return void over(r, decision.reason, r);
    const other = closure?.(r, s.closure);
    if (!other) return;
    if (admits === undefined) return void over(r, `denied by ${other}, which applies to a requester that is also ${s.user || s.groups[0]}`, r);
    // A second layer sees the whole requester: try the concrete requesters that are both.
    for (const t of denyPrincipals) {
      if (!canCoincide(s.principal, t)) continue;
      const both = combine(r, t);
      const d = evaluator.decide(both);
      if (d.decision !== "allow" && admits(both)) return void over(both, d.reason, r);
    }
  };
}
