import { expect } from "vitest";
import { accessPolicy, createEvaluator, loadDocuments, type AccessRequest, type BuiltAccessRule, type EvaluatorOptions } from "@rampart/core";

// Shared by the example-based evaluator tests (evaluator-*.test.ts): one readable example per
// statement of SPEC.md's AccessPolicy section; the property tests check the same semantics on
// random policies.

/** The evaluation time of the examples. */
export const NOW = new Date("2026-11-24T00:00:00Z");

/** An evaluator over documents given as plain values, which must load without diagnostics. */
export function evaluator(values: unknown[], options: EvaluatorOptions = {}) {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return createEvaluator(documents, { now: NOW, ...options });
}
/** A request of bob, member of group team-a. */
export const bob = (r: Omit<AccessRequest, "user" | "groups">): AccessRequest => ({ user: "bob", groups: ["team-a"], ...r });
/** An evaluator with one policy for group team-a holding the given rules. */
export const teamA = (...rules: BuiltAccessRule[]) => evaluator([accessPolicy("team-a", { subjects: [{ group: "team-a" }], rules })]);
