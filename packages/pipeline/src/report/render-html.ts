import { CLIENT_JS } from "./client-bundle.js";
import type { ReportData } from "./types.js";

/** No network access at all: inline styles and script only, images only as data: URLs. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#59636e;--line:#d1d9e0;--head:#f6f8fa;--allow:#1a7f37;--allow-bg:#dafbe1;--deny:#cf222e;--deny-bg:#ffebe9;--partial:#9a6700;--partial-bg:#fff8c5;--focus:#0969da;--node:#ddf4ff;--ns:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--head:#151b23;--allow:#3fb950;--allow-bg:#12261e;--deny:#f85149;--deny-bg:#25171c;--partial:#d29922;--partial-bg:#272115;--focus:#4493f8;--node:#0c2d6b;--ns:#151b23}}
*{box-sizing:border-box}body{margin:0;padding:1rem 1.5rem;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:1.6rem}h3{font-size:1rem}
code,.loc{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em}.subtitle,.legend,.count{color:var(--muted)}
nav{display:inline-flex;gap:.3rem;flex-wrap:wrap}nav button,.filters input,.filters select,button.flow{font:inherit;color:var(--fg);background:var(--head);border:1px solid var(--line);border-radius:6px;padding:.25rem .6rem}
nav button[aria-pressed=true]{border-color:var(--focus);box-shadow:inset 0 -2px 0 var(--focus)}
:focus-visible{outline:2px solid var(--focus);outline-offset:1px}
.filters{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center;margin:.4rem 0}
.viewport{position:relative;height:60vh;overflow:auto;border:1px solid var(--line);border-radius:6px}
.mrow{display:grid;height:26px;align-items:center;border-bottom:1px solid var(--line)}.mrow>div{overflow:hidden;white-space:nowrap;text-overflow:ellipsis;padding:0 .4rem}
.mrow.head{position:sticky;top:0;z-index:2;background:var(--head);font-weight:600}.mrow.head .verb{text-align:center;font-size:.85em}
.spacer{position:relative}.spacer .mrow{position:absolute;left:0;right:0}
.cell{text-align:center;cursor:pointer;height:100%;line-height:26px;color:var(--muted)}.cell.allow{color:var(--allow);background:var(--allow-bg)}.cell.deny.ruled{color:var(--deny);background:var(--deny-bg)}.cell.partial{color:var(--partial);background:var(--partial-bg)}
.legend .cell{display:inline-block;width:1.6rem;height:auto;line-height:1.4}.cell.active{box-shadow:inset 0 0 0 2px var(--focus)}
.details{margin:.6rem 0;padding:.5rem .8rem;border:1px solid var(--line);border-radius:6px;background:var(--head);min-height:2.5rem}
.rules li.allow::marker{color:var(--allow)}.rules li.deny::marker{color:var(--deny)}
table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:var(--head)}
.badge{font-weight:600}.badge.deny,.badge.error{color:var(--deny)}.badge.warn,.badge.warning{color:var(--partial)}.badge.allow,.badge.info{color:var(--allow)}
.graph{overflow:auto;border:1px solid var(--line);border-radius:6px;max-height:75vh}.graph svg{display:block;font-size:12px}
.graph .ns rect{fill:var(--ns);stroke:var(--line)}.graph .ns text{fill:var(--muted);font-weight:600}.graph .node rect{fill:var(--node);stroke:var(--focus)}.graph .node text{fill:var(--fg)}
.graph .edge .line{fill:none;stroke-width:1.6}.graph .edge.allow .line{stroke:var(--allow)}.graph .edge.deny .line{stroke:var(--deny);stroke-dasharray:5 4}
.graph .edge .hit{fill:none;stroke:transparent;stroke-width:12;cursor:pointer}.graph .edge:focus .line,.graph .edge:hover .line{stroke-width:3.2}
.graph .head.allow{fill:var(--allow)}.graph .head.deny{fill:var(--deny)}.legend .allow{color:var(--allow)}.legend .deny{color:var(--deny)}
button.flow.allow{color:var(--allow)}button.flow.deny{color:var(--deny)}
.diff{list-style:none;padding:0}.diff li{padding:.15rem .5rem;border-radius:4px;margin:.1rem 0}.diff .added{color:var(--allow);background:var(--allow-bg)}.diff .removed{color:var(--deny);background:var(--deny-bg)}.diff .changed{color:var(--partial);background:var(--partial-bg)}
@media print{body{padding:0;font-size:11px;background:#fff;color:#000}.filters,nav{display:none}.viewport{height:auto;overflow:visible;border:0}.graph{max-height:none;overflow:visible}section{break-inside:avoid-page}.details{display:none}}
`;

/** JSON for a `<script type="application/json">`: nothing in it can close the element or start a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The report as one self-contained HTML page: the data embedded once as JSON, the styles and the
 * bundled script inline, a CSP that forbids every network request. Deterministic for the same data.
 */
export function renderReportHtml(data: ReportData, options: { title?: string } = {}): string {
  const title = escapeHtml(options.title ?? "rampart report");
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${title}</title>`,
    `<style>${STYLE.trim()}</style>`,
    "</head>",
    "<body>",
    `<header><h1>${title}</h1></header>`,
    '<main id="app"><noscript>this report needs JavaScript to show the access matrix and traffic graph; the same data is in report.json</noscript></main>',
    `<script type="application/json" id="rampart-data">${scriptJson(data)}</script>`,
    `<script>${CLIENT_JS}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
