// The CEL environments: one that runs the emitted expressions as the API server does (objects are
// dynamically typed, CEL optionals on, the string extensions), and one that type-checks custom
// expressions against the variables a ValidatingAdmissionPolicy declares.
import { Environment } from "@marcbachmann/cel-js";
import { registerKubernetesLibraries } from "./cel-k8s.js";

/** A parsed, runnable expression. */
export type CelProgram = (context: Record<string, unknown>) => unknown;

/** The runtime environment (Kubernetes' CEL: optionals, string extensions, the Kubernetes libraries, dynamic objects). */
export const runtimeEnv = registerKubernetesLibraries(
  new Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true, homogeneousAggregateLiterals: false }),
);

const programs = new Map<string, CelProgram>();

/** Parses an expression once (cached by its text) into a runnable program. */
export function program(expression: string): CelProgram {
  let p = programs.get(expression);
  if (!p) {
    p = runtimeEnv.parse(expression) as unknown as CelProgram;
    programs.set(expression, p);
  }
  return p;
}

/** The fields of an admission request that CEL sees as `request`. */
const REQUEST_SCHEMA = {
  uid: "string",
  kind: { group: "string", version: "string", kind: "string" },
  resource: { group: "string", version: "string", resource: "string" },
  subResource: "string",
  requestKind: { group: "string", version: "string", kind: "string" },
  requestResource: { group: "string", version: "string", resource: "string" },
  requestSubResource: "string",
  name: "string",
  namespace: "string",
  operation: "string",
  userInfo: { username: "string", uid: "string", groups: "list<string>", extra: "map<string, list<string>>" },
  dryRun: "bool",
  options: "map",
};

/** The environment custom `cel` rules are checked in: the variables of a rampart policy, nothing undeclared. */
export const checkEnv = registerKubernetesLibraries(new Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: false }))
  .registerVariable("object", "map")
  .registerVariable("oldObject", "map")
  .registerVariable("namespaceObject", "map")
  .registerVariable({ name: "request", schema: REQUEST_SCHEMA })
  .registerVariable({
    name: "variables",
    schema: { podSpec: "map", podAnnotations: "map<string, string>", containers: "list<map>", resourceContainers: "list<map>", subject: "string" },
  });

/**
 * A manifest as the API server hands it to CEL: integers as int (BigInt), floats as double,
 * explicit nulls dropped (the API server decodes `null` as an absent field).
 */
export function toCel(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = toCel(v);
    return out;
  }
  return value;
}
