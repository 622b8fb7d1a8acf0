import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadDocuments } from "@rampart/core";
import { buildReport, renderReportHtml } from "@rampart/pipeline";
// @ts-expect-error: a build script in plain JavaScript, without types
import { bundleClient } from "../scripts/bundle-client-lib.mjs";

describe("report page", () => {
  it("embeds the script bundled from src/report/client (run `pnpm --filter @rampart/pipeline bundle:client` after editing it)", async () => {
    const committed = readFileSync(fileURLToPath(new URL("../src/report/client-bundle.ts", import.meta.url)), "utf8");
    expect(committed).toBe(await bundleClient());
  });

  it("is self-contained: a strict CSP, no external reference, data embedded once with `<` escaped, byte-identical for the same data", () => {
    const { documents } = loadDocuments([
      {
        apiVersion: "rampart.dev/v1alpha1",
        kind: "AccessPolicy",
        metadata: { name: "p" },
        spec: {
          subjects: [{ user: "</script><script>alert(1)</script>" }],
          rules: [{ effect: "allow", verbs: ["get"], resources: ["pods"], namespaces: ["a"] }],
        },
      },
    ]);
    const data = buildReport(documents, { now: new Date("2026-06-01T00:00:00Z") });
    const html = renderReportHtml(data);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toMatch(/\b(?:src|href)=["']?(?!data:)[a-z]+:/i);
    expect(html).not.toMatch(/@import|url\((?!#)/);
    expect(html).toContain("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
    const json = /<script type="application\/json" id="rampart-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(json)).toEqual(data);
    expect(renderReportHtml(buildReport(documents, { now: new Date("2026-06-01T00:00:00Z") }))).toBe(html);
  });
});
