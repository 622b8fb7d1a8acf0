// compiler-rbac at scale: 1,000 AccessPolicies, 200 namespaces, the built-in inventory and 50,000
// object names. Measures compile and verify wall time and peak heap, and compares the emitted
// object/rule counts with the naive one-Role-per-rule expansion (computed in the same run).
import { createInventory, loadDocuments, type RampartDocument } from "@rampart/core";
import { compileRbac, verifyRbac } from "@rampart/compiler-rbac";
import { prng } from "./prng.js";


function scenario() {
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
  for (let i = 0; i < 1000; i++) {
    const ns = `team-${i % 200}`;
    policies.push({
      apiVersion: "rampart.dev/v1alpha1",
      kind: "AccessPolicy",
      metadata: { name: `p${i}` },
      spec: {
        subjects: [{ group: `team-${i}` }, { user: `lead-${i}@example.com` }],
        rules: [
          { effect: "allow", verbs: ["get", "list", "watch"], resources: ["pods", "pods/log", "services", "configmaps", "deployments.apps"], namespaces: [ns, `${ns}-*`] },
          { effect: "allow", verbs: ["create", "update", "patch", "delete"], resources: ["deployments.apps", "configmaps"], namespaces: [ns] },
          { effect: "deny", verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] },
          { effect: "allow", verbs: ["get", "create"], resources: ["pods/exec"], namespaces: [ns], names: ["lead-*"] },
          ...(rand() < 0.2 ? [{ effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: [ns], names: [`secret-${Math.floor(rand() * 50)}`] }] : []),
        ],
      },
    });
  }
  const { documents, diagnostics } = loadDocuments(policies);
  if (diagnostics.length) throw new Error(JSON.stringify(diagnostics.slice(0, 3)));
  return { documents: documents as RampartDocument[], inventory };
}

/** Runs the benchmark and returns printable lines. */
export async function run(): Promise<string[]> {
  const { documents, inventory } = scenario();
  const names = [...inventory.objects.values()].reduce((n, m) => n + [...m.values()].reduce((k, l) => k + l.length, 0), 0);
  const now = new Date("2026-11-24T00:00:00Z");
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const t0 = performance.now();
  const out = compileRbac(documents, { inventory, now });
  const compileMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 10));
  const t1 = performance.now();
  const proof = verifyRbac(documents, inventory, out.objects, { now, diagnostics: out.diagnostics });
  const verifyMs = performance.now() - t1;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const c = out.report.counts;
  return [
    `scenario: ${documents.length} AccessPolicies, ${inventory.namespaces.length} namespaces, ${inventory.resources.length} resources, ${names} object names`,
    `compile: ${compileMs.toFixed(0)} ms (target ≤ 2000 ms: ${compileMs <= 2000 ? "met" : "MISSED"})`,
    `verify:  ${verifyMs.toFixed(0)} ms for ${proof.checked} requests (target ≤ 20000 ms: ${verifyMs <= 20000 ? "met" : "MISSED"}); over-grants ${proof.overGrants.length}, under-grants ${proof.underGrants.length} (${proof.underGrants.filter((u) => !u.covered).length} unexplained)`,
    `peak heap: ${(peak / 2 ** 20).toFixed(0)} MiB (target ≤ 1024 MiB: ${peak <= 2 ** 30 ? "met" : "MISSED"})`,
    `output: ${c.objects} objects, ${c.rules} rules — naive one-Role-per-rule expansion: ${c.naiveObjects} objects, ${c.naiveRules} rules (${(c.naiveObjects / Math.max(1, c.objects)).toFixed(1)}× objects, ${(c.naiveRules / Math.max(1, c.rules)).toFixed(1)}× rules)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await run()) console.log(line);
