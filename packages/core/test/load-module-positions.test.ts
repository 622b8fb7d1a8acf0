import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles, positionOf, sourceOf } from "@rampart/core";

const FIXTURES = join(__dirname, "fixtures/ts-positions");
const at = (p: { file: string; line: number; column: number }) => `${p.file}:${p.line}:${p.column}`;

// The modules import the built @rampart/core (jiti resolves the package itself): `pnpm test` builds first.
describe("TypeScript policy modules: positions point at the literal in the source, not 1:1", () => {
  it("a misspelled verb of the second rule is located at its literal", async () => {
    const { documents, diagnostics } = await loadFiles([join(FIXTURES, "bad.ts")], { cwd: FIXTURES });
    expect(diagnostics).toEqual([]);
    const [doc] = documents;
    expect(at(sourceOf(doc!))).toBe("bad.ts:4:16");
    expect(at(positionOf(doc!, ["spec", "rules", 1, "verbs", 1]))).toBe("bad.ts:8:30");
    expect(at(positionOf(doc!, ["spec", "rules", 1, "verbs", 0]))).toBe("bad.ts:7:23");
  });

  it("the same literal in two documents of one module is found in each document's own builder call", async () => {
    const { documents } = await loadFiles([join(FIXTURES, "two.ts")], { cwd: FIXTURES });
    expect(documents.map((d) => at(sourceOf(d)))).toEqual(["two.ts:4:16", "two.ts:8:16"]);
    expect(documents.map((d) => at(positionOf(d, ["spec", "rules", 0, "namespaces", 0])))).toEqual(["two.ts:6:71", "two.ts:10:71"]);
  });
});
