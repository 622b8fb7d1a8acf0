import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from "yaml";
import { diagnostic, type Diagnostic, type SourcePosition } from "../diagnostics.js";
import { depthOf, parseFast } from "./yaml-fast.js";
import { jsonOffsetLocator } from "./json-positions.js";
import { NodeRecorder, offsetLocator, type OffsetLocator } from "./yaml-positions.js";
import { KUBECTL_YAML_TAGS } from "./yaml-kubectl.js";
import { firstContent, LineIndex, splitDocuments, type YamlChunk } from "./yaml-split.js";

/** Limits that keep hostile YAML from exhausting memory or time; per document where the API server has them. */
export interface YamlLimits {
  /** Largest file accepted, in bytes (a cap against absurd input; documents have their own limit). */
  maxBytes: number;
  /** Largest document, in bytes (the API server refuses objects over 3 MiB). */
  maxDocumentBytes: number;
  /** Deepest nesting of maps and lists in a document. */
  maxDepth: number;
  /** Most alias dereferences per document (alias bombs explode past this). */
  maxAliasCount: number;
  /** Most documents per file. */
  maxDocuments: number;
}

/** The default limits: 512 MiB per file, 3 MiB and 1,000 levels of nesting per document, 100 aliases, 1,000,000 documents. */
export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxBytes: 512 * 1024 * 1024,
  maxDocumentBytes: 3 * 1024 * 1024,
  maxDepth: 1000,
  maxAliasCount: 100,
  maxDocuments: 1_000_000,
};

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

const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, version: "1.2" } as const;
/** Manifests: YAML 1.1 with go-yaml v2's scalars and merge keys, as kubectl reads them. */
const KUBECTL_PARSE_OPTIONS = {
  uniqueKeys: true,
  prettyErrors: false,
  version: "1.1",
  schema: "failsafe",
  customTags: KUBECTL_YAML_TAGS,
  merge: true,
} as const;

/** How plain scalars resolve: `"1.2"` (policies: the YAML 1.2 core schema) or `"kubectl"` (manifests: YAML 1.1 as kubectl reads it). */
export type YamlDialect = "1.2" | "kubectl";

/** One parse in progress: the text, how to name positions in it, and what it has found. */
interface YamlParse {
  readonly text: string;
  readonly limits: YamlLimits;
  readonly options: typeof PARSE_OPTIONS | typeof KUBECTL_PARSE_OPTIONS;
  readonly documents: YamlDocument[];
  readonly diagnostics: Diagnostic[];
  /** The position of an offset in the text. */
  pos(offset: number): SourcePosition;
}

/**
 * Parses a multi-document YAML (or JSON) text document by document. Syntax errors, duplicate
 * keys, alias bombs and documents over the limits become diagnostics at their `line:column`;
 * documents with errors are left out. Documents without anchors, aliases or tags, and JSON
 * documents, take fast paths; positions inside them are found on demand.
 */
export function parseYaml(
  text: string,
  file: string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
  dialect: YamlDialect = "1.2",
): { documents: YamlDocument[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const documents: YamlDocument[] = [];
  const chunks = documentChunks(text, file, limits, diagnostics);
  if (chunks === undefined) return { documents, diagnostics };
  const lines = new LineIndex(text);
  const run: YamlParse = {
    text,
    limits,
    options: dialect === "kubectl" ? KUBECTL_PARSE_OPTIONS : PARSE_OPTIONS,
    documents,
    diagnostics,
    pos: (offset) => ({ file, ...lines.at(offset) }),
  };
  for (const chunk of chunks) parseChunk(run, chunk, dialect);
  return { documents, diagnostics };
}

/** The chunks of the text that hold a document; undefined (with a diagnostic) when the file is over its limits. */
function documentChunks(text: string, file: string, limits: YamlLimits, diagnostics: Diagnostic[]): YamlChunk[] | undefined {
  const top = { file, line: 1, column: 1 };
  // UTF-8 takes at most 3 bytes per UTF-16 unit: count bytes only when the cap may be near.
  const fileBytes = text.length * 3 > limits.maxBytes ? Buffer.byteLength(text, "utf8") : text.length;
  if (fileBytes > limits.maxBytes) {
    diagnostics.push(
      diagnostic(
        "input-too-large",
        "error",
        `file is ${fileBytes} bytes, more than the limit of ${limits.maxBytes} bytes`,
        top,
        "split the input into several files",
      ),
    );
    return undefined;
  }
  const chunks: YamlChunk[] = splitDocuments(text) ?? [{ start: 0, end: text.length }];
  const withContent = chunks.filter((c) => firstContent(text, c.start, c.end) >= 0);
  if (withContent.length > limits.maxDocuments) {
    diagnostics.push(
      diagnostic(
        "input-too-large",
        "error",
        `file holds ${withContent.length} YAML documents, more than the limit of ${limits.maxDocuments}`,
        top,
        "split the input into several files",
      ),
    );
    return undefined;
  }
  return withContent;
}

/** Parses one document's chunk: refused when over the size limit, else the fast path, else the `yaml` library's. */
function parseChunk(run: YamlParse, chunk: YamlChunk, dialect: YamlDialect): void {
  const { text, limits } = run;
  const content = firstContent(text, chunk.start, chunk.end);
  // A document's size: from its first character (after leading comments) to its end.
  const length = chunk.end - content;
  const bytes = length * 3 > limits.maxDocumentBytes ? Buffer.byteLength(text.slice(content, chunk.end), "utf8") : length;
  if (bytes > limits.maxDocumentBytes) {
    run.diagnostics.push(
      diagnostic(
        "input-too-large",
        "error",
        `document is ${bytes} bytes, more than the limit of ${limits.maxDocumentBytes} bytes per object (as the Kubernetes API server)`,
        run.pos(content),
        "split the object, or keep large data out of the manifest",
      ),
    );
    return;
  }
  const source = text.slice(chunk.start, chunk.end);
  // Policies are asked for positions of most of their rules: their node events are kept. Manifest
  // streams (often large) are asked for positions only on errors: they are parsed again then.
  const recorder = dialect === "1.2" ? new NodeRecorder() : undefined;
  const fast = parseFast(source, content - chunk.start, limits.maxDepth, dialect === "kubectl", recorder?.listener);
  if (fast === undefined) slowPath(run, source, chunk.start);
  else if (withinDepth(run, fast.value, run.pos(content))) run.documents.push(fastDocument(run, source, chunk.start, content, fast, recorder));
}

/** A document the fast path parsed: its syntax tree is built only when a message needs a position inside it. */
function fastDocument(
  run: YamlParse,
  source: string,
  base: number,
  content: number,
  fast: { value: unknown; json?: true },
  recorder: NodeRecorder | undefined,
): YamlDocument {
  // JSON documents are scanned for positions (cheap, on first use); YAML ones answer from recorded nodes.
  let offsets: OffsetLocator | undefined | null = fast.json || recorder ? undefined : null;
  let doc: Document | undefined;
  const locate = (path: readonly PropertyKey[], key = false): SourcePosition => {
    if (offsets === undefined) offsets = (fast.json ? jsonOffsetLocator(source, content - base) : offsetLocator(recorder!, source)) ?? null;
    const offset = offsets?.(path, key);
    if (offset !== undefined) return run.pos(base + offset);
    // Else the document's syntax tree is built, only when a message needs a position inside it.
    if (doc === undefined) {
      const docs = parseAllDocuments(source, run.options);
      doc = Array.isArray(docs) ? docs[0] : undefined;
    }
    return doc === undefined ? run.pos(content) : locateIn(run, doc, base, content, path, key);
  };
  return { value: fast.value, position: run.pos(content), locate };
}

/** True when the value nests no deeper than the limit; else a diagnostic at `at`. */
function withinDepth(run: YamlParse, value: unknown, at: SourcePosition): boolean {
  const depth = depthOf(value, run.limits.maxDepth);
  if (depth <= run.limits.maxDepth) return true;
  run.diagnostics.push(
    diagnostic(
      "yaml-too-deep",
      "error",
      `refused YAML: the document nests maps and lists more than ${run.limits.maxDepth} levels deep`,
      at,
      "flatten the structure",
    ),
  );
  return false;
}

/** The position of a value (or, with `key`, of its key) in a document parsed from the text at `base`. */
function locateIn(run: YamlParse, doc: Document, base: number, fallback: number, path: readonly PropertyKey[], key: boolean): SourcePosition {
  const { node, keyNode, depth } = nodeAt(doc, path);
  const target = key && depth === path.length && keyNode ? keyNode : node;
  const at = target?.range?.[0] ?? doc.contents?.range?.[0];
  return run.pos(at === undefined ? fallback : base + at);
}

/** The `yaml` library's path: anchors, aliases, tags, errors (its messages and positions). */
function slowPath(run: YamlParse, source: string, base: number): void {
  const docs = parseAllDocuments(source, run.options);
  for (const doc of Array.isArray(docs) ? docs : []) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const message = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
        const code = e.code === "DUPLICATE_KEY" ? "yaml-duplicate-key" : "yaml-syntax";
        run.diagnostics.push(diagnostic(code, "error", `invalid YAML: ${lower(message)}`, run.pos(base + e.pos[0])));
      }
      continue;
    }
    if (doc.contents === null) continue; // an empty document
    const start = base + (doc.contents.range?.[0] ?? 0);
    const value = documentValue(run, doc, start);
    if (value === undefined || !withinDepth(run, value.value, run.pos(start))) continue;
    run.documents.push({ value: value.value, position: run.pos(start), locate: (path, key = false) => locateIn(run, doc, base, start, path, key) });
  }
}

/** A document's value with its aliases expanded (at most the limit); undefined with a diagnostic when that fails. */
function documentValue(run: YamlParse, doc: Document, start: number): { value: unknown } | undefined {
  const { limits } = run;
  try {
    return { value: doc.toJS({ maxAliasCount: limits.maxAliasCount }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    run.diagnostics.push(
      /resource exhaustion|alias/i.test(message)
        ? diagnostic(
            "yaml-alias-bomb",
            "error",
            `refused YAML: aliases expand to more than ${limits.maxAliasCount} nodes (an alias bomb)`,
            run.pos(start),
            "write the values out instead of nesting aliases",
          )
        : error instanceof RangeError
          ? diagnostic(
              "yaml-too-deep",
              "error",
              `refused YAML: the document nests maps and lists more than ${limits.maxDepth} levels deep`,
              run.pos(start),
              "flatten the structure",
            )
          : diagnostic("yaml-syntax", "error", `invalid YAML: ${lower(message)}`, run.pos(start)),
    );
    return undefined;
  }
}

function lower(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
