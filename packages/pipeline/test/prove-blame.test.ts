// The blame of an over-grant: the files of every binding that grants the request and of the role it binds, even
// when the role lives in another file (found by mutation testing: a ClusterRole's lookup key was never checked).
import { beforeAll, describe, expect, it } from "vitest";
import type { RampartDocument } from "@rampart/core";
import { verifyBuild, type BuildResult } from "@rampart/pipeline";
import { edited, NOW, proveFixture, RBAC } from "./prove-fixture.js";

let documents: RampartDocument[];
let build: BuildResult;
beforeAll(async () => {
  ({ documents, build } = await proveFixture());
});

const ROLE = `apiVersion: ${RBAC}/v1\nkind: ClusterRole\nmetadata: { name: read-secrets }\nrules: [{ apiGroups: [""], resources: [secrets], verbs: [get] }]\n`;
const BINDING = `apiVersion: ${RBAC}/v1\nkind: ClusterRoleBinding\nmetadata: { name: read-secrets }\nroleRef: { apiGroup: ${RBAC}, kind: ClusterRole, name: read-secrets }\nsubjects: [{ kind: User, name: mallory, apiGroup: ${RBAC} }]\n`;

describe("blame of an over-grant", () => {
  it("names the binding's file and the file of the ClusterRole it binds, sorted", () => {
    const v = verifyBuild(documents, edited(build, "b", { "hand/z-binding.yaml": BINDING, "hand/a-role.yaml": ROLE }), { now: NOW });
    const b = v.clusters.find((c) => c.cluster === "b")!;
    expect(b.overGrants.length).toBe(3);
    for (const o of b.overGrants) expect(o.files).toEqual(["hand/a-role.yaml", "hand/z-binding.yaml"]);
  });
});

// Written for `kubectl apply -n <ns>`, a Role and its RoleBinding without a namespace grant in whatever namespace the
// command names: the proof cannot judge them, so it fails instead of reporting no over-grant.
const NS_ROLE = `apiVersion: ${RBAC}/v1\nkind: Role\nmetadata: { name: read-secrets }\nrules: [{ apiGroups: [""], resources: [secrets], verbs: [get] }]\n`;
const NS_BINDING = `apiVersion: ${RBAC}/v1\nkind: RoleBinding\nmetadata: { name: read-secrets }\nroleRef: { apiGroup: ${RBAC}, kind: Role, name: read-secrets }\nsubjects: [{ kind: User, name: mallory, apiGroup: ${RBAC} }]\n`;

describe("namespace-less RBAC in a tree", () => {
  it("fails the proof with an error per object, naming its file", () => {
    const v = verifyBuild(documents, edited(build, "b", { "hand/z-binding.yaml": NS_BINDING, "hand/a-role.yaml": NS_ROLE }), { now: NOW });
    expect(v.ok).toBe(false);
    expect(v.diagnostics.map((d) => [d.code, d.severity, d.message.split(" without")[0]])).toEqual([
      ["tree-manifest", "error", "`hand/a-role.yaml` holds a Role `read-secrets`"],
      ["tree-manifest", "error", "`hand/z-binding.yaml` holds a RoleBinding `read-secrets`"],
    ]);
  });
});
