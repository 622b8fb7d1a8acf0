import { describe, expect, it } from "vitest";
import { clusterFor, cluster, resolveCluster, type RampartDocument } from "@rampart/core";

const three = [cluster("dev"), cluster("staging"), cluster("prod")] as RampartDocument[];
const withDefault = [cluster("default"), cluster("prod")] as RampartDocument[];
const names = (c: { clusters: { name: string }[] }) => c.clusters.map((x) => x.name);

describe("resolveCluster", () => {
  it("without a name selects every cluster, or the implicit `default` when none is declared", () => {
    expect(names(resolveCluster(three))).toEqual(["dev", "staging", "prod"]);
    expect(names(resolveCluster([]))).toEqual(["default"]);
  });

  it("an unknown name is one error at the given position, with a did-you-mean", () => {
    const choice = resolveCluster(three, { name: "prd", at: { file: "p/a.yaml", line: 3, column: 5 } });
    expect(choice.clusters).toEqual([]);
    expect(choice.diagnostics).toEqual([
      {
        code: "unknown-cluster",
        severity: "error",
        message: "unknown cluster `prd`; the policies define `dev`, `staging`, `prod`",
        hint: "did you mean `prod`? pass one of them to `--cluster`",
        file: "p/a.yaml",
        line: 3,
        column: 5,
      },
    ]);
  });

  it("with `single`, several clusters and no name is an error; `preferDefault` picks a declared `default`", () => {
    expect(resolveCluster(three, { single: true }).diagnostics.map((d) => [d.code, d.message, d.file])).toEqual([
      ["cluster-required", "`--cluster` is required: the policies define clusters `dev`, `staging`, `prod`", "<command line>"],
    ]);
    expect(names(resolveCluster(withDefault, { single: true, preferDefault: true }))).toEqual(["default"]);
    expect(resolveCluster(three, { single: true, preferDefault: true }).diagnostics.map((d) => d.code)).toEqual(["cluster-required"]);
  });
});

describe("clusterFor", () => {
  it("returns a resolved cluster as given, resolves a name, or returns the diagnostic", () => {
    const prod = resolveCluster(three, { name: "prod" }).clusters[0]!;
    expect(clusterFor(three, prod)).toBe(prod);
    expect(clusterFor(three, "prod")).toEqual(prod);
    expect(clusterFor([cluster("only")] as RampartDocument[], undefined)).toMatchObject({ name: "only" });
    expect(clusterFor(three, "qa")).toMatchObject({ code: "unknown-cluster", severity: "error" });
  });
});
