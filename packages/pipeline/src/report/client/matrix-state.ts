/// <reference lib="dom" />
// The access matrix view's data and state, shared by its stages (build, render, explain, bind).
import type { AccessMatrix } from "../types.js";

/** Height of one matrix row in pixels. */
export const ROW = 26;
/** Rows laid out above and below the visible window. */
export const OVERSCAN = 8;
/** At most this many rows are printed (filter first to print others). */
export const PRINT_ROWS = 5_000;
/** Class and accessible name of a cell state (0 default deny, 1 allow, 2 deny, 3 partial). */
export const STATE_NAME = ["deny", "allow", "deny", "partial"] as const;
/** Mark shown in a cell per state. */
export const STATE_MARK: readonly string[] = ["·", "✓", "✗", "◐"];

/** The matrix's rows expanded from the shared profiles into typed arrays: subject, resource and pattern per row. */
export interface MatrixRows {
  total: number;
  subject: Int32Array;
  resource: Int32Array;
  pattern: Int32Array;
}

/** The elements the view's stages read and update. */
export interface MatrixElements {
  subjectFilter: HTMLInputElement;
  resourceFilter: HTMLInputElement;
  nsSelect: HTMLSelectElement;
  count: HTMLElement;
  details: HTMLElement;
  spacer: HTMLElement;
  viewport: HTMLElement;
}

/** The view's data, its mutable state (filtered rows, selected namespace, active cell, print mode) and its elements. */
export interface MatrixView {
  readonly m: AccessMatrix;
  readonly table: MatrixRows;
  readonly allRows: number[];
  readonly subjectLower: string[];
  readonly resourceLower: string[];
  /** CSS grid columns of a row: subject, resource, one per verb. */
  readonly cols: string;
  readonly el: MatrixElements;
  rows: number[];
  /** Selected namespace index, -1 for all namespaces. */
  ns: number;
  active: { row: number; col: number };
  printing: boolean;
}

/** Expands every subject's profile (resource, pattern pairs) into one row per subject × resource pair. */
export function expandRows(m: AccessMatrix): MatrixRows {
  let total = 0;
  for (const p of m.subjectProfile) if (p >= 0) total += m.profiles[p]!.length / 2;
  const rows: MatrixRows = { total, subject: new Int32Array(total), resource: new Int32Array(total), pattern: new Int32Array(total) };
  let n = 0;
  m.subjectProfile.forEach((p, si) => {
    const prof = m.profiles[p];
    if (!prof) return;
    for (let i = 0; i < prof.length; i += 2, n++) {
      rows.subject[n] = si;
      rows.resource[n] = prof[i]!;
      rows.pattern[n] = prof[i + 1]!;
    }
  });
  return rows;
}

/** The cell kind of a row and verb (-1: denied by default). */
export const kindAt = (v: MatrixView, row: number, vi: number): number => v.m.patterns[v.table.pattern[row]!]![vi]!;

/** The state shown for a kind: a partial cell is decided when one namespace is selected. */
export function shownState(v: MatrixView, kind: number): number {
  const state = v.m.kinds[kind * 3]!;
  const set = v.m.kinds[kind * 3 + 2]!;
  if (state !== 3 || v.ns < 0 || set < 0) return state;
  return v.m.namespaceSets[set]!.includes(v.ns) ? 1 : 2;
}

/** The rows whose subject and resource contain the (lowercase) filters and that the selected namespace can hold. */
export function filterRows(v: MatrixView, subject: string, resource: string): number[] {
  const { m, table, ns } = v;
  return v.allRows.filter(
    (row) =>
      (!subject || v.subjectLower[table.subject[row]!]!.includes(subject)) &&
      (!resource || v.resourceLower[table.resource[row]!]!.includes(resource)) &&
      (ns < 0 || m.namespaced[table.resource[row]!] || m.namespaces[ns] === "*"),
  );
}
