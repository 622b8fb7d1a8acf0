import { parse as parseYaml } from "yaml";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rampart } from "./run-cli.js";

const DEVS = `apiVersion: rampart.dev/v1alpha1
kind: AccessPolicy
metadata: { name: devs }
spec:
  subjects: [{ group: team-a }]
  rules:
    - { effect: allow, verbs: [get, delete], resources: [pods], namespaces: ["team-*"] }
`;
const GUARD = `apiVersion: rampart.dev/v1alpha1
kind: AccessPolicy
metadata: { name: guardrails }
spec:
  subjects: [{ group: team-a }]
  rules:
    - { effect: deny, verbs: [delete], resources: [pods], names: ["prod-db-*"] }
    - { effect: allow, verbs: [get], resources: [configmaps], namespaces: [team-a] }
`;
const WORK = `apiVersion: rampart.dev/v1alpha1
kind: WorkloadPolicy
metadata: { name: digests }
spec:
  action: deny
  match: { namespaces: ["team-*"] }
  rules: [{ imageDigest: required }]
---
apiVersion: rampart.dev/v1alpha1
kind: TrafficPolicy
metadata: { name: team-a-net }
spec:
  namespaces: [team-a]
  defaultDeny: [ingress]
  allow:
    - { direction: ingress, to: { pods: { app: api } }, from: [{ namespace: team-b, pods: { app: web } }], ports: [8080/TCP] }
`;
const deployment = (ns: string, name: string, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${ns} }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec: { containers: [{ name: ${name}, image: "${image}", ports: [{ containerPort: 8080 }] }] }
`;
const WORKLOADS = `apiVersion: v1\nkind: Namespace\nmetadata: { name: team-a }\n---\napiVersion: v1\nkind: Namespace\nmetadata: { name: team-b }\n---\n${deployment("team-a", "api", "api:1")}---\n${deployment("team-b", "web", "web:1")}`;

let repo: string;
const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" });
const write = (path: string, text: string) => {
  mkdirSync(join(repo, path, ".."), { recursive: true });
  writeFileSync(join(repo, path), text);
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "rampart-diff-e2e-"));
  git("init", "-q");
  git("config", "user.email", "ci@example.com");
  git("config", "user.name", "ci");
  write("policies/devs.yaml", DEVS);
  git("add", "-A");
  git("commit", "-qm", "base");
  git("tag", "v1");
  write("policies/bad.yaml", "apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: bad }\nspec: { subjects: [], rulez: [] }\n");
  git("add", "-A");
  git("commit", "-qm", "broken");
  rmSync(join(repo, "policies/bad.yaml"));
  write("policies/guard.yaml", GUARD);
  write("policies/work.yaml", WORK);
  write("deploy.yaml", deployment("team-a", "api", "registry.example.com/api:1.0"));
  write("workloads.yaml", WORKLOADS);
  write("old/devs.yaml", DEVS);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("rampart diff --base", () => {
  it("prints the access classes that flip against a git ref, per subject", () => {
    const r = rampart(["diff", "policies", "--base", "v1"], repo);
    expect(r.stderr).toBe("");
    expect(r.stdout.trimEnd().split("\n")).toEqual([
      "cluster default:",
      "  group team-a:",
      '    + get configmaps in namespaces team-a names "",*: deny → allow (before: no rule; after: guardrails[1])',
      '    - delete pods in namespaces team-* names "",prod-db-*: allow → deny (before: devs[0]; after: guardrails[0])',
      "1 new and 1 removed access classes, 0 new and 0 removed flows, 0 manifests newly denied and 0 newly admitted",
    ]);
    expect(r.code).toBe(0);
  });

  it("adds flows and manifests, in SPEC's JSON shape, and `--fail-on new-access` exits 1", () => {
    const r = rampart(
      ["diff", "policies", "--base", "v1", "--workloads", "workloads.yaml", "-f", "deploy.yaml", "-o", "json", "--fail-on", "new-access"],
      repo,
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ newAccess: 1, removedAccess: 1, newFlows: 0, removedFlows: 1, newlyDenied: 1, newlyAdmitted: 0 });
    expect(out.clusters[0].traffic).toEqual([
      { from: "team-b/web[Deployment]", to: "team-a/api[Deployment]", port: "SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535", before: "allow", after: "deny" },
    ]);
    expect(out.clusters[0].workload).toEqual([
      { file: "deploy.yaml", object: "Deployment/team-a/api", before: "admit", after: "deny", rules: ["imageDigest"] },
    ]);
    expect(out.clusters[0].access[1]).toEqual({
      subject: { kind: "Group", name: "team-a" },
      verbs: ["delete"],
      apiGroup: "",
      resource: "pods",
      subresource: "",
      namespaces: ["team-*"],
      names: ["", "prod-db-*"],
      before: "allow",
      after: "deny",
      because: { before: [{ policy: "devs", rule: 0 }], after: [{ policy: "guardrails", rule: 0 }] },
      example: { user: "", groups: ["team-a"], verb: "delete", apiGroup: "", resource: "pods", subresource: "", namespace: "team-", name: "prod-db-" },
    });
  });

  it("writes a pull-request comment with `-o markdown`; nothing new exits 0 with `--fail-on`", () => {
    const r = rampart(["diff", "old", "--base", "old", "-o", "markdown", "--fail-on", "new-access"], repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No decision changes.");
    const md = rampart(["diff", "policies", "--base", "v1", "-o", "markdown"], repo).stdout;
    expect(md.indexOf("### New access (1)")).toBeGreaterThan(md.indexOf("| access classes | 1 | 1 |"));
    expect(md.indexOf("### Removed access (1)")).toBeGreaterThan(md.indexOf("### New access (1)"));
  });

  it("reads the base from a directory", () => {
    const r = rampart(["diff", "policies", "--base", "old", "-o", "json"], repo);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ newAccess: 1, removedAccess: 1, newFlows: 0, removedFlows: 0, newlyDenied: 0, newlyAdmitted: 0 });
  });

  it("-o yaml carries the same diff as -o json", () => {
    const yaml = rampart(["diff", "policies", "--base", "old", "-o", "yaml"], repo);
    expect(yaml.code).toBe(0);
    expect(parseYaml(yaml.stdout)).toEqual(JSON.parse(rampart(["diff", "policies", "--base", "old", "-o", "json"], repo).stdout));
  });

  it("exits 2 with the reason for a ref that does not exist, and writes nothing", () => {
    const before = readdirSync(repo).sort();
    const r = rampart(["diff", "policies", "--base", "no-such-branch"], repo);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("<command line>:0:0: error: `--base no-such-branch` is not a git ref of the repository at");
    expect(readdirSync(repo).sort()).toEqual(before);
    expect(readdirSync(join(repo, ".git")).filter((f) => f.startsWith("rampart"))).toEqual([]);
  });

  it("exits 2 when the base does not load, naming the ref, file, line and column of every problem", () => {
    const r = rampart(["diff", "policies", "--base", "HEAD"], repo);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      "HEAD:policies/bad.yaml:4:7: error: `spec.rules` is required in AccessPolicy [missing-field]",
      "HEAD:policies/bad.yaml:4:19: error: `spec.subjects`: list at least one subject [invalid-value]",
      "HEAD:policies/bad.yaml:4:23: error: unknown field `rulez` in AccessPolicy `spec` (did you mean `rules`?) [unknown-field]",
    ]);
    const json = JSON.parse(rampart(["diff", "policies", "--base", "HEAD", "-o", "json"], repo).stdout);
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toEqual(["missing-field", "invalid-value", "unknown-field"]);
  });

  it("refuses TypeScript policies with `--no-typescript`", () => {
    write("ts/p.ts", "export default [];\n");
    const r = rampart(["diff", "ts", "--base", "old", "--no-typescript"], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "ts/p.ts:1:1: error: not loading a TypeScript policy module: `--no-typescript` forbids running policy code (write the policies of untrusted changes in YAML, or run without `--no-typescript` on trusted branches only) [typescript-disabled]\n",
    );
  });

  it("rejects an unknown output format or condition", () => {
    expect(rampart(["diff", "policies", "--base", "v1", "-o", "xml"], repo).code).toBe(2);
    expect(rampart(["diff", "policies", "--base", "v1", "--fail-on", "anything"], repo).stderr).toContain(
      "`--fail-on anything`: the only condition is `new-access`",
    );
  });
});
