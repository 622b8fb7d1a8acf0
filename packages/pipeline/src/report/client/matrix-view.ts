/// <reference lib="dom" />
import type { AccessMatrix } from "../types.js";
import { h } from "./dom.js";

const ROW = 26;
const OVERSCAN = 8;
const STATE_NAME = ["deny", "allow", "deny", "partial"] as const;
const STATE_MARK = ["·", "✓", "✗", "◐"] as const;

/** One (subject, resource) row: where its cells start in `cells` (six integers each) and how many. */
interface Row {
  s: number;
  r: number;
  at: number;
  n: number;
}

/** Renders the access matrix: virtualised rows of subject × resource, one column per verb, filters and a details panel. */
export function matrixView(m: AccessMatrix): HTMLElement {
  const all: Row[] = [];
  for (let i = 0; i < m.cells.length; i += 6) {
    const last = all[all.length - 1];
    if (last && last.s === m.cells[i] && last.r === m.cells[i + 1]) last.n++;
    else all.push({ s: m.cells[i]!, r: m.cells[i + 1]!, at: i, n: 1 });
  }
  const subjectLower = m.subjects.map((x) => x.toLowerCase());
  const resourceLower = m.resources.map((x) => x.toLowerCase());
  let rows = all;
  let ns = -1;
  let active = { row: 0, col: 0 };

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

  /** The state shown for a cell: a partial cell is decided when one namespace is selected. */
  const shown = (cell: number): number => {
    const state = m.cells[cell + 3]!;
    if (state !== 3 || ns < 0) return state;
    const set = m.cells[cell + 5]!;
    if (set < 0 || !m.namespaced[m.cells[cell + 1]!]) return state;
    return m.namespaceSets[set]!.includes(ns) ? 1 : 2;
  };
  const cellAt = (row: Row, vi: number): number => {
    for (let i = row.at; i < row.at + row.n * 6; i += 6) if (m.cells[i + 2] === vi) return i;
    return -1;
  };

  const render = () => {
    spacer.style.height = `${rows.length * ROW}px`;
    // Short matrices take only their height; long ones scroll inside at most 60% of the window.
    viewport.style.height = `min(60vh, ${(rows.length + 1) * ROW + 4}px)`;
    viewport.setAttribute("aria-rowcount", String(rows.length));
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - OVERSCAN);
    const last = Math.min(rows.length, Math.ceil((viewport.scrollTop + viewport.clientHeight) / ROW) + OVERSCAN);
    spacer.replaceChildren();
    for (let ri = first; ri < last; ri++) {
      const row = rows[ri]!;
      const line = h("div", { class: "mrow", role: "row", "aria-rowindex": String(ri + 1), style: `top:${ri * ROW}px;grid-template-columns:${cols}` });
      line.append(h("div", { role: "rowheader", class: "subj", title: m.subjects[row.s]! }, m.subjects[row.s]!), h("div", { class: "res", title: m.resources[row.r]! }, m.resources[row.r]!));
      for (let vi = 0; vi < m.verbs.length; vi++) {
        const c = cellAt(row, vi);
        const st = c < 0 ? 0 : shown(c);
        const isActive = ri === active.row && vi === active.col;
        const label = `${m.subjects[row.s]} ${m.verbs[vi]} ${m.resources[row.r]}: ${STATE_NAME[st]}`;
        line.append(h("div", { role: "gridcell", class: `cell ${STATE_NAME[st]}${c >= 0 ? " ruled" : ""}${isActive ? " active" : ""}`, tabindex: isActive ? "0" : "-1", "data-row": String(ri), "data-col": String(vi), "aria-label": label, title: label }, STATE_MARK[st]));
      }
      spacer.append(line);
    }
    count.textContent = `${rows.length} of ${all.length} subject × resource rows with a deciding rule; ${m.subjects.length} subjects, ${m.resources.length} resources`;
  };

  const explain = (ri: number, vi: number) => {
    const row = rows[ri];
    if (!row) return;
    const c = cellAt(row, vi);
    const head = h("p", {}, h("strong", {}, m.subjects[row.s]!), ` ${m.verbs[vi]} `, h("strong", {}, m.resources[row.r]!), `: ${STATE_NAME[c < 0 ? 0 : shown(c)]}`);
    if (c < 0) {
      details.replaceChildren(head, h("p", {}, "no rule names this: denied by default"));
      return;
    }
    const list = h("ul", { class: "rules" });
    for (const id of m.ruleSets[m.cells[c + 4]!]!) {
      const r = m.rules[id]!;
      list.append(h("li", { class: r.effect }, h("code", {}, `${r.policy} rule ${r.rule}`), ` (${r.effect}) ${r.text} — `, h("span", { class: "loc" }, `${r.file}:${r.line}`)));
    }
    const parts: Node[] = [head, list];
    const set = m.cells[c + 5]!;
    if (m.cells[c + 3] === 3) {
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
    rows = all.filter((row) => (!sf || subjectLower[row.s]!.includes(sf)) && (!rf || resourceLower[row.r]!.includes(rf)) && (ns < 0 || m.namespaced[row.r] || m.namespaces[ns] === "*"));
    active = { row: 0, col: 0 };
    viewport.scrollTop = 0;
    render();
  };
  for (const el of [subjectFilter, resourceFilter]) el.addEventListener("input", applyFilters);
  nsSelect.addEventListener("change", applyFilters);

  const legend = h("p", { class: "legend" }, h("span", { class: "cell allow" }, "✓"), " allow ", h("span", { class: "cell deny" }, "✗"), " deny ", h("span", { class: "cell partial" }, "◐"), " partial (some namespaces or names) · rows list subject × resource pairs some rule decides; every other pair is denied by default");
  const section = h("div", { class: "matrix" }, h("div", { class: "filters" }, subjectFilter, resourceFilter, nsSelect, count), legend, viewport, details);
  // Rendered once attached (the viewport's height is known then).
  requestAnimationFrame(render);
  queueMicrotask(render);
  return section;
}
