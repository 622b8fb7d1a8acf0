import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { createOpenApiValidator, type OpenApiBundle } from "@rampart/core";
import { precompiledOpenApiValidator, type SchemaCheck } from "@rampart/core/compiler";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { validatorModule, validatorTargets } from "../../../scripts/openapi-validators.mjs";

// The compilers check what they emit with ajv code generated from the bundles at build time; the
// run-time validator (ajv compiling the same bundle) is the oracle they must agree with.
const targets = ["compiler-rbac", "compiler-vap", "compiler-networkpolicy"].flatMap((p) => validatorTargets(join(REPO_ROOT, "packages", p)));

/** Every YAML file under a folder, recursively. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith(".yaml") ? [join(dir, e.name)] : [],
  );
}

/** Generated objects of every kind: the example's built tree and the network compiler's goldens (the ClusterNetworkPolicies). */
const samples = [...yamlFiles(join(REPO_ROOT, "examples/platform/out")), ...yamlFiles(join(REPO_ROOT, "packages/compiler-networkpolicy/test/golden"))]
  .flatMap((f) => parseAllDocuments(readFileSync(f, "utf8")).map((d) => d.toJS() as Record<string, unknown>))
  .filter((o) => o !== null && typeof o === "object" && typeof o.kind === "string");

type Json = unknown;

/**
 * Broken copies of an object: an unknown field in every map, every field removed, every scalar
 * turned into another type, every string made long and astral (lengths count code points).
 */
function mutants(value: Json): Json[] {
  const out: Json[] = [];
  const walk = (node: Json, rebuild: (replacement: Json) => Json): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, (r) => rebuild(node.map((x, j) => (j === i ? r : x)))));
    } else if (node !== null && typeof node === "object") {
      const entries = Object.entries(node);
      out.push(rebuild({ ...node, zzUnknown: "x" }));
      for (const [k, v] of entries) {
        out.push(rebuild(Object.fromEntries(entries.filter(([key]) => key !== k))));
        walk(v, (r) => rebuild({ ...node, [k]: r }));
      }
    } else {
      out.push(rebuild(typeof node === "string" ? 7 : "seven"));
      if (typeof node === "string") out.push(rebuild("\u{1D4B3}".repeat(300)));
    }
  };
  walk(value, (r) => r);
  return out;
}

describe("OpenAPI checks generated at build time", () => {
  it("there is one generated module per bundle the compilers validate against", () => {
    expect(targets.map((t) => t.output.slice(REPO_ROOT.length + 1))).toEqual([
      "packages/compiler-rbac/src/generated/openapi-rbac-v1.35.ts",
      "packages/compiler-vap/src/generated/openapi-admissionregistration-v1.35.ts",
      "packages/compiler-networkpolicy/src/generated/crd-clusternetworkpolicy-v1alpha2.ts",
      "packages/compiler-networkpolicy/src/generated/openapi-networking-v1.35.ts",
    ]);
  });

  for (const target of targets) {
    const name = target.output.slice(REPO_ROOT.length + 1);
    it(`${name} is what the generator makes from the committed bundle (run \`pnpm build\` to regenerate)`, () => {
      expect(readFileSync(target.output, "utf8")).toBe(validatorModule(target));
    });

    it(`${name} reports exactly what ajv compiling the bundle at run time reports, on emitted objects and broken copies`, async () => {
      const bundle = JSON.parse(readFileSync(target.bundle, "utf8")) as OpenApiBundle;
      const checks = (await import(target.output)) as Record<string, SchemaCheck>;
      expect(Object.keys(checks).sort()).toEqual(Object.keys(bundle.roots).sort());
      const precompiled = precompiledOpenApiValidator(checks);
      const runtime = createOpenApiValidator(bundle);
      const mine = samples.filter((o) => Object.hasOwn(bundle.roots, o.kind as string));
      expect(new Set(mine.map((o) => o.kind)).size).toBe(Object.keys(bundle.roots).length);
      let invalid = 0;
      for (const object of mine) {
        expect(precompiled(object)).toEqual([]);
        for (const broken of mutants(object) as { kind?: unknown }[]) {
          const expected = runtime(broken);
          expect(precompiled(broken)).toEqual(expected);
          if (expected.length > 0) invalid++;
        }
      }
      // Most broken copies are invalid (a removed optional field is not): the comparison saw errors.
      expect(invalid).toBeGreaterThan(20);
      expect(precompiled({ kind: "Pod" })).toEqual(["no schema for kind `Pod`"]);
    });
  }
});
