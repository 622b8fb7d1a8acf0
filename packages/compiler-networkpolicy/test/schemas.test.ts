import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { conformancePath, describeConformance } from "../../../test-support/conformance.js";
import { CLUSTER_NETWORK_POLICY, NETWORKING } from "../scripts/gen-schemas.mjs";

for (const [corpus, b] of [
  ["openapi", NETWORKING],
  ["network-policy-api", CLUSTER_NETWORK_POLICY],
] as const) {
  describeConformance(corpus, `bundled schema ${b.output.split("/").pop()} (provenance)`, () => {
    it(`holds what the committed generator makes from ${b.source}`, () => {
      expect(readFileSync(b.output, "utf8")).toBe(b.bundle(readFileSync(conformancePath(...b.source.split("/")), "utf8")));
    });
  });
}
