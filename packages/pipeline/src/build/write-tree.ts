import { existsSync } from "node:fs";
import { link, mkdir, readdir, readFile, rename, rm, writeFile, copyFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

/** Generated files of one cluster: path relative to `<dir>/<cluster>` → content. */
export type ClusterFiles = ReadonlyMap<string, string>;

/** The file listing what a build generated, so later builds remove only their own files. */
export const MANIFEST = ".rampart-manifest.json";

/** Differences between the tree on disk and a fresh build. */
export interface TreeDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

async function readManifest(clusterDir: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await readFile(join(clusterDir, MANIFEST), "utf8")) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === "string" && !f.includes("..")) : [];
  } catch {
    return [];
  }
}

function manifestText(files: ClusterFiles): string {
  return `${JSON.stringify({ generator: "rampart", files: [...files.keys()].sort() }, null, 2)}\n`;
}

async function listFiles(root: string, dir = root, out: string[] = []): Promise<string[]> {
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = join(dir, e.name);
    if (e.isDirectory()) await listFiles(root, full, out);
    else out.push(relative(root, full));
  }
  return out;
}

/** Each cluster's files: `BuildResult.clusters`, or plain file maps. */
export type TreeInput = ReadonlyMap<string, ClusterFiles | { files: ClusterFiles }>;

function filesOf(entry: ClusterFiles | { files: ClusterFiles }): ClusterFiles {
  return entry instanceof Map ? entry : (entry as { files: ClusterFiles }).files;
}

/** Compares the clusters' generated files with what is on disk (drift, for `build --check`); nothing is written. */
export async function checkTree(dir: string, clusters: TreeInput): Promise<TreeDiff> {
  const diff: TreeDiff = { added: [], changed: [], removed: [] };
  for (const [cluster, entry] of clusters) {
    const files = filesOf(entry);
    const clusterDir = join(dir, cluster);
    for (const [path, content] of files) {
      const current = await readFile(join(clusterDir, path), "utf8").catch(() => undefined);
      if (current === undefined) diff.added.push(join(cluster, path));
      else if (current !== content) diff.changed.push(join(cluster, path));
    }
    for (const old of await readManifest(clusterDir)) if (!files.has(old)) diff.removed.push(join(cluster, old));
  }
  for (const list of Object.values(diff)) list.sort();
  return diff;
}

/** Test hook: `RAMPART_FAULT_AFTER_WRITES=N` fails the Nth file write, to prove atomicity. */
let writesLeft = Number(process.env.RAMPART_FAULT_AFTER_WRITES ?? "0") || Infinity;

async function put(path: string, content: string): Promise<void> {
  if (--writesLeft <= 0) throw new Error(`injected write fault at ${path}`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/**
 * Writes each cluster's tree atomically: the new tree is built in a temporary directory beside
 * it (with any files the user keeps there that rampart did not generate), then swapped in by
 * two renames. A failure before the swap leaves the previous tree untouched.
 */
export async function writeTree(dir: string, clusters: TreeInput): Promise<void> {
  await mkdir(dir, { recursive: true });
  await recover(dir);
  const staged: { cluster: string; tmp: string }[] = [];
  try {
    for (const [cluster, entry] of clusters) {
      const files = filesOf(entry);
      const clusterDir = join(dir, cluster);
      const tmp = join(dir, `.rampart-tmp-${cluster}-${process.pid}`);
      await rm(tmp, { recursive: true, force: true });
      staged.push({ cluster, tmp });
      for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) await put(join(tmp, path), content);
      await put(join(tmp, MANIFEST), manifestText(files));
      // Keep what rampart did not generate: files outside the old manifest move over unchanged.
      const owned = new Set([...(await readManifest(clusterDir)), MANIFEST]);
      for (const file of await listFiles(clusterDir)) {
        if (owned.has(file) || files.has(file)) continue;
        await mkdir(dirname(join(tmp, file)), { recursive: true });
        await link(join(clusterDir, file), join(tmp, file)).catch(() => copyFile(join(clusterDir, file), join(tmp, file)));
      }
    }
  } catch (error) {
    for (const { tmp } of staged) await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  for (const { cluster, tmp } of staged) {
    const clusterDir = join(dir, cluster);
    const old = join(dir, `.rampart-old-${cluster}`);
    await rm(old, { recursive: true, force: true });
    if (existsSync(clusterDir)) await rename(clusterDir, old);
    await rename(tmp, clusterDir);
    await rm(old, { recursive: true, force: true });
  }
}

/** Restores a tree whose swap was interrupted between its two renames; drops stale temp dirs. */
async function recover(dir: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    if (e.name.startsWith(".rampart-tmp-")) await rm(join(dir, e.name), { recursive: true, force: true });
    const m = /^\.rampart-old-(.+)$/.exec(e.name);
    if (m) {
      const target = join(dir, m[1]!);
      if (existsSync(target)) await rm(join(dir, e.name), { recursive: true, force: true });
      else await rename(join(dir, e.name), target);
    }
  }
}
