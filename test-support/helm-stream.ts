// A deterministic `helm template`-like stream of workload manifests for tests and benchmarks:
// `# Source:` comments, `---` separators, empty documents, block scalars whose lines include
// `---`, some documents written as JSON, optional CRLF line ends. 8 kinds: Pod, Deployment,
// StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, ReplicationController.
import { stringify } from "yaml";
import { prng } from "../bench/prng.js";

/** The workload kinds of the stream, in rotation. */
export const STREAM_KINDS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet", "ReplicationController"] as const;

const DIGEST = `@sha256:${"b".repeat(64)}`;
const API: Record<(typeof STREAM_KINDS)[number], string> = {
  Pod: "v1",
  Deployment: "apps/v1",
  StatefulSet: "apps/v1",
  DaemonSet: "apps/v1",
  Job: "batch/v1",
  CronJob: "batch/v1",
  ReplicaSet: "apps/v1",
  ReplicationController: "v1",
};

/** Options of `helmStream`. */
export interface HelmStreamOptions {
  /** Line ends (default `\n`). */
  eol?: "\n" | "\r\n";
  /** Every `jsonEvery`-th manifest is written as JSON (default 10; 0: none). */
  jsonEvery?: number;
}

/** The i-th manifest of the stream (seeded by `seed`). */
export function streamManifest(i: number, rand: () => number): Record<string, unknown> {
  const kind = STREAM_KINDS[i % STREAM_KINDS.length]!;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const container = (n: number) => ({
    name: `c${n}`,
    image: pick([`registry.example.com/app${DIGEST}`, `registry.example.com/app${DIGEST}`, "nginx:1.27", "registry.example.com/debug/shell:latest"]),
    securityContext:
      rand() < 0.8
        ? {
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            runAsNonRoot: true,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
          }
        : { privileged: rand() < 0.3 },
    resources: rand() < 0.9 ? { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "100m", memory: "256Mi" } } : {},
    ports: [{ containerPort: pick([8080, 22, 9090]), protocol: "TCP" }],
  });
  const labels = { "app.kubernetes.io/name": `app-${i % 50}` };
  const podSpec = {
    automountServiceAccountToken: rand() < 0.9 ? false : true,
    securityContext: { runAsNonRoot: rand() < 0.9, seccompProfile: { type: "RuntimeDefault" } },
    containers: Array.from({ length: rand() < 0.2 ? 2 : 1 }, (_, n) => container(n)),
  };
  const annotations = i % 7 === 0 ? { "example.com/config": `---\nmode: strict\n---\nlevel: ${i % 3}\n` } : undefined;
  const metadata = { name: `${kind.toLowerCase()}-${i}`, namespace: `team-${i % 20}`, labels, ...(annotations ? { annotations } : {}) };
  const template = { metadata: { labels: { ...labels } }, spec: podSpec };
  const selector = { matchLabels: { ...labels } };
  const spec: Record<string, unknown> =
    kind === "Pod"
      ? podSpec
      : kind === "Job"
        ? { template: { ...template, spec: { ...podSpec, restartPolicy: "Never" } } }
        : kind === "CronJob"
          ? { schedule: "*/5 * * * *", jobTemplate: { spec: { template: { ...template, spec: { ...podSpec, restartPolicy: "OnFailure" } } } } }
          : kind === "DaemonSet"
            ? { selector, template }
            : kind === "ReplicationController"
              ? { replicas: 2, selector: { ...labels }, template }
              : { replicas: 2, selector, template };
  return { apiVersion: API[kind], kind, metadata, spec };
}

/** `count` manifests as one multi-document text, and the manifests themselves. */
export function helmStream(count: number, seed = 42, options: HelmStreamOptions = {}): { text: string; manifests: Record<string, unknown>[] } {
  const rand = prng(seed);
  const jsonEvery = options.jsonEvery ?? 10;
  const parts: string[] = [];
  const manifests: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const m = streamManifest(i, rand);
    manifests.push(m);
    const kind = String(m.kind).toLowerCase();
    if (i % 97 === 0) parts.push("---\n# Source: chart/templates/empty.yaml\n"); // an empty document
    const body =
      jsonEvery > 0 && i % jsonEvery === jsonEvery - 1
        ? `${JSON.stringify(m, null, i % 20 === 19 ? 2 : undefined)}\n`
        : stringify(m, { lineWidth: 0, aliasDuplicateObjects: false });
    parts.push(`---\n# Source: chart/templates/${kind}.yaml\n${body}`);
  }
  const text = parts.join("");
  return { text: options.eol === "\r\n" ? text.replace(/\n/g, "\r\n") : text, manifests };
}
