import { createJiti } from "jiti";
import { diagnostic } from "../diagnostics.js";
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

/** Loads a TypeScript policy module with jiti and validates its default export. */
export async function loadModule(path: string, display: string): Promise<LoadResult> {
  jiti ??= createJiti(import.meta.url, { interopDefault: true, moduleCache: false, fsCache: false });
  const at = { file: display, line: 1, column: 1 };
  let exported: unknown;
  try {
    exported = await jiti.import(path, { default: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    return { documents: [], diagnostics: [diagnostic("module-error", "error", `cannot load TypeScript module: ${message}`, at, "run it with `node --import jiti/register` to see the full error")] };
  }
  const values = flatten(exported);
  if (!values) {
    return {
      documents: [],
      diagnostics: [diagnostic("module-export", "error", "a policy module must default-export a document, an array of documents or a set built with `@rampart/core` builders", at)],
    };
  }
  return acceptDocuments(values.map((value) => ({ value, locate: () => at, line: 1, column: 1 })), display, false, path);
}
