// Assembles one ValidatingAdmissionPolicy validation from a check and the exemptions that apply
// to it: namespace exemptions skip the check, image exemptions skip the containers whose image
// matches (a pod-level part only when every container's image matches).
import type { WorkloadExemptionIR } from "@rampart/core";
import { celGlob, celString } from "../access-admission/cel-text.js";
import type { Check, ContainerList } from "./check.js";

/** An emitted validation (admissionregistration.k8s.io/v1 Validation). */
export interface VapValidation {
  expression: string;
  message: string;
  messageExpression: string;
  reason: "Forbidden";
}

const or = (terms: readonly string[]) => (terms.length === 1 ? terms[0]! : terms.map((t) => `(${t})`).join(" || "));

/** `request.namespace` matches one of the globs. */
export const namespaceCel = (globs: readonly string[]): string => or(globs.map((g) => celGlob("request.namespace", g)));

/** The exemption's namespace condition, or undefined when it has none. */
const namespaceOf = (e: WorkloadExemptionIR) => (e.namespaces ? namespaceCel(e.namespaces) : undefined);

/** A condition on container `c` under which the exemptions skip it; undefined when none has images. */
function containerExempt(exemptions: readonly WorkloadExemptionIR[]): string | undefined {
  const terms = exemptions
    .filter((e) => e.images)
    .map((e) => {
      const image = or(e.images!.map((g) => celGlob("c.image", g)));
      const ns = namespaceOf(e);
      return ns ? `(${ns}) && (${image})` : image;
    });
  return terms.length ? or(terms) : undefined;
}

/** Names the policy variable holding the containers of `list` that `exempt` (a condition on `c`) does not skip. */
export type ScopeVariable = (list: ContainerList, exempt: string) => string;

/** The CEL of the policy variable a ScopeVariable names. */
export const scopeExpression = (list: ContainerList, exempt: string): string => `variables.${list}.filter(c, !(${exempt}))`;

/**
 * The validation of a check. `exemptions` are those that name the check's rule (or every rule)
 * and are not already compiled into matchConditions; image exemptions filter the containers once,
 * in a policy variable named by `scope`.
 */
export function validationOf(check: Check, exemptions: readonly WorkloadExemptionIR[], scope: ScopeVariable): VapValidation {
  const skipPod = exemptions.filter((e) => !e.images).map((e) => namespaceOf(e)!);
  const skipContainer = containerExempt(exemptions);
  const listName = check.container?.list ?? "containers";
  const list = skipContainer ? `variables.${scope(listName, skipContainer)}` : `variables.${listName}`;
  const containerOk = check.container?.ok;
  const everyExempt = skipContainer ? `variables.${scope("containers", skipContainer)}.size() == 0` : undefined;
  const podOk = check.pod ? (everyExempt ? `${everyExempt} || ${check.pod.ok}` : check.pod.ok) : undefined;
  const parts = [podOk && `(${podOk})`, containerOk && `${list}.all(c, ${containerOk})`].filter((p): p is string => Boolean(p));
  const expression = [...(check.relax ? [check.relax] : []), ...skipPod, parts.join(" && ")];
  // The failing containers' names are computed once and bound to `n` with `[…].map(n, …)[0]`.
  let detail: string;
  if (!containerOk) detail = check.pod!.problem;
  else {
    const names = `${list}.filter(c, !(${containerOk})).map(c, c.name)`;
    const containers = `(n.size() == 1 ? "container " : "containers ") + n.join(", ") + ${celString(` ${check.container!.fix}`)}`;
    const body = podOk ? `((${podOk}) ? "" : ${check.pod!.problem} + (n.size() == 0 ? "" : "; ")) + (n.size() == 0 ? "" : ${containers})` : containers;
    detail = `[${names}].map(n, ${body})[0]`;
  }
  return {
    expression: or(expression),
    message: check.message,
    messageExpression: `${celString(`${check.id}: `)} + variables.subject + ": " + ${detail}`,
    reason: "Forbidden",
  };
}
