import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createOpenApiValidator, type OpenApiBundle } from "@rampart/core";
import { compileVap } from "@rampart/compiler-vap";
import { conformancePath, describeConformance } from "../../../test-support/conformance.js";
import { bundle, OUTPUT, SOURCE_FILE } from "../scripts/gen-openapi-bundle.mjs";
import data from "../data/openapi-admissionregistration-v1.35.json" with { type: "json" };
import { docs, NOW } from "./helpers.js";
import { workloadPolicy } from "@rampart/core";

describeConformance("openapi", "bundled admissionregistration OpenAPI schemas (provenance)", () => {
  it("hold what the committed generator makes from the Kubernetes 1.35 OpenAPI document, with its sha256", () => {
    const text = readFileSync(conformancePath("openapi/v1.35", SOURCE_FILE), "utf8");
    expect(readFileSync(OUTPUT, "utf8")).toBe(bundle(text));
    expect((data as { sha256: string }).sha256).toBe(createHash("sha256").update(text).digest("hex"));
  });
});

describe("OpenAPI validation of admission objects", () => {
  const validate = createOpenApiValidator(data as OpenApiBundle);
  it("accepts every emitted object and rejects a malformed one", () => {
    const { objects, diagnostics } = compileVap(
      docs([
        workloadPolicy("p", {
          action: "warn",
          match: { namespaces: ["a*"], namespaceLabels: { t: "x" } },
          exemptions: [{ namespaces: ["b"], owner: "o" }],
          rules: [{ podSecurity: "baseline" }],
        }),
      ]),
      { now: NOW },
    );
    expect(diagnostics).toEqual([]);
    for (const o of objects) expect(validate(o)).toEqual([]);
    const broken = structuredClone(objects[0]!) as unknown as { spec: { validations: Record<string, unknown>[] } };
    broken.spec.validations[0]!.reason = "Nope";
    broken.spec.validations[0]!.expresion = "true";
    expect(validate(broken as never).length).toBe(1);
  });
});
