import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";

const BIN = join(REPO_ROOT, "packages/cli/dist/bin.js");
const EXAMPLE = join(REPO_ROOT, "examples/platform/policies");

/** Spawns the built `rampart` binary. */
export function rampart(args: string[], cwd = REPO_ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first (\`pnpm test\` does)`);
});

describe("rampart (built binary)", () => {
  it("--help lists the commands; no command is a usage error", () => {
    expect(rampart(["--help"]).stdout).toContain("eval");
    expect(rampart([]).code).toBe(2);
    const bad = rampart(["evaluate"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown command `evaluate`");
  });

  it("check: valid policies exit 0", () => {
    const r = rampart(["check", EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("ok: 15 documents valid");
  });

  it("check: bad input exits 2 with file:line:column for every problem", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-e2e-"));
    writeFileSync(
      join(dir, "bad.yaml"),
      "apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: x }\nspec:\n  subjects: [{ grup: a }]\n  rules: [{ effect: allow, verbs: [get], resources: [pods] }]\n",
    );
    writeFileSync(join(dir, "bomb.yaml"), 'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nkind: AccessPolicy\n');
    const r = rampart(["check", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      "bad.yaml:5:16: error: unknown field `grup` in AccessPolicy `spec.subjects[0]` (did you mean `group`?) [unknown-field]",
      "bomb.yaml:1:1: error: refused YAML: aliases expand to more than 100 nodes (an alias bomb) (write the values out instead of nesting aliases) [yaml-alias-bomb]",
    ]);
    const json = rampart(["check", ".", "-o", "json"], dir);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).diagnostics[0]).toMatchObject({ code: "unknown-field", file: "bad.yaml", line: 5, column: 16, severity: "error" });
  });

  it("eval: a denied request exits 1 with the deciding rule; an allowed one exits 0", () => {
    const deny = rampart(["eval", EXAMPLE, "--user", "bob", "--group", "payments", "--verb", "get", "--resource", "pods", "-n", "payments", "--name", "nginx-ingress-1", "--cluster", "dev", "-o", "json"]);
    expect(deny.code).toBe(1);
    expect(JSON.parse(deny.stdout)).toEqual({
      decision: "deny",
      matched: [{ policy: "payments", rule: 2, effect: "deny" }],
      reason: "denied by rule 2 of AccessPolicy `payments`, which denies every verb on pods named nginx* in every namespace; a matching deny always wins",
    });
    const allow = rampart(["eval", EXAMPLE, "--user", "bob", "--group", "payments", "--verb", "patch", "--resource", "deployments.apps", "-n", "payments-dev", "--name", "api", "--cluster", "dev"]);
    expect(allow.code).toBe(0);
    expect(allow.stdout).toMatch(/^allow: allowed by rule 1 of AccessPolicy `payments`/);
  });

  it("eval --requests: one JSON decision per line; a bad line is exit 2 with its line", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-e2e-"));
    const lines = [
      { user: "bob", groups: ["payments"], verb: "get", resource: "pods", namespace: "payments", name: "api-1" },
      { user: "bob", groups: ["payments"], verb: "get", resource: "secrets", namespace: "payments", name: "db" },
      { user: "system:serviceaccount:monitoring:prometheus", verb: "get", nonResourceURL: "/metrics/cadvisor" },
    ];
    writeFileSync(join(dir, "ok.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const r = rampart(["eval", EXAMPLE, "--cluster", "dev", "--requests", join(dir, "ok.jsonl")]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n").map((l) => JSON.parse(l).decision)).toEqual(["allow", "deny", "allow"]);
    writeFileSync(join(dir, "bad.jsonl"), `${JSON.stringify(lines[0])}\n{"user":"x","verbb":"get"}\nnot json\n`);
    const bad = rampart(["eval", EXAMPLE, "--requests", join(dir, "bad.jsonl")]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("bad.jsonl:2:1: error: unknown request field `verbb`");
    expect(bad.stderr).toContain("bad.jsonl:3:1: error: invalid JSON");
  });

  it("eval: several clusters and no --cluster is a usage error (exit 2)", () => {
    const r = rampart(["eval", EXAMPLE, "--user", "bob", "--verb", "get", "--resource", "pods"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("`--cluster` is required: the policies define clusters `dev`, `staging`, `prod`");
  });

  it("eval: missing --verb is a usage error (exit 2)", () => {
    const r = rampart(["eval", EXAMPLE, "--user", "bob", "--resource", "pods"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("`--verb` is required");
  });

  it("schema prints the JSON Schema", () => {
    const r = rampart(["schema"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).oneOf).toHaveLength(6);
  });
});
