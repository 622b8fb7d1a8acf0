import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles } from "@rampart/core";
import {
  COMMAND_LINE,
  decideRequests,
  formatBoundSubjects,
  parseRequestBatch,
  parseResourceArgument,
  quietHost,
  requestFromFields,
  whoCanPolicies,
  whoCanRbac,
} from "@rampart/pipeline";
import { REPO_ROOT } from "../../../test-support/conformance.js";

const EXAMPLE = join(REPO_ROOT, "examples/platform/policies");
const example = async () => (await loadFiles([EXAMPLE], { cwd: REPO_ROOT })).documents;

describe("requests from command-line fields", () => {
  it("parses a resource argument into group, resource and subresource, or says how to write one", () => {
    expect(parseResourceArgument("deployments.apps/scale")).toEqual({ apiGroup: "apps", resource: "deployments", subresource: "scale" });
    expect(parseResourceArgument("pods")).toEqual({ apiGroup: "", resource: "pods", subresource: "" });
    expect(parseResourceArgument("*")).toEqual({ error: "`*` must name one resource like `pods`, `deployments.apps` or `pods/log`" });
  });

  it("builds the request, the explicit group and subresource winning over the resource argument's", () => {
    expect(
      requestFromFields({
        verb: "get",
        user: "alice",
        groups: ["g"],
        resource: "deployments.apps/scale",
        subresource: "status",
        namespace: "ns",
        cluster: "dev",
      }),
    ).toEqual({
      request: {
        verb: "get",
        user: "alice",
        groups: ["g"],
        apiGroup: "apps",
        resource: "deployments",
        subresource: "status",
        namespace: "ns",
        name: "",
        cluster: "dev",
      },
    });
    expect(requestFromFields({ verb: "get", nonResourceURL: "/healthz" })).toEqual({
      request: { verb: "get", user: "", groups: [], nonResourceURL: "/healthz", namespace: "", name: "", cluster: "" },
    });
    expect(requestFromFields({ resource: "pods" })).toEqual({ error: "`--verb` is required (or `--requests FILE.jsonl`)" });
    expect(requestFromFields({ verb: "get" })).toEqual({ error: "give `--resource R` or `--non-resource-url URL`" });
  });
});

describe("a JSONL batch of requests", () => {
  it("keeps each request's line and makes every bad line a diagnostic at it; blank lines are skipped", () => {
    const batch = parseRequestBatch('{"verb":"get","resource":"pods"}\n\nnot json\n{"verbb":"get"}\n', "r.jsonl");
    const request = {
      user: "",
      groups: [],
      verb: "get",
      apiGroup: "",
      resource: "pods",
      subresource: "",
      namespace: "",
      name: "",
      nonResourceURL: "",
      cluster: "",
    };
    expect(batch.requests).toEqual([{ request, at: { file: "r.jsonl", line: 1, column: 1 } }]);
    expect(batch.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["invalid-json", 3, 1],
      ["invalid-request", 4, 1],
    ]);
  });

  it("decides each request in order; a typo anywhere is a diagnostic at its line and no decision at all", async () => {
    const documents = await example();
    const ok = parseRequestBatch(
      '{"user":"alice","groups":["payments"],"verb":"get","resource":"pods","namespace":"payments","name":"api"}\n{"user":"bob","verb":"delete","resource":"nodes"}\n',
      "ok.jsonl",
    );
    const decided = await decideRequests(documents, ok, { cluster: "dev", host: quietHost(REPO_ROOT) });
    expect(decided.decisions?.map((d) => d.decision)).toEqual(["allow", "deny"]);
    const typo = parseRequestBatch('{"user":"bob","verb":"get","resource":"pods"}\n{"user":"bob","verb":"gte","resource":"pods"}\n', "typo.jsonl");
    const refused = await decideRequests(documents, typo, { cluster: "dev", host: quietHost(REPO_ROOT) });
    expect(refused.decisions).toBeUndefined();
    expect(refused.diagnostics.map((d) => [d.code, d.file, d.line, d.hint])).toEqual([["unknown-verb", "typo.jsonl", 2, "did you mean `get`?"]]);
  });

  it("a single request on the command line: an unknown cluster is one diagnostic there, with a hint", async () => {
    const r = await decideRequests(
      await example(),
      { requests: [{ request: { verb: "get", resource: "pods" }, at: COMMAND_LINE }], diagnostics: [] },
      { cluster: "prd" },
    );
    expect(r.diagnostics.map((d) => [d.code, d.file, d.hint])).toEqual([
      ["unknown-cluster", "<command line>", "did you mean `prod`? pass one of them to `--cluster`"],
    ]);
  });
});

describe("who can", () => {
  it("plain RBAC: every bound subject the authorizer allows, a ServiceAccount in its binding's namespace, sorted", () => {
    const role = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: { name: "read", namespace: "web" },
      rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }],
    };
    const binding = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "read", namespace: "web" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "read" },
      subjects: [
        { kind: "User", name: "zoe" },
        { kind: "ServiceAccount", name: "api" },
        { kind: "Group", name: "devs" },
      ],
    };
    const subjects = whoCanRbac([role, binding], { verb: "get", resource: "pods", namespace: "web" });
    expect(subjects).toEqual([
      { kind: "Group", name: "devs" },
      { kind: "ServiceAccount", name: "api", namespace: "web" },
      { kind: "User", name: "zoe" },
    ]);
    expect(formatBoundSubjects(subjects)).toEqual(["Group devs", "ServiceAccount web/api", "User zoe"]);
    expect(whoCanRbac([role, binding], { verb: "delete", resource: "pods", namespace: "web" })).toEqual([]);
    expect(whoCanRbac([role, binding], { verb: "get", resource: "pods", namespace: "other" })).toEqual([]);
  });

  it("the policies: the request is checked against the cluster's inventory first, never answered `nobody` for a typo", async () => {
    const documents = await example();
    const typo = await whoCanPolicies(documents, { verb: "get", resource: "secretz" }, { cluster: "dev", host: quietHost(REPO_ROOT) });
    expect([typo.entries, typo.diagnostics.map((d) => d.code)]).toEqual([undefined, ["unknown-resource"]]);
    const ok = await whoCanPolicies(
      documents,
      { verb: "get", resource: "pods", namespace: "payments", name: "api" },
      { cluster: "dev", host: quietHost(REPO_ROOT) },
    );
    expect(ok.cluster).toBe("dev");
    expect(ok.entries!.length).toBeGreaterThan(0);
  });
});
