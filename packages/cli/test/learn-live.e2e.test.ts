// `rampart learn --rbac live` as users run it: without a kubeconfig (exit 2, a clear message, no
// stack trace), and over HTTP against a local server answering like an API server (the real
// kubeconfig loading, bearer token and pagination; no cluster is faked: it serves lists only).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { BIN } from "./run-cli.js";

const TOKEN = "learn-token";
const EVENT = JSON.stringify({
  kind: "Event",
  apiVersion: "audit.k8s.io/v1",
  auditID: "1",
  stage: "ResponseComplete",
  verb: "get",
  user: { username: "system:serviceaccount:ci:deployer", groups: ["system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated"] },
  objectRef: { resource: "configmaps", namespace: "team-a", name: "settings" },
  requestReceivedTimestamp: "2026-11-30T10:00:00Z",
  responseStatus: { code: 200 },
});

function workDir(): string {
  mkdirSync(join(REPO_ROOT, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(REPO_ROOT, ".tmp", "learn-live-"));
  writeFileSync(join(dir, "audit.jsonl"), EVENT + "\n");
  return dir;
}

/** Runs the binary with exactly `env` over a clean base (no KUBECONFIG, no in-cluster variables, HOME = the work dir). */
function rampart(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`);
  const base = { ...process.env };
  for (const k of ["KUBECONFIG", "KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT"]) delete base[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...base, HOME: cwd, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const NO_STACK = /\n\s+at /;

describe("rampart learn --rbac live without a kubeconfig (built binary)", () => {
  it("KUBECONFIG unset and no ~/.kube/config: exit 2, says so with a hint, writes nothing", async () => {
    const dir = workDir();
    const r = await rampart(["learn", "audit.jsonl", "--rbac", "live", "-o", "out"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("<kubeconfig>:0:0: error: no kubeconfig found: `KUBECONFIG` is not set and `~/.kube/config` does not exist");
    expect(r.stderr).toContain("set `KUBECONFIG`, pass `--kubeconfig FILE`");
    expect(r.stderr).toContain("nothing learned: the current grants (`--rbac`) could not be read");
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("KUBECONFIG naming a file that does not exist: exit 2 naming it (text and --json)", async () => {
    const dir = workDir();
    const missing = join(dir, "nope.yaml");
    const r = await rampart(["learn", "audit.jsonl", "--rbac", "live", "--context", "prod"], dir, { KUBECONFIG: missing });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: no kubeconfig found: \`KUBECONFIG\` names \`${missing}\`, which does not exist`);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.stdout).toBe("");
    const j = await rampart(["learn", "audit.jsonl", "--rbac", "live", "--json"], dir, { KUBECONFIG: missing });
    expect(j.code).toBe(2);
    const out = JSON.parse(j.stdout) as { status: number; diagnostics: { code: string; severity: string }[] };
    expect(out.status).toBe(2);
    expect(out.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(["error:kubeconfig"]);
  });

  it("rejects --context without --rbac live, and live mixed with manifests, as usage errors", async () => {
    const dir = workDir();
    expect(await rampart(["learn", "audit.jsonl", "--context", "prod"], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("`--context` and `--kubeconfig` choose the cluster of `--rbac live`: add `--rbac live`"),
    });
    expect(await rampart(["learn", "audit.jsonl", "--rbac", "live", "--rbac", "rbac.yaml"], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("`--rbac live` reads the current grants from the cluster: give it alone"),
    });
  });
});

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

const RBAC_API = "/apis/rbac.authorization.k8s.io/v1";
const ROLE = { metadata: { name: "cm-reader", namespace: "team-a" }, rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list"] }] };
const BINDING = {
  metadata: { name: "cm-reader", namespace: "team-a" },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "cm-reader" },
  subjects: [{ kind: "ServiceAccount", name: "deployer", namespace: "ci" }],
};

/** An HTTP server answering the four RBAC lists (role bindings on two pages); `forbid` answers 403 to one of them. */
async function apiServer(forbid?: string): Promise<{ url: string; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    paths.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { kind: "Status", code: 401 });
    const resource = url.pathname.slice(RBAC_API.length + 1);
    if (resource === forbid)
      return send(403, {
        kind: "Status",
        code: 403,
        message: `${resource}.rbac.authorization.k8s.io is forbidden: User "ci" cannot list resource "${resource}"`,
      });
    const page = url.searchParams.get("continue");
    if (resource === "roles") return send(200, { items: [ROLE], metadata: {} });
    if (resource === "rolebindings") return send(200, page === "p2" ? { items: [BINDING], metadata: {} } : { items: [], metadata: { continue: "p2" } });
    if (resource === "clusterroles" || resource === "clusterrolebindings") return send(200, { items: [], metadata: {} });
    return send(404, { kind: "Status", code: 404 });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths };
}

function kubeconfig(dir: string, server: string): string {
  const file = join(dir, "kubeconfig.yaml");
  writeFileSync(
    file,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: { server: "${server}", insecure-skip-tls-verify: true }\nusers:\n- name: u\n  user: { token: ${TOKEN} }\ncontexts:\n- name: dev\n  context: { cluster: c, user: u }\ncurrent-context: dev\n`,
  );
  return file;
}

describe("rampart learn --rbac live over HTTP (built binary)", () => {
  it("lists the RBAC objects page by page and prints the gap against them", async () => {
    const dir = workDir();
    const api = await apiServer();
    const r = await rampart(["learn", "audit.jsonl", "--rbac", "live", "--context", "dev", "-o", "out"], dir, { KUBECONFIG: kubeconfig(dir, api.url) });
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.code).toBe(0);
    expect(api.paths).toEqual([
      `${RBAC_API}/clusterroles?limit=500`,
      `${RBAC_API}/clusterrolebindings?limit=500`,
      `${RBAC_API}/roles?limit=500`,
      `${RBAC_API}/rolebindings?limit=500`,
      `${RBAC_API}/rolebindings?limit=500&continue=p2`,
    ]);
    const lines = r.stderr.trim().split("\n");
    expect(lines.slice(-3)).toEqual([
      `least-privilege gap against the RBAC of context \`dev\` (${api.url}):`,
      "ServiceAccount ci/deployer (sa-ci-deployer): RBAC grants 2, the log used 1, unused 1",
      "  unused: list configmaps in team-a",
    ]);
    expect(existsSync(join(dir, "out", "sa-ci-deployer.yaml"))).toBe(true);
  });

  it("credentials that may not list RBAC: exit 2 with the grant to ask for, nothing written", async () => {
    const dir = workDir();
    const api = await apiServer("rolebindings");
    const r = await rampart(["learn", "audit.jsonl", "--rbac", "live", "-o", "out"], dir, { KUBECONFIG: kubeconfig(dir, api.url) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "<context dev>:0:0: error: the credentials of context `dev` may not list `rolebindings.rbac.authorization.k8s.io` across all namespaces",
    );
    expect(r.stderr).toContain("kubectl auth can-i list rolebindings -A");
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});
