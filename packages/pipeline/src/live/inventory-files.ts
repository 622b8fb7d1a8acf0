import { existsSync, statSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { ContextPull } from "./pull-contexts.js";
import { formatOf, inventoryDocument, inventoryNames, renderInventory } from "./inventory-document.js";

/** Where pulled inventories go: printed (`-`), one file, or a directory of `<name>.yaml` files. */
export type InventoryTarget = { kind: "stdout" } | { kind: "file" | "dir"; path: string };

/** An inventory to write (`path` is `-` for standard output). */
export interface InventoryFile {
  path: string;
  context: string;
  content: string;
}

/** The contexts a command line names: repeated values, each may be a comma-separated list; duplicates dropped. */
export function contextList(values: readonly string[]): string[] {
  return [
    ...new Set(
      values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter((v) => v !== ""),
    ),
  ];
}

/**
 * Where `-o out` writes the inventories of one or `several` contexts: `-` prints one, a directory
 * (existing, or ending in `/`) takes one file per context, else one file; or why it cannot.
 */
export function inventoryTarget(out: string, cwd: string, several: boolean): InventoryTarget | { error: string } {
  if (out === "-") return several ? { error: "`-o -` prints one inventory; give `-o DIR` for several contexts" } : { kind: "stdout" };
  const path = resolve(cwd, out);
  const exists = existsSync(path);
  const isDir = out.endsWith("/") || (exists && statSync(path).isDirectory());
  if (several && exists && !isDir) return { error: `\`-o ${out}\` is a file; several contexts need a directory (one \`<context>.yaml\` each)` };
  return { kind: several || isDir ? "dir" : "file", path };
}

/** The Inventory documents of successful pulls, rendered for the target (`.json` files as JSON, else YAML with provenance). */
export function inventoryFiles(pulls: readonly ContextPull[], target: InventoryTarget): InventoryFile[] {
  const names = inventoryNames(pulls.map((p) => p.context));
  return pulls.flatMap((p) => {
    if (!p.inventory) return [];
    const name = names.get(p.context)!;
    const path = target.kind === "stdout" ? "-" : target.kind === "dir" ? join(target.path, `${name}.yaml`) : target.path;
    return [{ path, context: p.context, content: renderInventory(inventoryDocument(name, p.inventory), path === "-" ? "yaml" : formatOf(path), p) }];
  });
}

/** Writes a file atomically: a temporary file beside it, then a rename. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.rampart-tmp-${process.pid}`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
