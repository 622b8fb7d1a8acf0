import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { dirname, join } from "node:path";
import type { Script } from "node:vm";

// A V8 code cache for the CommonJS modules of rampart's packages on Node without
// `module.enableCompileCache` (Node < 22.1): each module's compiled code (with the functions the run
// compiled lazily) is saved at exit and handed back to V8 on the next start, which then skips most
// parsing and compiling. Keyed on the module's bytes, the Node and V8 versions and the architecture:
// a changed file gets a new entry and V8 refuses data from another build; a run that saves entries
// removes those unused for 30 days. Never fatal: an unreadable, unwritable or rejected cache only means
// compiling as usual. `NODE_DISABLE_COMPILE_CACHE=1` turns it off.

type Compile = (this: NodeModule, content: string, filename: string) => unknown;
interface CjsModule {
  prototype: { _compile: Compile };
  wrap(source: string): string;
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: { paths?: string[] }): string;
  _extensions: NodeJS.RequireExtensions;
  _cache: NodeJS.Require["cache"];
}

/** The OS temp directory as `os.tmpdir()` gives it (without loading `node:os` on the start path). */
function tmpdir(env: NodeJS.ProcessEnv): string {
  if (process.platform === "win32") return env.TEMP || env.TMP || `${env.SystemRoot || env.windir || "C:\\Windows"}\\temp`;
  return (env.TMPDIR || env.TMP || env.TEMP || "/tmp").replace(/(.)\/+$/, "$1");
}

/** The cache directory: `NODE_COMPILE_CACHE` (as Node ≥ 22 uses it), else `rampart-compile-cache` in the temp directory. */
export function compileCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const uid = typeof process.getuid === "function" ? `-${process.getuid()}` : "";
  return env.NODE_COMPILE_CACHE ? join(env.NODE_COMPILE_CACHE, "rampart") : join(tmpdir(env), `rampart-compile-cache${uid}`);
}

// node:crypto and node:vm are loaded with the first cached module, never by `--version` or `--help`.

const DYNAMIC_IMPORT = /(?<![.\w$])import\s*\(/;

/** The cache file of one module: a digest of its source and of what V8's code depends on. */
function entryOf(dir: string, content: string): string {
  const digest = process
    .getBuiltinModule("node:crypto")
    .createHash("sha1")
    .update(`${process.version} ${process.versions.v8} ${process.arch}\0`)
    .update(content)
    .digest("hex");
  return join(dir, `${digest}.v8`);
}

/** The `require` a module's wrapper receives, as Node builds it. */
function requireFor(cjs: CjsModule, module: NodeModule): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = ((request: string, options?: { paths?: string[] }) => cjs._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  require.main = process.mainModule;
  require.extensions = cjs._extensions;
  require.cache = cjs._cache;
  return require;
}

/**
 * Whether entries in `dir` may be run: code from a cache runs unchecked, so on POSIX the directory must be
 * the user's own and writable by no one else (a shared temp directory lets others create names in it).
 */
function trusted(dir: string): boolean {
  try {
    const stat = statSync(dir);
    if (typeof process.getuid !== "function") return stat.isDirectory();
    return stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Entries (and stray temp files) unused for this long are removed when a run saves new ones. */
const UNUSED_MS = 30 * 24 * 3600 * 1000;

/**
 * Removes the entries of earlier versions: every upgrade of rampart or Node adds a set (~1.3 MB) and
 * nothing else would delete them. An entry's time is when it was written; entries this run read are
 * kept, and an entry another command still needs is only written again once, on its next run.
 */
function prune(dir: string, used: ReadonlySet<string>): void {
  const before = Date.now() - UNUSED_MS;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (!/\.(?:v8|tmp)$/.test(name) || used.has(file)) continue;
    try {
      if (statSync(file).mtimeMs < before) unlinkSync(file);
    } catch {
      // removed meanwhile by another run
    }
  }
}

/** Saves the code cache of the modules compiled without one (each entry written whole: temp file, then rename), then prunes. */
function save(dir: string, pending: ReadonlyArray<readonly [string, Script]>, used: Set<string>): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!trusted(dir)) return;
    for (const [entry, script] of pending) {
      const temp = `${entry}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, entry);
      used.add(entry);
    }
    prune(dir, used);
  } catch {
    // an unwritable cache directory: the next run compiles again
  }
}

/** A code cache turned on by `enableCompileCache`: `save` writes what this process compiled without one; `disable` restores Node's compiler. */
export interface CompileCache {
  readonly dir: string;
  save(): void;
  disable(): void;
}

/**
 * Turns the code cache on for the CommonJS modules compiled from now on whose path `ours` accepts; the
 * caller saves it at exit. Where Node has its own compile cache (≥ 22.1) that one is turned on instead
 * (and undefined returned), as it is when `NODE_DISABLE_COMPILE_CACHE` is set.
 */
export function enableCompileCache(ours: (filename: string) => boolean, env: NodeJS.ProcessEnv = process.env): CompileCache | undefined {
  const builtIn = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (builtIn) {
    try {
      builtIn();
    } catch {
      // no cache this run
    }
    return undefined;
  }
  const dir = compileCacheDir(env);
  if (dir === undefined) return undefined;
  const cjs = Module as unknown as CjsModule;
  const compile = cjs.prototype._compile;
  const pending: Array<readonly [string, Script]> = [];
  const used = new Set<string>();
  let readable: boolean | undefined;
  cjs.prototype._compile = function (this: NodeModule, content: string, filename: string) {
    // An `import()` run from cached code fails on Node 20 (V8 drops its loader): such modules compile as usual.
    if (!ours(filename) || DYNAMIC_IMPORT.test(content)) return compile.call(this, content, filename);
    const entry = entryOf(dir, content);
    let cachedData: Buffer | undefined;
    try {
      if ((readable ??= trusted(dir))) cachedData = readFileSync(entry);
      if (cachedData !== undefined) used.add(entry);
    } catch {
      // not cached yet
    }
    // A `#!` line is valid only at the very start of a script, not inside the module wrapper.
    const vm = process.getBuiltinModule("node:vm");
    const script = new vm.Script(cjs.wrap(content.startsWith("#!") ? `//${content}` : content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true) pending.push([entry, script]);
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(cjs, this), this, filename, dirname(filename));
  };
  return {
    dir,
    save: () => {
      if (pending.length > 0) save(dir, pending.splice(0), used);
    },
    disable: () => void (cjs.prototype._compile = compile),
  };
}
