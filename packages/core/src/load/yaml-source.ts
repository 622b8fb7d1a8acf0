import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from "yaml";
import { diagnostic, type Diagnostic, type SourcePosition } from "../diagnostics.js";

/** Limits that keep hostile YAML from exhausting memory or time. */
export interface YamlLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Most alias dereferences per document (alias bombs explode past this). */
  maxAliasCount: number;
  /** Most documents per file. */
  maxDocuments: number;
}

/** The default limits: 4 MiB per file, 100 aliases, 10,000 documents. */
export const DEFAULT_YAML_LIMITS: YamlLimits = { maxBytes: 4 * 1024 * 1024, maxAliasCount: 100, maxDocuments: 10_000 };

/** One parsed YAML document with a locator from value paths to positions. */
export interface YamlDocument {
  value: unknown;
  position: SourcePosition;
  locate(path: readonly PropertyKey[], key?: boolean): SourcePosition;
}

function nodeAt(doc: Document, path: readonly PropertyKey[]): { node: Node | undefined; keyNode: Node | undefined; depth: number } {
  let node: Node | undefined = doc.contents ?? undefined;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? keyNode;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment] as Node;
    } else {
      break;
    }
    depth++;
  }
  return { node, keyNode, depth };
}

/**
 * Parses a multi-document YAML text. Syntax errors, duplicate keys, alias bombs and oversize
 * inputs become diagnostics; documents with errors are left out.
 */
export function parseYaml(
  text: string,
  file: string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): { documents: YamlDocument[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const top = { file, line: 1, column: 1 };
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxBytes) {
    diagnostics.push(
      diagnostic("input-too-large", "error", `file is ${bytes} bytes, more than the limit of ${limits.maxBytes} bytes`, top, "split the policies into several files"),
    );
    return { documents: [], diagnostics };
  }
  const lineCounter = new LineCounter();
  const pos = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: "1.2" });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) return { documents: [], diagnostics };
  if (list.length > limits.maxDocuments) {
    diagnostics.push(diagnostic("input-too-large", "error", `file holds ${list.length} YAML documents, more than the limit of ${limits.maxDocuments}`, top));
    return { documents: [], diagnostics };
  }
  const documents: YamlDocument[] = [];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const message = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
        const code = e.code === "DUPLICATE_KEY" ? "yaml-duplicate-key" : "yaml-syntax";
        diagnostics.push(diagnostic(code, "error", `invalid YAML: ${lower(message)}`, pos(e.pos[0])));
      }
      continue;
    }
    if (doc.contents === null) continue; // an empty document between `---` separators
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const start = doc.contents.range?.[0] ?? 0;
      diagnostics.push(
        /resource exhaustion|alias/i.test(message)
          ? diagnostic("yaml-alias-bomb", "error", `refused YAML: aliases expand to more than ${limits.maxAliasCount} nodes (an alias bomb)`, pos(start), "write the values out instead of nesting aliases")
          : diagnostic("yaml-syntax", "error", `invalid YAML: ${lower(message)}`, pos(start)),
      );
      continue;
    }
    const contents = doc.contents;
    documents.push({
      value,
      position: pos(contents.range?.[0] ?? 0),
      locate(path, key = false) {
        const { node, keyNode, depth } = nodeAt(doc, path);
        const target = key && depth === path.length && keyNode ? keyNode : node;
        return pos(target?.range?.[0] ?? contents.range?.[0] ?? 0);
      },
    });
  }
  return { documents, diagnostics };
}

function lower(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
