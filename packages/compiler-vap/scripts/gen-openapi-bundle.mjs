#!/usr/bin/env node
// Bundles the Kubernetes OpenAPI schemas of the kinds @rampart/compiler-vap emits
// (ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding) into
// data/openapi-admissionregistration-v1.35.json, which validates every emitted object (ajv).
//
// Provenance: ../shared/conformance/openapi/v1.35/apis__admissionregistration.k8s.io__v1_openapi.json,
// the official Kubernetes release-1.35 OpenAPI v3 document (api/openapi-spec/v3, Apache-2.0) as
// vendored unchanged by kubernetes-sigs/kubectl-validate@a97ccfaca20b164819afdae780392496f6ed6bbd.
// Only the schemas reachable from the two kinds are kept; descriptions are dropped; the bundle
// records the source file and its sha256.
//
// Usage: node packages/compiler-vap/scripts/gen-openapi-bundle.mjs [path/to/openapi/v1.35]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openApiBundle } from "../../../scripts/openapi-bundle.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const SOURCE_FILE = "apis__admissionregistration.k8s.io__v1_openapi.json";
export const OUTPUT = resolve(here, "../data/openapi-admissionregistration-v1.35.json");
const KINDS = ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"];
const PREFIX = "io.k8s.api.admissionregistration.v1.";

/** The bundle text for the OpenAPI document's text. */
export function bundle(text) {
  return openApiBundle({ text, sourceFile: SOURCE_FILE, kinds: KINDS, prefix: PREFIX, script: "packages/compiler-vap/scripts/gen-openapi-bundle.mjs" });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? join(here, "../../../../shared/conformance/openapi/v1.35"));
  writeFileSync(OUTPUT, bundle(readFileSync(join(dir, SOURCE_FILE), "utf8")));
  console.log(`${OUTPUT}: written from ${join(dir, SOURCE_FILE)}`);
}
