import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  boundedName,
  hashedPrefix,
  managedLabels,
  openApiDiagnostics,
  serviceAccountGroups,
  serviceAccountNamespace,
  serviceAccountUser,
  shortHash,
  sourceAnnotations,
  sourceRef,
} from "@rampart/core/compiler";

const sha = (t: string) => createHash("sha256").update(t).digest("hex");

describe("@rampart/core/compiler", () => {
  it("labels and annotations of generated objects", () => {
    expect(managedLabels("team-a")).toEqual({ "app.kubernetes.io/managed-by": "rampart", "rampart.dev/policy": "team-a" });
    expect(Object.keys(managedLabels("x"))).toEqual(["app.kubernetes.io/managed-by", "rampart.dev/policy"]);
    expect(sourceAnnotations(sourceRef({ file: "p/access.yaml", line: 12 }))).toEqual({ "rampart.dev/source": "p/access.yaml:12" });
  });

  it("short hashes and bounded names", () => {
    expect(shortHash("abc")).toBe("ba7816bf");
    expect(shortHash("abc", 10)).toBe("ba7816bf8f");
    expect(boundedName("short-name", { keep: 52 })).toBe("short-name");
    const long = `${"a".repeat(51)}--${"b".repeat(20)}`;
    expect(boundedName(long, { keep: 53, digits: 10 })).toBe(`${"a".repeat(51)}-${sha(long).slice(0, 10)}`);
    expect(boundedName(long, { keep: 52, digits: 10, trim: /[^a-z0-9]+$/ })).toHaveLength(51 + 1 + 10);
    expect(hashedPrefix("name", { keep: 54, hashOf: "ctx" })).toBe(`name-${sha("ctx").slice(0, 8)}`);
  });

  it("ServiceAccount usernames and groups", () => {
    expect(serviceAccountUser("ci", "deployer")).toBe("system:serviceaccount:ci:deployer");
    expect(serviceAccountGroups("ci")).toEqual(["system:serviceaccounts", "system:serviceaccounts:ci"]);
    expect(serviceAccountNamespace("system:serviceaccount:ci:deployer")).toBe("ci");
    expect(serviceAccountNamespace("system:serviceaccount:ci")).toBeUndefined();
    expect(serviceAccountNamespace("alice")).toBeUndefined();
  });

  it("one wording for an object that fails the OpenAPI check", () => {
    const objects = [
      { kind: "Role", metadata: { name: "ok" } },
      { kind: "Role", metadata: { name: "bad" } },
    ];
    expect(openApiDiagnostics(objects, (o) => (o.metadata.name === "bad" ? ["rules: required"] : []), "Kubernetes 1.35")).toEqual([
      {
        code: "openapi-invalid",
        severity: "error",
        message: "generated Role `bad` does not match the Kubernetes 1.35 OpenAPI schema: rules: required",
        hint: "this is a bug in rampart: please report it with the input policies",
        file: "<generated>",
        line: 0,
        column: 0,
      },
    ]);
  });
});
