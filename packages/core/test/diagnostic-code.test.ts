import { describe, expect, it } from "vitest";
import { diagnostic, formatDiagnostic, type DiagnosticCode } from "@rampart/core";

describe("DiagnosticCode", () => {
  it("the constructor takes a known code and keeps it", () => {
    const code: DiagnosticCode = "unknown-cluster";
    expect(formatDiagnostic(diagnostic(code, "error", "unknown cluster `prd`", { file: "a.yaml", line: 2, column: 3 }))).toBe(
      "a.yaml:2:3: error: unknown cluster `prd` [unknown-cluster]",
    );
  });

  it("a misspelled code is a type error (checked by `pnpm typecheck`)", () => {
    // @ts-expect-error `unknown-clustre` is not a DiagnosticCode
    const d = diagnostic("unknown-clustre", "error", "m", { file: "a.yaml", line: 1, column: 1 });
    expect(d.code).toBe("unknown-clustre");
  });
});
