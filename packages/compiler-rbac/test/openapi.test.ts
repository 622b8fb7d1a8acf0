import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createOpenApiValidator, type OpenApiBundle } from "@rampart/core";
import { conformancePath, describeConformance } from "../../../test-support/conformance.js";
import { bundle, OUTPUT, SOURCE_FILE } from "../scripts/gen-openapi-bundle.mjs";
import data from "../data/openapi-rbac-v1.35.json" with { type: "json" };

describeConformance("openapi", "bundled RBAC OpenAPI schemas (provenance)", () => {
  it("hold what the committed generator makes from the Kubernetes 1.35 OpenAPI document, and say where it came from", () => {
    const committed = JSON.parse(readFileSync(OUTPUT, "utf8")) as OpenApiBundle;
    const fresh = JSON.parse(bundle(readFileSync(conformancePath("openapi/v1.35", SOURCE_FILE), "utf8"))) as OpenApiBundle;
    expect(committed.roots).toEqual(fresh.roots);
    expect(committed.components).toEqual(fresh.components);
    expect(committed.source).toContain(`kubernetes release-1.35 api/openapi-spec/v3/${SOURCE_FILE}`);
  });
});

describe("OpenAPI validation of RBAC objects", () => {
  const validate = createOpenApiValidator(data as OpenApiBundle);
  it("accepts a well-formed object and rejects unknown fields and missing required ones", () => {
    expect(
      validate({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRole",
        metadata: { name: "x" },
        rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }],
      } as never),
    ).toEqual([]);
    expect(
      validate({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRole",
        metadata: { name: "x" },
        rules: [{ apiGroups: [""], resources: ["pods"], verb: ["get"] }],
      } as never),
    ).toEqual(["/rules/0: must have required property 'verbs'", "/rules/0: must NOT have additional properties `verb`"]);
    expect(
      validate({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "RoleBinding",
        metadata: { name: "x", namespace: "a" },
        subjects: [{ kind: "User", name: "u" }],
      } as never),
    ).toEqual(["/: must have required property 'roleRef'"]);
  });
});
