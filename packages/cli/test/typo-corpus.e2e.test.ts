import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { rampart } from "./run-cli.js";

const EXAMPLE = join(REPO_ROOT, "examples/platform/policies");

const access = (verbs: string, resources: string) => `apiVersion: rampart.dev/v1alpha1
kind: AccessPolicy
metadata: { name: a }
spec:
  subjects: [{ group: g }]
  rules:
    - effect: allow
      verbs: [${verbs}]
      resources: [${resources}]
      namespaces: [x]
`;

/** Each typo, the file it sits in, and the first diagnostic both `check` and `build` must print. */
const CORPUS: { name: string; yaml: string; args?: string[]; expected: string }[] = [
  {
    name: "misspelled verb",
    yaml: access("get, dleete", "pods"),
    expected: "a.yaml:8:20: error: verb `dleete` is not served by any resource of the inventory (did you mean `delete`?) [unknown-verb]",
  },
  {
    name: "singular resource",
    yaml: access("get", "secret"),
    expected: "a.yaml:9:19: error: resource `secret` is not in the inventory (did you mean `secrets`?) [unknown-resource]",
  },
  {
    name: "misspelled grouped resource",
    yaml: access("get", "deploymnets.apps"),
    expected: "a.yaml:9:19: error: resource `deploymnets.apps` is not in the inventory (did you mean `deployments.apps`?) [unknown-resource]",
  },
  {
    name: "broken CEL",
    yaml: 'apiVersion: rampart.dev/v1alpha1\nkind: WorkloadPolicy\nmetadata: { name: w }\nspec:\n  rules:\n    - cel:\n        expression: "object.spec.replicas <<= 3"\n        message: too many\n',
    expected: "a.yaml:7:21: error: syntax error in the `cel` expression of rule 0 of WorkloadPolicy `w`",
  },
  {
    name: "missing inventory file",
    yaml: "apiVersion: rampart.dev/v1alpha1\nkind: Cluster\nmetadata: { name: prod }\nspec:\n  tags: { env: prod }\n  inventory: ./missing.yaml\n",
    expected: "a.yaml:6:14: error: the inventory `./missing.yaml` of Cluster `prod` does not exist",
  },
  {
    name: "unknown cluster on the command line",
    yaml: "apiVersion: rampart.dev/v1alpha1\nkind: Cluster\nmetadata: { name: prod }\nspec:\n  tags: { env: prod }\n",
    args: ["--cluster", "prd"],
    expected:
      "<command line>:0:0: error: unknown cluster `prd`; the policies define `prod` (did you mean `prod`? pass one of them to `--cluster`) [unknown-cluster]",
  },
];

function workspace(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "rampart-typo-"));
  mkdirSync(join(dir, "p"));
  writeFileSync(join(dir, "p/a.yaml"), yaml);
  return dir;
}

describe("no typo passes silently: check and build agree on every bad input", () => {
  for (const c of CORPUS) {
    it(c.name, () => {
      const dir = workspace(c.yaml);
      const check = rampart(["check", "p", ...(c.args ?? [])], dir);
      const build = rampart(["build", "p", "-o", "out", ...(c.args ?? [])], dir);
      const file = (s: string) => s.replace(/^p\//gm, "");
      expect(file(check.stderr).split("\n")[0]).toContain(c.expected);
      expect(check.stderr).toBe(build.stderr);
      expect(check.stderr).not.toMatch(/^\s+at /m);
      expect([check.code, build.code]).toEqual([2, 2]);
      expect(check.stdout + build.stdout).toBe("");
    });
  }

  it("a misspelled cluster selector `clusters: {enviroment: prod}` is exit 2 with a did-you-mean, in check and build alike", () => {
    const dir = workspace(
      `apiVersion: rampart.dev/v1alpha1\nkind: Cluster\nmetadata: { name: prod }\nspec:\n  tags: { environment: prod }\n---\n${access("get", "pods").replace("spec:\n", "spec:\n  clusters: { enviroment: prod }\n")}`,
    );
    const check = rampart(["check", "p"], dir);
    const build = rampart(["build", "p", "-o", "out"], dir);
    expect(check.stderr).toBe(build.stderr);
    expect(check.stderr).toMatch(/^p\/a\.yaml:\d+:\d+: error: .*`enviroment`.*did you mean `environment`/m);
    expect([check.code, build.code]).toEqual([2, 2]);
  });
});

describe("no typo passes silently: requests of eval, who-can and PolicyTests", () => {
  it("eval and who-can: an unknown cluster, verb or resource is exit 2 with a hint, not a deny", () => {
    const cases: [string[], string][] = [
      [
        ["eval", EXAMPLE, "--cluster", "prd", "--user", "bob", "--verb", "get", "--resource", "pods"],
        "<command line>:0:0: error: unknown cluster `prd`; the policies define `dev`, `staging`, `prod` (did you mean `prod`? pass one of them to `--cluster`) [unknown-cluster]",
      ],
      [
        ["eval", EXAMPLE, "--cluster", "prod", "--user", "bob", "--verb", "dleete", "--resource", "pods"],
        "<command line>:0:0: error: verb `dleete` is not one `pods` serves (`create`, `delete`, `deletecollection`, `get`, `list`, `patch`, `update`, `watch`) (did you mean `delete`?) [unknown-verb]",
      ],
      [
        ["eval", EXAMPLE, "--cluster", "prod", "--user", "bob", "--verb", "get", "--resource", "secret"],
        "<command line>:0:0: error: resource `secret` is not served by the cluster's inventory (did you mean `secrets`?) [unknown-resource]",
      ],
      [["who-can", "dleete", "pods", EXAMPLE, "--cluster", "prod"], "<command line>:0:0: error: verb `dleete` is not one `pods` serves"],
      [["who-can", "get", "deploymnets.apps", EXAMPLE, "--cluster", "prod"], "(did you mean `deployments.apps`?) [unknown-resource]"],
      [["who-can", "get", "pods", EXAMPLE, "--cluster", "prd"], "unknown cluster `prd`"],
    ];
    for (const [args, message] of cases) {
      const r = rampart(args);
      expect(r.stderr, args.join(" ")).toContain(message);
      expect([r.code, r.stdout]).toEqual([2, ""]);
    }
    // authorization-only verbs are not typos
    const bind = rampart(["eval", EXAMPLE, "--cluster", "prod", "--user", "bob", "--verb", "bind", "--resource", "clusterroles.rbac.authorization.k8s.io"]);
    expect(bind.code).toBe(1);
  });

  it("a PolicyTest whose request has `verb: dleete` or `resource: secret` is an error at that field, not a passing deny", () => {
    const dir = workspace(`${access("get", "pods")}---
apiVersion: rampart.dev/v1alpha1
kind: PolicyTest
metadata: { name: t }
spec:
  access:
    - request: { user: u, groups: [g], verb: dleete, resource: pods, namespace: x }
      expect: deny
    - request: { user: u, groups: [g], verb: get, resource: secret, namespace: x }
      expect: deny
    - request: { user: u, groups: [g], verb: get, resource: pods, namespace: x, cluster: prd }
      expect: deny
`);
    const r = rampart(["test", "p"], dir);
    expect(r.stderr.trim().split("\n")).toEqual([
      "p/a.yaml:17:46: error: verb `dleete` is not one `pods` serves (`create`, `delete`, `deletecollection`, `get`, `list`, `patch`, `update`, `watch`) (did you mean `delete`?) [unknown-verb]",
      "p/a.yaml:19:61: error: resource `secret` is not served by the cluster's inventory (did you mean `secrets`?) [unknown-resource]",
      "p/a.yaml:21:90: error: unknown cluster `prd`; the policies define `default` (pass one of them to `--cluster`) [unknown-cluster]",
    ]);
    expect([r.code, r.stdout]).toEqual([2, ""]);
  });
});
