import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { createEvaluator, loadDocuments } from "@rampart/core";
import { formatLearnSummary, learnFromAuditLogs, policyDocument } from "@rampart/pipeline";
import { describe, expect, it } from "vitest";
import { generateAuditLog } from "./audit-generator.js";
import { deniedCount, probes, tempDir, writeLog } from "./learn-helpers.js";

const { lines, stats } = generateAuditLog({ seed: 7, requests: 600 });

const event = (o: {
  id: string;
  user: string;
  groups?: string[];
  verb: string;
  ref?: Record<string, string>;
  uri?: string;
  decision?: string;
  code?: number;
  stage?: string;
  at?: string;
}) =>
  JSON.stringify({
    kind: "Event",
    apiVersion: "audit.k8s.io/v1",
    level: "Metadata",
    auditID: o.id,
    stage: o.stage ?? "ResponseComplete",
    requestURI: o.uri ?? "/api/v1/x",
    verb: o.verb,
    user: { username: o.user, groups: o.groups ?? ["system:authenticated"] },
    ...(o.ref ? { objectRef: o.ref } : {}),
    requestReceivedTimestamp: o.at ?? "2026-11-30T10:00:00.123456Z",
    stageTimestamp: o.at ?? "2026-11-30T10:00:00.223456Z",
    ...(o.code !== undefined ? { responseStatus: { code: o.code } } : {}),
    ...(o.decision ? { annotations: { "authorization.k8s.io/decision": o.decision } } : {}),
  });

describe("learn input", () => {
  it("reads .gz files and standard input like plain files", async () => {
    const plain = await learnFromAuditLogs([writeLog(lines)]);
    const dir = tempDir();
    writeFileSync(join(dir, "audit.jsonl.gz"), gzipSync(lines.join("\n") + "\n"));
    const gz = await learnFromAuditLogs(["audit.jsonl.gz"], { cwd: dir });
    const stdin = await learnFromAuditLogs(["-"], { stdin: Readable.from([lines.join("\n") + "\n"]) });
    expect(plain.summary.requests).toBe(600);
    expect(plain.summary.allowed).toBe(stats.allowed);
    expect(gz.files).toEqual(plain.files);
    expect(stdin.files).toEqual(plain.files);
    expect(gz.summary).toEqual(plain.summary);
  });

  it("learns what a cut-off .gz file holds before the cut and warns where it ends", async () => {
    const dir = tempDir();
    const gz = gzipSync(lines.join("\n") + "\n");
    writeFileSync(join(dir, "cut.jsonl.gz"), gz.subarray(0, Math.floor(gz.length / 2)));
    const r = await learnFromAuditLogs(["cut.jsonl.gz"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: "audit-read",
      severity: "warning",
      file: "cut.jsonl.gz",
      line: r.summary.lines + 1,
      message: "cannot read further: unexpected end of file",
    });
    expect(r.summary.lines).toBeGreaterThan(100); // floor: half of the compressed bytes hold many whole lines
    expect(r.summary.lines).toBeLessThan(lines.length);
    expect(r.summary.replay.exact).toBe(true);
  });

  it("reads several logs in one pass: stages of one request split across files count once", async () => {
    const half = Math.floor(lines.length / 2);
    const both = await learnFromAuditLogs([writeLog(lines.slice(0, half)), writeLog(lines.slice(half))]);
    const one = await learnFromAuditLogs([writeLog(lines)]);
    expect(both.summary.requests).toBe(600);
    expect(both.files).toEqual(one.files);
  });

  it("keeps only requests inside --since/--until", async () => {
    // The generator emits one request per second from 2026-11-30T00:00:00Z.
    const r = await learnFromAuditLogs([writeLog(lines)], { since: new Date("2026-11-30T00:01:40Z"), until: new Date("2026-11-30T00:03:20Z") });
    expect(r.summary.requests).toBe(100);
    expect(r.summary.outsideWindow).toBe(500);
    expect(r.summary.replay.exact).toBe(true);
  });

  it("exits 2 with nothing to write when no event could be read", async () => {
    const log = writeLog(['{"kind":"Event","apiVersion":"audit.k8s.io/v1beta1"}', "not json", '{"apiVersion":"v1","kind":"Pod"}']);
    const r = await learnFromAuditLogs([log]);
    expect(r.status).toBe(2);
    expect(r.files).toEqual([]);
    expect(r.summary.skippedLines).toBe(3);
    expect(r.diagnostics.map((d) => `${d.line}:${d.severity}:${d.code}`)).toEqual([
      "1:warning:audit-line",
      "2:warning:audit-line",
      "3:warning:audit-line",
      "1:error:audit-empty",
    ]);
    expect(r.diagnostics[3]!.message).toBe(`no audit event could be read from \`${log}\``);
  });

  it("warns about a missing file and still learns the others", async () => {
    const r = await learnFromAuditLogs(["missing.jsonl", writeLog(lines)]);
    expect(r.status).toBe(0);
    expect(r.diagnostics).toEqual([
      { code: "audit-read", severity: "warning", message: "cannot read `missing.jsonl`: no such file", file: "missing.jsonl", line: 1, column: 1 },
    ]);
  });

  it("pools the users of a group with --by-group and still replays exactly", async () => {
    const log = writeLog(lines);
    const r = await learnFromAuditLogs([log], { byGroup: ["team-a"] });
    expect(r.policies.map((p) => p.name)).toEqual(["group-team-a", "sa-ci-deployer", "sa-kube-system-cronjob-controller", "user-bob"]);
    expect(r.summary.replay.exact).toBe(true);
    const team = r.policies[0]!;
    expect(
      team.rules.map(
        (x) => `${x.verbs.join(",")} ${(x.resources ?? x.nonResourceURLs)!.join(",")} ${(x.namespaces ?? []).join(",")} ${(x.names ?? []).join(",")}`,
      ),
    ).toEqual(["list namespaces  ", "get nodes  node-1,node-2", "get pods team-1 web-*", "create pods/exec team-1 debug-0", "get /healthz,/version  "]);
    const { documents } = loadDocuments(r.policies.map(policyDocument));
    const near = probes((await import("@rampart/pipeline").then((m) => m.readAuditLog([log]))).records, (x) =>
      x.groups.includes("team-a") ? "team-a" : x.user,
    );
    expect(deniedCount(createEvaluator(documents), near)).toBe(near.length);
  });

  it("merges the stages of one request, keeps the outcome of the last, and takes the decision annotation over the code", async () => {
    const ref = { resource: "configmaps", namespace: "a", name: "c" };
    const r = await learnFromAuditLogs([
      writeLog([
        event({ id: "1", user: "u", verb: "get", ref, stage: "RequestReceived" }),
        event({ id: "1", user: "u", verb: "get", ref, decision: "allow", code: 404 }),
        event({ id: "2", user: "u", verb: "update", ref, decision: "forbid", code: 403 }),
        event({ id: "3", user: "u", verb: "patch", ref, code: 500 }),
        event({ id: "4", user: "u", verb: "delete", ref, stage: "RequestReceived" }),
      ]),
    ]);
    expect(r.summary).toMatchObject({ requests: 4, duplicateStages: 1, allowed: 1, forbidden: 1, failed: 1, unknownOutcome: 1 });
    expect(r.policies[0]!.rules).toEqual([
      {
        verbs: ["get"],
        resources: ["configmaps"],
        namespaces: ["a"],
        names: ["c"],
        count: 1,
        first: Date.parse("2026-11-30T10:00:00.123Z"),
        last: Date.parse("2026-11-30T10:00:00.123Z"),
      },
    ]);
    expect(r.summary.replay).toMatchObject({ kept: 1, keptAllowed: 1, forbidden: 1, forbiddenDenied: 1, exact: true });
  });

  it("counts a forbidden request that the log also allowed apart, not as a failure", async () => {
    const ref = { resource: "secrets", namespace: "a", name: "s" };
    const r = await learnFromAuditLogs([
      writeLog([
        event({ id: "1", user: "u", verb: "get", ref, decision: "forbid", code: 403, at: "2026-11-30T09:00:00Z" }),
        event({ id: "2", user: "u", verb: "get", ref, decision: "allow", code: 200, at: "2026-11-30T10:00:00Z" }),
        event({ id: "3", user: "u", verb: "get", ref: { ...ref, name: "other" }, decision: "forbid", code: 403 }),
      ]),
    ]);
    expect(r.summary.replay).toEqual({ kept: 1, keptAllowed: 1, forbidden: 2, forbiddenDenied: 1, forbiddenSuperseded: 1, failures: [], exact: true });
    expect(r.status).toBe(0);
  });

  it("scopes by the inventory: cluster-wide lists, cluster-scoped resources, CRDs, and `*` when every namespace was touched", async () => {
    const inventoryDir = tempDir();
    const inv = join(inventoryDir, "inventory.yaml");
    writeFileSync(
      inv,
      "apiVersion: rampart.dev/v1alpha1\nkind: Inventory\nmetadata: { name: c }\nspec:\n  namespaces: [a, b]\n  resources:\n    - { group: example.com, version: v1, resource: widgets, kind: Widget, namespaced: true, verbs: [get, list], subresources: [status] }\n",
    );
    const sa = "system:serviceaccount:ops:bot";
    const r = await learnFromAuditLogs(
      [
        writeLog([
          event({ id: "1", user: sa, verb: "list", ref: { resource: "pods" }, decision: "allow" }),
          event({ id: "2", user: sa, verb: "get", ref: { resource: "nodes", name: "n1" }, decision: "allow" }),
          event({ id: "3", user: sa, verb: "list", ref: { apiGroup: "example.com", resource: "widgets", namespace: "a" }, decision: "allow" }),
          event({ id: "4", user: sa, verb: "list", ref: { apiGroup: "example.com", resource: "widgets", namespace: "b" }, decision: "allow" }),
          event({ id: "5", user: sa, verb: "get", ref: { resource: "configmaps", namespace: "a", name: "x" }, decision: "allow" }),
          event({ id: "6", user: sa, verb: "get", ref: { resource: "configmaps", namespace: "b", name: "x" }, decision: "allow" }),
          event({ id: "7", user: sa, verb: "get", ref: { resource: "configmaps", namespace: "c", name: "y" }, decision: "forbid" }),
        ]),
      ],
      { inventoryFile: inv, format: "ts" },
    );
    expect(r.policies[0]!.rules.map(({ count, first, last, ...x }) => x)).toEqual([
      { verbs: ["get"], resources: ["configmaps"], namespaces: ["a", "b"], names: ["x"] },
      { verbs: ["get"], resources: ["nodes"], names: ["n1"] },
      // list of pods across all namespaces, and of widgets in both namespaces of the inventory: one rule
      { verbs: ["list"], resources: ["pods", "widgets.example.com"], namespaces: ["*"] },
    ]);
    expect(r.summary.replay.exact).toBe(true);
    expect(r.files[0]!.content).toContain(
      `allow({ verbs: ["list"], resources: ["pods", crd("widgets.example.com")], namespaces: ["*"], reason: "observed 3 times, first 2026-11-30T10:00:00.123Z, last 2026-11-30T10:00:00.123Z" })`,
    );
    expect(r.files[0]!.content).toContain(`import { accessPolicy, allow, crd } from "@rampart/core";`);
  });
});

describe("replay that cannot be exact", () => {
  it("fails (status 1) and names the request when a forbidden event is covered by an allowed collection request", async () => {
    // The log allowed `list pods` across all namespaces, yet forbade `list pods -n a`: RBAC changed
    // during the log. The learned rule must allow the first, so the second cannot stay denied.
    const r = await learnFromAuditLogs([
      writeLog([
        event({ id: "1", user: "u", verb: "list", ref: { resource: "pods" }, decision: "allow" }),
        event({ id: "2", user: "u", verb: "list", ref: { resource: "pods", namespace: "a" }, decision: "forbid" }),
        event({ id: "3", user: "u", verb: "list", ref: { resource: "pods", namespace: "a" }, decision: "forbid" }),
      ]),
    ]);
    expect(r.status).toBe(1);
    expect(r.summary.replay).toEqual({
      kept: 1,
      keptAllowed: 1,
      forbidden: 2,
      forbiddenDenied: 0,
      forbiddenSuperseded: 0,
      failures: [
        {
          expected: "deny",
          request: {
            user: "u",
            groups: ["system:authenticated"],
            verb: "list",
            apiGroup: "",
            resource: "pods",
            subresource: "",
            namespace: "a",
            name: "",
            nonResourceURL: "",
          },
          count: 2,
        },
      ],
      exact: false,
    });
    expect(formatLearnSummary(r.summary).slice(2)).toEqual([
      "replay: 1/1 allowed events allowed, 0/2 forbidden events denied — NOT exact",
      "  expected deny: u list pods -n a (2 events)",
    ]);
  });
});
