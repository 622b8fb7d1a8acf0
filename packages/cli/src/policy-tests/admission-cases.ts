import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseAllDocuments } from "yaml";
import { diagnostic, documentsOfKind, positionOf, sourceOf, type Diagnostic, type RampartDocument } from "@rampart/core";
import { admit } from "@rampart/compiler-vap";
import type { PolicyTestRunner } from "./runners.js";
import type { CaseResult } from "./types.js";

/** Violation names this version cannot produce (Pod Security Standards checks): such cases are skipped. */
const PSS_RULE = "podSecurity";

/** Admission cases: the manifest (file or inline) through the emitted ValidatingAdmissionPolicies. */
export const runAdmissionCases: PolicyTestRunner = async (documents: readonly RampartDocument[], options) => {
  const results: CaseResult[] = [];
  const problems: Diagnostic[] = [];
  const pss = documentsOfKind(documents, "WorkloadPolicy").some((w) => w.spec.rules.some((r) => PSS_RULE in r));
  const known = new Set(["readOnlyRootFilesystem", "automountServiceAccountToken", "imageDigest", "allowedRegistries", "disallowLatestTag", "resources", "forbiddenContainerPorts", "requiredLabels", "cel"]);
  for (const test of documentsOfKind(documents, "PolicyTest")) {
    for (const [i, c] of (test.spec.admission ?? []).entries()) {
      const at = positionOf(test, ["spec", "admission", i]);
      let objects: Record<string, unknown>[];
      if (c.file) {
        const path = resolve(options.cwd, dirname(sourceOf(test).file), c.file);
        const text = await readFile(path, "utf8").catch(() => undefined);
        if (text === undefined) {
          problems.push(diagnostic("file-not-found", "error", `admission case ${i} of PolicyTest \`${test.metadata.name}\`: cannot read \`${c.file}\``, positionOf(test, ["spec", "admission", i, "file"]), "paths are relative to the PolicyTest's file"));
          continue;
        }
        objects = parseAllDocuments(text).map((d) => d.toJS({ maxAliasCount: 100 }) as Record<string, unknown>).filter(Boolean);
      } else objects = [c.object!];
      const outcome = admit(documents, objects, { now: options.now });
      const violations = outcome.flatMap((o) => o.violations.map((v) => v.rule));
      const actual = outcome.some((o) => o.decision === "deny") ? "deny" : outcome.some((o) => o.decision === "warn") ? "warn" : "allow";
      const unsupported = (c.violations ?? []).filter((v) => !known.has(v));
      const missing = (c.violations ?? []).filter((v) => known.has(v) && !violations.includes(v));
      const base = { id: `${test.metadata.name}/admission[${i}]`, suite: test.metadata.name, kind: "admission" as const, title: c.file ?? "inline object", expected: c.expect, ...at };
      if (pss && (unsupported.length > 0 || (actual !== c.expect && c.expect === "deny"))) {
        results.push({ ...base, actual: "not run", passed: true, skipped: true, detail: `expects Pod Security Standards checks (${unsupported.join(", ") || "podSecurity"}), which this version does not compile` });
        continue;
      }
      const passed = actual === c.expect && missing.length === 0;
      results.push({ ...base, actual: `${actual}${violations.length ? ` (${[...new Set(violations)].join(", ")})` : ""}`, passed, detail: missing.length ? `expected violations not found: ${missing.join(", ")}` : outcome.flatMap((o) => o.violations.map((v) => v.message)).join("; ") || "no rule was violated" });
    }
  }
  return problems.length ? { diagnostics: problems } : { results };
};
