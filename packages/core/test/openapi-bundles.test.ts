import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { createOpenApiValidator, type OpenApiBundle } from "@rampart/core";
import { REPO_ROOT } from "../../../test-support/conformance.js";

// The validators skip meta-validation of their schemas at run time (it costs a CLI start ~100 ms);
// this proves once that every bundled schema is a valid JSON Schema and that every root resolves.
const bundles = readdirSync(join(REPO_ROOT, "packages"))
  .flatMap((p) => {
    const dir = join(REPO_ROOT, "packages", p, "data");
    try {
      return readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => join(dir, f));
    } catch {
      return [];
    }
  })
  .filter((f) => "roots" in (JSON.parse(readFileSync(f, "utf8")) as object));

describe("bundled OpenAPI schemas", () => {
  it("there are the four bundles the compilers validate against", () => {
    expect(bundles.map((f) => f.slice(REPO_ROOT.length + 1)).sort()).toEqual([
      "packages/compiler-networkpolicy/data/crd-clusternetworkpolicy-v1alpha2.json",
      "packages/compiler-networkpolicy/data/openapi-networking-v1.35.json",
      "packages/compiler-rbac/data/openapi-rbac-v1.35.json",
      "packages/compiler-vap/data/openapi-admissionregistration-v1.35.json",
    ]);
  });

  for (const file of bundles) {
    it(`${file.slice(REPO_ROOT.length + 1)}: valid JSON Schema, every root compiles`, () => {
      const bundle = JSON.parse(readFileSync(file, "utf8")) as OpenApiBundle;
      const ajv = new Ajv({ strict: false, validateFormats: false, validateSchema: true });
      expect(() => ajv.addSchema({ $id: "k8s", components: bundle.components })).not.toThrow();
      expect(ajv.errors ?? null).toBeNull();
      const validate = createOpenApiValidator(bundle);
      for (const kind of Object.keys(bundle.roots)) {
        // An empty object of the kind is checked (not "no schema for kind"): the root resolved.
        expect(validate({ kind }).some((m) => m.startsWith("no schema"))).toBe(false);
      }
    });
  }
});
