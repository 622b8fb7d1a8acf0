import type { ValidateFunction } from "ajv";
import { ajvForBundle, BUNDLE_ID } from "./ajv-for-bundle.js";

/** A bundle of OpenAPI v3 component schemas and the root schema of each kind. */
export interface OpenApiBundle {
  source: string;
  roots: Record<string, string>;
  components: { schemas: Record<string, unknown> };
}

/** Validates emitted objects against the Kubernetes OpenAPI schema of their kind. */
export type OpenApiValidator = (object: { kind?: unknown }) => string[];

/** One problem as a schema check reports it (the fields of ajv's error objects that messages use). */
export interface SchemaError {
  instancePath: string;
  message?: string | undefined;
  params?: Record<string, unknown>;
}

/** A compiled check of one kind: true when valid, else its `errors` say why (ajv's calling convention). */
export interface SchemaCheck {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null | undefined;
}

/** A validator over per-kind checks, compiled on demand by `checkFor` (undefined: no schema for the kind). */
export function validatorOver(checkFor: (kind: string) => SchemaCheck | undefined): OpenApiValidator {
  return (object) => {
    const kind = typeof object.kind === "string" ? object.kind : "";
    const check = checkFor(kind);
    if (!check) return [`no schema for kind \`${kind}\``];
    if (check(object)) return [];
    return (check.errors ?? []).map(
      (e) =>
        `${e.instancePath || "/"}: ${e.message ?? "invalid"}${e.params && "additionalProperty" in e.params ? ` \`${String(e.params.additionalProperty)}\`` : ""}`,
    );
  };
}

/**
 * Compiles a validator for a bundle at run time (ajv): unknown fields are errors (Kubernetes drops
 * or rejects them), every problem is listed as `path: message`. The compilers use the same checks
 * generated at build time instead (`precompiledOpenApiValidator` on `@rampart/core/compiler`).
 */
export function createOpenApiValidator(bundle: OpenApiBundle): OpenApiValidator {
  // Built on first use: a run that checks no object of a bundle's kinds never pays for it.
  let ajv: ReturnType<typeof ajvForBundle> | undefined;
  const byKind = new Map<string, ValidateFunction>();
  return validatorOver((kind) => {
    const root = Object.hasOwn(bundle.roots, kind) ? bundle.roots[kind] : undefined;
    if (!root) return undefined;
    let check = byKind.get(kind);
    if (!check) {
      ajv ??= ajvForBundle(bundle);
      byKind.set(kind, (check = ajv.compile({ $ref: `${BUNDLE_ID}#/components/schemas/${root}` })));
    }
    return check;
  });
}
