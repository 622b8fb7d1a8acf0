// Build-time checks of custom `cel` rules: syntax and types, with the CEL error and its column, and
// reads of fields an object may not have.
import { diagnostic, type Diagnostic, type SourcePosition } from "@rampart/core";
import { checkEnv } from "./cel-env.js";
import { analyseCelReads } from "./cel-reads.js";

interface CelError {
  message: string;
  range?: { start: number; end: number };
}

/** The first line of a cel-js error, without its source excerpt. */
const summary = (e: CelError) => e.message.split("\n")[0]!.trim();

/** Line and column (1-based) of an offset inside the expression text. */
function at(expression: string, offset: number): string {
  const before = expression.slice(0, offset).split("\n");
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/**
 * Parses and type-checks a custom expression; returns a diagnostic at the policy's
 * `cel.expression` for a syntax error, a type error, or a result that is not bool.
 */
export function checkCustomCel(policy: string, index: number, expression: string, source: SourcePosition): Diagnostic | undefined {
  const report = (kind: string, e: CelError) =>
    diagnostic(
      "invalid-cel",
      "error",
      `${kind} in the \`cel\` expression of rule ${index} of WorkloadPolicy \`${policy}\`: ${summary(e)}${e.range ? ` (expression ${at(expression, e.range.start)})` : ""}`,
      source,
      "fix the expression; it sees `object`, `oldObject`, `request`, `namespaceObject` and `variables` (podSpec, podAnnotations, containers, resourceContainers, subject)",
    );
  let result: { valid: boolean; type?: unknown; error?: CelError };
  try {
    checkEnv.parse(expression);
    result = checkEnv.check(expression) as typeof result;
  } catch (error) {
    return report("syntax error", error as CelError);
  }
  if (!result.valid) return report("type error", result.error ?? { message: "invalid expression" });
  const type = String(result.type);
  if (type !== "bool" && type !== "dyn") return report("type error", { message: `the expression must evaluate to bool, not ${type}` });
  return undefined;
}

/** The `?.` form of a read: its last select made optional (`object.spec.?hostNetwork`). */
const optionalForm = (text: string) => text.replace(/\.(?!.*\.)/, ".?");

/**
 * Warnings for reads of fields an object may not have (see analyseCelReads), at the policy's
 * `cel.expression`, and the top-level object paths the expression reads (for update skipping).
 */
export function customCelReads(
  policy: string,
  index: number,
  expression: string,
  source: SourcePosition,
  podsOnly: boolean,
): { diagnostics: Diagnostic[]; objectPaths: readonly string[] | undefined } {
  const { unguarded, objectPaths } = analyseCelReads(expression, podsOnly);
  const diagnostics = unguarded.map((u) => {
    const what = u.kind === "iterate" ? `iterates over \`${u.text}\`` : `reads \`${u.text}\``;
    const fallback = u.kind === "iterate" ? "[]" : "<default>";
    const containers = /^(object|oldObject)\.spec\.(containers|initContainers|ephemeralContainers|template)/.test(u.path)
      ? "; `variables.containers` and `variables.podSpec` hold the containers and pod spec of Pods and pod templates alike"
      : "";
    return diagnostic(
      "cel-unguarded-field",
      "warning",
      `the \`cel\` expression of rule ${index} of WorkloadPolicy \`${policy}\` ${what}, which an object may not have: the API server fails the expression on such objects, and with failurePolicy Fail rejects them (expression ${at(expression, u.offset)})`,
      source,
      `guard it with \`has(${u.text})\` in an enclosing \`&&\` or condition, or read it as \`${optionalForm(u.text)}.orValue(${fallback})\`${containers}`,
    );
  });
  return { diagnostics, objectPaths };
}
