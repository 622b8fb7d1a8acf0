import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";

const PACKAGES = ["core", "compiler-rbac", "compiler-vap", "compiler-networkpolicy", "pipeline", "cli"];
const manifest = (p: string) => JSON.parse(readFileSync(join(REPO_ROOT, "packages", p, "package.json"), "utf8"));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? sources(join(dir, n)) : /\.m?ts$/.test(n) ? [join(dir, n)] : []));
}

describe("every package is publishable", () => {
  it.each(PACKAGES)("%s: licence, repository, homepage, bugs, keywords and public provenance publishing", (p) => {
    const m = manifest(p);
    expect(m.license).toBe("Apache-2.0");
    expect(m.repository).toEqual({ type: "git", url: "git+https://github.com/rampart-dev/rampart.git", directory: `packages/${p}` });
    expect(m.homepage).toBe(`https://github.com/rampart-dev/rampart/tree/main/packages/${p}#readme`);
    expect(m.bugs).toEqual({ url: "https://github.com/rampart-dev/rampart/issues" });
    expect(m.keywords).toContain("kubernetes");
    expect(m.publishConfig).toEqual({ access: "public", provenance: true });
    expect(m.engines).toEqual({ node: ">=20.19" });
    expect(m.version).toBe(manifest("cli").version);
  });

  it.each(PACKAGES)("%s: ships LICENSE and NOTICE identical to the root's, and no file twice", (p) => {
    for (const f of ["LICENSE", "NOTICE"])
      expect(readFileSync(join(REPO_ROOT, "packages", p, f), "utf8"), `${p}/${f}`).toBe(readFileSync(join(REPO_ROOT, f), "utf8"));
    const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: join(REPO_ROOT, "packages", p), encoding: "utf8" });
    const files: string[] = JSON.parse(pack.stdout)[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain("LICENSE");
    expect(files).toContain("NOTICE");
    // Data a build inlines into dist/ is not shipped beside it again.
    expect(files.filter((f) => f.startsWith("data/"))).toEqual([]);
  });

  it.each(PACKAGES)("%s: every dependency is imported by the package's sources", (p) => {
    const text = sources(join(REPO_ROOT, "packages", p, "src"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    for (const dep of Object.keys(manifest(p).dependencies ?? {})) expect(text, `${p} → ${dep}`).toMatch(new RegExp(`from "${dep}(/[^"]*)?"|import\\("${dep}`));
  });

  it("the Apache-2.0 licence text and a NOTICE naming the bundled Kubernetes data are at the root", () => {
    const license = readFileSync(join(REPO_ROOT, "LICENSE"), "utf8");
    expect(
      license
        .split("\n")
        .slice(0, 2)
        .map((l) => l.trim()),
    ).toEqual(["Apache License", "Version 2.0, January 2004"]);
    expect(license).toContain("END OF TERMS AND CONDITIONS");
    const notice = readFileSync(join(REPO_ROOT, "NOTICE"), "utf8");
    for (const data of readdirSync(join(REPO_ROOT, "packages/compiler-networkpolicy/data")).concat(
      readdirSync(join(REPO_ROOT, "packages/compiler-rbac/data")),
      readdirSync(join(REPO_ROOT, "packages/compiler-vap/data")),
    )) {
      expect(notice).toContain(data);
    }
    expect(notice).toContain("The Kubernetes Authors, Apache License 2.0");
  });
});
