// The policies the workload tests compile and admit with: the SPEC.md example and one with every catalogue rule.
import { fileURLToPath } from "node:url";
import { loadFiles, workloadPolicy, type RampartDocument } from "@rampart/core";
import { admit } from "@rampart/compiler-vap";
import { docs, NOW } from "./helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));
/** The SPEC.md example, loaded (its diagnostics too). */
export const spec = await loadFiles(["fixtures/spec-example.yaml"], { cwd: here });
/** The SPEC.md example's documents. */
export const example = spec.documents;

/** Every catalogue rule, every kind, no namespace restriction. */
export const all = docs([
  workloadPolicy("all-rules", {
    rules: [
      { podSecurity: "restricted" },
      { readOnlyRootFilesystem: true },
      { automountServiceAccountToken: false },
      { imageDigest: "required" },
      { allowedRegistries: ["registry.example.com/"] },
      { disallowLatestTag: true },
      { resources: { limits: ["cpu", "memory"], requests: ["cpu", "memory"] } },
      { forbiddenContainerPorts: [22] },
      { requiredLabels: ["app.kubernetes.io/name"] },
      { cel: { expression: "object.metadata.name.size() < 40", message: "names are short" } },
    ],
  }),
]);
/** The rules a manifest breaks, sorted. */
export const rules = (d: readonly RampartDocument[], m: Record<string, unknown>) =>
  admit(d, [m], { now: NOW })[0]!
    .violations.map((v) => v.rule)
    .sort();

/** The matchCondition that skips UPDATEs changing neither the pod template nor what the rules read. */
export const TEMPLATE_CHANGED =
  'request.operation != "UPDATE" || oldObject == null || (object.kind == "Pod" ? object.spec != oldObject.spec : (object.kind == "CronJob" ? object.spec.jobTemplate.spec.template != oldObject.spec.jobTemplate.spec.template : object.spec.template != oldObject.spec.template))';
/** The matchCondition expression for a field that changed on UPDATE. */
export const changed = (p: string) => `has(object.${p}) != has(oldObject.${p}) || (has(object.${p}) && object.${p} != oldObject.${p})`;
/** The SPEC example's custom rule reads `object.spec.containers`, which a Deployment does not have. */
export const EXAMPLE_WARNING =
  "fixtures/spec-example.yaml:25:26 cel-unguarded-field: the `cel` expression of rule 9 of WorkloadPolicy `restricted-apps` iterates over `object.spec.containers`, which an object may not have: the API server fails the expression on such objects, and with failurePolicy Fail rejects them (expression 1:13)";
/** Diagnostics as `file:line:column code: message`. */
export const located = (ds: readonly { file: string; line: number; column: number; code: string; message: string }[]) =>
  ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}: ${d.message}`);
