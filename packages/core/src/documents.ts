import type { SourcePosition } from "./diagnostics.js";
import type { AccessPolicy } from "./schema/access-policy.js";
import type { Cluster } from "./schema/cluster.js";
import type { InventoryDocument } from "./schema/inventory.js";
import type { PolicyTest } from "./schema/policy-test.js";
import type { TrafficPolicy } from "./schema/traffic-policy.js";
import type { WorkloadPolicy } from "./schema/workload-policy.js";
import type { Locator } from "./validate.js";

/** Any validated rampart document. */
export type RampartDocument = AccessPolicy | WorkloadPolicy | TrafficPolicy | Cluster | InventoryDocument | PolicyTest;

/** Where a document came from, with a locator for positions of its fields. */
export interface DocumentSource extends SourcePosition {
  locate: Locator;
  /** Absolute path of the file, when the document was loaded from disk (`file` is the display name). */
  path?: string;
}

const SOURCE = Symbol.for("rampart.source");

/** Attaches a (non-enumerable) source to a document; returns the document. */
export function withSource<T extends object>(doc: T, source: DocumentSource): T {
  Object.defineProperty(doc, SOURCE, { value: source, enumerable: false, configurable: true });
  return doc;
}

/** The source of a document; documents built in memory point at `<inline>`. */
export function sourceOf(doc: object): DocumentSource {
  const source = (doc as { [SOURCE]?: DocumentSource })[SOURCE];
  if (source) return source;
  const at = { file: "<inline>", line: 1, column: 1 };
  return { ...at, locate: () => at };
}

/** Position of a field of a document, e.g. `["spec", "rules", 2]`. */
export function positionOf(doc: object, path: readonly PropertyKey[], key = false): SourcePosition {
  return sourceOf(doc).locate(path, key);
}

/** Narrows documents to one kind. */
export function documentsOfKind<K extends RampartDocument["kind"]>(documents: readonly RampartDocument[], kind: K): Extract<RampartDocument, { kind: K }>[] {
  return documents.filter((d): d is Extract<RampartDocument, { kind: K }> => d.kind === kind);
}
