import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { DEFAULT_YAML_LIMITS, diagnostic, documentsOfKind, parseYaml, positionOf, sourceOf, type Diagnostic, type RampartDocument } from "@rampart/core";
import { admit } from "@rampart/compiler-vap";
import type { PolicyTestRunner } from "./types.js";
import type { CaseResult } from "./types.js";

/** Admission cases: the manifest (file or inline) through the emitted ValidatingAdmissionPolicies. */
export const runAdmissionCases: PolicyTestRunner = async (documents: readonly RampartDocument[], options) => {
  const results: CaseResult[] = [];
  const problems: Diagnostic[] = [];
  for (const test of documentsOfKind(documents, "PolicyTest")) {
    for (const [i, c] of (test.spec.admission ?? []).entries()) {
      const at = positionOf(test, ["spec", "admission", i]);
      let objects: Record<string, unknown>[];
      if (c.file) {
        const path = resolve(options.cwd, dirname(sourceOf(test).file), c.file);
        const text = await readFile(path, "utf8").catch(() => undefined);
        if (text === undefined) {
          problems.push(
            diagnostic(
              "file-not-found",
              "error",
              `admission case ${i} of PolicyTest \`${test.metadata.name}\`: cannot read \`${c.file}\``,
              positionOf(test, ["spec", "admission", i, "file"]),
              "paths are relative to the PolicyTest's file",
            ),
          );
          continue;
        }
        // A manifest file is read as kubectl reads it (YAML 1.1 scalars: `0644` is 420, `yes` is true).
        const parsed = parseYaml(text, relative(options.cwd, path) || path, DEFAULT_YAML_LIMITS, "kubectl");
        problems.push(...parsed.diagnostics);
        objects = parsed.documents.map((d) => d.value as Record<string, unknown>).filter(Boolean);
      } else objects = [c.object!];
      const outcome = admit(documents, objects, { now: options.now });
      // A violation is named by its check id (`runAsNonRoot`) and by its rule name (`podSecurity`).
      const violations = outcome.flatMap((o) => o.violations.flatMap((v) => [v.rule, v.ruleName]));
      const actual = outcome.some((o) => o.decision === "deny") ? "deny" : outcome.some((o) => o.decision === "warn") ? "warn" : "allow";
      const missing = (c.violations ?? []).filter((v) => !violations.includes(v));
      const base = {
        id: `${test.metadata.name}/admission[${i}]`,
        suite: test.metadata.name,
        kind: "admission" as const,
        title: c.file ?? "inline object",
        expected: c.expect,
        ...at,
      };
      const passed = actual === c.expect && missing.length === 0;
      results.push({
        ...base,
        actual: `${actual}${violations.length ? ` (${[...new Set(outcome.flatMap((o) => o.violations.map((v) => v.rule)))].join(", ")})` : ""}`,
        passed,
        detail: missing.length
          ? `expected violations not found: ${missing.join(", ")}`
          : outcome.flatMap((o) => o.violations.map((v) => v.message)).join("; ") || "no rule was violated",
      });
    }
  }
  return problems.length ? { diagnostics: problems } : { results };
};
