import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles, type RampartDocument } from "@rampart/core";
import { REPO_ROOT } from "../../../test-support/conformance.js";

const key = (d: RampartDocument) => `${d.kind}/${d.metadata.name}`;
const sorted = (ds: RampartDocument[]) => [...ds].sort((a, b) => (key(a) < key(b) ? -1 : 1));

describe("examples/platform", () => {
  it("the TypeScript form loads to exactly the documents of the YAML form", async () => {
    const root = join(REPO_ROOT, "examples/platform");
    const yaml = await loadFiles([join(root, "policies")]);
    const ts = await loadFiles([join(root, "typescript")]);
    expect(yaml.diagnostics).toEqual([]);
    expect(ts.diagnostics).toEqual([]);
    expect(sorted(ts.documents)).toEqual(sorted(yaml.documents));
    expect(yaml.documents.map(key).sort()).toContain("PolicyTest/platform");
  });
});
