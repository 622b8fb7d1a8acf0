import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { rampart } from "./run-cli.js";

const EXAMPLE = join(REPO_ROOT, "examples/platform");
const AT = "2026-11-24T00:00:00Z";

/** A git-less workspace with the example's policies and inventories, built to `out` at AT. */
function built(): string {
  const dir = mkdtempSync(join(tmpdir(), "rampart-proof-"));
  cpSync(join(EXAMPLE, "policies"), join(dir, "policies"), { recursive: true });
  cpSync(join(EXAMPLE, "inventory"), join(dir, "inventory"), { recursive: true });
  cpSync(join(EXAMPLE, "fixtures"), join(dir, "fixtures"), { recursive: true });
  const r = rampart(["build", "policies", "-o", "out", "--at", AT, "--source-root", dir], dir);
  expect(r.code).toBe(0);
  return dir;
}

const verify = (dir: string) => rampart(["verify", "policies", "out", "--cluster", "prod", "--at", AT, "--source-root", dir], dir);
const check = (dir: string) => rampart(["build", "policies", "-o", "out", "--check", "--cluster", "prod", "--at", AT, "--source-root", dir], dir);

const OVER_GRANT = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: read-secrets }
rules: [{ apiGroups: [""], resources: [secrets], verbs: [get] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: read-secrets }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: read-secrets }
subjects: [{ kind: User, name: mallory, apiGroup: rbac.authorization.k8s.io }]
`;

describe("the whole tree is proven (verify, build --check)", () => {
  it("a clean build: verify and build --check exit 0, naming the network universe checked", () => {
    const dir = built();
    const v = verify(dir);
    // 14 RBAC + 4 admission + 17 network objects, and the Kustomization
    expect(v.stdout).toContain("prod: 36 objects, 903 requests checked, 0 over-grants, 26 under-grants (0 unexplained)");
    expect(v.stdout).toContain(", 0 over-grants,");
    expect(v.stdout).toContain("prod: network: ");
    expect(v.stdout).toContain(" flows checked on 7 namespaces (7 named, 0 by label) × 5 pod label sets = 35 pods, 0 over-admissions");
    expect(v.code).toBe(0);
    const c = check(dir);
    expect(c.stderr).toContain("ok: out is up to date and proven");
    expect(c.code).toBe(0);
  });

  it("a hand-added over-granting ClusterRoleBinding in a nested .yml: exit 1 naming its file (verify and build --check)", () => {
    const dir = built();
    mkdirSync(join(dir, "out/prod/extra/deep"), { recursive: true });
    writeFileSync(join(dir, "out/prod/extra/deep/oops.yml"), OVER_GRANT);
    const v = verify(dir);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/over-grant: \{"verb":"get","apiGroup":"","resource":"secrets".*"user":"mallory".*\} granted by prod\/extra\/deep\/oops\.yml$/m);
    expect(v.stdout).not.toMatch(/granted by .*rbac\//);
    const c = check(dir);
    expect(c.stdout).not.toMatch(/^(added|changed|removed) /m); // not drift: rampart did not write it
    expect(c.stderr).toContain("over-grant: the tree at out grants or admits more than the policies");
    expect(c.code).toBe(1);
  });

  it("the same over-grant as JSON in a .json file is proven too", () => {
    const dir = built();
    writeFileSync(
      join(dir, "out/prod/grant.json"),
      JSON.stringify({
        apiVersion: "v1",
        kind: "List",
        items: [
          {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "ClusterRole",
            metadata: { name: "read-secrets" },
            rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }],
          },
          {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "ClusterRoleBinding",
            metadata: { name: "read-secrets" },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "read-secrets" },
            subjects: [{ kind: "User", name: "mallory", apiGroup: "rbac.authorization.k8s.io" }],
          },
        ],
      }),
    );
    const v = verify(dir);
    expect(v.stdout).toMatch(/granted by prod\/grant\.json$/m);
    expect(v.code).toBe(1);
  });

  it("a widened NetworkPolicy is an over-admission naming its file (verify); a hand-added one fails build --check", () => {
    const dir = built();
    const file = join(dir, "out/prod/network/networkpolicy-web-rampart-web-frontend-allow-0.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("cidr: 10.0.0.0/8", "cidr: 0.0.0.0/0"));
    const v = verify(dir);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/^prod: network: \d+ flows checked on .*, [1-9]\d* over-admissions/m);
    expect(v.stdout).toMatch(
      /over-admission: 8\.8\.8\.8 → web\/pod-\d+ 8443\/TCP .*admitted by .*prod\/network\/networkpolicy-web-rampart-web-frontend-allow-0\.yaml/,
    );

    const clean = built();
    writeFileSync(
      join(clean, "out/prod/allow-all.yaml"),
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: allow-all, namespace: payments }\nspec:\n  podSelector: {}\n  ingress: [{}]\n",
    );
    const c = check(clean);
    expect(c.stdout).toMatch(/over-admission: .* → payments\/pod-\d+ .*admitted by .*prod\/allow-all\.yaml/);
    expect(c.code).toBe(1);
  });

  it("a deleted write-path admission policy surfaces as over-grants: exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-proof-"));
    cpSync(join(__dirname, "fixtures/write-layer"), join(dir, "policies"), { recursive: true });
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], dir).code).toBe(0);
    expect(rampart(["verify", "policies", "out", "--at", AT], dir).code).toBe(0);
    rmSync(join(dir, "out/default/admission/validatingadmissionpolicy-rampart-access-writes.yaml"));
    const v = rampart(["verify", "policies", "out", "--at", AT], dir);
    expect(v.stdout).toContain("default: 4 objects, 9 requests checked, 4 over-grants, 0 under-grants (0 unexplained)");
    expect(v.stdout).toContain("the write-path admission policy `rampart-access-writes` is missing from the tree");
    expect(v.code).toBe(1);
    expect(rampart(["build", "policies", "-o", "out", "--check", "--at", AT], dir).code).toBe(1);
  });
});
