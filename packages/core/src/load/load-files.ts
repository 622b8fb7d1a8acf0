import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative, resolve } from "node:path";
import { diagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { RampartDocument } from "../documents.js";
import { checkClusterSelectors } from "./check-cluster-selectors.js";
import { acceptDocuments, checkDuplicates, type LoadResult } from "./accept.js";
import { loadModule } from "./load-module.js";
import { DEFAULT_YAML_LIMITS, parseYaml, type YamlLimits } from "./yaml-source.js";

/** Options of `loadFiles`. */
export interface LoadOptions {
  /** Base directory for relative paths in diagnostics (default: the working directory). */
  cwd?: string;
  /** YAML safety limits. */
  limits?: Partial<YamlLimits>;
  /** Skip non-rampart documents even in files named explicitly (e.g. RBAC manifests for `lint`). */
  skipForeign?: boolean;
  /** A `.ts` module is an error, never run (policies from an untrusted pull request: `--no-typescript`). */
  noTypescript?: boolean;
  /** What the path `-` stands for (standard input, read by the caller): YAML named `<stdin>`; relative paths in it resolve against `dir` (default `cwd`). */
  stdin?: { text: string; dir?: string };
}

const POLICY_EXT = new Set([".yaml", ".yml", ".ts", ".mts"]);

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile() && POLICY_EXT.has(extname(e.name)) && !/\.(d|test|spec)\.m?ts$/.test(e.name)) out.push(full);
  }
}

/** Reads files and directories of `.yaml`, `.yml` and `.ts` documents and validates them. */
export async function loadFiles(paths: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const limits = { ...DEFAULT_YAML_LIMITS, ...options.limits };
  const documents: RampartDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const files: { path: string; explicit: boolean; text?: string }[] = [];
  for (const p of paths) {
    if (p === "-" && options.stdin !== undefined) {
      files.push({ path: resolve(options.stdin.dir ?? cwd, "<stdin>"), explicit: true, text: options.stdin.text });
      continue;
    }
    const abs = resolve(cwd, p);
    const info = await stat(abs).catch(() => undefined);
    if (!info) {
      diagnostics.push(diagnostic("file-not-found", "error", `no such file or directory \`${p}\``, { file: p, line: 0, column: 0 }, "check the path"));
    } else if (info.isDirectory()) {
      const found: string[] = [];
      await walk(abs, found);
      files.push(...found.map((f) => ({ path: f, explicit: false })));
    } else {
      files.push({ path: abs, explicit: true });
    }
  }
  const seenFiles = new Set<string>();
  for (const { path, explicit, text } of files) {
    if (seenFiles.has(path)) continue;
    seenFiles.add(path);
    const display = text !== undefined ? "<stdin>" : relative(cwd, path) || path;
    const ext = extname(path);
    let result: LoadResult;
    if ((ext === ".ts" || ext === ".mts") && options.noTypescript === true) {
      const at = { file: display, line: 1, column: 1 };
      result = {
        documents: [],
        diagnostics: [
          diagnostic(
            "typescript-disabled",
            "error",
            "not loading a TypeScript policy module: `--no-typescript` forbids running policy code",
            at,
            "write the policies of untrusted changes in YAML, or run without `--no-typescript` on trusted branches only",
          ),
        ],
      };
    } else if (ext === ".ts" || ext === ".mts") {
      result = await loadModule(path, display);
    } else if (ext === ".yaml" || ext === ".yml" || explicit) {
      const size = text === undefined ? (await stat(path)).size : Buffer.byteLength(text);
      if (size > limits.maxBytes) {
        diagnostics.push(
          diagnostic(
            "input-too-large",
            "error",
            `file is ${size} bytes, more than the limit of ${limits.maxBytes} bytes`,
            { file: display, line: 1, column: 1 },
            "split the policies into several files",
          ),
        );
        continue;
      }
      const parsed = parseYaml(text ?? (await readFile(path, "utf8")), display, limits);
      diagnostics.push(...parsed.diagnostics);
      result = acceptDocuments(
        parsed.documents.map((d) => ({ value: d.value, locate: d.locate, line: d.position.line, column: d.position.column })),
        display,
        !explicit || options.skipForeign === true,
        path,
      );
    } else {
      continue;
    }
    documents.push(...result.documents);
    diagnostics.push(...result.diagnostics);
  }
  diagnostics.push(...checkDuplicates(documents), ...checkClusterSelectors(documents));
  return { documents, diagnostics: sortDiagnostics(diagnostics) };
}

/** Validates documents built in memory (e.g. with the typed builders). */
export function loadDocuments(values: readonly unknown[], file = "<inline>"): LoadResult {
  const at = { file, line: 1, column: 1 };
  const result = acceptDocuments(
    values.map((value) => ({ value, locate: () => at, line: 1, column: 1 })),
    file,
    false,
  );
  result.diagnostics.push(...checkDuplicates(result.documents));
  return result;
}
