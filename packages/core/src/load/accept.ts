import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { positionOf, withSource, type RampartDocument } from "../documents.js";
import { DOCUMENT_KINDS } from "../schema/index.js";
import { validateDocument, type Locator } from "../validate.js";

/** Validated documents and the problems found. */
export interface LoadResult {
  documents: RampartDocument[];
  diagnostics: Diagnostic[];
}

/** True when a raw YAML document is someone else's (a Kubernetes manifest, a kustomization). */
function isForeign(raw: unknown): boolean {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return false;
  const { apiVersion, kind } = raw as { apiVersion?: unknown; kind?: unknown };
  if (typeof apiVersion === "string") return !apiVersion.startsWith("rampart.dev/");
  return !(typeof kind === "string" && (DOCUMENT_KINDS as string[]).includes(kind));
}

/** Validates raw documents of one file and records their sources. */
export function acceptDocuments(
  raws: readonly { value: unknown; locate: Locator; line: number; column: number }[],
  file: string,
  skipForeign: boolean,
  path?: string,
): LoadResult {
  const documents: RampartDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const raw of raws) {
    if (skipForeign && isForeign(raw.value)) continue;
    const result = validateDocument(raw.value, raw.locate);
    diagnostics.push(...result.diagnostics);
    if (result.document) {
      documents.push(
        withSource(result.document.value as RampartDocument, {
          file,
          line: raw.line,
          column: raw.column,
          locate: raw.locate,
          ...(path === undefined ? {} : { path }),
        }),
      );
    }
  }
  return { documents, diagnostics };
}

/** Reports documents of one kind that share a name. */
export function checkDuplicates(documents: readonly RampartDocument[]): Diagnostic[] {
  const seen = new Map<string, RampartDocument>();
  const out: Diagnostic[] = [];
  for (const doc of documents) {
    const key = `${doc.kind}/${doc.metadata.name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, doc);
      continue;
    }
    const here = positionOf(doc, ["metadata", "name"]);
    const there = positionOf(first, ["metadata", "name"]);
    out.push(
      diagnostic(
        "duplicate-name",
        "error",
        `duplicate ${doc.kind} \`${doc.metadata.name}\`: names must be unique per kind`,
        here,
        `first defined at ${there.file}:${there.line}:${there.column}; rename one of them`,
      ),
    );
  }
  return out;
}
