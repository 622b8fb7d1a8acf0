import { diagnostic, type Diagnostic } from "../diagnostics.js";

/** A generated object as the OpenAPI check names it. */
interface Named {
  kind: string;
  metadata: { name?: string };
}

/**
 * Checks generated objects against a Kubernetes OpenAPI schema: one `openapi-invalid` error per
 * invalid object, worded the same by every compiler (an invalid object is a bug in rampart).
 */
export function openApiDiagnostics<T extends Named>(objects: readonly T[], validate: (object: T) => string[], schema: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const o of objects) {
    const errors = validate(o);
    if (errors.length > 0) {
      out.push(
        diagnostic(
          "openapi-invalid",
          "error",
          `generated ${o.kind} \`${o.metadata.name ?? ""}\` does not match the ${schema} OpenAPI schema: ${errors.join("; ")}`,
          { file: "<generated>", line: 0, column: 0 },
          "this is a bug in rampart: please report it with the input policies",
        ),
      );
    }
  }
  return out;
}
