// Offline admission at scale: `admit` of 10,000 pod manifests (seeded mix of compliant and
// violating pods, 1–4 containers, init containers, volumes) against one WorkloadPolicy with
// `podSecurity: restricted` plus every other catalogue rule (target ≥ 5,000 manifests/s).
// Baseline in the same run: the naive path that parses every expression again for every manifest
// (same objects, same CEL engine, no program cache), extrapolated from a sample.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import { parseAllDocuments, type Document } from "yaml";
import { loadDocuments, loadManifests, workloadPolicy, type RampartDocument } from "@rampart/core";
import { admit, compileVap } from "@rampart/compiler-vap";
import { helmStream, STREAM_KINDS } from "../test-support/helm-stream.js";
import { prng } from "./prng.js";

// The CEL engine compiler-vap runs (a dependency of that package, not of the repository root).
const celJs = createRequire(new URL("../packages/compiler-vap/package.json", import.meta.url)).resolve("@marcbachmann/cel-js");
type CelJs = { Environment: new (options: Record<string, unknown>) => { evaluate(expression: string, context: Record<string, unknown>): unknown } };

const COUNT = 10_000;
const DIGEST = `@sha256:${"b".repeat(64)}`;

function policy(withCel = true) {
  const { documents, diagnostics } = loadDocuments([
    workloadPolicy("bench", {
      exemptions: [{ images: ["registry.example.com/debug/*"], owner: "sre@example.com" }],
      rules: [
        { podSecurity: "restricted" },
        { readOnlyRootFilesystem: true },
        { automountServiceAccountToken: false },
        { imageDigest: "required" },
        { allowedRegistries: ["registry.example.com/", "docker.io/library/"] },
        { disallowLatestTag: true },
        { resources: { limits: ["cpu", "memory"], requests: ["cpu", "memory"] } },
        { forbiddenContainerPorts: [22, 2375] },
        { requiredLabels: ["app.kubernetes.io/name"] },
        ...(withCel ? [{ cel: { expression: "object.metadata.name.size() < 64", message: "names are short" } }] : []),
      ],
    }),
  ]);
  if (diagnostics.length) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return documents;
}

function manifests(): Record<string, unknown>[] {
  const rand = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: COUNT }, (_, i) => {
    const container = (n: number) => ({
      name: `c${n}`,
      image: pick([`registry.example.com/app${DIGEST}`, `registry.example.com/app${DIGEST}`, "nginx:1.27", "registry.example.com/debug/shell:latest"]),
      securityContext:
        rand() < 0.8
          ? {
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
              capabilities: { drop: ["ALL"], ...(rand() < 0.1 ? { add: ["NET_ADMIN"] } : {}) },
              ...(rand() < 0.05 ? { privileged: true } : {}),
            }
          : {},
      resources: rand() < 0.9 ? { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "100m", memory: "256Mi" } } : {},
      ports: [{ containerPort: pick([8080, 22, 9090]) }],
      ...(rand() < 0.2 ? { livenessProbe: { httpGet: { path: "/healthz", port: 8080, ...(rand() < 0.1 ? { host: "10.0.0.1" } : {}) } } } : {}),
    });
    return {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `pod-${i}`, namespace: `team-${i % 20}`, labels: rand() < 0.95 ? { "app.kubernetes.io/name": `app-${i % 50}` } : {} },
      spec: {
        automountServiceAccountToken: rand() < 0.9 ? false : true,
        securityContext: { runAsNonRoot: rand() < 0.9, seccompProfile: { type: "RuntimeDefault" } },
        containers: Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, n) => container(n)),
        initContainers: rand() < 0.3 ? [container(9)] : [],
        volumes: [{ name: "tmp", emptyDir: {} }, ...(rand() < 0.05 ? [{ name: "host", hostPath: { path: "/var/run" } }] : [])],
        ...(rand() < 0.03 ? { hostNetwork: true } : {}),
      },
    };
  });
}

/** Naive offline admission: every expression parsed again for every manifest (no program cache). */
function naiveAdmit(cel: CelJs, objects: ReturnType<typeof compileVap>["objects"], pods: Record<string, unknown>[]): number {
  const env = new cel.Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true, homogeneousAggregateLiterals: false });
  const spec = objects[0]!.spec as { variables: { name: string; expression: string }[]; validations: { expression: string }[] };
  const toCel = (v: unknown): unknown =>
    typeof v === "number"
      ? BigInt(v)
      : Array.isArray(v)
        ? v.map(toCel)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toCel(x)]))
          : v;
  let denied = 0;
  for (const m of pods) {
    const meta = m.metadata as { name: string; namespace: string };
    const variables: Record<string, unknown> = {};
    const ctx = { object: toCel(m), request: { namespace: meta.namespace, name: meta.name, operation: "CREATE" }, variables };
    for (const v of spec.variables) variables[v.name] = env.evaluate(v.expression, ctx);
    let ok = true;
    for (const v of spec.validations) {
      try {
        if (env.evaluate(v.expression, ctx) !== true) ok = false;
      } catch {
        ok = false;
      }
    }
    if (!ok) denied++;
  }
  return denied;
}

/** Runs the benchmark and returns printable lines. */
export async function run(): Promise<string[]> {
  const cel = (await import(pathToFileURL(celJs).href)) as CelJs;
  const documents = policy();
  const pods = manifests();
  const { objects, report } = compileVap(documents);
  const validations = (objects[0]!.spec as { validations: unknown[] }).validations.length;
  let results = admit(documents, pods);
  const denied = results.filter((r) => r.decision === "deny").length;
  const bench = new Bench({ iterations: 5, warmupIterations: 1, time: 0 });
  bench.add(`admit ${COUNT.toLocaleString("en")} pods`, () => {
    results = admit(documents, pods);
  });
  const sample = pods.slice(0, 500);
  let naiveDenied = 0;
  bench.add("naive re-parse (500-pod sample)", () => {
    naiveDenied = naiveAdmit(cel, objects, sample);
  });
  await bench.run();
  const [fast, naive] = bench.tasks.map((t) => t.result as unknown as { latency?: { mean: number; p99?: number }; mean?: number });
  const mean = (r: typeof fast) => r?.latency?.mean ?? r?.mean ?? NaN;
  const fastMs = mean(fast);
  const naiveMs = (mean(naive) * COUNT) / sample.length;
  const perSecond = (COUNT / fastMs) * 1000;
  const sampleDenied = results.slice(0, sample.length).filter((r) => r.decision === "deny").length;
  const maxCost = Math.max(...report.rules.flatMap((r) => r.validations.map((v) => v.cost)));
  return [
    `${COUNT.toLocaleString("en")} pods × 1 policy (${validations} validations: restricted + every catalogue rule): ${fastMs.toFixed(0)} ms per run → ${Math.round(perSecond).toLocaleString("en")} manifests/s (target ≥ 5,000: ${perSecond >= 5000 ? "met" : "MISSED"}); ${denied.toLocaleString("en")} denied`,
    `baseline (re-parse every expression per manifest): ${naiveMs.toFixed(0)} ms extrapolated from ${sample.length} pods → ${(naiveMs / fastMs).toFixed(1)}× slower; same denials on the sample: ${naiveDenied === sampleDenied ? "yes" : `NO (${naiveDenied} vs ${sampleDenied})`}`,
    ...(await bigFile()),
    `estimated runtime CEL cost (pod with 100 containers and 100 volumes): max ${maxCost.toLocaleString("en")} per validation, ${report.policies[0]!.totalCost.toLocaleString("en")} per admission (limits 1,000,000 / 10,000,000)`,
  ];
}

/**
 * One big mixed manifest file (issue 14 row 2): 10,000 manifests of 8 kinds as \`helm template\`
 * writes them (test-support/helm-stream.ts), read from disk and admitted against restricted Pod
 * Security + 8 catalogue rules, as \`rampart admit -f\` does; next to the previous parser path
 * (the whole stream through yaml's parseAllDocuments, then the same admission) in the same run.
 */
async function bigFile(): Promise<string[]> {
  const documents = policy(false);
  const { text, manifests: expected } = helmStream(COUNT, 42);
  const dir = mkdtempSync(join(tmpdir(), "rampart-admit-"));
  try {
    writeFileSync(join(dir, "all.yaml"), text);
    const admitAll = (values: Record<string, unknown>[]) => admit(documents as RampartDocument[], values);
    const stream = async () => {
      const { manifests, diagnostics } = await loadManifests(["all.yaml"], { cwd: dir });
      if (diagnostics.length > 0 || manifests.length !== COUNT)
        throw new Error(`admission bench: the stream does not load: ${diagnostics[0]?.message ?? manifests.length}`);
      return admitAll(manifests.map((m) => m.value));
    };
    const previous = () => {
      const values = (parseAllDocuments(text, { uniqueKeys: true, version: "1.2" }) as unknown as Document[])
        .filter((d) => d.contents !== null && d.contents.range?.[0] !== d.contents.range?.[1])
        .map((d) => d.toJS({ maxAliasCount: 100 }) as Record<string, unknown>);
      return admitAll(values);
    };
    const timed = async <T>(fn: () => T | Promise<T>) => {
      const t = performance.now();
      const result = await fn();
      return { ms: performance.now() - t, result };
    };
    const check = admitAll(expected)
      .map((r) => r.decision)
      .join();
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const run = await timed(stream);
      if (run.result.map((r) => r.decision).join() !== check)
        throw new Error("admission bench: the streamed manifests are decided differently from the generated ones");
      best = Math.min(best, run.ms);
    }
    const base = await timed(previous);
    if (base.result.map((r) => r.decision).join() !== check) throw new Error("admission bench: the previous parser path decides differently");
    const admitOnly = await timed(() => admitAll(expected));
    const rate = (ms: number) => Math.round((COUNT / ms) * 1000).toLocaleString("en");
    const denied = check.split(",").filter((d) => d === "deny").length;
    return [
      `one big mixed manifest file: ${COUNT.toLocaleString("en")} manifests of ${STREAM_KINDS.length} kinds (${STREAM_KINDS.join(", ")}), ${(text.length / 1e6).toFixed(1)} MB, helm-template style; restricted + 8 catalogue rules; ${denied.toLocaleString("en")} denied`,
      `  loadManifests + admit (streamed, fast paths)   ${best.toFixed(0)} ms → ${rate(best)} manifests/s (target ≥ 5,000: ${(COUNT / best) * 1000 >= 5000 ? "met" : "MISSED"}); ${(base.ms / best).toFixed(1)}× the previous path`,
      `  previous path (parseAllDocuments + admit)      ${base.ms.toFixed(0)} ms → ${rate(base.ms)} manifests/s (1 run); admit alone on parsed objects ${admitOnly.ms.toFixed(0)} ms`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await run()) console.log(line);
