// The scopes of `pnpm mutation` (test-support/mutation-scopes.mjs) must match the tree, and a scope naming
// declarations must land on the same code however the file is formatted.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { declarationRanges, resolveMutate, SCOPES, scopeProblems } from "../../../test-support/mutation-scopes.mjs";

const lines = (source: string, r: { from: number; to: number } | undefined) => source.split("\n").slice(r!.from - 1, r!.to);

describe("mutation scopes", () => {
  it("every scope matches the tree: its files, its declarations and its tests exist", () => {
    expect(Object.keys(SCOPES).length).toBeGreaterThanOrEqual(10);
    for (const name of Object.keys(SCOPES)) expect(scopeProblems(REPO_ROOT, name), name).toEqual([]);
  });

  it("a declaration resolves to its whole text, wrapped or not, and to nothing else", () => {
    const narrow = [
      "import x from 'y';",
      "",
      "/** Doc. */",
      "const a = 1;",
      "function f(p: number) {",
      "  return p;",
      "}",
      "",
      "export const g = (",
      "  q: string,",
      ") => q;",
      "type T = { k: 1 };",
      "",
    ].join("\n");
    const wide = [
      "import x from 'y';",
      "const a = 1;",
      "function f(p: number) { return p; }",
      "export const g = (q: string) => q;",
      "",
      "// trailing",
      "export function h() {",
      "  return [",
      "    1,",
      "  ];",
      "}",
    ].join("\n");
    const n = declarationRanges(narrow);
    expect([...n.entries()]).toEqual([
      ["a", { from: 4, to: 4 }],
      ["f", { from: 5, to: 7 }],
      ["g", { from: 9, to: 11 }],
      ["T", { from: 12, to: 12 }],
    ]);
    expect(lines(narrow, n.get("g"))).toEqual(["export const g = (", "  q: string,", ") => q;"]);
    const w = declarationRanges(wide);
    expect([...w.entries()]).toEqual([
      ["a", { from: 2, to: 2 }],
      ["f", { from: 3, to: 3 }],
      ["g", { from: 4, to: 4 }],
      ["h", { from: 7, to: 11 }],
    ]);
  });

  it("named declarations become Stryker line ranges of the file as it is", () => {
    const ranges = resolveMutate(REPO_ROOT, "compiler-vap-emit").filter((e) => e.includes(":"));
    expect(ranges.map((e) => e.replace(/:\d+-\d+$/, ""))).toEqual([
      "packages/compiler-vap/src/workload/compile-vap.ts",
      "packages/compiler-vap/src/workload/compile-vap.ts",
    ]);
    for (const e of ranges) expect(e).toMatch(/:\d+-\d+$/);
  });

  it("a scope that no longer matches the tree is refused, naming what is missing", () => {
    const root = mkdtempSync(join(tmpdir(), "rampart-scopes-"));
    expect(scopeProblems(root, "compiler-rbac-emit")).toEqual([
      "`packages/compiler-rbac/src/emit.ts` names no source file",
      "no test file matches `packages/compiler-rbac/src/**/*.test.ts`, `packages/compiler-rbac/test/**/*.test.ts`",
    ]);
    const put = (file: string, text: string) => (mkdirSync(dirname(join(root, file)), { recursive: true }), writeFileSync(join(root, file), text));
    put("packages/compiler-vap/src/access-admission/access-cel.ts", "export const x = 1;\n");
    put("packages/compiler-vap/src/workload/validation.ts", "export const y = 1;\n");
    put("packages/compiler-vap/src/workload/compile-vap.ts", "function compileRules() {\n  return 1;\n}\n");
    put("packages/compiler-vap/test/a.test.ts", "\n");
    expect(scopeProblems(root, "compiler-vap-emit")).toEqual([
      "`packages/compiler-vap/src/workload/compile-vap.ts#compileRules,policyObjects`: `packages/compiler-vap/src/workload/compile-vap.ts` has no top-level declaration `policyObjects`",
    ]);
    expect(() => scopeProblems(root, "no-such-scope")).toThrow(/unknown mutation scope `no-such-scope`: use one of core, /);
  });
});
