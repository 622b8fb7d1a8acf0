import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createInventory, diagnostic, hasErrors, loadDocuments, loadInventory, type Diagnostic, type Inventory } from "@rampart/core";
import type { LiveRbacOptions } from "../live/live-rbac.js";
import { currentRbac } from "./current-rbac.js";
import { policyDocument, policyTypeScript, policyYaml, type OutputFile } from "./emit-policies.js";
import { learnPolicies, type LearnedPolicy } from "./learn-rules.js";
import { rbacGap, type SubjectGap } from "./rbac-gap.js";
import { readAuditLog, type AuditLog, type ReadAuditOptions } from "./read-audit-log.js";
import { replayAudit, type ReplayResult } from "./replay.js";

/** Options of `learnFromAuditLogs`. */
export interface LearnOptions extends ReadAuditOptions {
  /** Groups pooled into one policy each (`--by-group`). */
  byGroup?: readonly string[];
  /** `yaml` (default) or `ts` (modules built with the `@rampart/core` builders). */
  format?: "yaml" | "ts";
  /** An Inventory file (`--inventory`): resource scopes, CRDs and the namespaces `*` stands for. */
  inventoryFile?: string;
  /** An inventory object (wins over `inventoryFile`). */
  inventory?: Inventory;
  /** RBAC manifests holding the current grants (`--rbac`): the least-privilege gap is reported. */
  rbacFiles?: readonly string[];
  /** Read the current grants from a live cluster instead (`--rbac live`, `--context`): its Roles, ClusterRoles and bindings. */
  rbacLive?: LiveRbacOptions;
  /** The instant the replay decides at (default: now); learned rules never expire, so it matters only to the evaluator's clock. */
  at?: Date;
}

/** Counts of a learn run. */
export interface LearnSummary {
  lines: number;
  skippedLines: number;
  duplicateStages: number;
  outsideWindow: number;
  /** Distinct requests (after de-duplicating stages) inside the window. */
  requests: number;
  allowed: number;
  forbidden: number;
  /** Requests that failed for another reason (404, 409, 5xx): neither learned nor replayed. */
  failed: number;
  /** Requests whose outcome the log does not say (only a RequestReceived stage). */
  unknownOutcome: number;
  policies: number;
  rules: number;
  replay: ReplayResult;
  gap?: SubjectGap[];
  /** Where the RBAC of the gap was read: the manifests, or the context and its API server. */
  rbacSource?: string;
  /** Why the logs were not read at all (the run stopped before them; all counts are 0). */
  stopped?: string;
}

/** The result of `learnFromAuditLogs`; `status` is the exit code SPEC.md gives (0, 1 replay off, 2 nothing read). */
export interface LearnResult {
  status: 0 | 1 | 2;
  policies: LearnedPolicy[];
  files: OutputFile[];
  summary: LearnSummary;
  /** Warnings for skipped lines; errors for unreadable inputs (status 2). */
  diagnostics: Diagnostic[];
}

/** The counts of a run: lines, requests by outcome, policies, rules and the replay. */
function summarise(log: AuditLog, policies: readonly LearnedPolicy[], replay: ReplayResult): LearnSummary {
  const outcomes = { allowed: 0, forbidden: 0, failed: 0, unknown: 0 };
  for (const r of log.records) outcomes[r.outcome] += r.count;
  return {
    lines: log.lines,
    skippedLines: log.skipped,
    duplicateStages: log.duplicateStages,
    outsideWindow: log.outsideWindow,
    requests: outcomes.allowed + outcomes.forbidden + outcomes.failed + outcomes.unknown,
    allowed: outcomes.allowed,
    forbidden: outcomes.forbidden,
    failed: outcomes.failed,
    unknownOutcome: outcomes.unknown,
    policies: policies.length,
    rules: policies.reduce((n, p) => n + p.rules.length, 0),
    replay,
  };
}

const NOTHING_READ: AuditLog = { records: [], warnings: [], lines: 0, skipped: 0, duplicateStages: 0, outsideWindow: 0, workers: 0 };
const NO_REPLAY: ReplayResult = { kept: 0, keptAllowed: 0, forbidden: 0, forbiddenDenied: 0, forbiddenSuperseded: 0, failures: [], exact: true };

/**
 * Reads audit logs, learns one AccessPolicy per subject, validates the output by loading it
 * back, replays every allowed and forbidden event against it, and (with RBAC manifests or a
 * live cluster) measures the least-privilege gap. Writes nothing: see `writeLearnedFiles`.
 */
export async function learnFromAuditLogs(paths: readonly string[], options: LearnOptions = {}): Promise<LearnResult> {
  const diagnostics: Diagnostic[] = [];
  let inventory = options.inventory;
  if (!inventory && options.inventoryFile !== undefined) {
    const loaded = await loadInventory(options.inventoryFile, options.cwd !== undefined ? { cwd: options.cwd } : {});
    diagnostics.push(...loaded.diagnostics);
    inventory = loaded.inventory;
  }
  // The current grants come first: a cluster that cannot be read stops the run before a long log is.
  const rbac = await currentRbac(options.rbacFiles, options.rbacLive, options.cwd);
  diagnostics.push(...rbac.diagnostics);
  if (hasErrors(rbac.diagnostics)) {
    const summary = { ...summarise(NOTHING_READ, [], NO_REPLAY), stopped: "the current grants (`--rbac`) could not be read" };
    return { status: 2, policies: [], files: [], summary, diagnostics };
  }
  const log = await readAuditLog(paths, options);
  diagnostics.push(...log.warnings);
  const byGroup = options.byGroup ?? [];
  const inv = inventory ?? createInventory();
  const policies = learnPolicies(log.records, { byGroup, inventory: inv });
  const loaded = loadDocuments(policies.map(policyDocument), "<learned>");
  diagnostics.push(...loaded.diagnostics);
  const replay = replayAudit(log.records, loaded.documents, policies, { inventory: inv, byGroup, now: options.at ?? new Date() });
  const summary = summarise(log, policies, replay);
  if (rbac.objects) {
    summary.gap = rbacGap(rbac.objects, log.records, policies, inv, byGroup);
    summary.rbacSource = rbac.source!;
  }
  const files = policies.map((p) => (options.format === "ts" ? policyTypeScript(p, inv) : policyYaml(p)));
  const nothingRead = log.records.length + log.outsideWindow === 0;
  if (nothingRead)
    diagnostics.push(
      diagnostic(
        "audit-empty",
        "error",
        `no audit event could be read from ${paths.map((p) => `\`${p}\``).join(", ")}`,
        { file: paths[0] ?? "<stdin>", line: 1, column: 1 },
        "give `audit.k8s.io/v1` Event lines, one JSON object per line (kube-apiserver `--audit-log-format=json`)",
      ),
    );
  const status = nothingRead || hasErrors(diagnostics) ? 2 : replay.exact ? 0 : 1;
  return { status, policies, files: status === 2 ? [] : files, summary, diagnostics };
}

/** Writes the learned files into `dir` (created if missing); returns the paths written. */
export async function writeLearnedFiles(dir: string, files: readonly OutputFile[], cwd = process.cwd()): Promise<string[]> {
  const root = resolve(cwd, dir);
  await mkdir(root, { recursive: true });
  const written: string[] = [];
  for (const f of files) {
    await writeFile(join(root, f.path), f.content);
    written.push(join(dir, f.path));
  }
  return written;
}
