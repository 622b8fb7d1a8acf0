import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rampart } from "./run-cli.js";

const AT = "2026-06-01T00:00:00Z";

describe("rampart report", () => {
  it("writes the HTML page and report.json for every cluster of the example, byte-identical on a second run", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-report-cli-"));
    const r = rampart(["report", "examples/platform/policies", "-o", join(dir, "out", "report.html"), "-f", "examples/platform/fixtures", "--at", AT]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines.slice(0, 3).map((l) => l.split(":")[0])).toEqual(["dev", "prod", "staging"]);
    expect(lines[0]).toMatch(/^dev: 8 subjects × 14 resources × 8 verbs \(\d+ decided cells\), 6 workloads, 1 flows, 11 workload findings, 8 lint findings$/);
    const html = readFileSync(join(dir, "out", "report.html"), "utf8");
    const json = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    expect(json.format).toBe("rampart-report/v1");
    expect(json.clusters.map((c: { name: string }) => c.name)).toEqual(["dev", "prod", "staging"]);
    const embedded = /<script type="application\/json" id="rampart-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(embedded)).toEqual(json);
    const again = rampart(["report", "examples/platform/policies", "-o", join(dir, "again.html"), "-f", "examples/platform/fixtures", "--at", AT]);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, "again.html"), "utf8")).toBe(html);
  });

  it("reports every problem of bad input with its position, exit 2, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-report-bad-"));
    writeFileSync(
      join(dir, "bad.yaml"),
      "apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: p }\nspec:\n  subjects: [{ user: u }]\n  rules:\n    - effect: alow\n      verbs: [get]\n      resources: [pods]\n",
    );
    const r = rampart(["report", join(dir, "bad.yaml"), "-o", join(dir, "report.html")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "bad.yaml:7:15: error: `spec.rules[0].effect` is `alow`; expected one of `allow`, `deny` (did you mean `allow`?) [invalid-value]",
    );
    expect(existsSync(join(dir, "report.html"))).toBe(false);
    expect(existsSync(join(dir, "report.json"))).toBe(false);
    const noOut = rampart(["report", "examples/platform/policies"]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("`-o FILE` is required: where to write the HTML report (report.json is written beside it)");
  });

  it("--base: the semantic diff against a git ref, added access green and removed red in report.json", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-report-base-"));
    const git = (...a: string[]) => execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@t", ...a], { stdio: "pipe" });
    const policy = (verbs: string) =>
      `apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: dev }\nspec:\n  subjects: [{ group: dev }]\n  rules:\n    - { effect: allow, verbs: [${verbs}], resources: [configmaps], namespaces: [team] }\n`;
    mkdirSync(join(dir, "p"));
    writeFileSync(join(dir, "p/a.yaml"), policy("get, delete"));
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "base");
    writeFileSync(join(dir, "p/a.yaml"), policy("get, list"));
    const r = rampart(["report", "p", "-o", "out/report.html", "--base", "HEAD", "--at", AT], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    expect(json.diff.base).toBe("HEAD");
    expect(json.diff.entries.map((e: { change: string; area: string }) => `${e.change} ${e.area}`)).toEqual(["added access", "removed access"]);
    expect(json.diff.entries[0].text).toContain("Group dev list configmaps");
    expect(json.diff.entries[1].text).toContain("Group dev delete configmaps");
    const missing = rampart(["report", "p", "-o", "out/x.html", "--base", "no-such-ref"], dir);
    expect(missing.code).toBe(2);
    expect(existsSync(join(dir, "out", "x.html"))).toBe(false);
  });
});
