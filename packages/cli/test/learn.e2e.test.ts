import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { generateAuditLog } from "../../pipeline/test/audit-generator.js";
import { BIN, rampart } from "./run-cli.js";

function workDir(lines: readonly string[]): string {
  mkdirSync(join(REPO_ROOT, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(REPO_ROOT, ".tmp", "learn-e2e-"));
  writeFileSync(join(dir, "audit.jsonl"), lines.join("\n") + "\n");
  return dir;
}

describe("rampart learn (built binary)", () => {
  const { lines, stats } = generateAuditLog({ seed: 1, requests: 2000, malformed: true });

  it("writes one YAML policy per subject, warns per bad line, prints the replay proof, exit 0", () => {
    const dir = workDir(lines);
    const r = rampart(["learn", "audit.jsonl", "-o", "out"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter((l) => l !== "")).toEqual([
      "audit.jsonl:3:1: warning: not a Kubernetes audit event (kind `Pod`, apiVersion `v1`): skipped [audit-line]",
      "audit.jsonl:7:1: warning: unknown apiVersion `audit.k8s.io/v2`: only `audit.k8s.io/v1` events are read; skipped [audit-line]",
      `audit.jsonl:${lines.length}:1: warning: not a complete JSON object (a truncated line?): skipped [audit-line]`,
      `read ${lines.length} lines: 2000 requests (${stats.allowed} allowed, ${stats.forbidden} forbidden, ${stats.failed} failed, ${stats.unknown} without outcome), 3 lines skipped, ${stats.extraStages} repeated stages merged`,
      "learned 5 policies with 15 rules in out",
      `replay: ${stats.allowed}/${stats.allowed} allowed events allowed, ${stats.forbidden}/${stats.forbidden} forbidden events denied — exact`,
    ]);
    expect(readdirSync(join(dir, "out")).sort()).toEqual([
      "sa-ci-deployer.yaml",
      "sa-kube-system-cronjob-controller.yaml",
      "user-alice-example-com.yaml",
      "user-bob.yaml",
      "user-carol.yaml",
    ]);
    const check = rampart(["check", "out"], dir);
    expect(check.code).toBe(0);
    // check compiles as build does: what RBAC cannot express of the learned names is a warning, never an error.
    expect(check.stderr).not.toMatch(/: error: /);
    expect(check.stderr.trim().split("\n").at(-1)).toBe("ok: 5 documents valid; compiled for 1 cluster (default)");
  });

  it("writes TypeScript with --format ts that `rampart check` loads", () => {
    const dir = workDir(lines);
    expect(rampart(["learn", "audit.jsonl", "-o", "ts", "--format", "ts"], dir).code).toBe(0);
    const check = rampart(["check", "ts"], dir);
    expect(check.code).toBe(0);
    // check compiles as build does: what RBAC cannot express of the learned names is a warning, never an error.
    expect(check.stderr).not.toMatch(/: error: /);
    expect(check.stderr.trim().split("\n").at(-1)).toBe("ok: 5 documents valid; compiled for 1 cluster (default)");
  });

  it("reads standard input and prints the policies when no -o is given; --json prints the summary", () => {
    const dir = workDir(lines);
    const r = spawnSync(process.execPath, [BIN, "learn", "-", "--by-group", "team-a"], { cwd: dir, input: lines.join("\n"), encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("  name: "))).toEqual([
      "  name: group-team-a",
      "  name: sa-ci-deployer",
      "  name: sa-kube-system-cronjob-controller",
      "  name: user-bob",
    ]);
    const j = spawnSync(process.execPath, [BIN, "learn", "-", "--json"], { cwd: dir, input: lines.join("\n"), encoding: "utf8" });
    const out = JSON.parse(j.stdout) as { status: number; summary: { replay: { exact: boolean; kept: number }; policies: number }; diagnostics: unknown[] };
    expect([j.status, out.status, out.summary.policies, out.summary.replay.exact, out.summary.replay.kept, out.diagnostics.length]).toEqual([
      0,
      0,
      5,
      true,
      stats.allowed,
      3,
    ]);
  });

  it("exits 2 and writes nothing when no event could be read", () => {
    const dir = workDir(["not json", '{"kind":"Event","apiVersion":"audit.k8s.io/v1beta1"}']);
    const r = rampart(["learn", "audit.jsonl", "-o", "out"], dir);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(r.stderr).toContain("audit.jsonl:1:1: error: no audit event could be read from `audit.jsonl`");
  });

  it("rejects a bad --format or --since as usage errors (exit 2)", () => {
    const dir = workDir(lines);
    expect(rampart(["learn", "audit.jsonl", "--format", "json"], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("`--format json`: use `yaml` or `ts`"),
    });
    expect(rampart(["learn", "audit.jsonl", "--since", "yesterday"], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("`--since yesterday` is not a timestamp"),
    });
  });
});
