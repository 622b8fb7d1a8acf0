import { createRequire } from "node:module";
import type { Ajv, Options } from "ajv";
import type { OpenApiBundle } from "./openapi-validator.js";

/** The id the bundle's components are registered under; roots are `k8s#/components/schemas/<name>`. */
export const BUNDLE_ID = "k8s";

// ajv (CommonJS) is required on first use: the compilers validate with code generated from the
// bundles at build time (see openapi-standalone.ts), so a CLI run never loads ajv.
const requireLazily = createRequire(import.meta.url);

/** ajv's module, loaded on first call. */
export function ajvModule(): typeof import("ajv") {
  return requireLazily("ajv") as typeof import("ajv");
}

/** The version of ajv that generates and runs the checks. */
export function ajvVersion(): string {
  return (requireLazily("ajv/package.json") as { version: string }).version;
}

/** One of ajv's run-time helpers (`ajv/dist/runtime/<name>`), which generated checks call. */
export function ajvRuntimeHelper(name: string): (...args: never[]) => unknown {
  return (requireLazily(`ajv/dist/runtime/${name}`) as { default: (...args: never[]) => unknown }).default;
}

/** ajv's standalone code generator, loaded on first call. */
export function ajvStandalone(): typeof import("ajv/dist/standalone/index.js").default {
  return (requireLazily("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js")).default;
}

/**
 * An ajv instance holding a bundle: unknown fields are errors (Kubernetes drops or rejects them),
 * every problem is collected. The bundles are generated from the Kubernetes OpenAPI documents by
 * committed scripts, so they are not meta-validated here (a test does that once).
 */
export function ajvForBundle(bundle: OpenApiBundle, options: Options = {}): Ajv {
  const { Ajv } = ajvModule();
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false, ...options });
  ajv.addSchema({ $id: BUNDLE_ID, components: { schemas: closeObjects(bundle.components.schemas) as Record<string, unknown> } });
  return ajv;
}

/** Marks object schemas with properties as closed (`additionalProperties: false`) unless they say otherwise. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node))
    out[k] = k === "properties" ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closeObjects(s)])) : closeObjects(v);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}
