// Access evaluator: a deterministic RBAC-like scenario (hundreds of teams, each with allow, deny and
// name-pattern rules; seeded requests) at 1,000 and 10,000 rules, run side by side in one process by
// (a) rampart's indexed evaluator, (b) the naive linear scan (test-support/reference-evaluator.ts,
// the reference the property tests check the evaluator against) and (c) Cedar (cedar-wasm, prepared
// policy set) with the same policies translated to Cedar. Every request of the run is decided by all
// three and they must agree (else the run aborts). Figures: decisions/s (the fastest of many short
// batches, bench/best-rate.ts: robust on a shared machine), ratios to baselines measured the same
// way in the same run, and heap allocation on rampart's hot path.
//
//   node --expose-gc --import jiti/register bench/access.bench.ts     (or `pnpm bench access`)
import { Session } from "node:inspector/promises";
import { PerformanceObserver } from "node:perf_hooks";
import { createEvaluator, createInventory, loadDocuments, type AccessRequest, type RampartDocument } from "@rampart/core";
import { referenceDecide } from "../test-support/reference-evaluator.js";
import { cedarCall, cedarDecide, preparse } from "./cedar.js";
import { bestRate, fmt, times } from "./best-rate.js";
import { manyTeams } from "./many-teams-run.js";
import { prng } from "./prng.js";

const NOW = Date.parse("2026-11-24T00:00:00Z");
const API = "rampart.dev/v1alpha1";

type Rule = { effect: "allow" | "deny"; verbs: string[]; resources: string[]; namespaces?: string[]; names?: string[]; expires?: string };
type Subject = { group: string } | { serviceAccount: string };
export type Policy = { name: string; subjects: Subject[]; rules: Rule[] };

/**
 * `ruleCount / 4` teams, one AccessPolicy each with four rules: read (own namespaces and a glob),
 * write (own namespace), a deny by name pattern in every namespace, and exec into pods by name
 * pattern. Variations: every 5th team's policy also names its deployer ServiceAccount; every 10th
 * reads nodes cluster-wide instead of writing; every 7th team's exec access expires (half of them
 * already expired); every 9th denies secrets everywhere instead of nginx* pods. Globs use `*` only.
 */
export function scenario(ruleCount: number): { documents: RampartDocument[]; policies: Policy[] } {
  const policies: Policy[] = [];
  for (let i = 0; i < ruleCount / 4; i++) {
    const team = `team-${i}`;
    const subjects: Subject[] = [{ group: team }];
    if (i % 5 === 0) subjects.push({ serviceAccount: `${team}/deployer` });
    const exec: Rule = { effect: "allow", verbs: ["get", "create"], resources: ["pods/exec", "pods/log"], namespaces: [team], names: ["lead-*"] };
    if (i % 7 === 0) exec.expires = i % 14 === 0 ? "2026-11-01T00:00:00Z" : "2026-12-31T18:00:00Z";
    policies.push({
      name: team,
      subjects,
      rules: [
        { effect: "allow", verbs: ["get", "list", "watch"], resources: ["pods", "services", "deployments.apps", "*.batch"], namespaces: [team, `${team}-*`] },
        i % 10 === 0
          ? { effect: "allow", verbs: ["get", "list", "watch"], resources: ["nodes", "namespaces"] }
          : { effect: "allow", verbs: ["create", "update", "patch", "delete"], resources: ["deployments.apps", "configmaps", "*/scale"], namespaces: [team] },
        i % 9 === 0
          ? { effect: "deny", verbs: ["*"], resources: ["secrets"], namespaces: ["*"] }
          : { effect: "deny", verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] },
        exec,
      ],
    });
  }
  const values = policies.map((p) => ({ apiVersion: API, kind: "AccessPolicy", metadata: { name: p.name }, spec: { subjects: p.subjects, rules: p.rules } }));
  const { documents, diagnostics } = loadDocuments(values);
  if (diagnostics.length) throw new Error(`access bench scenario does not load: ${JSON.stringify(diagnostics[0])}`);
  return { documents, policies };
}

/** Seeded requests of team members (and deployer ServiceAccounts): mostly their own namespaces, some others', some collections. */
export function requests(count: number, teams: number, seed: number): AccessRequest[] {
  const rand = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const targets = [
    ["", "pods", ""],
    ["", "pods", ""],
    ["", "pods", "exec"],
    ["", "pods", "log"],
    ["", "services", ""],
    ["apps", "deployments", ""],
    ["apps", "deployments", "scale"],
    ["batch", "jobs", ""],
    ["", "configmaps", ""],
    ["", "secrets", ""],
    ["", "nodes", ""],
    ["", "namespaces", ""],
  ] as const;
  const out: AccessRequest[] = [];
  for (let i = 0; i < count; i++) {
    const t = Math.floor(rand() * teams);
    const ns = rand() < 0.2 ? Math.floor(rand() * teams) : t;
    const [apiGroup, resource, subresource] = pick(targets);
    const verb = pick(["get", "get", "list", "watch", "create", "update", "patch", "delete"]);
    const collection = verb === "list" || verb === "watch" || (verb === "create" && subresource === "");
    const clusterScoped = resource === "nodes" || resource === "namespaces";
    const sa = t % 5 === 0 && rand() < 0.5;
    out.push({
      user: sa ? `system:serviceaccount:team-${t}:deployer` : `user-${t}`,
      groups: sa ? [] : [`team-${t}`, "system:authenticated"],
      verb,
      apiGroup,
      resource,
      subresource,
      namespace: clusterScoped || rand() < 0.05 ? "" : pick([`team-${ns}`, `team-${ns}`, `team-${ns}-dev`, "kube-system"]),
      name: collection ? "" : pick(["nginx-1", "lead-2", "app-3", "web"]),
    });
  }
  return out;
}

/**
 * Bytes allocated per decision over `total` calls of `decide`, from V8's sampling heap profiler
 * with objects collected by minor and major GCs included (so short-lived garbage counts; the
 * profiler scales its samples to an estimate of all allocations), plus the number of GCs seen.
 */
async function allocation(decide: () => void, total: number): Promise<{ bytesPerDecision: number; gcs: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const session = new Session();
  session.connect();
  let gcs = 0;
  const observer = new PerformanceObserver((list) => (gcs += list.getEntries().length));
  observer.observe({ entryTypes: ["gc"] });
  const sampling = { samplingInterval: 256, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true };
  await session.post("HeapProfiler.startSampling", sampling);
  for (let i = 0; i < total; i++) decide();
  const { profile } = await session.post("HeapProfiler.stopSampling");
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the observer deliver
  observer.disconnect();
  session.disconnect();
  let bytes = 0;
  const visit = (node: { selfSize: number; children: (typeof node)[] }): void => {
    bytes += node.selfSize;
    node.children.forEach(visit);
  };
  visit(profile.head);
  return { bytesPerDecision: bytes / total, gcs };
}

/** Runs the benchmark at 1,000 and 10,000 rules, the three engines side by side in this process; returns printable lines. */
export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const inventory = createInventory();
  // Requests decided by all three engines: Cedar costs ~2 ms per decision at 1,000 rules and ~40 ms at
  // 10,000 (it evaluates every policy), so the 10,000-rule run uses fewer distinct requests.
  for (const [ruleCount, requestCount] of [
    [1000, 2000],
    [10000, 500],
  ] as const) {
    const teams = ruleCount / 4;
    const { documents, policies } = scenario(ruleCount);
    const reqs = requests(requestCount, teams, ruleCount);
    const evaluator = createEvaluator(documents, { now: NOW, inventory });
    const setId = "access-bench"; // re-preparing the same id replaces the set (cedar-wasm never frees ids)
    preparse(setId, policies);
    const calls = reqs.map((r) => cedarCall(setId, r, inventory, NOW));

    // Agreement on every request of the run; Cedar is timed here (its decisions take milliseconds).
    let allowed = 0;
    let cedarMs = 0;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i]!;
      const a = evaluator.decide(r).decision;
      const b = referenceDecide(documents, r, { now: NOW, inventory }).decision;
      const t0 = performance.now();
      const c = cedarDecide(calls[i]!);
      cedarMs += performance.now() - t0;
      if (a !== b || a !== c) {
        throw new Error(`access bench aborted: the engines disagree at ${ruleCount} rules on ${JSON.stringify(r)}: rampart ${a}, naive scan ${b}, Cedar ${c}`);
      }
      if (a === "allow") allowed++;
    }
    const cedarRate = reqs.length / (cedarMs / 1000);

    // Timed on a collected heap, so that the agreement run's garbage (Cedar's JSON, the naive
    // scan's arrays) is not swept during rampart's rounds.
    (globalThis as { gc?: () => void }).gc?.();
    const rampartRate = bestRate(reqs.length, (from, to) => {
      for (let i = from; i < to; i++) evaluator.decide(reqs[i]!);
    });
    const naiveSample = ruleCount >= 10000 ? reqs.slice(0, 100) : reqs.slice(0, 500);
    const naiveRate = bestRate(
      naiveSample.length,
      (from, to) => {
        for (let i = from; i < to; i++) referenceDecide(documents, naiveSample[i]!, { now: NOW, inventory });
      },
      ruleCount >= 10000 ? 2 : 10,
      1000,
    );

    // Allocation on the hot path over 1,000,000 decisions, and a control that also allocates one
    // 1-element array per decision (to show the method sees such an allocation).
    let k = 0;
    let sink: unknown;
    const hot = await allocation(() => {
      sink = evaluator.decide(reqs[k++ % reqs.length]!);
    }, 1_000_000);
    const control = await allocation(() => {
      sink = [evaluator.decide(reqs[k++ % reqs.length]!)];
    }, 1_000_000);
    void sink;

    lines.push(
      `${ruleCount.toLocaleString("en")} rules (${teams} teams), ${reqs.length} seeded requests (${allowed} allowed): rampart, naive scan and Cedar agree on every decision`,
      `  rampart (indexed)        ${fmt(rampartRate).padStart(10)}   ${times(rampartRate / naiveRate).padStart(6)} the naive scan   (targets ≥ 2.00 M/s: ${rampartRate >= 2e6 ? "met" : "MISSED"}${ruleCount === 1000 ? `; ≥ 25× naive: ${rampartRate / naiveRate >= 25 ? "met" : "MISSED"}` : ""})`,
      `  naive linear scan        ${fmt(naiveRate).padStart(10)}     1× (reference evaluator)`,
      `  Cedar (cedar-wasm, prepared) ${fmt(cedarRate).padStart(6)}   ${(cedarRate / naiveRate).toFixed(3)}× the naive scan; rampart is ${times(rampartRate / cedarRate)} Cedar`,
      `  rampart allocation over 1,000,000 decisions: ${hot.bytesPerDecision.toFixed(2)} B/decision, ${hot.gcs} GCs (control with one 1-element array per decision: ${control.bytesPerDecision.toFixed(1)} B/decision, ${control.gcs} GCs)`,
    );
  }
  lines.push(...manyTeams(inventory));
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await run()) console.log(line);
