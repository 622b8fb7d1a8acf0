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
