import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createEvaluator, loadFiles } from "@rampart/core";
import { learnFromAuditLogs, readAuditLog, replayAudit, writeLearnedFiles } from "@rampart/pipeline";
import { describe, expect, it } from "vitest";
import { generateAuditLog } from "./audit-generator.js";
import { deniedCount, probes, tempDir, writeLog } from "./learn-helpers.js";

const byUser = (r: { user: string }) => r.user;

describe("rampart learn over a synthetic audit log", async () => {
  const { lines, stats } = generateAuditLog({ seed: 1, requests: 2000, malformed: true });
  const log = writeLog(lines);
  const result = await learnFromAuditLogs([log]);

  it("reads every line once, merges stages and counts outcomes exactly", () => {
    expect(stats).toMatchObject({ allowed: 1405, forbidden: 442, failed: 105, unknown: 48, extraStages: 1009 });
    expect(result.summary).toMatchObject({
      lines: lines.length,
      skippedLines: 3,
      duplicateStages: stats.extraStages,
      outsideWindow: 0,
      requests: 2000,
      allowed: stats.allowed,
      forbidden: stats.forbidden,
      failed: stats.failed,
      unknownOutcome: stats.unknown,
      policies: 5,
    });
    expect(result.status).toBe(0);
  });

  it("warns about each malformed line with its file and line, and learns the rest", () => {
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`)).toEqual([
      `${log}:3:1: warning: not a Kubernetes audit event (kind \`Pod\`, apiVersion \`v1\`): skipped`,
      `${log}:7:1: warning: unknown apiVersion \`audit.k8s.io/v2\`: only \`audit.k8s.io/v1\` events are read; skipped`,
      `${log}:${lines.length}:1: warning: not a complete JSON object (a truncated line?): skipped`,
    ]);
    expect(stats.malformed.map((m) => m[0])).toEqual([3, 7, lines.length]);
  });

  it("replays exactly: every allowed event allowed, every forbidden one denied", () => {
    expect(result.summary.replay).toEqual({
      kept: 1405,
      keptAllowed: 1405,
      forbidden: 442,
      forbiddenDenied: 442,
      forbiddenSuperseded: 0,
      failures: [],
      exact: true,
    });
  });

  it("learns the deployer's policy: names kept, generated pod names as one glob, creation and lists unnamed", () => {
    const deployer = result.policies.find((p) => p.name === "sa-ci-deployer")!;
    expect(deployer.subject).toEqual({ kind: "serviceAccount", namespace: "ci", name: "deployer" });
    expect(deployer.rules.map(({ count, first, last, ...r }) => r)).toEqual([
      { verbs: ["create"], resources: ["deployments.apps"], namespaces: ["team-0", "team-1", "team-2"] },
      { verbs: ["get", "patch"], resources: ["deployments.apps"], namespaces: ["team-0", "team-1", "team-2"], names: ["api", "web"] },
      { verbs: ["list"], resources: ["pods"], namespaces: ["team-0", "team-1", "team-2"] },
      { verbs: ["get"], resources: ["pods/log"], namespaces: ["team-0", "team-1", "team-2"], names: ["api-*"] },
    ]);
    expect(result.policies.map((p) => p.name)).toEqual([
      "sa-ci-deployer",
      "sa-kube-system-cronjob-controller",
      "user-alice-example-com",
      "user-bob",
      "user-carol",
    ]);
  });

  it("writes YAML that loads back with 0 diagnostics and replays exactly from the files", async () => {
    const dir = tempDir();
    const written = await writeLearnedFiles(dir, result.files);
    expect(written).toEqual(result.policies.map((p) => join(dir, `${p.name}.yaml`)));
    const loaded = await loadFiles([dir]);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.documents).toHaveLength(5);
    const { records } = await readAuditLog([log]);
    const replay = replayAudit(records, loaded.documents, result.policies);
    expect([replay.keptAllowed, replay.forbiddenDenied, replay.exact]).toEqual([1405, 442, true]);
    const yaml = readFileSync(join(dir, "sa-kube-system-cronjob-controller.yaml"), "utf8");
    expect(yaml).toContain(
      "      verbs: [ delete ]\n      resources: [ jobs.batch ]\n      namespaces: [ team-0 ]\n      names: [ report-* ]\n      reason: observed 116 times, first 2026-11-30T00:00:17Z, last 2026-11-30T00:33:08Z\n",
    );
  });

  it("denies every probe next to what was observed (another verb, namespace, name, pods/exec)", async () => {
    const dir = tempDir();
    await writeLearnedFiles(dir, result.files);
    const loaded = await loadFiles([dir]);
    const { records } = await readAuditLog([log]);
    const near = probes(records, byUser);
    expect(near.length).toBe(1037);
    expect(deniedCount(createEvaluator(loaded.documents), near)).toBe(near.length);
    // The probes include the interesting ones by name.
    expect(near).toContainEqual(expect.objectContaining({ user: "carol", verb: "create", resource: "pods", subresource: "exec", namespace: "team-1" }));
    expect(near).toContainEqual(
      expect.objectContaining({ user: "alice@example.com", verb: "create", resource: "pods", subresource: "exec", namespace: "team-1", name: "zz-unobserved" }),
    );
    expect(near).toContainEqual(expect.objectContaining({ user: "system:serviceaccount:ci:deployer", verb: "list", resource: "pods", namespace: "probe-ns" }));
  });

  it("is deterministic: the same log gives byte-identical files", async () => {
    const again = await learnFromAuditLogs([log]);
    expect(again.files).toEqual(result.files);
  });

  it("writes TypeScript modules that `rampart check` loads and that replay exactly", async () => {
    const ts = await learnFromAuditLogs([log], { format: "ts" });
    const dir = tempDir();
    await writeLearnedFiles(dir, ts.files);
    expect(ts.files.map((f) => f.path)).toEqual(result.policies.map((p) => `${p.name}.ts`));
    const loaded = await loadFiles([dir]);
    expect(loaded.diagnostics).toEqual([]);
    const { records } = await readAuditLog([log]);
    expect(replayAudit(records, loaded.documents, ts.policies).exact).toBe(true);
    expect(ts.files.find((f) => f.path === "user-bob.ts")!.content).toBe(
      `// Learned by \`rampart learn\` from Kubernetes audit events; review before applying.\n` +
        `import { accessPolicy, allow } from "@rampart/core";\n\n` +
        `export default accessPolicy("user-bob", {\n` +
        `  subjects: [{ user: "bob" }],\n` +
        `  rules: [\n` +
        `    allow({ verbs: ["get"], nonResourceURLs: ["/healthz", "/version"], reason: "observed 60 times, first 2026-11-30T00:00:11Z, last 2026-11-30T00:32:47Z" }),\n` +
        `  ],\n});\n`,
    );
  });
});
