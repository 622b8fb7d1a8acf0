// compiler-rbac at scale. Shape 1: 1,000 AccessPolicies, 200 namespaces, the built-in inventory and
// 50,000 object names; measures compile and verify wall time and peak heap, and compares the emitted
// object/rule counts with the naive one-Role-per-rule expansion (computed in the same run).
// Shape 2 (fleet, issue 14): 1,000 AccessPolicies (5,000 rules with denies and name patterns) over
// 3,000 namespaces and 90,000 object names, compile only, next to its baseline of the same run: the
// same shape with 100 policies (growth 100 → 1,000 policies).
import { createInventory, loadDocuments, type RampartDocument } from "@rampart/core";
import { compileRbac, verifyRbac } from "@rampart/compiler-rbac";
import { prng } from "./prng.js";

export function scenario() {
  const rand = prng(42);
  const namespaces = Array.from({ length: 200 }, (_, i) => `team-${i}`);
  const pods: Record<string, string[]> = {};
  const secrets: Record<string, string[]> = {};
  for (let i = 0; i < 200; i++) {
    pods[`team-${i}`] = Array.from({ length: 200 }, (_, j) => (j % 10 === 0 ? `nginx-${j}` : j % 7 === 0 ? `lead-${j}` : `app-${j}`));
    secrets[`team-${i}`] = Array.from({ length: 50 }, (_, j) => `secret-${j}`);
  }
  const inventory = createInventory({ namespaces, objects: { pods, secrets } });
  const policies: unknown[] = [];
  // 999 team policies and one ServiceAccount policy: 1,000 AccessPolicies.
  for (let i = 0; i < 999; i++) {
    const ns = `team-${i % 200}`;
    policies.push({
      apiVersion: "rampart.dev/v1alpha1",
      kind: "AccessPolicy",
      metadata: { name: `p${i}` },
      spec: {
        subjects: [{ group: `team-${i}` }, { user: `lead-${i}@example.com` }],
        rules: [
          {
            effect: "allow",
            verbs: ["get", "list", "watch"],
            resources: ["pods", "pods/log", "services", "configmaps", "deployments.apps"],
            namespaces: [ns, `${ns}-*`],
          },
          { effect: "allow", verbs: ["create", "update", "patch", "delete"], resources: ["deployments.apps", "configmaps"], namespaces: [ns] },
          { effect: "deny", verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] },
          { effect: "allow", verbs: ["get", "create"], resources: ["pods/exec"], namespaces: [ns], names: ["lead-*"] },
          ...(rand() < 0.2
            ? [{ effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: [ns], names: [`secret-${Math.floor(rand() * 50)}`] }]
            : []),
          // Every 10th team also reads nodes cluster-wide and scales any workload of its namespaces.
          ...(i % 10 === 0
            ? [
                { effect: "allow", verbs: ["get", "list", "watch"], resources: ["nodes"] },
                { effect: "allow", verbs: ["get", "update"], resources: ["*/scale", "deployments.apps/scale"], namespaces: [`${ns}*`] },
              ]
            : []),
        ],
      },
    });
  }
  // Every 50th team has a CI ServiceAccount with health checks and wildcard app access, minus secrets.
  for (let i = 0; i < 999; i += 50) {
    (policies[i] as { spec: { subjects: unknown[] } }).spec.subjects.push({ serviceAccount: `team-${i % 200}/ci` });
  }
  policies.push({
    apiVersion: "rampart.dev/v1alpha1",
    kind: "AccessPolicy",
    metadata: { name: "ci" },
    spec: {
      subjects: [{ group: "system:serviceaccounts" }],
      rules: [
        { effect: "allow", verbs: ["get"], nonResourceURLs: ["/healthz", "/readyz", "/metrics*"] },
        { effect: "allow", verbs: ["*"], resources: ["*.apps", "*.batch"], namespaces: ["team-1*"] },
        { effect: "deny", verbs: ["*"], resources: ["secrets"], namespaces: ["*"] },
      ],
    },
  });
  const { documents, diagnostics } = loadDocuments(policies);
  if (diagnostics.length) throw new Error(JSON.stringify(diagnostics.slice(0, 3)));
  return { documents: documents as RampartDocument[], inventory };
}

/**
 * The fleet shape: teams of three namespaces (`t<i>`, `t<i>-dev`, `t<i>-prod`), 20 pods and 10
 * secrets in each (90,000 names over 3,000 namespaces), and one AccessPolicy per team for the
 * first `count` teams, five rules each: reads by namespace glob, writes in dev, a shared deny of
 * `nginx*` pods, exec into `worker-*` pods by name, and a team deny of some `db-*` pods in prod.
 */
export function fleetScenario(count: number) {
  const rand = prng(14);
  const namespaces: string[] = [];
  const pods: Record<string, string[]> = {};
  const secrets: Record<string, string[]> = {};
  const podNames = ["api", "nginx", "db", "worker", "web"];
  for (let t = 0; t < 1000; t++) {
    for (const ns of [`t${t}`, `t${t}-dev`, `t${t}-prod`]) {
      namespaces.push(ns);
      pods[ns] = Array.from({ length: 20 }, (_, k) => `${podNames[k % 5]}-${Math.floor(rand() * 1e6).toString(36)}`);
      secrets[ns] = Array.from({ length: 10 }, (_, k) => `secret-${k}`);
    }
  }
  const inventory = createInventory({ namespaces, objects: { pods, secrets } });
  const policies: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const subjects: unknown[] = [{ group: `team-${i}` }, { user: `lead-${i}@example.com` }];
    if (i % 10 === 0) subjects.push({ serviceAccount: `t${i}/ci` });
    policies.push({
      apiVersion: "rampart.dev/v1alpha1",
      kind: "AccessPolicy",
      metadata: { name: `team-${i}` },
      spec: {
        subjects,
        rules: [
          {
            effect: "allow",
            verbs: ["get", "list", "watch"],
            resources: ["pods", "pods/log", "services", "configmaps", "deployments.apps"],
            namespaces: [`t${i}`, `t${i}-*`],
          },
          { effect: "allow", verbs: ["create", "update", "patch", "delete"], resources: ["deployments.apps", "configmaps"], namespaces: [`t${i}-dev`] },
          { effect: "deny", verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] },
          { effect: "allow", verbs: ["get", "create"], resources: ["pods/exec"], namespaces: [`t${i}-*`], names: ["worker-*"] },
          {
            effect: "deny",
            verbs: ["delete", "patch"],
            resources: ["pods"],
            namespaces: [`t${i}-prod`],
            names: [`db-${Math.floor(rand() * 36).toString(36)}*`],
          },
        ],
      },
    });
  }
  const { documents, diagnostics } = loadDocuments(policies);
  if (diagnostics.length) throw new Error(JSON.stringify(diagnostics.slice(0, 3)));
  return { documents: documents as RampartDocument[], inventory };
}

/** Compiles the fleet shape with `count` policies: wall time, objects and rules. */
function fleetRun(count: number, now: Date) {
  const { documents, inventory } = fleetScenario(count);
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = compileRbac(documents, { inventory, now });
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const rules = out.report.rules.length;
  return {
    ms,
    cpuMs: (c.user + c.system) / 1000,
    rules,
    objects: out.objects.length,
    ruleCount: out.report.counts.rules,
    names: [...inventory.objects.values()].reduce((n, m) => n + [...m.values()].reduce((k, l) => k + l.length, 0), 0),
    namespaces: inventory.namespaces.length,
  };
}

/** Runs the benchmark and returns printable lines. */
export async function run(): Promise<string[]> {
  if (process.env.RAMPART_BENCH_RBAC === "fleet") return fleet();
  return [...(await standard()), ...fleet()];
}

/** Shape 2: the fleet, 100 then 1,000 policies in the same process. */
function fleet(): string[] {
  const now = new Date("2026-11-24T00:00:00Z");
  const small = fleetRun(100, now);
  const big = fleetRun(1000, now);
  const peak = process.resourceUsage().maxRSS * 1024;
  const growth = big.ms / small.ms;
  return [
    `fleet: ${big.namespaces} namespaces, ${big.names} object names; 1,000 AccessPolicies (${big.rules} rules) vs 100 (${small.rules} rules)`,
    `fleet compile: 1,000 policies ${big.ms.toFixed(0)} ms wall, ${big.cpuMs.toFixed(0)} ms CPU (target ≤ 2000 ms: ${big.ms <= 2000 ? "met" : "MISSED"}); baseline 100 policies ${small.ms.toFixed(0)} ms wall, ${small.cpuMs.toFixed(0)} ms CPU; growth ${growth.toFixed(1)}× wall, ${(big.cpuMs / small.cpuMs).toFixed(1)}× CPU (target ≤ 15×: ${growth <= 15 ? "met" : "MISSED"})`,
    `fleet output: ${big.objects} objects, ${big.ruleCount} rules (100 policies: ${small.objects} objects, ${small.ruleCount} rules)`,
    `fleet peak memory: ${(peak / 2 ** 20).toFixed(0)} MiB resident for the whole process, both runs (target ≤ 1024 MiB: ${peak <= 2 ** 30 ? "met" : "MISSED"})`,
  ];
}

/** Shape 1: compile and verify. */
async function standard(): Promise<string[]> {
  const { documents, inventory } = scenario();
  const names = [...inventory.objects.values()].reduce((n, m) => n + [...m.values()].reduce((k, l) => k + l.length, 0), 0);
  const now = new Date("2026-11-24T00:00:00Z");
  // compile and verify are synchronous: the process's peak resident set (maxRSS) is the honest peak.
  const t0 = performance.now();
  const out = compileRbac(documents, { inventory, now });
  const compileMs = performance.now() - t0;
  const heapAfterCompile = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const proof = verifyRbac(documents, inventory, out.objects, { now, report: out.report });
  const verifyMs = performance.now() - t1;
  const heapAfterVerify = process.memoryUsage().heapUsed;
  const peak = process.resourceUsage().maxRSS * 1024;
  const c = out.report.counts;
  const gaps = out.report.rules.filter((r) => r.notExpressible.some((n) => !n.reason.startsWith("by name"))).length;
  return [
    `scenario: ${documents.length} AccessPolicies (${out.report.rules.length} rules), ${inventory.namespaces.length} namespaces, ${inventory.resources.length} resources, ${names} object names`,
    `compile: ${compileMs.toFixed(0)} ms (target ≤ 2000 ms: ${compileMs <= 2000 ? "met" : "MISSED"})`,
    `verify:  ${verifyMs.toFixed(0)} ms for ${proof.checked} requests (target ≤ 20000 ms: ${verifyMs <= 20000 ? "met" : "MISSED"}); over-grants ${proof.overGrants.length}, under-grants ${proof.underGrants.length} (${proof.underGrants.filter((u) => !u.covered).length} unexplained)`,
    `peak memory: ${(peak / 2 ** 20).toFixed(0)} MiB resident for the whole process (target ≤ 1024 MiB: ${peak <= 2 ** 30 ? "met" : "MISSED"}); heap after compile ${(heapAfterCompile / 2 ** 20).toFixed(0)} MiB, after verify ${(heapAfterVerify / 2 ** 20).toFixed(0)} MiB`,
    `reported: ${gaps} source rules with a part RBAC cannot express (${out.diagnostics.filter((d) => d.severity === "warning").length} warnings)`,
    `output: ${c.objects} objects, ${c.rules} rules — naive one-Role-per-rule expansion: ${c.naiveObjects} objects, ${c.naiveRules} rules (${(c.naiveObjects / Math.max(1, c.objects)).toFixed(1)}× objects, ${(c.naiveRules / Math.max(1, c.rules)).toFixed(1)}× rules)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await run()) console.log(line);
