/// <reference lib="dom" />
import dagre from "@dagrejs/dagre";
import type { TrafficEdge, TrafficGraph } from "../types.js";
import { h, s, table } from "./dom.js";

/** Above this many nodes the drawing is skipped (the flow table stays): a picture that large is unreadable. */
const MAX_DRAWN_NODES = 400;
const NODE_H = 28;

const edgeText = (g: TrafficGraph, e: TrafficEdge) =>
  e.kind === "allow"
    ? `${g.nodes[e.from]!.label} → ${g.nodes[e.to]!.label}: allowed ${e.conns}`
    : `${g.nodes[e.from]!.label} → ${g.nodes[e.to]!.label}: denied`;
const rulesText = (e: TrafficEdge) =>
  e.kind === "allow" ? (e.rules.length ? `decided by ${e.rules.join(", ")}` : "no policy isolates these pods") : `denied by ${e.rules.join(", ")}`;

/** Renders the traffic graph: namespaces as boxes, workloads as nodes, flows as edges (laid out by dagre), and the flow table. */
export function graphView(g: TrafficGraph): HTMLElement {
  const details = h("div", { class: "details", id: "graph-details", "aria-live": "polite" }, "select an edge or a flow to see the rule that decides it");
  const show = (e: TrafficEdge) => details.replaceChildren(h("p", {}, h("strong", {}, edgeText(g, e))), h("p", {}, rulesText(e)));
  const wrap = h("div", { class: "graph" });
  if (g.nodes.length === 0) wrap.append(h("p", {}, "no workloads: give `--workloads FILE`, or write TrafficPolicies"));
  else if (g.nodes.length > MAX_DRAWN_NODES) wrap.append(h("p", {}, `${g.nodes.length} workloads: too many to draw; the flows are listed below`));
  else wrap.append(draw(g, show));
  const rows = g.edges.map((e) => {
    const b = h("button", { type: "button", class: `flow ${e.kind}` }, e.kind === "allow" ? "allowed" : "denied");
    b.addEventListener("click", () => show(e));
    return [g.nodes[e.from]!.label, g.nodes[e.to]!.label, b, e.conns, e.rules.join(", ")];
  });
  const caption = h(
    "p",
    { class: "legend" },
    `${g.nodes.length} workload${g.nodes.length === 1 ? "" : "s"} in ${g.namespaces.length} namespace${g.namespaces.length === 1 ? "" : "s"} (${g.source === "workloads" ? "from --workloads" : "one per pod set a TrafficPolicy selects"}); `,
    h("span", { class: "allow" }, "── allowed flow"),
    " ",
    h("span", { class: "deny" }, "- - flow a deny rule blocks"),
  );
  const flows = rows.length
    ? table(["from", "to", "flow", "connections", "rules"], rows, "flows")
    : h("p", {}, "no flow between these workloads is allowed or denied by a rule");
  return h("div", {}, caption, wrap, details, flows);
}

function draw(g: TrafficGraph, show: (e: TrafficEdge) => void): SVGElement {
  const graph = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 70, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  g.namespaces.forEach((ns, i) => graph.setNode(`ns${i}`, { label: ns, paddingTop: 24 }));
  const nsIndex = new Map(g.namespaces.map((n, i) => [n, i]));
  g.nodes.forEach((n, i) => {
    const short = n.label.startsWith(`${n.namespace}/`) ? n.label.slice(n.namespace.length + 1) : n.label;
    graph.setNode(`n${i}`, { width: Math.min(260, 16 + short.length * 7.2), height: NODE_H, short });
    graph.setParent(`n${i}`, `ns${nsIndex.get(n.namespace)}`);
  });
  g.edges.forEach((e, i) => graph.setEdge(`n${e.from}`, `n${e.to}`, { i }, `e${i}`));
  dagre.layout(graph);
  const { width = 0, height = 0 } = graph.graph();
  const svg = s("svg", { viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height + 16)}`, width: Math.ceil(width), role: "group", "aria-label": "traffic graph" });
  const defs = s("defs");
  for (const kind of ["allow", "deny"]) {
    const marker = s("marker", { id: `arrow-${kind}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
    marker.append(s("path", { d: "M0,0 L10,5 L0,10 z", class: `head ${kind}` }));
    defs.append(marker);
  }
  svg.append(defs);
  g.namespaces.forEach((ns, i) => {
    const b = graph.node(`ns${i}`) as { x: number; y: number; width: number; height: number };
    const box = s("g", { class: "ns" });
    box.append(s("rect", { x: b.x - b.width / 2, y: b.y - b.height / 2 - 12, width: b.width, height: b.height + 12, rx: 6 }));
    const t = s("text", { x: b.x - b.width / 2 + 8, y: b.y - b.height / 2 + 4 });
    t.textContent = ns;
    box.append(t);
    svg.append(box);
  });
  g.edges.forEach((e, i) => {
    const pts = (graph.edge({ v: `n${e.from}`, w: `n${e.to}`, name: `e${i}` }) as { points: { x: number; y: number }[] }).points;
    const d = pts.map((p, j) => `${j ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
    const grp = s("g", { class: `edge ${e.kind}`, tabindex: 0, role: "button", "aria-label": `${edgeText(g, e)}; ${rulesText(e)}`, "data-edge": i });
    const title = s("title");
    title.textContent = `${edgeText(g, e)}\n${rulesText(e)}`;
    grp.append(title, s("path", { d, class: "line", "marker-end": `url(#arrow-${e.kind})` }), s("path", { d, class: "hit" }));
    grp.addEventListener("click", () => show(e));
    grp.addEventListener("keydown", (ev) => {
      if ((ev as KeyboardEvent).key === "Enter" || (ev as KeyboardEvent).key === " ") {
        ev.preventDefault();
        show(e);
      }
    });
    svg.append(grp);
  });
  g.nodes.forEach((n, i) => {
    const b = graph.node(`n${i}`) as { x: number; y: number; width: number; height: number; short: string };
    const node = s("g", { class: "node" });
    const title = s("title");
    title.textContent = n.label;
    const t = s("text", { x: b.x, y: b.y + 4, "text-anchor": "middle" });
    t.textContent = b.short;
    node.append(title, s("rect", { x: b.x - b.width / 2, y: b.y - b.height / 2, width: b.width, height: b.height, rx: 4 }), t);
    svg.append(node);
  });
  return svg;
}
