/// <reference lib="dom" />
// Entry of the report page's script: reads the embedded data and builds the views per cluster.
import type { ClusterReport, ReportData } from "../types.js";
import { h, table } from "./dom.js";
import { graphView } from "./graph-view.js";
import { matrixView } from "./matrix-view.js";

const data = JSON.parse(document.getElementById("rampart-data")!.textContent!) as ReportData;
const app = document.getElementById("app")!;

function findingsView(c: ClusterReport): HTMLElement {
  const work = c.workloads.length
    ? table(
        ["object", "decision", "policy", "rule", "message"],
        c.workloads.map((w) => [w.object, h("span", { class: `badge ${w.decision}` }, w.decision), w.policy, w.rule, w.message]),
      )
    : h("p", {}, "no workload findings (give manifests with `-f` to admit them)");
  const lint = c.lint.length
    ? table(
        ["severity", "code", "where", "message"],
        c.lint.map((f) => [
          h("span", { class: `badge ${f.severity}` }, f.severity),
          f.code,
          `${f.file}:${f.line}:${f.column}`,
          f.hint ? `${f.message} (${f.hint})` : f.message,
        ]),
      )
    : h("p", {}, "no lint findings");
  return h("div", {}, h("h3", {}, `workload findings (${c.workloads.length})`), work, h("h3", {}, `lint findings (${c.lint.length})`), lint);
}

function diffView(d: NonNullable<ReportData["diff"]>): HTMLElement {
  const list = h("ul", { class: "diff" });
  for (const e of d.entries)
    list.append(
      h("li", { class: e.change }, h("span", { class: "mark" }, e.change === "added" ? "+" : e.change === "removed" ? "−" : "~"), ` [${e.area}] ${e.text}`),
    );
  return h("div", {}, h("p", {}, `against \`${d.base}\`: ${d.entries.length} changes`), d.entries.length ? list : h("p", {}, "no semantic change"));
}

/** One cluster's sections; the traffic graph is laid out after the first paint. */
function clusterView(c: ClusterReport): HTMLElement {
  const graphSlot = h("div", { class: "graph-slot" }, "laying out the traffic graph…");
  setTimeout(() => graphSlot.replaceChildren(graphView(c.traffic)), 0);
  return h(
    "div",
    { class: "cluster", "data-cluster": c.name },
    h(
      "section",
      { id: `access-${c.name}`, "aria-labelledby": `h-access-${c.name}` },
      h("h2", { id: `h-access-${c.name}` }, "access matrix"),
      matrixView(c.access),
    ),
    h("section", { id: `traffic-${c.name}` }, h("h2", {}, "traffic graph"), graphSlot),
    h("section", { id: `findings-${c.name}` }, h("h2", {}, "findings"), findingsView(c)),
  );
}

const nav = h("nav", { "aria-label": "clusters" });
const views = new Map<string, HTMLElement>();
const select = (name: string) => {
  for (const [n, el] of views) el.hidden = n !== name;
  for (const b of Array.from(nav.querySelectorAll("button"))) b.setAttribute("aria-pressed", String(b.dataset.cluster === name));
};
for (const c of data.clusters) {
  const b = h("button", { type: "button", "data-cluster": c.name }, c.name);
  b.addEventListener("click", () => select(c.name));
  nav.append(b);
}
app.append(h("p", { class: "subtitle" }, `${data.clusters.length} cluster${data.clusters.length === 1 ? "" : "s"}: `), nav);
if (data.diff) app.append(h("section", { id: "diff" }, h("h2", {}, "semantic diff"), diffView(data.diff)));
// Only the first cluster is built now; the others on first selection keeps first paint independent of the cluster count.
const built = new Set<string>();
const ensure = (name: string) => {
  if (built.has(name)) return;
  built.add(name);
  const el = clusterView(data.clusters.find((c) => c.name === name)!);
  views.set(name, el);
  app.append(el);
};
nav.addEventListener("click", (e) => {
  const name = (e.target as HTMLElement).dataset.cluster;
  if (name) {
    ensure(name);
    select(name);
  }
});
if (data.clusters[0]) {
  ensure(data.clusters[0].name);
  select(data.clusters[0].name);
}
// After the matrix's first render (queued as a microtask when it was built): what the benchmark times.
queueMicrotask(() => {
  performance.mark("rampart-ready");
  document.documentElement.dataset.ready = "1";
});
