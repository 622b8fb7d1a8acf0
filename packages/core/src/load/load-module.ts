import { readFile } from "node:fs/promises";
import type { createJiti } from "jiti";
import { diagnostic } from "../diagnostics.js";
import type { SourcePosition } from "../diagnostics.js";
import type { Locator } from "../validate.js";
import { acceptDocuments, type LoadResult } from "./accept.js";

let jiti: ReturnType<typeof createJiti> | undefined;

/** Flattens a module's default export: a document, an array of documents, or a set `{documents}`. */
function flatten(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value.flatMap((v) => flatten(v) ?? [v]);
  if (value && typeof value === "object" && "documents" in value && Array.isArray((value as { documents: unknown }).documents)) {
    return flatten((value as { documents: unknown[] }).documents);
  }
  if (value && typeof value === "object" && "kind" in value) return [value];
  return undefined;
}

/** The first string (or number) of a value, depth-first: what the source must spell out literally. */
function firstLiteral(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value))
    for (const v of value) {
      const s = firstLiteral(v);
      if (s !== undefined) return s;
    }
  else if (value && typeof value === "object")
    for (const v of Object.values(value)) {
      const s = firstLiteral(v);
      if (s !== undefined) return s;
    }
  return undefined;
}

/** Line and column (1-based) of the first quoted occurrence of `text` at or after `from`. */
function findLiteral(source: string, text: string, from: number, file: string): (SourcePosition & { index: number }) | undefined {
  let best = -1;
  for (const q of ['"', "'", "`"]) {
    const i = source.indexOf(`${q}${text}${q}`, from);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  if (best < 0 && /^\d+$/.test(text)) {
    const number = new RegExp(`\\b${text}\\b`, "g");
    number.lastIndex = from;
    best = number.exec(source)?.index ?? -1;
  }
  if (best < 0) return undefined;
  const before = source.slice(0, best);
  const line = before.split("\n").length;
  return { file, line, column: best - before.lastIndexOf("\n"), index: best };
}

/**
 * Positions in a module's source, found by the literals the built documents hold: a path's value
 * (or its first literal, or its parent's) is looked up as a quoted literal, searching from the
 * document's own name so that several documents in one module are told apart. Module code is run,
 * not parsed, so a computed value may not be found: then the document's start is the answer.
 */
function literalLocator(source: string, document: unknown, file: string): Locator {
  const name = (document as { metadata?: { name?: unknown } }).metadata?.name;
  const start = typeof name === "string" ? (findLiteral(source, name, 0, file)?.index ?? 0) : 0;
  const fallback = { file, line: 1, column: 1 };
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      let value: unknown = document;
      for (const k of path.slice(0, n)) value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[k] : undefined;
      const text = firstLiteral(value);
      const found = text === undefined ? undefined : (findLiteral(source, text, start, file) ?? findLiteral(source, text, 0, file));
      if (found) return { file, line: found.line, column: found.column };
    }
    return fallback;
  };
}

/** Loads a TypeScript policy module with jiti and validates its default export. */
export async function loadModule(path: string, display: string): Promise<LoadResult> {
  // Loaded with the first TypeScript module: a run over YAML policies never pays for jiti.
  jiti ??= (await import("jiti")).createJiti(import.meta.url, { interopDefault: true, moduleCache: false, fsCache: false });
  const at = { file: display, line: 1, column: 1 };
  let exported: unknown;
  try {
    exported = await jiti.import(path, { default: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    return {
      documents: [],
      diagnostics: [
        diagnostic("module-error", "error", `cannot load TypeScript module: ${message}`, at, "run it with `node --import jiti/register` to see the full error"),
      ],
    };
  }
  const values = flatten(exported);
  if (!values) {
    return {
      documents: [],
      diagnostics: [
        diagnostic(
          "module-export",
          "error",
          "a policy module must default-export a document, an array of documents or a set built with `@rampart/core` builders",
          at,
        ),
      ],
    };
  }
  const source = await readFile(path, "utf8").catch(() => "");
  return acceptDocuments(
    values.map((value) => {
      const locate = literalLocator(source, value, display);
      const start = locate(["metadata", "name"]);
      return { value, locate, line: start.line, column: start.column };
    }),
    display,
    false,
    path,
  );
}
