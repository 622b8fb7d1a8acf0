import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { compileCacheDir, enableCompileCache, type CompileCache } from "../src/compile-cache.js";
import { BIN } from "./run-cli.js";

const nodeHasItsOwn = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === "function";
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), `rampart-cc-${prefix}-`));
const entries = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".v8"))
        .sort()
    : [];

let open: CompileCache | undefined;
afterEach(() => open?.disable());

/** Loads `file` (a fresh CommonJS module each time) with the code cache on for files under `under`. */
function load(file: string, under: string, env: NodeJS.ProcessEnv): { value: unknown; cache: CompileCache } {
  const cache = enableCompileCache((f) => f.startsWith(under), env)!;
  open = cache;
  const require = createRequire(file);
  delete require.cache[file];
  const value = require(file);
  cache.disable();
  return { value, cache };
}

// In one process V8 keeps what it compiled in memory and then ignores a code cache: whether an entry is
// taken or refused is seen across processes (the built binary, below); here, the keys and the guards.
describe.skipIf(nodeHasItsOwn)("the code cache on Node without module.enableCompileCache", () => {
  const env = (dir: string) => ({ NODE_COMPILE_CACHE: dir });
  const module = (text: string) => {
    const dir = temp("src");
    writeFileSync(join(dir, "m.cjs"), text);
    return { dir, file: join(dir, "m.cjs") };
  };

  it("keys entries on the module's bytes: an edit of the same length runs the new code, from a new entry", () => {
    const src = module("module.exports = (x) => x * 2;\n");
    const cacheRoot = temp("cache");
    const before = load(src.file, src.dir, env(cacheRoot));
    before.cache.save();
    writeFileSync(src.file, "module.exports = (x) => x * 3;\n");
    const after = load(src.file, src.dir, env(cacheRoot));
    after.cache.save();
    expect([(before.value as (x: number) => number)(5), (after.value as (x: number) => number)(5)]).toEqual([10, 15]);
    expect(entries(after.cache.dir)).toHaveLength(2);
  });

  it("never fails where the cache cannot be written, and caches only the files it is given", () => {
    const src = module("module.exports = 7;\n");
    const notADir = join(temp("file"), "plain-file");
    writeFileSync(notADir, "");
    const blocked = load(src.file, src.dir, env(notADir));
    expect(blocked.value).toBe(7);
    expect(() => blocked.cache.save()).not.toThrow();
    const cacheRoot = temp("cache");
    const other = load(src.file, join(src.dir, "elsewhere"), env(cacheRoot));
    other.cache.save();
    expect([other.value, readdirSync(cacheRoot)]).toEqual([7, []]);
  });

  it("leaves a module that calls import() to Node (V8 11 loses the loader of an import() run from a cache)", () => {
    const src = module("module.exports = () => import('node:path');\n");
    const cacheRoot = temp("cache");
    const loaded = load(src.file, src.dir, env(cacheRoot));
    loaded.cache.save();
    expect([typeof loaded.value, existsSync(loaded.cache.dir)]).toEqual(["function", false]);
    const plain = module("module.exports = (jiti) => jiti.import('x');\n");
    const member = load(plain.file, plain.dir, env(cacheRoot));
    member.cache.save();
    expect(entries(member.cache.dir)).toHaveLength(1);
  });

  it("a run that saves removes entries and temp files unused for 30 days, but not those it read, nor newer ones", () => {
    const cacheRoot = temp("cache");
    const dir = join(cacheRoot, "rampart");
    const read = module("module.exports = 'read';\n");
    load(read.file, read.dir, env(cacheRoot)).cache.save();
    const [readEntry] = entries(dir);
    const old = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    const days = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000);
    for (const [name, when] of [
      ["0ld-version.v8", old],
      ["crashed.v8.123.tmp", old],
      ["last-week.v8", days(7)],
      ["not-ours.txt", old],
    ] as const) {
      writeFileSync(join(dir, name), "x");
      utimesSync(join(dir, name), when, when);
    }
    utimesSync(join(dir, readEntry!), old, old);
    // One process reads the old entry of `read` and compiles `fresh` without one: saving prunes.
    const cache = enableCompileCache((f) => f.startsWith(read.dir) || f.includes("rampart-cc-src"), env(cacheRoot))!;
    open = cache;
    const fresh = module("module.exports = 'fresh';\n");
    for (const file of [read.file, fresh.file]) {
      const require = createRequire(file);
      delete require.cache[file];
      require(file);
    }
    cache.save();
    cache.disable();
    const left = readdirSync(dir).sort();
    expect(left).toContain(readEntry);
    expect(left).toContain("last-week.v8");
    expect(left).toContain("not-ours.txt");
    expect(left).not.toContain("0ld-version.v8");
    expect(left).not.toContain("crashed.v8.123.tmp");
    expect(entries(dir)).toHaveLength(3); // read, fresh, last week
  });

  it("is off with NODE_DISABLE_COMPILE_CACHE, and lives in the temp directory by default", () => {
    expect(enableCompileCache(() => true, { NODE_DISABLE_COMPILE_CACHE: "1" })).toBeUndefined();
    expect(compileCacheDir({ TMPDIR: "/var/tmp/" })).toMatch(/^\/var\/tmp\/rampart-compile-cache(-\d+)?$/);
  });
});

describe.skipIf(nodeHasItsOwn)("the built binary with its code cache", () => {
  const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const tree = (dir: string) => files(dir).map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name), "utf8")]);
  const build = (cacheRoot: string) => {
    const out = temp("out");
    const r = spawnSync(process.execPath, [BIN, "build", "examples/platform/policies", "--at", "2026-11-24T00:00:00Z", "-o", out], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_COMPILE_CACHE: cacheRoot },
    });
    expect(r.status, r.stderr).toBe(0);
    return { tree: tree(out), stderr: r.stderr.replaceAll(out, "<out>") };
  };
  const stamps = (dir: string) => entries(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]);

  it("writes rampart's modules on the first run, takes them on the next (untouched), and builds the same tree", () => {
    const cacheRoot = temp("cache");
    const dir = join(cacheRoot, "rampart");
    const cold = build(cacheRoot);
    expect(cold.tree.length).toBeGreaterThan(100);
    // bin.cjs itself is compiled before the cache is on: core, yaml, pipeline/build and output, the three compilers
    expect(entries(dir).length).toBeGreaterThanOrEqual(7);
    const written = stamps(dir);
    expect(build(cacheRoot)).toEqual(cold);
    expect(stamps(dir)).toEqual(written);
  });

  it("replaces entries V8 refuses (corrupt), and never fails where the cache cannot be written", () => {
    const cacheRoot = temp("cache");
    const dir = join(cacheRoot, "rampart");
    const cold = build(cacheRoot);
    for (const f of entries(dir)) writeFileSync(join(dir, f), "not a code cache");
    expect(build(cacheRoot)).toEqual(cold);
    expect(entries(dir).filter((f) => readFileSync(join(dir, f), "utf8") === "not a code cache")).toEqual([]);
    const notADir = join(temp("file"), "plain-file");
    writeFileSync(notADir, "");
    expect(build(notADir)).toEqual(cold);
  });

  it.skipIf(process.platform === "win32")("neither reads nor writes a cache directory others may write", () => {
    const cacheRoot = temp("cache");
    const dir = join(cacheRoot, "rampart");
    const cold = build(cacheRoot);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of entries(dir)) writeFileSync(join(dir, f), "not a code cache");
    chmodSync(dir, 0o777);
    // Read, these entries would be refused and written again (the test above).
    expect(build(cacheRoot)).toEqual(cold);
    expect(entries(dir).every((f) => readFileSync(join(dir, f), "utf8") === "not a code cache")).toBe(true);
  });
});
