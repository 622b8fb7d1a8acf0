/// <reference lib="dom" />
// The access matrix view's rendering: the virtualised rows and the details panel of a cell.
import type { AccessMatrix } from "../types.js";
import { h } from "./dom.js";
import { kindAt, OVERSCAN, PRINT_ROWS, ROW, shownState, STATE_MARK, STATE_NAME, type MatrixView } from "./matrix-state.js";

/** Sizes the spacer and viewport for the filtered rows. */
function sizeViewport(v: MatrixView): void {
  const { spacer, viewport } = v.el;
  spacer.style.height = `${(v.printing ? Math.min(v.rows.length, PRINT_ROWS) : v.rows.length) * ROW}px`;
  // Short matrices take only their height; long ones scroll inside at most 60% of the window.
  viewport.style.height = v.printing ? "auto" : `min(60vh, ${(v.rows.length + 1) * ROW + 4}px)`;
  viewport.setAttribute("aria-rowcount", String(v.rows.length));
}

/** The range [first, last) of filtered rows to lay out: the visible window with overscan, or every row up to PRINT_ROWS when printing. */
function visibleRange(v: MatrixView): [number, number] {
  const { viewport } = v.el;
  if (v.printing) return [0, Math.min(v.rows.length, PRINT_ROWS)];
  const first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - OVERSCAN);
  return [first, Math.min(v.rows.length, Math.ceil((viewport.scrollTop + viewport.clientHeight) / ROW) + OVERSCAN)];
}

/** The grid cell of filtered row `ri` and verb `vi`: its state's mark, class and accessible label. */
function cellElement(v: MatrixView, ri: number, vi: number, subj: string, res: string): HTMLElement {
  const c = kindAt(v, v.rows[ri]!, vi);
  const st = c < 0 ? 0 : shownState(v, c);
  const isActive = ri === v.active.row && vi === v.active.col;
  const label = `${subj} ${v.m.verbs[vi]} ${res}: ${STATE_NAME[st]}`;
  const attrs = {
    role: "gridcell",
    class: `cell ${STATE_NAME[st]}${c >= 0 ? " ruled" : ""}${isActive ? " active" : ""}`,
    tabindex: isActive ? "0" : "-1",
    "data-row": String(ri),
    "data-col": String(vi),
    "aria-label": label,
    title: label,
  };
  return h("div", attrs, STATE_MARK[st]!);
}

/** The positioned line of filtered row `ri`: subject, resource and one cell per verb. */
function rowElement(v: MatrixView, ri: number): HTMLElement {
  const row = v.rows[ri]!;
  const subj = v.m.subjects[v.table.subject[row]!]!;
  const res = v.m.resources[v.table.resource[row]!]!;
  const line = h("div", { class: "mrow", role: "row", "aria-rowindex": String(ri + 1), style: `top:${ri * ROW}px;grid-template-columns:${v.cols}` });
  line.append(h("div", { role: "rowheader", class: "subj", title: subj }, subj), h("div", { class: "res", title: res }, res));
  for (let vi = 0; vi < v.m.verbs.length; vi++) line.append(cellElement(v, ri, vi, subj, res));
  return line;
}

/** Lays out the filtered rows in view (every one up to PRINT_ROWS when printing) and updates the count. */
export function renderRows(v: MatrixView): void {
  sizeViewport(v);
  // The range reads the viewport's scroll position and height after its resizing above.
  const [first, last] = visibleRange(v);
  v.el.spacer.replaceChildren();
  for (let ri = first; ri < last; ri++) v.el.spacer.append(rowElement(v, ri));
  const { m } = v;
  v.el.count.textContent = `${v.rows.length} of ${v.table.total} subject × resource rows with a deciding rule; ${m.subjects.length} subjects, ${m.resources.length} resources`;
}

/** The list of the rules that decide cell kind `c`, with their effect, text and location. */
function rulesList(m: AccessMatrix, c: number): HTMLElement {
  const list = h("ul", { class: "rules" });
  for (const id of m.ruleSets[m.kinds[c * 3 + 1]!]!) {
    const r = m.rules[id]!;
    list.append(
      h(
        "li",
        { class: r.effect },
        h("code", {}, `${r.policy} rule ${r.rule}`),
        ` (${r.effect}) ${r.text} — `,
        h("span", { class: "loc" }, `${r.file}:${r.line}`),
      ),
    );
  }
  return list;
}

/** Where a partial cell kind `c` is allowed: its namespaces, or some object names only. */
function partialNote(m: AccessMatrix, c: number): string {
  const set = m.kinds[c * 3 + 2]!;
  if (set < 0) return "allowed for some object names only (in some namespaces)";
  const names = m.namespaceSets[set]!.map((i) => (m.namespaces[i] === "*" ? "any other namespace" : m.namespaces[i]!));
  return `allowed in ${names.join(", ") || "no namespace"}; denied elsewhere`;
}

/** Shows in the details panel the state of filtered row `ri` and verb `vi` and the rules that decide it. */
export function explainCell(v: MatrixView, ri: number, vi: number): void {
  const { m } = v;
  const row = v.rows[ri];
  if (row === undefined) return;
  const c = kindAt(v, row, vi);
  const head = h(
    "p",
    {},
    h("strong", {}, m.subjects[v.table.subject[row]!]!),
    ` ${m.verbs[vi]} `,
    h("strong", {}, m.resources[v.table.resource[row]!]!),
    `: ${STATE_NAME[c < 0 ? 0 : shownState(v, c)]}`,
  );
  if (c < 0) {
    v.el.details.replaceChildren(head, h("p", {}, "no rule names this: denied by default"));
    return;
  }
  const parts: Node[] = [head, rulesList(m, c)];
  if (m.kinds[c * 3] === 3) parts.push(h("p", {}, partialNote(m, c)));
  v.el.details.replaceChildren(...parts);
}
