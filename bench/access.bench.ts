// Access evaluator: a deterministic RBAC-like scenario (teams with allow, deny and name-pattern
// rules; seeded requests) at 1,000 and 10,000 rules, run side by side in one process by
// (a) rampart's indexed evaluator, (b) the naive linear scan of the reference semantics and
// (c) Cedar (cedar-wasm, prepared policy set) with the same policies translated. Every decision
// of the run must agree across the three; figures are decisions/s and ratios to the naive scan.
import { createRequire } from "node:module";
import { createEvaluator, createInventory, loadDocuments, type AccessRequest, type RampartDocument } from "@rampart/core";
import { referenceDecide } from "../test-support/reference-evaluator.js";
import { prng } from "./prng.js";

const require = createRequire(import.meta.url);
const cedar = require("@cedar-policy/cedar-wasm/nodejs") as typeof import("@cedar-policy/cedar-wasm/nodejs");


type Rule = { effect: "allow" | "deny"; verbs: string[]; resources: string[]; namespaces: string[]; names?: string[] };

/** Teams × 4 rules: read access, write access, deny nginx*, exec into lead-* pods. */
export function teams(count: number): { documents: RampartDocument[]; rules: { team: string; rule: Rule }[] } {
  const values: unknown[] = [];
  const rules: { team: string; rule: Rule }[] = [];
  for (let i = 0; i < count; i++) {
    const team = `team-${i}`;
    const list: Rule[] = [
      { effect: "allow", verbs: ["get", "list", "watch"], resources: ["pods", "services", "deployments.apps"], namespaces: [team, `${team}-*`] },
      { effect: "allow", verbs: ["create", "update", "patch", "delete"], resources: ["deployments.apps", "configmaps"], namespaces: [team] },
      { effect: "deny", verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] },
      { effect: "allow", verbs: ["get", "create"], resources: ["pods/exec"], namespaces: [team], names: ["lead-*"] },
    ];
    for (const rule of list) rules.push({ team, rule });
    values.push({ apiVersion: "rampart.dev/v1alpha1", kind: "AccessPolicy", metadata: { name: team }, spec: { subjects: [{ group: team }], rules: list } });
  }
  const { documents, diagnostics } = loadDocuments(values);
  if (diagnostics.length) throw new Error(JSON.stringify(diagnostics[0]));
  return { documents, rules };
}

export function requests(count: number, teamsCount: number, seed: number): AccessRequest[] {
  const rand = prng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const targets = [["", "pods", ""], ["", "pods", "exec"], ["", "services", ""], ["apps", "deployments", ""], ["", "configmaps", ""], ["", "secrets", ""]] as const;
  const out: AccessRequest[] = [];
  for (let i = 0; i < count; i++) {
    const t = Math.floor(rand() * teamsCount);
    const other = rand() < 0.2 ? Math.floor(rand() * teamsCount) : t;
    const [apiGroup, resource, subresource] = pick(targets);
    const verb = pick(["get", "list", "watch", "create", "update", "patch", "delete"]);
    const collection = verb === "list" || verb === "watch" || (verb === "create" && subresource === "");
    out.push({
      user: `user-${t}`,
      groups: [`team-${t}`],
      verb,
      apiGroup,
      resource,
      subresource,
      namespace: rand() < 0.05 ? "" : pick([`team-${other}`, `team-${other}-dev`, "kube-system"]),
      name: collection ? "" : pick(["nginx-1", "lead-2", "app-3", "web"]),
    });
  }
  return out;
}

const cedarString = (s: string) => JSON.stringify(s);
const cedarLike = (glob: string) => `"${glob.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** Translates the rules to Cedar: permit for allows, forbid for denies; request attributes in `context`. */
function toCedar(rules: { team: string; rule: Rule }[]): string {
  const out: string[] = [];
  rules.forEach(({ team, rule }, i) => {
    const actions = rule.verbs.includes("*") ? "action" : `action in [${rule.verbs.map((v) => `Action::${cedarString(v)}`).join(", ")}]`;
    const res = rule.resources.map((r) => {
      const [main = "", sub = ""] = r.split("/");
      const [name = "", ...group] = main.split(".");
      return `(context.group == ${cedarString(group.join("."))} && context.resource == ${cedarString(name)} && context.subresource == ${cedarString(sub)})`;
    });
    const conds = [`(${res.join(" || ")})`];
    const deny = rule.effect === "deny";
    if (!rule.namespaces.includes("*")) conds.push(`context.namespace != "" && (${rule.namespaces.map((g) => `context.namespace like ${cedarLike(g)}`).join(" || ")})`);
    if (rule.names) conds.push(deny ? `(context.name == "" || ${rule.names.map((g) => `context.name like ${cedarLike(g)}`).join(" || ")})` : `context.name != "" && (${rule.names.map((g) => `context.name like ${cedarLike(g)}`).join(" || ")})`);
    out.push(`@id("r${i}")\n${deny ? "forbid" : "permit"}(principal in Group::${cedarString(team)}, ${actions}, resource) when { ${conds.join(" && ")} };`);
  });
  return out.join("\n");
}

function cedarDecide(setId: string, r: AccessRequest): "allow" | "deny" {
  const answer = cedar.statefulIsAuthorized({
    principal: { type: "User", id: r.user ?? "" },
    action: { type: "Action", id: r.verb },
    resource: { type: "Resource", id: "request" },
    context: { group: r.apiGroup ?? "", resource: r.resource ?? "", subresource: r.subresource ?? "", namespace: r.namespace ?? "", name: r.name ?? "" },
    preparsedPolicySetId: setId,
    entities: [
      { uid: { type: "User", id: r.user ?? "" }, attrs: {}, parents: (r.groups ?? []).map((g) => ({ type: "Group", id: g })) },
      ...(r.groups ?? []).map((g) => ({ uid: { type: "Group", id: g }, attrs: {}, parents: [] })),
    ],
  });
  if (answer.type !== "success") throw new Error(`cedar: ${JSON.stringify(answer.errors)}`);
  return answer.response.decision === "allow" ? "allow" : "deny";
}

function perSecond(count: number, fn: () => void, minMs = 400): number {
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    runs++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (runs * count) / (elapsed / 1000);
}

const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M/s` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k/s` : `${n.toFixed(0)} /s`);

/**
 * Runs the benchmark: each rule count in its own process (cedar-wasm aborts the process when a
 * second large policy set is prepared in it), the three engines side by side inside it.
 */
export async function run(): Promise<string[]> {
  const { spawnSync } = await import("node:child_process");
  const { fileURLToPath } = await import("node:url");
  const lines: string[] = [];
  for (const rules of [1000, 10000]) {
    const r = spawnSync(process.execPath, ["--expose-gc", "--import", "jiti/register", fileURLToPath(import.meta.url)], { env: { ...process.env, RULES: String(rules) }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`access bench at ${rules} rules failed: ${r.stderr.slice(0, 2000)}`);
    lines.push(...r.stdout.trimEnd().split("\n"));
  }
  return lines;
}

/** One rule count, in this process. */
async function runSizes(): Promise<string[]> {
  const lines: string[] = [];
  const inventory = createInventory();
  const scoped = (g: string, r: string) => {
    const res = inventory.resource(g, r);
    return res === undefined ? undefined : !res.namespaced;
  };
  for (const ruleCount of [Number(process.env.RULES ?? "1000")]) {
    const { documents, rules } = teams(ruleCount / 4);
    const reqs = requests(ruleCount >= 10000 ? 2000 : 20000, ruleCount / 4, ruleCount);
    const evaluator = createEvaluator(documents, { now: Date.parse("2026-11-24T00:00:00Z"), inventory });
    const setId = "teams"; // one prepared set at a time (cedar-wasm keeps them in thread-local storage)
    const parsed = cedar.preparsePolicySet(setId, { staticPolicies: toCedar(rules) });
    if (parsed.type !== "success") throw new Error(`cedar parse: ${JSON.stringify(parsed.errors)}`);
    // Agreement on every decision of the run.
    let allowed = 0;
    for (const r of reqs) {
      const a = evaluator.decide(r).decision;
      const b = referenceDecide(documents, r, { now: Date.parse("2026-11-24T00:00:00Z"), clusterScoped: scoped }).decision;
      const c = cedarDecide(setId, r);
      if (a !== b || a !== c) throw new Error(`engines disagree on ${JSON.stringify(r)}: rampart ${a}, naive ${b}, cedar ${c}`);
      if (a === "allow") allowed++;
    }
    const rampart = perSecond(reqs.length, () => {
      for (let i = 0; i < reqs.length; i++) evaluator.decide(reqs[i]!);
    }, 1000);
    const sample = reqs.slice(0, ruleCount >= 10000 ? 100 : 1000);
    const naive = perSecond(sample.length, () => {
      for (const r of sample) referenceDecide(documents, r, { now: Date.parse("2026-11-24T00:00:00Z"), clusterScoped: scoped });
    });
    const cedarN = ruleCount >= 10000 ? 50 : 500;
    const cedarRate = perSecond(cedarN, () => {
      for (let i = 0; i < cedarN; i++) cedarDecide(setId, reqs[i]!);
    });
    // Allocation on the hot path: heap growth over 1M decisions with GC off between samples.
    const gc = (globalThis as { gc?: () => void }).gc;
    let bytesPerDecision = Number.NaN;
    if (gc) {
      gc();
      const before = process.memoryUsage().heapUsed;
      const rounds = Math.ceil(1_000_000 / reqs.length);
      for (let k = 0; k < rounds; k++) for (let i = 0; i < reqs.length; i++) evaluator.decide(reqs[i]!);
      bytesPerDecision = (process.memoryUsage().heapUsed - before) / (rounds * reqs.length);
    }
    lines.push(
      `${ruleCount} rules (${ruleCount / 4} teams), ${reqs.length} seeded requests, ${allowed} allowed — all three engines agree on every decision`,
      `  rampart (indexed):       ${fmt(rampart)}  (target ≥ 2.00 M/s: ${rampart >= 2e6 ? "met" : "MISSED"})`,
      `  naive linear scan:       ${fmt(naive)}  → rampart is ${(rampart / naive).toFixed(0)}× the naive scan${ruleCount === 1000 ? ` (target ≥ 25×: ${rampart / naive >= 25 ? "met" : "MISSED"})` : ""}`,
      `  cedar-wasm (prepared):   ${fmt(cedarRate)}  → rampart is ${(rampart / cedarRate).toFixed(0)}× Cedar`,
      `  heap growth on the hot path: ${Number.isNaN(bytesPerDecision) ? "n/a (run with --expose-gc)" : `${bytesPerDecision.toFixed(3)} bytes/decision`} over 1,000,000 decisions`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await runSizes()) console.log(line);
