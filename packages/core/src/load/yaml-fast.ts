import { FAILSAFE_SCHEMA, load, Type } from "js-yaml";
import { KUBECTL_JS_YAML_SCHEMA } from "./yaml-kubectl.js";

/**
 * Fast paths for the documents of a manifest stream, used where they give exactly what the
 * `yaml` library (YAML 1.2, core schema) gives: JSON documents through `JSON.parse`, and YAML
 * documents without anchors, aliases or tags through js-yaml with a schema that resolves plain
 * scalars by the core schema's very rules (no timestamps, no merge keys, no `_` in numbers).
 * Anything else — and every document with an error, so that messages stay the same — takes the
 * `yaml` library's path.
 */

const intPlain = (s: string): number => parseInt(s, 10);
const CORE_SCHEMA_12 = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type("tag:yaml.org,2002:null", { kind: "scalar", resolve: (s: string) => /^(?:~|[Nn]ull|NULL)?$/.test(s), construct: () => null }),
    new Type("tag:yaml.org,2002:bool", {
      kind: "scalar",
      resolve: (s: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
      construct: (s: string) => s[0] === "t" || s[0] === "T",
    }),
    new Type("tag:yaml.org,2002:int", {
      kind: "scalar",
      resolve: (s: string) => /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/.test(s),
      construct: (s: string) => (s.startsWith("0o") ? parseInt(s.slice(2), 8) : s.startsWith("0x") ? parseInt(s.slice(2), 16) : intPlain(s)),
    }),
    new Type("tag:yaml.org,2002:float", {
      kind: "scalar",
      resolve: (s: string) => /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/.test(s),
      construct: (s: string) =>
        s.endsWith("nan") || s.endsWith("NaN") || s.endsWith("NAN") ? NaN : /inf$/i.test(s) ? (s[0] === "-" ? -Infinity : Infinity) : parseFloat(s),
    }),
  ],
});

/**
 * A `!` where a tag could start, an explicit key (`? `) or a flow collection used as a key
 * (js-yaml and yaml turn such keys into different strings). Conservative: a match only sends a
 * document to the slow path. Anchors are seen exactly by js-yaml's listener; without anchors
 * every alias is an error there.
 */
const SLOW_SYNTAX = /(?:^|[\s[{,:])!|(?:^|[\s[{,-])\?(?:\s|$)|(?:^|[\s[{,?-])[[{][^\n]*[\]}]\s*:(?:\s|$)/m;

let anchored = false;
let onNode: ((event: string, state: never) => void) | undefined;
const listener = (event: string, state: object): void => {
  if (event === "close" && (state as { anchor: string | null }).anchor !== null) anchored = true;
  onNode?.(event, state as never);
};

/** JSON strings, each optionally followed by `:` (a key): counts keys in document order. */
const JSON_STRING = /"(?:[^"\\]|\\.)*"(\s*:)?/g;

function countKeys(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 0;
    for (const v of value) n += countKeys(v);
    return n;
  }
  if (value !== null && typeof value === "object") {
    let n = 0;
    for (const k in value) n += 1 + countKeys((value as Record<string, unknown>)[k]);
    return n;
  }
  return 0;
}

/** True when no object of the JSON text repeats a key (JSON.parse keeps the last one silently). */
function noDuplicateKeys(json: string, value: unknown): boolean {
  let keys = 0;
  JSON_STRING.lastIndex = 0;
  for (let m = JSON_STRING.exec(json); m !== null; m = JSON_STRING.exec(json)) if (m[1] !== undefined) keys++;
  return keys === countKeys(value);
}

/** A merge key (`<<`), which go-yaml v2 resolves even without anchors: manifests take the slow path for it. */
const MERGE_KEY = /(?:^|[\s{,])<<\s*:/m;

/**
 * Parses one document's text on a fast path; undefined when it must take the `yaml` library's path.
 * `kubectl` resolves plain scalars as kubectl does (manifests); otherwise by the YAML 1.2 core schema (policies).
 * `nodes` hears js-yaml's node events (see yaml-positions.ts); JSON documents have none (`json` says so: see json-positions.ts).
 */
export function parseFast(
  text: string,
  contentStart: number,
  maxDepth: number,
  kubectl = false,
  nodes?: (event: string, state: never) => void,
): { value: unknown; json?: true } | undefined {
  const c = text.charCodeAt(contentStart);
  if (c === 123 /* { */ || c === 91 /* [ */) {
    const json = text.slice(contentStart);
    try {
      const value: unknown = JSON.parse(json);
      if (noDuplicateKeys(json, value)) return { value, json: true };
    } catch {
      // not JSON (comments, YAML flow syntax): the YAML paths decide
    }
  }
  if (SLOW_SYNTAX.test(text) || (kubectl && MERGE_KEY.test(text))) return undefined;
  anchored = false;
  onNode = nodes;
  try {
    // js-yaml counts scalars as a level too; deeper documents take the slow path, which reports them.
    const value: unknown = load(text, { schema: kubectl ? KUBECTL_JS_YAML_SCHEMA : CORE_SCHEMA_12, listener, maxDepth: maxDepth + 1 } as unknown as Parameters<
      typeof load
    >[1]);
    return anchored ? undefined : { value };
  } catch {
    return undefined;
  } finally {
    onNode = undefined;
  }
}

/** Nesting depth of a value, counted up to `limit + 1` (a map or list is one level). */
export function depthOf(value: unknown, limit: number): number {
  if (value === null || typeof value !== "object") return 0;
  if (limit < 0) return 1;
  let deepest = 0;
  if (Array.isArray(value)) {
    for (const v of value) deepest = Math.max(deepest, depthOf(v, limit - 1));
  } else {
    for (const k in value) deepest = Math.max(deepest, depthOf((value as Record<string, unknown>)[k], limit - 1));
  }
  return deepest + 1;
}
