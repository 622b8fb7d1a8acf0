// HTML report: a deterministic organisation at 1,000 and 10,000 subjects over 500 resources (79
// built-in plus 421 CRDs): teams of 10 subjects (a group, 4 users, 5 ServiceAccounts), each reading
// 5 built-ins and its CRD group in its namespaces, writing 3, exec by name, denied secrets; every
// 100th team reads everything cluster-wide. Figures: time to build the matrix, against a naive
// baseline measured in the same run (one decision per subject × resource × verb for one namespace
// and one name, a lower bound of per-cell evaluation; timed on 500 subjects and scaled); the page's size; first paint and time to the
// rendered matrix in headless Chromium, against an empty report's page in the same browser.
//
//   node --import jiti/register bench/report.bench.ts     (or `pnpm bench report`)
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createEvaluator, createInventory, loadDocuments, namedSubjects, subjectRequest, type Inventory, type RampartDocument } from "@rampart/core";
import { buildAccessMatrix, renderReportHtml, type ReportData } from "@rampart/pipeline";

const NOW = new Date("2026-11-24T00:00:00Z");
const API = "rampart.dev/v1alpha1";
const CHROMIUM = "/usr/bin/chromium";

export function scenario(subjects: number): { documents: RampartDocument[]; inventory: Inventory } {
  const teams = subjects / 10;
  const crds = Array.from({ length: 421 }, (_, i) => ({
    group: `g${i % 42}.example.com`,
    version: "v1",
    resource: `things${i}`,
    kind: `Thing${i}`,
    namespaced: true,
    verbs: ["get", "list", "watch", "create", "update", "patch", "delete"],
  }));
  const inventory = createInventory({ resources: crds, namespaces: Array.from({ length: teams }, (_, i) => `team-${i}`) });
  const values = Array.from({ length: teams }, (_, i) => {
    const team = `team-${i}`;
    const subjectsOf = [
      { group: team },
      ...[0, 1, 2, 3].map((j) => ({ user: `user-${i}-${j}@example.com` })),
      ...[0, 1, 2, 3, 4].map((j) => ({ serviceAccount: `${team}/sa-${j}` })),
    ];
    const rules =
      i % 100 === 0
        ? [{ effect: "allow", verbs: ["get", "list", "watch"], resources: ["*"] }]
        : [
            {
              effect: "allow",
              verbs: ["get", "list", "watch"],
              resources: ["pods", "services", "configmaps", "deployments.apps", "jobs.batch", `*.g${i % 42}.example.com`],
              namespaces: [team, `${team}-*`],
            },
            { effect: "allow", verbs: ["create", "update", "patch", "delete"], resources: ["deployments.apps", "configmaps", "services"], namespaces: [team] },
            { effect: "allow", verbs: ["get", "create"], resources: ["pods/exec"], namespaces: [team], names: ["lead-*"] },
            { effect: "deny", verbs: ["*"], resources: ["secrets"], namespaces: ["*"] },
          ];
    return { apiVersion: API, kind: "AccessPolicy", metadata: { name: team }, spec: { subjects: subjectsOf, rules } };
  });
  const { documents, diagnostics } = loadDocuments(values);
  if (diagnostics.length) throw new Error(`report bench scenario does not load: ${JSON.stringify(diagnostics[0])}`);
  return { documents, inventory };
}

/** Subjects the naive baseline decides (every k-th); its time is scaled to all subjects. */
const NAIVE_SAMPLE = 500;

/** The naive baseline: one decision per subject × resource × verb (one namespace, one name), on a sample of subjects. */
function naive(documents: RampartDocument[], inventory: Inventory, verbs: readonly string[]): { allows: number; sampled: number } {
  const ev = createEvaluator(documents, { inventory, now: NOW });
  const all = namedSubjects(documents);
  const step = Math.max(1, Math.floor(all.length / NAIVE_SAMPLE));
  const sample = all.filter((_, i) => i % step === 0);
  let allows = 0;
  for (const s of sample) {
    for (const r of inventory.resources) {
      for (const verb of verbs)
        if (
          ev.decide(subjectRequest(s, { verb, apiGroup: r.group, resource: r.resource, namespace: r.namespaced ? "team-1" : "", name: "x" })).decision ===
          "allow"
        )
          allows++;
    }
  }
  return { allows, sampled: sample.length };
}

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function paint(file: string, runs: number): Promise<{ fcp: number; ready: number }> {
  const puppeteer = (await import("puppeteer-core")).default;
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const fcps: number[] = [];
  const readies: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: 60_000 });
      await page.waitForFunction(() => document.documentElement.dataset.ready === "1" && performance.getEntriesByName("first-contentful-paint").length > 0, {
        timeout: 60_000,
      });
      const t = await page.evaluate(() => ({
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
        ready: performance.getEntriesByName("rampart-ready")[0]?.startTime ?? Number.NaN,
      }));
      fcps.push(t.fcp);
      readies.push(t.ready);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { fcp: median(fcps), ready: median(readies) };
}

/** Runs the report benchmark and returns its figure lines. */
export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), "rampart-report-bench-"));
  const browser = existsSync(CHROMIUM);
  const empty: ReportData = { format: "rampart-report/v1", clusters: [] };
  const emptyFile = join(dir, "empty.html");
  writeFileSync(emptyFile, renderReportHtml(empty));
  const base = browser ? await paint(emptyFile, 5) : undefined;
  if (base) lines.push(`empty report page: first paint ${base.fcp.toFixed(0)} ms, script done ${base.ready.toFixed(0)} ms (baseline)`);
  for (const subjects of [1_000, 10_000]) {
    const { documents, inventory } = scenario(subjects);
    let t0 = performance.now();
    const access = buildAccessMatrix(documents, { inventory, now: NOW });
    const build = ms(t0);
    t0 = performance.now();
    const { allows, sampled } = naive(documents, inventory, access.verbs);
    const naiveMs = (ms(t0) * access.subjects.length) / sampled;
    const data: ReportData = {
      format: "rampart-report/v1",
      clusters: [{ name: "default", access, traffic: { source: "policies", namespaces: [], nodes: [], edges: [] }, workloads: [], lint: [] }],
    };
    const html = renderReportHtml(data);
    const file = join(dir, `report-${subjects}.html`);
    writeFileSync(file, html);
    const rows = access.subjectProfile.reduce((n, p) => n + (p < 0 ? 0 : access.profiles[p]!.length / 2), 0);
    lines.push(
      `${subjects} subjects × ${access.resources.length} resources × ${access.verbs.length} verbs: matrix built in ${build.toFixed(0)} ms vs naive one-decision-per-cell ${naiveMs.toFixed(0)} ms (timed on ${sampled} subjects, ${allows} allows among them, scaled) → ${(naiveMs / build).toFixed(1)}× faster; ` +
        `${rows} rows, ${access.profiles.length} profiles, ${access.patterns.length} patterns, ${access.kinds.length / 3} cell kinds; page ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB`,
    );
    if (base) {
      const p = await paint(file, 3);
      lines.push(
        `  headless Chromium: first paint ${p.fcp.toFixed(0)} ms (${(p.fcp / base.fcp).toFixed(2)}× the empty page), matrix rendered at ${p.ready.toFixed(0)} ms (${(p.ready / base.ready).toFixed(2)}× the empty page)`,
      );
    }
  }
  if (!base) lines.push("NOTICE: no Chromium at /usr/bin/chromium: paint times not measured");
  lines.push(`pages written to ${dir}`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) for (const line of await run()) console.log(line);
