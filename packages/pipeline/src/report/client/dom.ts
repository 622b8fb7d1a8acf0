/// <reference lib="dom" />
// Browser-side helpers of the report page. Text goes through textContent only: user input is never parsed as HTML.

/** Creates an element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

const SVG = "http://www.w3.org/2000/svg";

/** Creates an SVG element with attributes. */
export function s(tag: string, attrs: Record<string, string | number> = {}): SVGElement {
  const el = document.createElementNS(SVG, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A table with a header row and text rows. */
export function table(head: string[], rows: (string | Node)[][], cls = ""): HTMLTableElement {
  const t = h("table", cls ? { class: cls } : {});
  t.append(h("thead", {}, h("tr", {}, ...head.map((x) => h("th", { scope: "col" }, x)))));
  const body = h("tbody");
  for (const r of rows) body.append(h("tr", {}, ...r.map((x) => h("td", {}, x))));
  t.append(body);
  return t;
}
