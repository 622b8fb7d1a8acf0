import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "puppeteer-core";
import { loadDocuments } from "@rampart/core";
import { buildReport, renderReportHtml } from "@rampart/pipeline";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!CHROMIUM) console.warn("NOTICE: report browser test skipped: no Chromium executable at /usr/bin/chromium (apt-get install chromium)");

const NOW = new Date("2026-06-01T00:00:00Z");
const XSS = "<img src=x onerror=alert(1)>";
const v = "rampart.dev/v1alpha1";

function reportHtml(): string {
  const { documents, diagnostics } = loadDocuments([
    ...["eu", "us"].map((name) => ({ apiVersion: v, kind: "Cluster", metadata: { name }, spec: { tags: { region: name } } })),
    {
      apiVersion: v,
      kind: "AccessPolicy",
      metadata: { name: "ops" },
      spec: {
        subjects: [{ group: "ops" }, { user: XSS }],
        rules: [
          { effect: "allow", verbs: ["get", "list"], resources: ["pods"], namespaces: ["shop"] },
          { effect: "deny", verbs: ["*"], resources: ["secrets"], namespaces: ["*"] },
        ],
      },
    },
    {
      apiVersion: v,
      kind: "TrafficPolicy",
      metadata: { name: "shop" },
      spec: {
        namespaces: ["shop"],
        defaultDeny: ["ingress"],
        allow: [{ direction: "ingress", to: { pods: { app: "api" } }, from: [{ pods: { app: "web" } }], ports: ["8080/TCP"] }],
        deny: [{ direction: "ingress", to: { pods: { app: "db" } }, from: [{ pods: { app: "web" } }] }],
      },
    },
  ]);
  expect(diagnostics).toEqual([]);
  const data = buildReport(documents, {
    now: NOW,
    diff: {
      base: "main",
      entries: [
        { change: "added", area: "access", text: "Group ops may get pods in shop" },
        { change: "removed", area: "traffic", text: `shop/app=web → shop/app=cache ${XSS}` },
      ],
    },
  });
  return renderReportHtml(data);
}

describe.skipIf(!CHROMIUM)("report page in headless Chromium", () => {
  const out = mkdtempSync(join(tmpdir(), "rampart-report-browser-"));
  let browser: Browser;
  let page: Page;
  const attempted: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    console.log(`report browser test output (page and screenshots): ${out}`);
    const html = reportHtml();
    writeFileSync(join(out, "report.html"), html);
    const puppeteer = (await import("puppeteer-core")).default;
    browser = await puppeteer.launch({ executablePath: CHROMIUM!, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.setRequestInterception(true);
    page.on("request", (req) => {
      const url = req.url();
      if (url.startsWith("data:") || url.startsWith("about:")) void req.continue();
      else {
        attempted.push(url);
        void req.abort();
      }
    });
    page.on("console", (msg) => msg.type() === "error" && errors.push(`console: ${msg.text()}`));
    page.on("pageerror", (err) => errors.push(`page: ${(err as Error).message}`));
    await page.setContent(html, { waitUntil: "load" });
    await page.waitForSelector(".graph svg .edge", { timeout: 20_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("loads with no network request, no console or page error and no injected markup", async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBe("1");
    expect(await page.evaluate(() => document.querySelectorAll("img").length)).toBe(0);
    await page.screenshot({ path: join(out, "light.png"), fullPage: true });
    expect(attempted).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("shows the subjects and resources of the matrix, names escaped", async () => {
    const rows = await page.$$eval(".spacer .mrow", (els) =>
      els.map((e) => `${e.querySelector(".subj")!.textContent} | ${e.querySelector(".res")!.textContent}`),
    );
    expect(rows).toEqual(["Group ops | pods", "Group ops | secrets", `User ${XSS} | pods`, `User ${XSS} | secrets`]);
    const marks = await page.$$eval(".spacer .mrow:first-child .cell", (els) => els.map((e) => e.className.replace("cell ", "")));
    expect(marks).toEqual(["partial ruled active", "partial ruled", "deny", "deny", "deny", "deny", "deny", "deny"]);
  });

  it("reveals the deciding rule on a click on a cell, and on Enter after arrow keys", async () => {
    await page.click('.cell[aria-label="Group ops get pods: partial"]');
    const text = await page.$eval("#matrix-details", (e) => e.textContent);
    expect(text).toContain("ops rule 0 (allow) get, list on pods in namespaces shop — <inline>:1");
    expect(text).toContain("allowed in shop; denied elsewhere");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    const after = await page.$eval("#matrix-details", (e) => e.textContent);
    expect(after).toContain("Group ops list secrets: deny");
    expect(after).toContain("ops rule 1 (deny) every verb on secrets in every namespace");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).getAttribute("aria-label"))).toBe("Group ops list secrets: deny");
  });

  it("filters by subject, resource and namespace", async () => {
    await page.type("#f-subject", "img");
    expect(await page.$$eval(".spacer .mrow", (els) => els.length)).toBe(2);
    await page.type("#f-resource", "secr");
    expect(await page.$$eval(".spacer .mrow .subj", (els) => els.map((e) => e.textContent))).toEqual([`User ${XSS}`]);
    await page.$eval("#f-subject", (e) => ((e as HTMLInputElement).value = ""));
    await page.$eval("#f-resource", (e) => ((e as HTMLInputElement).value = ""));
    const shopIndex = await page.$eval("#f-namespace", (e) => Array.from((e as HTMLSelectElement).options).find((o) => o.textContent === "shop")!.value);
    await page.select("#f-namespace", shopIndex);
    expect(await page.$eval('.spacer .mrow:first-child .cell[data-col="0"]', (e) => e.getAttribute("aria-label"))).toBe("Group ops get pods: allow");
    await page.select("#f-namespace", "-1");
  });

  it("draws the flows and names the rule of a clicked edge", async () => {
    expect(await page.$$eval(".graph svg .ns text", (els) => els.map((e) => e.textContent))).toEqual(["shop"]);
    expect(await page.$$eval(".graph svg .node text", (els) => els.map((e) => e.textContent))).toEqual(["all pods", "app=api", "app=db", "app=web"]);
    expect(await page.$$eval(".graph svg .edge", (els) => els.map((e) => `${e.getAttribute("class")}: ${e.getAttribute("aria-label")}`))).toEqual([
      "edge allow: shop/app=web → shop/app=api: allowed TCP 8080; decided by NetworkPolicy shop/rampart-shop-allow-0",
      "edge deny: shop/app=web → shop/app=db: denied; denied by shop deny[0]",
    ]);
    await page.click(".graph svg .edge.deny .hit");
    expect(await page.$eval("#graph-details", (e) => e.textContent)).toBe("shop/app=web → shop/app=db: denieddenied by shop deny[0]");
  });

  it("colours the diff (added green, removed red) and reads in dark mode", async () => {
    const colours = await page.$$eval("#diff li", (els) => els.map((e) => `${e.className} ${getComputedStyle(e).color} ${e.textContent}`));
    expect(colours).toEqual([
      "added rgb(26, 127, 55) + [access] Group ops may get pods in shop",
      `removed rgb(207, 34, 46) − [traffic] shop/app=web → shop/app=cache ${XSS}`,
    ]);
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(13, 17, 23)");
    await page.screenshot({ path: join(out, "dark.png"), fullPage: true });
    await page.emulateMediaType("print");
    expect(await page.$eval(".filters", (e) => getComputedStyle(e).display)).toBe("none");
    // The page lays the matrix out for print from a media-query listener: wait for it (bounded), then check.
    await page
      .waitForFunction(() => (document.querySelector(".viewport") as HTMLElement | null)?.style.height === "auto", { timeout: 5000 })
      .catch(() => undefined);
    expect(await page.$eval(".viewport", (e) => (e as HTMLElement).style.height)).toBe("auto");
    await page.pdf({ path: join(out, "print.pdf"), format: "A4" });
    await page.emulateMediaType();
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
    expect(errors).toEqual([]);
  });
});
