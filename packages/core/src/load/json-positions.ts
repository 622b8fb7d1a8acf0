import { nodeLocator, type NodeEvent, type OffsetLocator } from "./yaml-positions.js";

// Positions inside a JSON document (the fast path reads JSON with `JSON.parse`, which reports no
// nodes): one scan of the text builds the same node tree js-yaml's events make, so that a JSON
// policy file answers positions without the `yaml` library parsing each document again (a third
// of the first cluster's build for 1,000 policies written as JSON). Offsets are where the `yaml`
// library's nodes start: the `{`, `[` or first character of a value, the opening quote of a key.

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The node tree of the JSON value at `start` of `text`, which `JSON.parse` accepted (undefined if the scan disagrees). */
export function jsonNodes(text: string, start: number): NodeEvent | undefined {
  let i = start;
  const skipSpace = () => {
    while (WS.has(text.charCodeAt(i))) i++;
  };
  /** Moves past the string at `i`; returns its value. */
  const string = (): string => {
    const from = i++;
    let escaped = false;
    for (let c = text.charCodeAt(i); c !== 0x22 /* " */; c = text.charCodeAt(++i)) {
      if (Number.isNaN(c)) throw new Error("unterminated string");
      if (c === 0x5c /* \ */) {
        escaped = true;
        i++;
      }
    }
    i++;
    return escaped ? (JSON.parse(text.slice(from, i)) as string) : text.slice(from + 1, i - 1);
  };
  const value = (): NodeEvent => {
    skipSpace();
    const open = i;
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const map = c === 0x7b;
      const node: NodeEvent = { open, kind: map ? "mapping" : "sequence", result: undefined, children: [] };
      i++;
      skipSpace();
      if (text.charCodeAt(i) === (map ? 0x7d : 0x5d)) {
        i++;
        return node;
      }
      for (;;) {
        if (map) {
          skipSpace();
          const at = i;
          node.children.push({ open: at, kind: "scalar", result: string(), children: [] });
          skipSpace();
          if (text.charCodeAt(i++) !== 0x3a /* : */) throw new Error("expected `:`");
        }
        node.children.push(value());
        skipSpace();
        const sep = text.charCodeAt(i++);
        if (sep === (map ? 0x7d : 0x5d)) return node;
        if (sep !== 0x2c /* , */) throw new Error("expected `,` or the end of the collection");
      }
    }
    if (c === 0x22) string();
    else while (i < text.length && !WS.has(text.charCodeAt(i)) && !",]}".includes(text[i]!)) i++;
    return { open, kind: "scalar", result: undefined, children: [] };
  };
  try {
    return value();
  } catch {
    return undefined;
  }
}

/** Offsets in a JSON document's `source` (its value at `start`), as `offsetLocator` finds them for YAML; undefined when the scan fails. */
export function jsonOffsetLocator(source: string, start: number): OffsetLocator | undefined {
  const root = source.charCodeAt(0) === 0xfeff ? undefined : jsonNodes(source, start);
  return root === undefined ? undefined : nodeLocator(root, source);
}
