import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { BAD_POLICY, folder, run } from "./helpers.js";
import { rampart } from "./run-cli.js";
import { spawnSync } from "node:child_process";
import { BIN } from "./run-cli.js";

const EXAMPLE = join(REPO_ROOT, "examples/platform/policies");
const WORKLOAD =
  "apiVersion: rampart.dev/v1alpha1\nkind: WorkloadPolicy\nmetadata: { name: ro-root }\nspec:\n  action: deny\n  rules:\n    - readOnlyRootFilesystem: true\n";
const PODS =
  "apiVersion: v1\nkind: Pod\nmetadata: { name: web, namespace: shop }\nspec:\n  containers: [{ name: c, image: nginx }]\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: ok, namespace: shop }\nspec:\n  containers: [{ name: c, image: nginx, securityContext: { readOnlyRootFilesystem: true } }]\n";

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n), base) : [join(dir, n).slice(base.length + 1)]));
}

describe("`-` reads standard input", () => {
  it("admit -f -: manifests piped in (`helm template … | rampart admit policies -f -`), named <stdin> with their lines", async () => {
    const dir = folder({ "wp.yaml": WORKLOAD });
    const r = await run(["admit", "wp.yaml", "-f", "-"], dir, { stdin: PODS });
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").filter((l) => !l.startsWith("      "))).toEqual(["deny  Pod shop/web (<stdin>:1)", "allow Pod shop/ok (<stdin>:7)"]);
  });

  it("check -: a YAML stream of policies; diagnostics name <stdin> at the exact position", async () => {
    const dir = folder({});
    const bad = await run(["check", "-"], dir, { stdin: BAD_POLICY });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("<stdin>:5:16: error: unknown field `grup` in AccessPolicy `spec.subjects[0]` (did you mean `group`?) [unknown-field]");
    const stream = readdirSync(EXAMPLE)
      .filter((f) => f.endsWith(".yaml"))
      .sort()
      .map((f) => readFileSync(join(EXAMPLE, f), "utf8"))
      .join("\n---\n");
    const ok = await run(["check", "-", "-o", "json"], EXAMPLE, { stdin: stream });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).documents).toBe(JSON.parse((await run(["check", EXAMPLE, "-o", "json"], REPO_ROOT)).stdout).documents);
  });

  it("`-` joins the other policy paths (a duplicate across them is found); without standard input it is a usage error", async () => {
    const dir = folder({ "wp.yaml": WORKLOAD });
    const mixed = await run(["check", "-", "wp.yaml", "-o", "json"], dir, { stdin: WORKLOAD });
    expect([mixed.code, JSON.parse(mixed.stdout).diagnostics[0]]).toEqual([2, expect.objectContaining({ code: "duplicate-name", file: "wp.yaml" })]);
    const none = await run(["check", "-"], dir);
    expect([none.code, none.stderr.split("\n")[0]]).toEqual([2, "rampart check: `-` reads standard input, but there is none here"]);
  });

  it("the built binary reads a pipe: `cat pods.yaml | rampart admit wp.yaml -f -`", () => {
    const dir = folder({ "wp.yaml": WORKLOAD });
    const r = spawnSync(process.execPath, [BIN, "admit", "wp.yaml", "-f", "-", "-o", "json"], { cwd: dir, input: PODS, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).results.map((x: { name: string; decision: string; file: string }) => [x.name, x.decision, x.file])).toEqual([
      ["web", "deny", "<stdin>"],
      ["ok", "allow", "<stdin>"],
    ]);
  });
});

describe("RBAC and requests from standard input", () => {
  const RBAC =
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: all }\nrules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: all }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: all }\nsubjects: [{ kind: User, name: mallory, apiGroup: rbac.authorization.k8s.io }]\n';

  it("who-can --rbac - and lint - read a cluster dump piped in", async () => {
    const dir = folder({});
    const who = await run(["who-can", "delete", "secrets", "--rbac", "-", "-o", "json"], dir, { stdin: RBAC });
    expect([who.code, JSON.parse(who.stdout)]).toEqual([0, { subjects: [{ kind: "User", name: "mallory" }] }]);
    const lint = await run(["lint", "-", "-o", "json", "--at", "2026-12-01T00:00:00Z"], dir, { stdin: RBAC });
    const findings = JSON.parse(lint.stdout).findings as { file: string; severity: string }[];
    expect(lint.code).toBe(1);
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(["<stdin>"]));
    expect(findings.some((f) => f.severity === "error")).toBe(true);
  });

  it("eval --requests - decides a JSONL batch piped in, one line each", async () => {
    const r = await run(["eval", EXAMPLE, "--requests", "-", "--cluster", "dev"], REPO_ROOT, {
      stdin:
        '{"user":"alice","groups":["payments"],"verb":"get","resource":"pods","namespace":"payments","name":"api"}\n{"user":"bob","verb":"delete","resource":"nodes"}\n',
    });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").map((l) => JSON.parse(l).decision)).toEqual(["allow", "deny"]);
    const single = await run(
      [
        "eval",
        EXAMPLE,
        "--user",
        "alice",
        "--group",
        "payments",
        "--verb",
        "get",
        "--resource",
        "pods",
        "-n",
        "payments",
        "--name",
        "api",
        "--cluster",
        "dev",
        "-o",
        "json",
      ],
      REPO_ROOT,
    );
    expect(JSON.parse(single.stdout)).toEqual(JSON.parse(r.stdout.split("\n")[0]!));
  });
});

describe("build --stdout", () => {
  it("prints exactly the manifests `build -o` writes for the cluster, as one YAML stream in path order", async () => {
    const dir = folder({});
    expect((await run(["build", EXAMPLE, "-o", "out", "--cluster", "dev", "--source-root", REPO_ROOT], dir)).code).toBe(0);
    const r = await run(["build", EXAMPLE, "--stdout", "--cluster", "dev", "--source-root", REPO_ROOT], dir);
    expect(r.code).toBe(0);
    const tree = files(join(dir, "out/dev"))
      .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
      .sort();
    const expected = tree.flatMap((f) => parseAllDocuments(readFileSync(join(dir, "out/dev", f), "utf8")).map((d) => d.toJS()));
    const docs = parseAllDocuments(r.stdout).map((d) => d.toJS());
    expect(docs).toEqual(expected);
    expect(docs.length).toBeGreaterThanOrEqual(tree.length);
    expect(r.stdout).not.toContain("kind: Kustomization");
  });

  it("needs one cluster; never writes", async () => {
    const dir = folder({});
    const r = await run(["build", EXAMPLE, "--stdout"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(
      "rampart build: `--stdout` prints one cluster; select it with `--cluster` (the policies define `dev`, `prod`, `staging`)",
    );
    expect(readdirSync(dir)).toEqual([]);
    const both = await run(["build", EXAMPLE, "--stdout", "-o", "out"], dir);
    expect([both.code, both.stderr.split("\n")[0]]).toEqual([
      2,
      "rampart build: `--stdout` prints the manifests instead of writing `-o <dir>`; give one or the other (and no `--check`)",
    ]);
  });
});

describe("--no-typescript", () => {
  it("every command that loads policies refuses a .ts module with the same diagnostic, exit 2", async () => {
    const dir = folder({ "p.ts": "throw new Error('policy code ran');\n", "pod.yaml": PODS });
    const expected =
      "p.ts:1:1: error: not loading a TypeScript policy module: `--no-typescript` forbids running policy code (write the policies of untrusted changes in YAML, or run without `--no-typescript` on trusted branches only) [typescript-disabled]";
    const commands = [
      ["check", "p.ts"],
      ["build", "p.ts", "-o", "out"],
      ["test", "p.ts"],
      ["admit", "p.ts", "-f", "pod.yaml"],
      ["lint", "p.ts"],
      ["verify", "p.ts", "out"],
      ["who-can", "get", "pods", "p.ts"],
      ["eval", "p.ts", "--verb", "get", "--resource", "pods"],
      ["connectivity", "p.ts", "--workloads", "pod.yaml"],
      ["diff", "p.ts", "--live"],
    ];
    for (const args of commands) {
      const r = await run([...args, "--no-typescript"], dir);
      expect([args[0], r.code, r.stderr.split("\n")[0]]).toEqual([args[0], 2, expected]);
    }
  });
});

describe("a closed pipe", () => {
  it("`rampart schema | head -c 1` ends quietly, exit 0, nothing on stderr", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" schema | head -c 1 >/dev/null; echo "rc=$?"`], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("rc=0");
    expect(rampart(["--version"]).code).toBe(0);
  });
});
