import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative, resolve } from "node:path";
import { diagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { Locator } from "../validate.js";
import { DEFAULT_YAML_LIMITS, parseYaml } from "./yaml-source.js";

/** A Kubernetes manifest read from a file, with its position and a locator for its fields. */
export interface Manifest {
  readonly value: Record<string, unknown>;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly locate: Locator;
}

async function collect(path: string, out: string[]): Promise<void> {
  const info = await stat(path);
  if (!info.isDirectory()) {
    if ([".yaml", ".yml", ".json"].includes(extname(path))) out.push(path);
    return;
  }
  const entries = (await readdir(path)).sort();
  for (const e of entries) {
    if (e.startsWith(".") || e === "node_modules") continue;
    const full = join(path, e);
    if ((await stat(full)).isDirectory()) await collect(full, out);
    else if ([".yaml", ".yml", ".json"].includes(extname(e))) out.push(full);
  }
}

/**
 * Reads Kubernetes manifests (any apiVersion) from YAML/JSON files and directories; `List`
 * objects are flattened. Documents are parsed one by one (a file may be a long `helm template`
 * stream); syntax errors, alias bombs and documents over the per-object limits are diagnostics.
 */
export async function loadManifests(
  paths: readonly string[],
  options: { cwd?: string; stdin?: string } = {},
): Promise<{ manifests: Manifest[]; diagnostics: Diagnostic[] }> {
  const cwd = options.cwd ?? process.cwd();
  const manifests: Manifest[] = [];
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  // `-` is standard input (the text in `options.stdin`), named `<stdin>`.
  const stdinFile = resolve(cwd, "<stdin>");
  for (const p of paths) {
    if (p === "-" && options.stdin !== undefined) {
      files.push(stdinFile);
      continue;
    }
    await collect(resolve(cwd, p), files).catch(() =>
      diagnostics.push(diagnostic("file-not-found", "error", `no such file or directory \`${p}\``, { file: p, line: 0, column: 0 }, "check the path")),
    );
  }
  for (const file of files) {
    const display = relative(cwd, file) || file;
    const text = file === stdinFile && options.stdin !== undefined ? options.stdin : undefined;
    const size = text === undefined ? (await stat(file)).size : Buffer.byteLength(text);
    if (size > DEFAULT_YAML_LIMITS.maxBytes) {
      diagnostics.push(
        diagnostic(
          "input-too-large",
          "error",
          `file is ${size} bytes, more than the limit of ${DEFAULT_YAML_LIMITS.maxBytes} bytes`,
          { file: display, line: 1, column: 1 },
          "split the input into several files",
        ),
      );
      continue;
    }
    // Manifests are read as kubectl reads them (YAML 1.1: `0644` is 420, `yes` is true); policies stay YAML 1.2.
    const parsed = parseYaml(text ?? (await readFile(file, "utf8")), display, DEFAULT_YAML_LIMITS, "kubectl");
    diagnostics.push(...parsed.diagnostics);
    for (const doc of parsed.documents) {
      const v = doc.value;
      if (v === null || typeof v !== "object" || Array.isArray(v)) {
        diagnostics.push(diagnostic("invalid-manifest", "error", "a manifest must be a map with `apiVersion` and `kind`", doc.position));
        continue;
      }
      const obj = v as Record<string, unknown>;
      if (obj.kind === "List" && Array.isArray(obj.items)) {
        obj.items.forEach((item, i) => {
          if (item && typeof item === "object" && !Array.isArray(item)) {
            const locate: Locator = (path, key) => doc.locate(["items", i, ...path], key);
            manifests.push({ value: item as Record<string, unknown>, file: display, ...pos(locate([])), locate });
          }
        });
      } else {
        manifests.push({ value: obj, file: display, line: doc.position.line, column: doc.position.column, locate: doc.locate });
      }
    }
  }
  return { manifests, diagnostics: sortDiagnostics(diagnostics) };
}

const pos = (p: { line: number; column: number }) => ({ line: p.line, column: p.column });
