import type * as z from "zod";
import { diagnostic, type Diagnostic, type SourcePosition } from "./diagnostics.js";
import { didYouMean } from "./did-you-mean.js";
import { API_VERSION } from "./schema/common.js";
import { DOCUMENT_KINDS, DOCUMENT_SCHEMAS, type DocumentKind } from "./schema/index.js";

/** Resolves a path inside a document to its source position (`key` for the key of a field). */
export type Locator = (path: readonly PropertyKey[], key?: boolean) => SourcePosition;

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas reachable at `path` (several for unions), to list the fields they know. */
function objectsAt(schema: z.ZodType, path: readonly PropertyKey[]): Def[] {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
    case "readonly":
      return objectsAt(def.innerType!, path);
    case "pipe":
      return objectsAt(def.in!, path);
    case "union":
      return def.options!.flatMap((o) => objectsAt(o, path));
    case "array":
      return path.length === 0 ? [] : objectsAt(def.element!, path.slice(1));
    case "record":
      return path.length === 0 ? [] : objectsAt(def.valueType!, path.slice(1));
    case "object": {
      if (path.length === 0) return [def];
      const next = def.shape![String(path[0])];
      return next ? objectsAt(next, path.slice(1)) : [];
    }
    default:
      return [];
  }
}

/** Formats a path as `spec.rules[0].verbs`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  return out === "" ? "the document" : out;
}

const typeName = (v: unknown): string =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "a list"
      : typeof v === "object"
        ? "a map"
        : typeof v === "string"
          ? "a string"
          : typeof v === "number"
            ? "a number"
            : typeof v === "boolean"
              ? "a boolean"
              : typeof v;
const expectedName: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "a boolean",
  array: "a list",
  object: "a map",
  record: "a map",
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p as string] : undefined;
  return v;
}

function issueDiagnostics(kind: string, schema: z.ZodType, raw: unknown, issue: z.core.$ZodIssue, locate: Locator): Diagnostic[] {
  const path = issue.path as PropertyKey[];
  const where = formatPath(path);
  const at = locate(path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = objectsAt(schema, path).flatMap((d) => Object.keys(d.shape ?? {}));
      return issue.keys.map((key) =>
        diagnostic(
          "unknown-field",
          "error",
          `unknown field \`${key}\` in ${kind} ${path.length ? `\`${where}\`` : "document"}`,
          locate([...path, key], true),
          didYouMean(key, known) ?? (known.length ? `known fields: ${known.map((k) => `\`${k}\``).join(", ")}` : undefined),
        ),
      );
    }
    case "invalid_type": {
      const value = valueAt(raw, path);
      if (value === undefined) {
        return [diagnostic("missing-field", "error", `\`${where}\` is required in ${kind}`, locate(path.slice(0, -1)))];
      }
      const expected = expectedName[issue.expected] ?? issue.expected;
      return [diagnostic("invalid-type", "error", `\`${where}\` must be ${expected}, found ${typeName(value)}`, at)];
    }
    case "invalid_value": {
      const value = valueAt(raw, path);
      const allowed = issue.values.map((v) => `\`${String(v)}\``).join(", ");
      const hint = typeof value === "string" ? didYouMean(value, issue.values.map(String)) : undefined;
      return [
        diagnostic(
          "invalid-value",
          "error",
          `\`${where}\` is \`${String(value)}\`; expected ${issue.values.length === 1 ? allowed : `one of ${allowed}`}`,
          at,
          hint,
        ),
      ];
    }
    case "invalid_union": {
      const disc = (issue as { discriminator?: string; options?: unknown[] }).discriminator;
      const options = (issue as { options?: unknown[] }).options ?? [];
      if (disc !== undefined) {
        const value = valueAt(raw, path);
        const allowed = options.map((v) => `\`${String(v)}\``).join(" or ");
        const hint = typeof value === "string" ? didYouMean(value, options.map(String)) : undefined;
        const msg = value === undefined ? `\`${where}\` is required; expected ${allowed}` : `\`${where}\` is \`${String(value)}\`; expected ${allowed}`;
        return [diagnostic("invalid-value", "error", msg, value === undefined ? locate(path.slice(0, -1)) : at, hint)];
      }
      return [diagnostic("invalid-value", "error", `\`${where}\` matches none of the accepted forms`, at)];
    }
    case "invalid_key": {
      const inner = (issue as { issues?: { message: string }[] }).issues?.[0]?.message ?? "invalid key";
      return [diagnostic("invalid-value", "error", `\`${where}\`: ${inner}`, locate(path, true))];
    }
    case "too_small":
      return [
        diagnostic("invalid-value", "error", issue.message.startsWith("Too small") ? `\`${where}\` must not be empty` : `\`${where}\`: ${issue.message}`, at),
      ];
    case "too_big":
      return [diagnostic("invalid-value", "error", `\`${where}\` is too long (${issue.message.toLowerCase()})`, at)];
    default:
      return [diagnostic("invalid-value", "error", path.length ? `\`${where}\`: ${issue.message}` : issue.message, at)];
  }
}

/** Result of validating one raw document. */
export interface ValidationResult {
  document?: { kind: DocumentKind; value: unknown };
  diagnostics: Diagnostic[];
}

/** Validates one raw document against the schema of its kind; problems become diagnostics. */
export function validateDocument(raw: unknown, locate: Locator): ValidationResult {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      diagnostics: [
        diagnostic(
          "invalid-document",
          "error",
          `a document must be a map with \`apiVersion\`, \`kind\`, \`metadata\` and \`spec\`, found ${typeName(raw)}`,
          locate([]),
        ),
      ],
    };
  }
  const obj = raw as Record<string, unknown>;
  if (obj.apiVersion !== API_VERSION) {
    const found = obj.apiVersion === undefined ? "missing" : `\`${String(obj.apiVersion)}\``;
    return {
      diagnostics: [
        diagnostic(
          "invalid-api-version",
          "error",
          `\`apiVersion\` is ${found}; rampart documents use \`${API_VERSION}\``,
          locate(obj.apiVersion === undefined ? [] : ["apiVersion"]),
        ),
      ],
    };
  }
  const kind = obj.kind;
  if (typeof kind !== "string" || !(DOCUMENT_KINDS as string[]).includes(kind)) {
    return {
      diagnostics: [
        diagnostic(
          "unknown-kind",
          "error",
          kind === undefined ? "`kind` is missing" : `unknown kind \`${String(kind)}\`; expected one of ${DOCUMENT_KINDS.map((k) => `\`${k}\``).join(", ")}`,
          locate(kind === undefined ? [] : ["kind"]),
          typeof kind === "string" ? didYouMean(kind, DOCUMENT_KINDS) : undefined,
        ),
      ],
    };
  }
  const schema = DOCUMENT_SCHEMAS[kind as DocumentKind] as unknown as z.ZodType;
  // Without zod's JIT: compiling a parser per object schema (new Function) costs a cold run more
  // than the few documents of a policy set ever win back; the results are the same.
  const parsed = schema.safeParse(raw, { jitless: true });
  if (parsed.success) return { document: { kind: kind as DocumentKind, value: parsed.data }, diagnostics: [] };
  // A refinement on an object with an unknown field is noise: the unknown field is the problem.
  const issues = parsed.error.issues;
  const unknownAt = new Set(issues.filter((i) => i.code === "unrecognized_keys").map((i) => JSON.stringify(i.path)));
  const relevant = issues.filter((i) => !(i.code === "custom" && unknownAt.has(JSON.stringify(i.path))));
  return { diagnostics: relevant.flatMap((i) => issueDiagnostics(kind, schema, raw, i, locate)) };
}
