/** A CEL string literal for any text: quotes, backslashes and control characters escaped. */
export function celString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** A CEL list literal of strings. */
export function celStringList(items: readonly string[]): string {
  return `[${items.map(celString).join(", ")}]`;
}

const REGEX_META = /[.+^${}()|[\]\\*?]/g;

/**
 * A CEL condition that `subject` matches a rampart glob (`*` any run, `?` one character):
 * `==`, `startsWith`, `endsWith`, or an anchored RE2 `matches` with every other character quoted.
 */
export function celGlob(subject: string, glob: string): string {
  if (glob === "*") return "true";
  const stars = (glob.match(/\*/g) ?? []).length;
  if (!glob.includes("?")) {
    if (stars === 0) return `${subject} == ${celString(glob)}`;
    if (stars === 1 && glob.endsWith("*")) return `${subject}.startsWith(${celString(glob.slice(0, -1))})`;
    if (stars === 1 && glob.startsWith("*")) return `${subject}.endsWith(${celString(glob.slice(1))})`;
  }
  let re = "^";
  for (const ch of glob) re += ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(REGEX_META, (m) => `\\${m}`);
  return `${subject}.matches(${celString(`${re}$`)})`;
}
