// The "many teams" cells of the access benchmark (issue 14 row 3), run by access.bench.ts: each
// next to baselines of the same run.
import { createEvaluator, type AccessRequest, type Inventory, type RampartDocument } from "@rampart/core";
// The index's size is internal (no API reports it): measured on the sources' own builder.
import { buildSubjectIndex } from "../packages/core/src/evaluator/rule-index.js";
import { normaliseAccess } from "../packages/core/src/ir/access.js";
import { referenceDecide } from "../test-support/reference-evaluator.js";
import { bestRate, fmt, times } from "./best-rate.js";
import { manyTeamsRequests, manyTeamsScenario, RULES_PER_TEAM, spreadBuilt } from "./many-teams.js";

const NOW = Date.parse("2026-11-24T00:00:00Z");
/** Requests per `decideMany` call (and per timed batch of `decide`). */
const BATCH = 250;

/**
 * A trivial baseline: each request's subject lookups alone (user and groups) in one Map of every
 * subject key of the policies, its keys internalized (flat and dense, as rampart's index holds them:
 * the policies' own strings make every lookup 1.6–1.8× slower at 2,000 teams, which would flatter
 * rampart's ratio).
 */
function subjectLookups(documents: readonly RampartDocument[], reqs: readonly AccessRequest[]): (from: number, to: number) => void {
  const keys = new Map<string, number>();
  const internalized = (s: string): string => Object.keys({ [s]: 0 })[0]!;
  for (const d of documents) {
    if (d.kind !== "AccessPolicy") continue;
    for (const s of d.spec.subjects)
      keys.set(
        internalized(
          "group" in s && s.group
            ? s.group
            : "user" in s && s.user
              ? s.user
              : `system:serviceaccount:${String((s as { serviceAccount: string }).serviceAccount).replace("/", ":")}`,
        ),
        keys.size,
      );
  }
  let sink = 0;
  return (from, to) => {
    for (let i = from; i < to; i++) {
      const r = reqs[i]!;
      sink += keys.get(r.user!) ?? 0;
      const g = r.groups!;
      for (let j = 0; j < g.length; j++) sink += keys.get(g[j]!) ?? 0;
    }
    if (sink === -1) console.log(sink);
  };
}

/** Bytes of the typed arrays of a cluster's index: buckets (rules, globs), subject-key filter, rule table; and its subject keys. */
function indexSize(documents: readonly RampartDocument[], inventory: Inventory): string {
  const index = buildSubjectIndex(normaliseAccess(documents), inventory, () => true);
  const { verbMasks, flags, expires } = index.table;
  const filter = index.named.bytes;
  const bytes = index.buckets.byteLength + filter + verbMasks.byteLength + flags.byteLength + expires.byteLength;
  return `index ${bytes.toLocaleString("en")} B (buckets ${index.buckets.byteLength.toLocaleString("en")} B, subject-key filter ${filter.toLocaleString("en")} B), ${(index.users.size + index.groups.size).toLocaleString("en")} subject keys in Maps`;
}

/**
 * Requests as a server receives them: each batch of JSON lines parsed, then decided at once (request
 * objects and strings fresh in the CPU caches, as in \`rampart eval\` or an authorization webhook, where
 * the cycled arrays of the other cells make every decision start with cache misses on its request).
 * Returns the rate of parse + decide and of the parse alone, each the fastest batch of the same run.
 */
function freshRequests(evaluator: ReturnType<typeof createEvaluator>, reqs: readonly AccessRequest[]): { both: number; parse: number } {
  const lines = reqs.map((r) => JSON.stringify(r));
  let sink = 0;
  const parse = bestRate(lines.length, (from, to) => {
    for (let i = from; i < to; i++) sink += (JSON.parse(lines[i]!) as AccessRequest).verb.length;
  });
  const both = bestRate(lines.length, (from, to) => {
    const batch: AccessRequest[] = [];
    for (let i = from; i < to; i++) batch.push(JSON.parse(lines[i]!) as AccessRequest);
    for (const r of batch) sink += evaluator.decide(r).reason.length;
  });
  if (sink === -1) console.log(sink);
  return { both, parse };
}

/**
 * The "many teams" shape (bench/many-teams.ts): 200 and 2,000 teams with their own groups, users
 * and ServiceAccounts, 1,000 and 10,000 rules, 20,000 requests of the teams' own subjects. Each
 * cell: rampart's `decide` and `decideMany` (batches of 250) next to two baselines of the same run —
 * the naive scan (reference evaluator) and the requests' subject lookups alone in one Map (what any
 * subject-keyed index pays) — agreement with the naive scan on a sample, and the growth from 1,000
 * to 10,000 rules. At 2,000 teams, the same requests as JSON.parse gives them (what `rampart eval`
 * and `decideRequests` decide: flat strings, short ones interned, where template literals build
 * rope strings) and as object spread builds them.
 */
export function manyTeams(inventory: Inventory): string[] {
  const lines: string[] = [];
  const rates = new Map<string, { rampart: number; floor: number }>();
  for (const [teams, rulesPerTeam] of [
    [200, RULES_PER_TEAM],
    [200, 10 * RULES_PER_TEAM],
    [2000, RULES_PER_TEAM],
  ] as const) {
    const rules = teams * rulesPerTeam;
    const documents = manyTeamsScenario(teams, rulesPerTeam);
    const reqs = manyTeamsRequests(20_000, teams, teams);
    const evaluator = createEvaluator(documents, { now: NOW, inventory });
    const checked = reqs.slice(0, rules >= 10_000 ? 1000 : 4000);
    let allowed = 0;
    for (const r of checked) {
      const a = evaluator.decide(r).decision;
      const b = referenceDecide(documents, r, { now: NOW, inventory }).decision;
      if (a !== b)
        throw new Error(`access bench aborted: rampart and the naive scan disagree at ${teams} teams, ${rules} rules on ${JSON.stringify(r)}: ${a} vs ${b}`);
      if (a === "allow") allowed++;
    }
    (globalThis as { gc?: () => void }).gc?.();
    const decideAll = (list: readonly AccessRequest[]) => (from: number, to: number) => {
      for (let i = from; i < to; i++) evaluator.decide(list[i]!);
    };
    const floor = bestRate(reqs.length, subjectLookups(documents, reqs));
    const rampart = bestRate(reqs.length, decideAll(reqs));
    const batches = Array.from({ length: reqs.length / BATCH }, (_, k) => reqs.slice(k * BATCH, (k + 1) * BATCH));
    const many = bestRate(reqs.length, (from) => void evaluator.decideMany(batches[from / BATCH]!), BATCH);
    const sample = reqs.slice(0, 200);
    const naive = bestRate(
      sample.length,
      (from, to) => {
        for (let i = from; i < to; i++) referenceDecide(documents, sample[i]!, { now: NOW, inventory });
      },
      rules >= 10_000 ? 2 : 10,
      1000,
    );
    rates.set(`${teams}/${rules}`, { rampart: Math.max(rampart, many), floor });
    lines.push(
      `many teams: ${teams.toLocaleString("en")} teams, ${rules.toLocaleString("en")} rules (own groups, users and ServiceAccounts), ${reqs.length.toLocaleString("en")} requests of their subjects; agree with the naive scan on ${checked.length} (${allowed} allowed)`,
      `  rampart decide           ${fmt(rampart).padStart(10)}   (target ≥ 2.00 M/s: ${rampart >= 2e6 ? "met" : "MISSED"})`,
      `  rampart decideMany       ${fmt(many).padStart(10)}   ${(many / rampart).toFixed(2)}× decide (target: ${many >= 2e6 ? "met" : "MISSED"})`,
      `  subject lookups alone    ${fmt(floor).padStart(10)}   rampart takes ${(floor / rampart).toFixed(1)}× their time`,
      `  naive linear scan        ${fmt(naive).padStart(10)}   rampart is ${times(rampart / naive)} faster`,
      `  ${indexSize(documents, inventory)}`,
    );
    if (teams === 2000) {
      // The first many-teams figures built requests with object spread: a hidden class per request.
      const parsed = reqs.map((r) => JSON.parse(JSON.stringify(r)) as AccessRequest);
      const parsedRate = bestRate(parsed.length, decideAll(parsed));
      const parsedFloor = bestRate(parsed.length, subjectLookups(documents, parsed));
      lines.push(`  the same requests from JSON.parse (as \`rampart eval\` reads them): rampart ${fmt(parsedRate)}, subject lookups alone ${fmt(parsedFloor)}`);
      const spread = spreadBuilt(reqs);
      const spreadRate = bestRate(spread.length, decideAll(spread));
      const spreadFloor = bestRate(spread.length, subjectLookups(documents, spread));
      lines.push(
        `  the same requests built with object spread (a V8 hidden class each): rampart ${fmt(spreadRate)}, subject lookups alone ${fmt(spreadFloor)}`,
      );
      const fresh = freshRequests(evaluator, reqs);
      const decideOnly = 1 / (1 / fresh.both - 1 / fresh.parse);
      lines.push(
        `  fresh requests (each batch of 250 JSON lines parsed, then decided): parse + decide ${fmt(fresh.both)}, parse alone ${fmt(fresh.parse)}, so decide alone ${fmt(decideOnly)} (target: ${decideOnly >= 2e6 ? "met" : "MISSED"})`,
      );
    }
  }
  const a = rates.get("200/1000")!;
  const b = rates.get("200/10000")!;
  const c = rates.get("2000/10000")!;
  lines.push(
    `  flatness, cost per decision (1× is flat; rampart: the faster of decide and decideMany): 10k/1k rules at 200 teams ${(a.rampart / b.rampart).toFixed(2)}× (subject lookups alone ${(a.floor / b.floor).toFixed(2)}×); ` +
      `10k rules and 2,000 teams / 1k rules and 200 teams ${(a.rampart / c.rampart).toFixed(2)}× (subject lookups alone ${(a.floor / c.floor).toFixed(2)}×)`,
  );
  return lines;
}
