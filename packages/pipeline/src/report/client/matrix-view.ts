/// <reference lib="dom" />
import type { AccessMatrix } from "../types.js";
import { h } from "./dom.js";

const ROW = 26;
const OVERSCAN = 8;
/** At most this many rows are printed (filter first to print others). */
const PRINT_ROWS = 5_000;
const STATE_NAME = ["deny", "allow", "deny", "partial"] as const;
const STATE_MARK: readonly string[] = ["·", "✓", "✗", "◐"];

/** Renders the access matrix: virtualised rows of subject × resource, one column per verb, filters and a details panel. */
export function matrixView(m: AccessMatrix): HTMLElement {
  // Rows expanded from the shared profiles into typed arrays: subject, resource, pattern per row.
  let total = 0;
  for (const p of m.subjectProfile) if (p >= 0) total += m.profiles[p]!.length / 2;
  const rowS = new Int32Array(total);
  const rowR = new Int32Array(total);
  const rowP = new Int32Array(total);
  let n = 0;
  m.subjectProfile.forEach((p, si) => {
    const prof = m.profiles[p];
    if (!prof) return;
    for (let i = 0; i < prof.length; i += 2, n++) {
      rowS[n] = si;
      rowR[n] = prof[i]!;
      rowP[n] = prof[i + 1]!;
    }
  });
  const allRows = Array.from({ length: total }, (_, i) => i);
  const subjectLower = m.subjects.map((x) => x.toLowerCase());
  const resourceLower = m.resources.map((x) => x.toLowerCase());
  let rows: number[] = allRows;
  let ns = -1;
  let active = { row: 0, col: 0 };
  let printing = false;

  const subjectFilter = h("input", { type: "search", placeholder: "filter subjects", "aria-label": "filter by subject", id: "f-subject" });
  const resourceFilter = h("input", { type: "search", placeholder: "filter resources", "aria-label": "filter by resource", id: "f-resource" });
  const nsSelect = h("select", { "aria-label": "filter by namespace", id: "f-namespace" }, h("option", { value: "-1" }, "all namespaces"));
  m.namespaces.forEach((n, i) => nsSelect.append(h("option", { value: String(i) }, n === "*" ? "any other namespace" : n)));
  const count = h("span", { class: "count", "aria-live": "polite" });
  const details = h("div", { class: "details", id: "matrix-details", "aria-live": "polite" }, "select a cell (click, or arrow keys and Enter) to see the rules that decide it");
  const cols = `minmax(14rem, 2fr) minmax(10rem, 1.4fr) repeat(${m.verbs.length}, minmax(2.6rem, 1fr))`;
  const header = h("div", { class: "mrow head", role: "row", style: `grid-template-columns:${cols}` }, h("div", { role: "columnheader" }, "subject"), h("div", { role: "columnheader" }, "resource"), ...m.verbs.map((v) => h("div", { role: "columnheader", class: "verb" }, v)));
  const spacer = h("div", { class: "spacer" });
  const viewport = h("div", { class: "viewport", role: "grid", "aria-label": "access matrix", "aria-rowcount": "0", "aria-colcount": String(m.verbs.length + 2), tabindex: "-1" }, header, spacer);

  /** The cell kind of a row and verb (-1: denied by default). */
  const kindAt = (row: number, vi: number): number => m.patterns[rowP[row]!]![vi]!;
  /** The state shown for a kind: a partial cell is decided when one namespace is selected. */
  const shown = (kind: number): number => {
    const state = m.kinds[kind * 3]!;
    const set = m.kinds[kind * 3 + 2]!;
    if (state !== 3 || ns < 0 || set < 0) return state;
    return m.namespaceSets[set]!.includes(ns) ? 1 : 2;
  };

  const render = () => {
    spacer.style.height = `${(printing ? Math.min(rows.length, PRINT_ROWS) : rows.length) * ROW}px`;
    // Short matrices take only their height; long ones scroll inside at most 60% of the window.
    viewport.style.height = printing ? "auto" : `min(60vh, ${(rows.length + 1) * ROW + 4}px)`;
    viewport.setAttribute("aria-rowcount", String(rows.length));
    // Printing lays out every filtered row (up to PRINT_ROWS) instead of the visible window.
    const first = printing ? 0 : Math.max(0, Math.floor(viewport.scrollTop / ROW) - OVERSCAN);
    const last = printing ? Math.min(rows.length, PRINT_ROWS) : Math.min(rows.length, Math.ceil((viewport.scrollTop + viewport.clientHeight) / ROW) + OVERSCAN);
    spacer.replaceChildren();
    for (let ri = first; ri < last; ri++) {
      const row = rows[ri]!;
      const subj = m.subjects[rowS[row]!]!;
      const res = m.resources[rowR[row]!]!;
      const line = h("div", { class: "mrow", role: "row", "aria-rowindex": String(ri + 1), style: `top:${ri * ROW}px;grid-template-columns:${cols}` });
      line.append(h("div", { role: "rowheader", class: "subj", title: subj }, subj), h("div", { class: "res", title: res }, res));
      for (let vi = 0; vi < m.verbs.length; vi++) {
        const c = kindAt(row, vi);
        const st = c < 0 ? 0 : shown(c);
        const isActive = ri === active.row && vi === active.col;
        const label = `${subj} ${m.verbs[vi]} ${res}: ${STATE_NAME[st]}`;
        line.append(h("div", { role: "gridcell", class: `cell ${STATE_NAME[st]}${c >= 0 ? " ruled" : ""}${isActive ? " active" : ""}`, tabindex: isActive ? "0" : "-1", "data-row": String(ri), "data-col": String(vi), "aria-label": label, title: label }, STATE_MARK[st]!));
      }
      spacer.append(line);
    }
    count.textContent = `${rows.length} of ${total} subject × resource rows with a deciding rule; ${m.subjects.length} subjects, ${m.resources.length} resources`;
  };

  const explain = (ri: number, vi: number) => {
    const row = rows[ri];
    if (row === undefined) return;
    const c = kindAt(row, vi);
    const head = h("p", {}, h("strong", {}, m.subjects[rowS[row]!]!), ` ${m.verbs[vi]} `, h("strong", {}, m.resources[rowR[row]!]!), `: ${STATE_NAME[c < 0 ? 0 : shown(c)]}`);
    if (c < 0) {
      details.replaceChildren(head, h("p", {}, "no rule names this: denied by default"));
      return;
    }
    const list = h("ul", { class: "rules" });
    for (const id of m.ruleSets[m.kinds[c * 3 + 1]!]!) {
      const r = m.rules[id]!;
      list.append(h("li", { class: r.effect }, h("code", {}, `${r.policy} rule ${r.rule}`), ` (${r.effect}) ${r.text} — `, h("span", { class: "loc" }, `${r.file}:${r.line}`)));
    }
    const parts: Node[] = [head, list];
    const set = m.kinds[c * 3 + 2]!;
    if (m.kinds[c * 3] === 3) {
      const where = set >= 0 ? `allowed in ${m.namespaceSets[set]!.map((i) => (m.namespaces[i] === "*" ? "any other namespace" : m.namespaces[i]!)).join(", ") || "no namespace"}; denied elsewhere` : "allowed for some object names only (in some namespaces)";
      parts.push(h("p", {}, where));
    }
    details.replaceChildren(...parts);
  };

  const focusActive = () => {
    const top = active.row * ROW;
    if (top < viewport.scrollTop + ROW) viewport.scrollTop = Math.max(0, top - ROW);
    else if (top + ROW > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = top + 2 * ROW - viewport.clientHeight;
    render();
    (spacer.querySelector(`[data-row="${active.row}"][data-col="${active.col}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
  };

  viewport.addEventListener("scroll", () => requestAnimationFrame(render), { passive: true });
  viewport.addEventListener("click", (e) => {
    const el = (e.target as HTMLElement).closest("[data-row]") as HTMLElement | null;
    if (!el) return;
    active = { row: Number(el.dataset.row), col: Number(el.dataset.col) };
    focusActive();
    explain(active.row, active.col);
  });
  viewport.addEventListener("keydown", (e) => {
    const page = Math.max(1, Math.floor(viewport.clientHeight / ROW) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => (active.row = Math.min(rows.length - 1, active.row + 1)),
      ArrowUp: () => (active.row = Math.max(0, active.row - 1)),
      ArrowRight: () => (active.col = Math.min(m.verbs.length - 1, active.col + 1)),
      ArrowLeft: () => (active.col = Math.max(0, active.col - 1)),
      PageDown: () => (active.row = Math.min(rows.length - 1, active.row + page)),
      PageUp: () => (active.row = Math.max(0, active.row - page)),
      Home: () => (active.col = 0),
      End: () => (active.col = m.verbs.length - 1),
    };
    if (moves[e.key]) {
      e.preventDefault();
      moves[e.key]!();
      focusActive();
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      explain(active.row, active.col);
    }
  });

  const applyFilters = () => {
    const sf = subjectFilter.value.trim().toLowerCase();
    const rf = resourceFilter.value.trim().toLowerCase();
    ns = Number(nsSelect.value);
    rows = allRows.filter((row) => (!sf || subjectLower[rowS[row]!]!.includes(sf)) && (!rf || resourceLower[rowR[row]!]!.includes(rf)) && (ns < 0 || m.namespaced[rowR[row]!] || m.namespaces[ns] === "*"));
    active = { row: 0, col: 0 };
    viewport.scrollTop = 0;
    render();
  };
  for (const el of [subjectFilter, resourceFilter]) el.addEventListener("input", applyFilters);
  nsSelect.addEventListener("change", applyFilters);

  const legend = h("p", { class: "legend" }, h("span", { class: "cell allow" }, "✓"), " allow ", h("span", { class: "cell deny" }, "✗"), " deny ", h("span", { class: "cell partial" }, "◐"), " partial (some namespaces or names) · rows list subject × resource pairs some rule decides; every other pair is denied by default");
  const section = h("div", { class: "matrix" }, h("div", { class: "filters" }, subjectFilter, resourceFilter, nsSelect, count), legend, viewport, details);
  const setPrinting = (on: boolean) => {
    printing = on;
    render();
  };
  window.addEventListener("beforeprint", () => setPrinting(true));
  window.addEventListener("afterprint", () => setPrinting(false));
  window.matchMedia("print").addEventListener("change", (e) => setPrinting(e.matches));
  // Rendered once attached (the viewport's height is known then).
  requestAnimationFrame(render);
  queueMicrotask(render);
  return section;
}
