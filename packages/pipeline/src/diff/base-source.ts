import type { SpawnSyncOptionsWithBufferEncoding } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { diagnostic, loadFiles, normaliseClusters, type Diagnostic, type RampartDocument } from "@rampart/core";

/** Options of `loadBase`. */
export interface BaseOptions {
  /** The head paths (files or directories), relative to `cwd`. */
  paths: readonly string[];
  /** A git ref (commit, branch, tag) of the repository holding `cwd`, or a directory of policies. */
  base: string;
  cwd: string;
  /** A `.ts` module is an error, never run (untrusted pull requests). */
  noTypescript?: boolean;
}

/** The base version: its documents and the problems loading it, named `<ref>:<path>`. */
export interface LoadedBase {
  documents: RampartDocument[];
  diagnostics: Diagnostic[];
  /** How the base is named in messages: the ref, or the directory. */
  label: string;
  /** Removes the temporary checkout (after the diff: Clusters' inventory files are read from it). */
  dispose(): void;
}

const AT = { file: "<command line>", line: 0, column: 0 };

// node:child_process is taken when a git base is loaded, not at start-up (it costs every command ~10 ms to load).
const spawnSync = (command: string, args: readonly string[], options: SpawnSyncOptionsWithBufferEncoding) =>
  process.getBuiltinModule("node:child_process").spawnSync(command, args, options);

function git(cwd: string, args: string[], input?: Buffer) {
  return spawnSync("git", ["-C", cwd, ...args], { maxBuffer: 1 << 30, ...(input ? { input } : {}) });
}

const fail = (message: string, hint?: string): LoadedBase => ({
  documents: [],
  diagnostics: [diagnostic("diff-base", "error", message, AT, hint)],
  label: "",
  dispose: () => {},
});

/**
 * Loads the base of a diff as `build` loads policies: a directory is read as it is; a git ref is
 * checked out with real git (`git archive <ref> -- <paths>` into a temporary directory, the head
 * paths mapped to the same repository paths; a path absent at the ref is an empty base).
 */
export async function loadBase(options: BaseOptions): Promise<LoadedBase> {
  const { base, cwd } = options;
  const loadOptions = (root: string) => ({ cwd: root, ...(options.noTypescript ? { noTypescript: true } : {}) });
  const dir = resolve(cwd, base);
  if (existsSync(dir) && statSync(dir).isDirectory()) {
    const loaded = await loadFiles([dir], loadOptions(cwd));
    return { ...loaded, label: base, dispose: () => {} };
  }
  const top = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (top.status !== 0)
    return fail(
      `\`--base ${base}\` is neither a directory nor usable as a git ref: \`${cwd}\` is not inside a git repository`,
      "give a directory of the base policies, or run inside the repository",
    );
  const root = top.stdout.toString().trim();
  const commit = git(cwd, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`]);
  if (commit.status !== 0)
    return fail(
      `\`--base ${base}\` is not a git ref of the repository at \`${root}\` (no such branch, tag or commit) nor a directory`,
      "fetch it first (`git fetch origin main`) or check the spelling",
    );
  const rels = options.paths.map((p) => relative(root, resolve(cwd, p)).split("\\").join("/") || ".");
  const listed = git(root, ["ls-tree", "-r", "--name-only", "-z", base, "--", ...rels]);
  if (listed.status !== 0) return fail(`cannot list \`${rels.join("`, `")}\` at \`${base}\`: ${listed.stderr.toString().trim()}`);
  const files = listed.stdout
    .toString()
    .split("\0")
    .filter((f) => f !== "");
  // A temporary directory under the repository's node_modules, so that TypeScript policies of the base resolve the same packages.
  const cache = join(root, "node_modules", ".cache");
  const parent = existsSync(join(root, "node_modules")) ? cache : process.getBuiltinModule("node:os").tmpdir();
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, "rampart-diff-base-"));
  const dispose = () => rmSync(tmp, { recursive: true, force: true });
  const extract = (paths: readonly string[]): string | undefined => {
    const archive = git(root, ["archive", "--format=tar", base, "--", ...paths]);
    if (archive.status !== 0) return `\`git archive ${base}\` failed: ${archive.stderr.toString().trim()}`;
    const tar = spawnSync("tar", ["-x", "-C", tmp], { input: archive.stdout, maxBuffer: 1 << 30 });
    return tar.status !== 0 ? `cannot unpack the base \`${base}\`: ${tar.stderr.toString().trim()}` : undefined;
  };
  try {
    const problem = files.length > 0 ? extract(files) : undefined;
    if (problem !== undefined) return { ...fail(problem), dispose };
    const present = rels.filter((r) => existsSync(join(tmp, r)));
    if (present.length === 0) return { documents: [], diagnostics: [], label: base, dispose };
    const loaded = await loadFiles(
      present.map((r) => join(tmp, r)),
      loadOptions(tmp),
    );
    // Inventory files of the base's Clusters may lie outside the policy paths: check them out too.
    const inventories = normaliseClusters(loaded.documents)
      .flatMap((c) => (c.inventory === undefined ? [] : [relative(tmp, c.inventory).split("\\").join("/")]))
      .filter((r) => !r.startsWith("..") && !existsSync(join(tmp, r)));
    if (inventories.length > 0) extract([...new Set(inventories)]);
    // Problems of the base are named by the ref and the repository path.
    const diagnostics = loaded.diagnostics.map((d) => ({ ...d, file: `${base}:${d.file}` }));
    return { documents: loaded.documents, diagnostics, label: base, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
