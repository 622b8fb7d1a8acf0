import { firstContent } from "./yaml-split.js";

// Positions inside a document parsed on the fast path, from the nodes js-yaml reports while it
// parses (its `listener` option), instead of parsing the document a second time with the `yaml`
// library: every document of a build is asked for positions (rules carry their `file:line`), and
// that second parse was a tenth of a cold `rampart build`. The offsets are where the `yaml`
// library's nodes start (`range[0]`); wherever the recorded nodes do not line up with the parsed
// value exactly (empty values, flow pairs, anything unusual) the caller parses with `yaml` instead.
// A property test holds the two to the same answers.

/** A node as js-yaml composed it: where composing began, what it made, and the nodes it composed inside (a mapping's keys and values alternate). */
export interface NodeEvent {
  open: number;
  kind: string | null;
  result: unknown;
  children: NodeEvent[];
}

/** The fields of js-yaml's parser state a listener reads. */
interface ParserState {
  position: number;
  kind: string | null;
  result: unknown;
}

/** Collects js-yaml's open/close events of one document into a tree. */
export class NodeRecorder {
  private readonly stack: NodeEvent[] = [{ open: 0, kind: null, result: undefined, children: [] }];

  /** js-yaml's `listener`. */
  readonly listener = (event: string, state: ParserState): void => {
    if (event === "open") {
      this.stack.push({ open: state.position, kind: null, result: undefined, children: [] });
    } else {
      const node = this.stack.pop()!;
      node.kind = state.kind;
      node.result = state.result;
      this.stack[this.stack.length - 1]!.children.push(node);
    }
  };

  /** The document's root node, when the events make exactly one. */
  root(): NodeEvent | undefined {
    const [top] = this.stack;
    return this.stack.length === 1 && top!.children.length === 1 ? top!.children[0] : undefined;
  }
}

/** A collection js-yaml composed one level down (a block collection is tried as a mapping key first) is the same node: look through. */
function unwrap(node: NodeEvent): NodeEvent {
  let n = node;
  while (n.children.length === 1 && n.children[0]!.result === n.result && typeof n.result === "object" && n.result !== null) n = n.children[0]!;
  return n;
}

/** True when every collection's events match its value: one key and one value event per entry, one event per item. */
function consistent(event: NodeEvent): boolean {
  const node = unwrap(event);
  if (node.kind === "sequence") return Array.isArray(node.result) && node.children.length === node.result.length && node.children.every(consistent);
  if (node.kind !== "mapping") return node.kind === "scalar";
  const value = node.result as Record<string, unknown>;
  if (node.children.length !== 2 * Object.keys(value).length) return false;
  const seen = new Set<string>();
  for (let i = 0; i < node.children.length; i += 2) {
    const key = node.children[i]!;
    const name = String(key.result);
    if (key.kind !== "scalar" || seen.has(name) || !Object.hasOwn(value, name) || !consistent(node.children[i + 1]!)) return false;
    seen.add(name);
  }
  return true;
}

/** Finds offsets in a document's source; undefined when a position is not certain. */
export type OffsetLocator = (path: readonly PropertyKey[], key: boolean) => number | undefined;

/**
 * Offsets (in `source`) of the node at a path, as the `yaml`-based locator finds them: the deepest
 * node the path reaches, or with `key` the key of the last segment when the whole path exists.
 * Undefined when the recorded nodes do not match the value (the caller then parses with `yaml`).
 */
export function offsetLocator(recorder: NodeRecorder, source: string): OffsetLocator | undefined {
  const root = recorder.root();
  if (root === undefined || source.charCodeAt(0) === 0xfeff || !consistent(root)) return undefined;
  return nodeLocator(root, source);
}

/** The locator over a node tree whose collections match their values (recorded, or scanned from JSON by `jsonNodes`). */
export function nodeLocator(root: NodeEvent, source: string): OffsetLocator {
  const start = (event: NodeEvent): number | undefined => {
    const at = firstContent(source, event.open, source.length);
    return at < 0 ? undefined : at;
  };
  return (path, key) => {
    let node = unwrap(root);
    let keyNode: NodeEvent | undefined;
    let depth = 0;
    for (const segment of path) {
      if (node.kind === "mapping") {
        let i = 0;
        while (i < node.children.length && String(node.children[i]!.result) !== String(segment)) i += 2;
        if (i >= node.children.length) break;
        keyNode = node.children[i];
        node = unwrap(node.children[i + 1]!);
      } else if (node.kind === "sequence" && typeof segment === "number" && Number.isInteger(segment) && segment >= 0 && segment < node.children.length) {
        keyNode = undefined;
        node = unwrap(node.children[segment]!);
      } else {
        break;
      }
      depth++;
    }
    return start(key && depth === path.length && keyNode ? keyNode : node);
  };
}
