import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { rampart } from "./run-cli.js";

const EXAMPLE = join(REPO_ROOT, "examples/platform/policies");

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
    writeFileSync(
      join(dir, "bomb.yaml"),
      "a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nkind: AccessPolicy\n",
    );
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
    const deny = rampart([
      "eval",
      EXAMPLE,
      "--user",
      "bob",
      "--group",
      "payments",
      "--verb",
      "get",
      "--resource",
      "pods",
      "-n",
      "payments",
      "--name",
      "nginx-ingress-1",
      "--cluster",
      "dev",
      "-o",
      "json",
    ]);
    expect(deny.code).toBe(1);
    expect(JSON.parse(deny.stdout)).toEqual({
      decision: "deny",
      matched: [{ policy: "payments", rule: 2, effect: "deny" }],
      reason: "denied by rule 2 of AccessPolicy `payments`, which denies every verb on pods named nginx* in every namespace; a matching deny always wins",
    });
    const allow = rampart([
      "eval",
      EXAMPLE,
      "--user",
      "bob",
      "--group",
      "payments",
      "--verb",
      "patch",
      "--resource",
      "deployments.apps",
      "-n",
      "payments-dev",
      "--name",
      "api",
      "--cluster",
      "dev",
    ]);
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
    expect(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).decision),
    ).toEqual(["allow", "deny", "allow"]);
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

  it("build, diff, connectivity: an unknown --network-backend or --write-precision is a usage error (exit 2)", () => {
    for (const args of [
      ["build", EXAMPLE, "-o", "never-written", "--network-backend", "calico"],
      ["connectivity", EXAMPLE, "--workloads", "w.yaml", "--network-backend", "calico"],
      ["diff", EXAMPLE, "--live", "--network-backend", "calico"],
    ]) {
      const r = rampart(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("`--network-backend calico`: use `np` (NetworkPolicy only) or `cnp` (plus ClusterNetworkPolicy)");
    }
    const wp = rampart(["build", EXAMPLE, "-o", "never-written", "--write-precision", "exact"]);
    expect(wp.code).toBe(2);
    expect(wp.stderr).toContain("`--write-precision exact`: use `admission` (exact writes via RBAC + admission, Kubernetes ≥ 1.30) or `rbac-only`");
    expect(existsSync(join(REPO_ROOT, "never-written"))).toBe(false);
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

describe("rampart lint / who-can / test (built binary)", () => {
  it("lint: warnings only on the example (exit 0); an escalation path in RBAC is exit 1", () => {
    const ok = rampart(["lint", EXAMPLE, "--at", "2026-11-24T00:00:00Z"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("[workload-create]");
    const dir = mkdtempSync(join(tmpdir(), "rampart-e2e-"));
    writeFileSync(
      join(dir, "rbac.yaml"),
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: x }\nrules:\n  - { apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate] }\n",
    );
    const bad = rampart(["lint", "rbac.yaml", "-o", "json"], dir);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).findings[0]).toMatchObject({
      code: "escalate",
      severity: "error",
      file: "rbac.yaml",
      line: 5,
      column: 5,
      object: "ClusterRole/x",
    });
  });

  it("who-can lists subjects and rules", () => {
    const r = rampart(["who-can", "create", "pods/exec", EXAMPLE, "-n", "search", "--name", "lead-shell", "--cluster", "prod", "-o", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).subjects).toEqual([
      expect.objectContaining({ subject: { kind: "Group", name: "team-leads" }, rule: { policy: "leads", rule: 0, effect: "allow" } }),
    ]);
  });

  it("test: the example's PolicyTests pass; a failing case is exit 1 with request, expected, actual and rule", () => {
    const ok = rampart(["test", EXAMPLE, "--at", "2026-11-24T00:00:00Z"]);
    expect(ok.stdout).toMatch(/\d+ passed, 0 failed/);
    expect(ok.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), "rampart-e2e-"));
    writeFileSync(
      join(dir, "t.yaml"),
      [
        "apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: a }\nspec:\n  subjects: [{ user: bob }]\n  rules: [{ effect: allow, verbs: [get], resources: [pods], namespaces: [web] }]",
        "apiVersion: rampart.dev/v1alpha1\nkind: PolicyTest\nmetadata: { name: t }\nspec:\n  access:\n    - request: { user: bob, verb: delete, resource: pods, namespace: web, name: x }\n      expect: allow\n",
      ].join("\n---\n"),
    );
    const bad = rampart(["test", "t.yaml"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("FAIL  t/access[0]  t.yaml:13:7");
    expect(bad.stdout).toContain("case:     bob delete pods web/x");
    expect(bad.stdout).toContain("expected: allow");
    expect(bad.stdout).toContain("actual:   deny");
    const junit = rampart(["test", "t.yaml", "--reporter", "junit"], dir);
    expect(junit.stdout).toContain('<testsuites name="rampart" tests="1" failures="1">');
  });
});

describe("rampart connectivity (built binary)", () => {
  it("prints the allowed flows of the compiled policies between workloads", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-e2e-"));
    writeFileSync(
      join(dir, "workloads.yaml"),
      [
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: frontend, namespace: web }\nspec:\n  template:\n    metadata: { labels: { app: frontend } }\n    spec: { containers: [{ name: c, image: x }] }",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api, namespace: payments }\nspec:\n  template:\n    metadata: { labels: { app: api } }\n    spec: { containers: [{ name: c, image: x, ports: [{ containerPort: 8080 }] }] }",
      ].join("\n---\n"),
    );
    const r = rampart(["connectivity", EXAMPLE, "--workloads", join(dir, "workloads.yaml"), "-o", "json"]);
    expect(r.code).toBe(0);
    const flows = JSON.parse(r.stdout).flows as { src: string; dst: string; conns: string }[];
    expect(flows).toContainEqual(expect.objectContaining({ src: "web/frontend[Deployment]", dst: "payments/api[Deployment]", conns: "TCP 8080" }));
    expect(flows.find((f) => f.src === "payments/api[Deployment]" && f.dst === "web/frontend[Deployment]")).toBeUndefined();
  });
});

describe("rampart who-can --rbac (built binary)", () => {
  it("answers from plain RBAC manifests through the RBAC authorizer", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-e2e-"));
    writeFileSync(
      join(dir, "rbac.yaml"),
      [
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: reader }\nrules: [{ apiGroups: [''], resources: [secrets], verbs: [get] }]",
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: { name: r, namespace: team-a }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader }\nsubjects: [{ kind: ServiceAccount, name: app }, { kind: User, name: bob }]",
      ].join("\n---\n"),
    );
    const inNs = rampart(["who-can", "get", "secrets", "--rbac", "rbac.yaml", "-n", "team-a", "--name", "db"], dir);
    expect(inNs.stdout.trim().split("\n")).toEqual(["ServiceAccount team-a/app", "User bob"]);
    expect(rampart(["who-can", "get", "secrets", "--rbac", "rbac.yaml", "-n", "team-b", "--name", "db"], dir).stdout.trim()).toBe(
      "nobody: no subject bound in these manifests is allowed",
    );
  });
});

describe("rampart admit (built binary)", () => {
  it("exit 1 on a deny violation, with the rule, object and container; exit 0 when clean", () => {
    const bad = rampart(["admit", EXAMPLE, "-f", join(REPO_ROOT, "examples/platform/fixtures/root-pod.yaml"), "-o", "json"]);
    expect(bad.code).toBe(1);
    const r = JSON.parse(bad.stdout).results[0];
    expect(r).toMatchObject({ kind: "Pod", name: "root-pod", decision: "deny" });
    expect(r.violations.map((v: { rule: string }) => v.rule)).toContain("readOnlyRootFilesystem");
    expect(rampart(["admit", EXAMPLE, "-f", join(REPO_ROOT, "examples/platform/fixtures/good-pod.yaml")]).code).toBe(0);
  });
});
