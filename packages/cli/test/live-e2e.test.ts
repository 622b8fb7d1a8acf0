// The built binary against kubeconfigs: failure paths (no kubeconfig, unknown context, nothing
// listening), and a local HTTP server replaying recorded API responses, so the real client
// (kubeconfig loading, bearer tokens, pagination over HTTP) is exercised without a cluster.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadInventory } from "@rampart/core";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "./run-cli.js";
import { LIVE_FIXTURES, loadRecording, normalisePath, type Recording } from "../../pipeline/test/live-recorded.js";

const POLICIES = join(LIVE_FIXTURES, "policies");
const TOKEN = "recorded-token";

/** Spawns the binary without blocking the event loop (the replay server runs in this process). */
function rampart(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm --filter @rampart/cli build\` first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, KUBECONFIG: "", HOME: cwd, CI: "", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

interface Replay {
  url: string;
  requests: { path: string; accept: string }[];
}

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

/** An HTTP server answering GETs from a recording; a wrong bearer token is 401. */
async function replay(recording: Recording, dynamic?: (path: string) => unknown): Promise<Replay> {
  const responses = new Map(Object.entries(recording.responses).map(([p, b]) => [normalisePath(p), b]));
  const requests: Replay["requests"] = [];
  const server = createServer((req, res) => {
    const path = normalisePath(req.url ?? "/");
    requests.push({ path: req.url ?? "/", accept: String(req.headers.accept ?? "") });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { kind: "Status", status: "Failure", message: "Unauthorized", code: 401 });
    const body = dynamic?.(path) ?? responses.get(path);
    if (body === undefined) return send(404, { kind: "Status", status: "Failure", message: `the server could not find the requested resource`, code: 404 });
    const status = (body as { $status?: number }).$status;
    return send(status ?? 200, body);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** A kubeconfig with one context per server (plain HTTP needs `insecure-skip-tls-verify`). */
function kubeconfig(dir: string, contexts: Record<string, string>, current: string, token = TOKEN): string {
  const names = Object.keys(contexts);
  const text = [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    ...names.map((n) => `- name: ${n}-cluster\n  cluster: { server: "${contexts[n]}", insecure-skip-tls-verify: true }`),
    "users:",
    `- name: tester\n  user: { token: ${token} }`,
    "contexts:",
    ...names.map((n) => `- name: ${n}\n  context: { cluster: ${n}-cluster, user: tester }`),
    `current-context: ${current}`,
    "",
  ].join("\n");
  const file = join(dir, "kubeconfig.yaml");
  writeFileSync(file, text);
  return file;
}

const tmp = () => mkdtempSync(join(tmpdir(), "rampart-live-e2e-"));

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe("live-cluster failure paths (built binary)", () => {
  it("no kubeconfig: exit 2 with a clear message, nothing written", async () => {
    const dir = tmp();
    const r = await rampart(["inventory", "pull", "-o", "inv.yaml"], dir, {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("<kubeconfig>:0:0: error: no kubeconfig found: `KUBECONFIG` is not set and `~/.kube/config` does not exist");
    expect(readdirSync(dir)).toEqual([]);
    const missing = await rampart(["diff", POLICIES, "--live"], dir, { KUBECONFIG: join(dir, "nope.yaml") });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`no kubeconfig found: \`KUBECONFIG\` names \`${join(dir, "nope.yaml")}\`, which does not exist`);
  });

  it("unknown context: exit 2 naming the known contexts, nothing written (pull and diff, text and json)", async () => {
    const dir = tmp();
    const kc = kubeconfig(dir, { dev: "http://127.0.0.1:1", prod: "http://127.0.0.1:1" }, "dev");
    const pull = await rampart(["inventory", "pull", "--context", "staging", "-o", "out"], dir, { KUBECONFIG: kc });
    expect(pull.code).toBe(2);
    expect(pull.stderr).toContain(
      "error: unknown context `staging`; the kubeconfig defines `dev`, `prod` (list them with `kubectl config get-contexts`) [kubeconfig]",
    );
    expect(pull.stderr).toContain("nothing written");
    expect(existsSync(join(dir, "out"))).toBe(false);
    const diff = await rampart(["diff", POLICIES, "--live", "--context", "staging", "-o", "json"], dir, { KUBECONFIG: kc });
    expect(diff.code).toBe(2);
    expect(JSON.parse(diff.stdout)).toEqual({
      diagnostics: [
        {
          code: "kubeconfig",
          severity: "error",
          message: "unknown context `staging`; the kubeconfig defines `dev`, `prod`",
          hint: "list them with `kubectl config get-contexts`",
          file: "<kubeconfig>",
          line: 0,
          column: 0,
        },
      ],
    });
  });

  it("nothing listening: exit 2 'cannot reach', nothing written", async () => {
    const dir = tmp();
    const kc = kubeconfig(dir, { dev: `http://127.0.0.1:${await closedPort()}` }, "dev");
    const r = await rampart(["inventory", "pull", "-o", "inv.yaml"], dir, { KUBECONFIG: kc });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: cannot reach the API server of context `dev` at `http:\/\/127\.0\.0\.1:\d+`: connect ECONNREFUSED/);
    expect(existsSync(join(dir, "inv.yaml"))).toBe(false);
    const diff = await rampart(["diff", POLICIES, "--live"], dir, { KUBECONFIG: kc });
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain("cannot reach the API server of context `dev`");
  });

  it("rejected credentials: exit 2, told to log in again", async () => {
    const dir = tmp();
    const server = await replay(loadRecording("kind-dev"));
    const kc = kubeconfig(dir, { dev: server.url }, "dev", "wrong-token");
    const r = await rampart(["inventory", "pull", "-o", "inv.yaml"], dir, { KUBECONFIG: kc });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "the API server of context `dev` rejected the credentials (401 unauthorized) (log in again or refresh the kubeconfig's credentials) [cluster-unauthorized]",
    );
    expect(existsSync(join(dir, "inv.yaml"))).toBe(false);
  });
});

describe("live-cluster commands over HTTP against recorded responses (built binary)", () => {
  it("inventory pull of two contexts: one file each, a redrawn progress display on a terminal", async () => {
    const dir = tmp();
    const dev = await replay(loadRecording("kind-dev"));
    const prod = await replay(loadRecording("kind-dev"));
    const kc = kubeconfig(dir, { "kind-dev": dev.url, "kind-prod": prod.url }, "kind-dev");
    const r = await rampart(["inventory", "pull", POLICIES, "--all-contexts", "-o", "inventory", "--at", "2026-06-01T00:00:00Z"], dir, {
      KUBECONFIG: kc,
      RAMPART_PROGRESS: "tty",
    });
    expect(r.stderr).toContain("wrote the inventory of context `kind-prod` to inventory/kind-prod.yaml");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("\x1b[2A\r\x1b[2Kkind-dev "); // two lines, redrawn in place
    expect(r.stderr).toMatch(/\x1b\[2Kkind-prod  done: kubernetes 1\.33, 11 API resources/);
    for (const name of ["kind-dev", "kind-prod"]) {
      const { inventory, diagnostics } = await loadInventory(join(dir, "inventory", `${name}.yaml`));
      expect(diagnostics).toEqual([]);
      expect(inventory!.names("example.com", "widgets", "team-a")).toEqual(["w-1", "x-9"]);
    }
    // lists ask for metadata only and follow `continue`
    const lists = dev.requests.filter((q) => q.path.includes("limit="));
    expect(lists.every((q) => q.accept.startsWith("application/json;as=PartialObjectMetadataList"))).toBe(true);
    expect(lists.map((q) => q.path)).toContain("/api/v1/pods?limit=500&continue=pods-page-2");
  });

  it("diff --live: drift is exit 1 with each missing object listed", async () => {
    const dir = tmp();
    const kind = loadRecording("kind-dev");
    const diffRec = loadRecording("diff-cluster");
    // a cluster that serves discovery but holds no rampart objects
    const server = await replay(
      {
        ...kind,
        responses: {
          ...kind.responses,
          ...Object.fromEntries(Object.entries(diffRec.responses).filter(([p]) => !p.includes("?") && !p.includes("/namespaces/"))),
        },
      },
      (path) => (path.includes("labelSelector=") ? { kind: "List", metadata: {}, items: [] } : undefined),
    );
    const kc = kubeconfig(dir, { "kind-dev": server.url }, "kind-dev");
    const r = await rampart(["diff", POLICIES, "--live", "--inventory", "live", "--at", "2026-06-01T00:00:00Z"], dir, { KUBECONFIG: kc });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines.length).toBe(10);
    expect(lines.every((l) => l.startsWith("missing     "))).toBe(true);
    expect(lines).toContain("missing     ClusterRole rampart:nodes");
    expect(r.stderr).toMatch(new RegExp(`drift: ${lines.length} missing, 0 changed, 0 extra`));
    expect(readdirSync(dir)).toEqual(["kubeconfig.yaml"]);
  });
});

describe.skipIf(!process.env.KUBECONFIG)("a real cluster (runs only when KUBECONFIG is set)", () => {
  it("inventory pull from the current context writes a valid Inventory", async () => {
    const dir = tmp();
    const r = await rampart(["inventory", "pull", POLICIES, "-o", "inv.yaml"], dir, { KUBECONFIG: process.env.KUBECONFIG!, HOME: process.env.HOME ?? dir });
    expect(r.code, r.stderr).toBe(0);
    const { inventory, diagnostics } = await loadInventory(join(dir, "inv.yaml"));
    expect(diagnostics).toEqual([]);
    expect(inventory!.namespaces).toContain("kube-system");
    expect(readFileSync(join(dir, "inv.yaml"), "utf8")).toMatch(/kubernetesVersion: "1\.\d+"/);
  });

  it("diff --live against the current context answers 0 or 1 (never 2)", async () => {
    const dir = tmp();
    const r = await rampart(["diff", POLICIES, "--live", "--inventory", "live", "-o", "json"], dir, {
      KUBECONFIG: process.env.KUBECONFIG!,
      HOME: process.env.HOME ?? dir,
    });
    expect([0, 1], r.stderr).toContain(r.code);
    expect(JSON.parse(r.stdout)).toHaveProperty("counts");
  });
});
