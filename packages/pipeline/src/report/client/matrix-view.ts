/// <reference lib="dom" />
import type { AccessMatrix } from "../types.js";
import { h } from "./dom.js";
import { explainCell, renderRows } from "./matrix-render.js";
import { expandRows, filterRows, ROW, type MatrixElements, type MatrixView } from "./matrix-state.js";

/** The filters (subject, resource, namespace), the row count, the details panel and the scrolling grid with its header. */
function matrixElements(m: AccessMatrix, cols: string): MatrixElements {
  const subjectFilter = h("input", { type: "search", placeholder: "filter subjects", "aria-label": "filter by subject", id: "f-subject" });
  const resourceFilter = h("input", { type: "search", placeholder: "filter resources", "aria-label": "filter by resource", id: "f-resource" });
  const nsSelect = h("select", { "aria-label": "filter by namespace", id: "f-namespace" }, h("option", { value: "-1" }, "all namespaces"));
  m.namespaces.forEach((n, i) => nsSelect.append(h("option", { value: String(i) }, n === "*" ? "any other namespace" : n)));
  const count = h("span", { class: "count", "aria-live": "polite" });
  const details = h(
    "div",
    { class: "details", id: "matrix-details", "aria-live": "polite" },
    "select a cell (click, or arrow keys and Enter) to see the rules that decide it",
  );
  const columnHeaders = [
    h("div", { role: "columnheader" }, "subject"),
    h("div", { role: "columnheader" }, "resource"),
    ...m.verbs.map((v) => h("div", { role: "columnheader", class: "verb" }, v)),
  ];
  const header = h("div", { class: "mrow head", role: "row", style: `grid-template-columns:${cols}` }, ...columnHeaders);
  const spacer = h("div", { class: "spacer" });
  const gridAttrs = {
    class: "viewport",
    role: "grid",
    "aria-label": "access matrix",
    "aria-rowcount": "0",
    "aria-colcount": String(m.verbs.length + 2),
    tabindex: "-1",
  };
  const viewport = h("div", gridAttrs, header, spacer);
  return { subjectFilter, resourceFilter, nsSelect, count, details, spacer, viewport };
}

/** The view's initial state: every row, all namespaces, the first cell active, not printing. */
function initialView(m: AccessMatrix): MatrixView {
  const table = expandRows(m);
  const cols = `minmax(14rem, 2fr) minmax(10rem, 1.4fr) repeat(${m.verbs.length}, minmax(2.6rem, 1fr))`;
  const allRows = Array.from({ length: table.total }, (_, i) => i);
  const subjectLower = m.subjects.map((x) => x.toLowerCase());
  const resourceLower = m.resources.map((x) => x.toLowerCase());
  return {
    m,
    table,
    allRows,
    subjectLower,
    resourceLower,
    cols,
    el: matrixElements(m, cols),
    rows: allRows,
    ns: -1,
    active: { row: 0, col: 0 },
    printing: false,
  };
}

/** Scrolls the active cell into view, renders and focuses it. */
function focusActive(v: MatrixView): void {
  const { viewport, spacer } = v.el;
  const top = v.active.row * ROW;
  if (top < viewport.scrollTop + ROW) viewport.scrollTop = Math.max(0, top - ROW);
  else if (top + ROW > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = top + 2 * ROW - viewport.clientHeight;
  renderRows(v);
  (spacer.querySelector(`[data-row="${v.active.row}"][data-col="${v.active.col}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
}

/** The moves of the active cell per key, `page` rows for PageUp and PageDown. */
function keyMoves(v: MatrixView, page: number): Record<string, () => void> {
  const { active } = v;
  const lastRow = v.rows.length - 1;
  const lastCol = v.m.verbs.length - 1;
  return {
    ArrowDown: () => (active.row = Math.min(lastRow, active.row + 1)),
    ArrowUp: () => (active.row = Math.max(0, active.row - 1)),
    ArrowRight: () => (active.col = Math.min(lastCol, active.col + 1)),
    ArrowLeft: () => (active.col = Math.max(0, active.col - 1)),
    PageDown: () => (active.row = Math.min(lastRow, active.row + page)),
    PageUp: () => (active.row = Math.max(0, active.row - page)),
    Home: () => (active.col = 0),
    End: () => (active.col = lastCol),
  };
}

/** Scroll renders the new window; a click or the arrow keys move the active cell, Enter or Space explain it. */
function bindGrid(v: MatrixView): void {
  const { viewport } = v.el;
  viewport.addEventListener("scroll", () => requestAnimationFrame(() => renderRows(v)), { passive: true });
  viewport.addEventListener("click", (e) => {
    const el = (e.target as HTMLElement).closest("[data-row]") as HTMLElement | null;
    if (!el) return;
    v.active = { row: Number(el.dataset.row), col: Number(el.dataset.col) };
    focusActive(v);
    explainCell(v, v.active.row, v.active.col);
  });
  viewport.addEventListener("keydown", (e) => {
    const moves = keyMoves(v, Math.max(1, Math.floor(viewport.clientHeight / ROW) - 1));
    if (moves[e.key]) {
      e.preventDefault();
      moves[e.key]!();
      focusActive(v);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      explainCell(v, v.active.row, v.active.col);
    }
  });
}

/** Typing in a filter or choosing a namespace filters the rows, back at the top with the first cell active. */
function bindFilters(v: MatrixView): void {
  const { subjectFilter, resourceFilter, nsSelect, viewport } = v.el;
  const applyFilters = () => {
    v.ns = Number(nsSelect.value);
    v.rows = filterRows(v, subjectFilter.value.trim().toLowerCase(), resourceFilter.value.trim().toLowerCase());
    v.active = { row: 0, col: 0 };
    viewport.scrollTop = 0;
    renderRows(v);
  };
  for (const el of [subjectFilter, resourceFilter]) el.addEventListener("input", applyFilters);
  nsSelect.addEventListener("change", applyFilters);
}

/** Printing lays out every filtered row (up to PRINT_ROWS) instead of the visible window. */
function bindPrinting(v: MatrixView): void {
  const setPrinting = (on: boolean) => {
    v.printing = on;
    renderRows(v);
  };
  window.addEventListener("beforeprint", () => setPrinting(true));
  window.addEventListener("afterprint", () => setPrinting(false));
  window.matchMedia("print").addEventListener("change", (e) => setPrinting(e.matches));
}

const LEGEND_TEXT = " partial (some namespaces or names) · rows list subject × resource pairs some rule decides; every other pair is denied by default";

/** Renders the access matrix: virtualised rows of subject × resource, one column per verb, filters and a details panel. */
export function matrixView(m: AccessMatrix): HTMLElement {
  const v = initialView(m);
  bindGrid(v);
  bindFilters(v);
  const { subjectFilter, resourceFilter, nsSelect, count, viewport, details } = v.el;
  const legend = h(
    "p",
    { class: "legend" },
    h("span", { class: "cell allow" }, "✓"),
    " allow ",
    h("span", { class: "cell deny" }, "✗"),
    " deny ",
    h("span", { class: "cell partial" }, "◐"),
    LEGEND_TEXT,
  );
  const section = h("div", { class: "matrix" }, h("div", { class: "filters" }, subjectFilter, resourceFilter, nsSelect, count), legend, viewport, details);
  bindPrinting(v);
  // Rendered once attached (the viewport's height is known then).
  requestAnimationFrame(() => renderRows(v));
  queueMicrotask(() => renderRows(v));
  return section;
}
