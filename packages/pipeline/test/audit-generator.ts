// A synthetic Kubernetes audit log: deployers, controllers and people; forbidden requests;
// generated object names; several stages per request; non-resource URLs; malformed lines.
// Deterministic for a seed. Used by the learn tests and by bench/learn.bench.ts.

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

interface Ref {
  apiGroup?: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

interface Req {
  user: string;
  groups: string[];
  verb: string;
  ref?: Ref;
  url?: string;
  /** allow: decision annotation allow, 2xx; forbid: annotation forbid (or only 403 when `bare`); failed: 404 allowed by no annotation. */
  outcome: "allow" | "forbid" | "failed";
  bare?: boolean;
}

/** What the generator emitted, counted per distinct request (auditID). */
export interface GeneratedStats {
  allowed: number;
  forbidden: number;
  failed: number;
  /** Requests logged only at RequestReceived (outcome unknown). */
  unknown: number;
  /** Stage lines beyond the first of each request. */
  extraStages: number;
  /** Malformed or foreign lines: [line number (1-based), kind]. */
  malformed: [number, string][];
}

/** Options of `generateAuditLog`. */
export interface GenerateOptions {
  seed?: number;
  /** Distinct requests. */
  requests: number;
  /** Team namespaces `team-0…` (default 3). */
  teams?: number;
  /** Add a truncated line, a non-audit JSON line and a foreign apiVersion line. */
  malformed?: boolean;
}

const SA = (ns: string, name: string) => ({
  user: `system:serviceaccount:${ns}:${name}`,
  groups: ["system:serviceaccounts", `system:serviceaccounts:${ns}`, "system:authenticated"],
});

function uri(r: Req): string {
  if (r.url) return r.url;
  const ref = r.ref!;
  const base = ref.apiGroup ? `/apis/${ref.apiGroup}/v1` : "/api/v1";
  const ns = ref.namespace ? `/namespaces/${ref.namespace}` : "";
  return `${base}${ns}/${ref.resource}${ref.name ? `/${ref.name}` : ""}${ref.subresource ? `/${ref.subresource}` : ""}`;
}

/** Generates `requests` requests as audit log lines (JSON, one per line). */
export function generateAuditLog(options: GenerateOptions): { lines: string[]; stats: GeneratedStats } {
  const rand = random(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const suffix = (n: number) => Array.from({ length: n }, () => pick([...ALPHABET])).join("");
  const teams = Array.from({ length: options.teams ?? 3 }, (_, i) => `team-${i}`);
  // Per deployment × namespace: one pod-template hash and a pool of pod suffixes (pods come and go).
  const hashes = new Map<string, string>();
  const podName = (deploy: string, ns: string) => {
    const k = `${deploy}/${ns}`;
    if (!hashes.has(k)) hashes.set(k, suffix(9));
    return `${deploy}-${hashes.get(k)}-${suffix(5)}`;
  };
  const deployer = SA("ci", "deployer");
  const cron = SA("kube-system", "cronjob-controller");
  const alice = { user: "alice@example.com", groups: ["team-a", "system:authenticated"] };
  const carol = { user: "carol", groups: ["team-a", "system:authenticated"] };
  const bob = { user: "bob", groups: ["system:authenticated"] };
  const makers: (() => Req)[] = [
    () => ({
      ...deployer,
      verb: pick(["get", "patch"]),
      ref: { apiGroup: "apps", resource: "deployments", namespace: pick(teams), name: pick(["api", "web"]) },
      outcome: "allow",
    }),
    () => ({ ...deployer, verb: "create", ref: { apiGroup: "apps", resource: "deployments", namespace: pick(teams), name: "api" }, outcome: "allow" }),
    () => ({ ...deployer, verb: "list", ref: { resource: "pods", namespace: pick(teams) }, outcome: "allow" }),
    () => {
      const ns = pick(teams);
      return { ...deployer, verb: "get", ref: { resource: "pods", subresource: "log", namespace: ns, name: podName("api", ns) }, outcome: "allow" };
    },
    () => ({ ...cron, verb: pick(["list", "watch"]), ref: { apiGroup: "batch", resource: "jobs" }, outcome: "allow" }),
    () => ({
      ...cron,
      verb: "create",
      ref: { apiGroup: "batch", resource: "jobs", namespace: "team-0", name: `report-${29000000 + Math.floor(rand() * 1000)}` },
      outcome: "allow",
    }),
    () => ({
      ...cron,
      verb: "delete",
      ref: { apiGroup: "batch", resource: "jobs", namespace: "team-0", name: `report-${29000000 + Math.floor(rand() * 1000)}` },
      outcome: "allow",
    }),
    () => ({
      ...cron,
      verb: "update",
      ref: { apiGroup: "batch", resource: "cronjobs", subresource: "status", namespace: "team-0", name: "report" },
      outcome: "allow",
    }),
    () => ({ ...pick([alice, carol]), verb: "get", ref: { resource: "pods", namespace: "team-1", name: podName("web", "team-1") }, outcome: "allow" }),
    () => ({ ...alice, verb: "create", ref: { resource: "pods", subresource: "exec", namespace: "team-1", name: "debug-0" }, outcome: "allow" }),
    () => ({ ...carol, verb: "list", ref: { resource: "namespaces" }, outcome: "allow" }),
    () => ({ ...alice, verb: "get", ref: { resource: "nodes", name: pick(["node-1", "node-2"]) }, outcome: "allow" }),
    () => ({ ...pick([alice, bob]), verb: "get", url: pick(["/healthz", "/version?timeout=32s"]), outcome: "allow" }),
    // forbidden: with the authorizer's annotation, or only a 403 (older or filtered logs)
    () => ({ ...alice, verb: "delete", ref: { resource: "pods", namespace: "team-1", name: podName("web", "team-1") }, outcome: "forbid" }),
    () => ({ ...bob, verb: "get", ref: { resource: "secrets", namespace: "kube-system", name: "admin-token" }, outcome: "forbid", bare: true }),
    () => ({ ...deployer, verb: "get", ref: { resource: "secrets", namespace: pick(teams), name: "db" }, outcome: "forbid" }),
    () => ({ ...bob, verb: "get", url: "/metrics", outcome: "forbid" }),
    // allowed by the authorizer, failed later: not kept
    () => ({ ...deployer, verb: "get", ref: { apiGroup: "apps", resource: "deployments", namespace: "team-0", name: "gone" }, outcome: "failed" }),
  ];
  const lines: string[] = [];
  const stats: GeneratedStats = { allowed: 0, forbidden: 0, failed: 0, unknown: 0, extraStages: 0, malformed: [] };
  const start = Date.parse("2026-11-30T00:00:00Z");
  for (let i = 0; i < options.requests; i++) {
    const r = pick(makers)();
    const t = new Date(start + i * 1000).toISOString();
    const auditID = `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
    const code = r.outcome === "allow" ? (r.verb === "create" ? 201 : 200) : r.outcome === "forbid" ? 403 : 404;
    const base: Record<string, unknown> = {
      kind: "Event",
      apiVersion: "audit.k8s.io/v1",
      level: "Metadata",
      auditID,
      requestURI: uri(r),
      verb: r.verb,
      user: { username: r.user, groups: r.groups },
      sourceIPs: ["10.0.0.1"],
      userAgent: "kubectl/v1.35.0",
      requestReceivedTimestamp: t,
    };
    if (r.ref) base["objectRef"] = { ...r.ref, apiVersion: "v1" };
    const received = { ...base, stage: "RequestReceived", stageTimestamp: t };
    const annotations = r.bare || r.outcome === "failed" ? undefined : { "authorization.k8s.io/decision": r.outcome, "authorization.k8s.io/reason": "" };
    const done = { ...base, stage: "ResponseComplete", stageTimestamp: t, responseStatus: { metadata: {}, code }, ...(annotations ? { annotations } : {}) };
    const dice = rand();
    if (dice < 0.02) {
      // Only the first stage made it into the log: the outcome is unknown.
      lines.push(JSON.stringify(received));
      stats.unknown++;
      continue;
    }
    if (dice < 0.5) {
      lines.push(JSON.stringify(received));
      stats.extraStages++;
    }
    if (r.verb === "watch") {
      lines.push(
        JSON.stringify({
          ...base,
          stage: "ResponseStarted",
          stageTimestamp: t,
          responseStatus: { metadata: {}, code: 200 },
          ...(annotations ? { annotations } : {}),
        }),
      );
      stats.extraStages++;
    }
    lines.push(JSON.stringify(done));
    if (r.outcome === "allow") stats.allowed++;
    else if (r.outcome === "forbid") stats.forbidden++;
    else stats.failed++;
  }
  if (options.malformed) {
    const at = (n: number, text: string, kind: string) => {
      lines.splice(n - 1, 0, text);
      for (const m of stats.malformed) if (m[0] >= n) m[0]++;
      stats.malformed.push([n, kind]);
    };
    at(3, JSON.stringify({ kind: "Pod", apiVersion: "v1", metadata: { name: "x" } }), "foreign");
    at(7, JSON.stringify({ kind: "Event", apiVersion: "audit.k8s.io/v2", verb: "get", user: { username: "x" } }), "apiVersion");
    lines.push(lines[lines.length - 1]!.slice(0, 40));
    stats.malformed.push([lines.length, "truncated"]);
    stats.malformed.sort((a, b) => a[0] - b[0]);
  }
  return { lines, stats };
}
