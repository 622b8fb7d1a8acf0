import { Ajv, type ValidateFunction } from "ajv";

/** A bundle of OpenAPI v3 component schemas and the root schema of each kind. */
export interface OpenApiBundle {
  source: string;
  roots: Record<string, string>;
  components: { schemas: Record<string, unknown> };
}

/** Validates emitted objects against the Kubernetes OpenAPI schema of their kind. */
export type OpenApiValidator = (object: { kind?: unknown }) => string[];

/**
 * Compiles a validator for a bundle: unknown fields are errors (Kubernetes drops or rejects
 * them), every problem is listed as `path: message`.
 */
export function createOpenApiValidator(bundle: OpenApiBundle): OpenApiValidator {
  // Built on first use: a CLI run that emits no object of a bundle's kinds never pays for it.
  // The bundles are generated from the Kubernetes OpenAPI documents by committed scripts, so they
  // are not meta-validated on every start (a test does that once).
  let ajv: Ajv | undefined;
  const byKind = new Map<string, ValidateFunction>();
  const compile = (root: string): ValidateFunction => {
    if (ajv === undefined) {
      ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
      ajv.addSchema({ $id: "k8s", components: { schemas: closeObjects(bundle.components.schemas) as Record<string, unknown> } });
    }
    return ajv.compile({ $ref: `k8s#/components/schemas/${root}` });
  };
  return (object) => {
    const kind = typeof object.kind === "string" ? object.kind : "";
    const root = bundle.roots[kind];
    if (!root) return [`no schema for kind \`${kind}\``];
    let validate = byKind.get(kind);
    if (!validate) byKind.set(kind, (validate = compile(root)));
    if (validate(object)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? "invalid"}${e.params && "additionalProperty" in e.params ? ` \`${String(e.params.additionalProperty)}\`` : ""}`);
  };
}

/** Marks object schemas with properties as closed (`additionalProperties: false`) unless they say otherwise. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === "properties" ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closeObjects(s)])) : closeObjects(v);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}
