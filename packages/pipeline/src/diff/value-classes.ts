import { compileGlob, type Glob } from "@rampart/core";

/**
 * The values of one request field (namespace or name) split into equivalence classes: two
 * non-empty values are equivalent when every glob of the set matches both or neither, so the
 * evaluator (which reads the field only through these globs and its emptiness) decides them alike.
 * Class 0 is always the empty value `""`.
 */
export interface ValueClasses {
  readonly globs: readonly Glob[];
  /** One representative value per class; `reps[0]` is `""`. */
  readonly reps: readonly string[];
  /** `members[g]`: the non-empty classes that glob `g` matches. */
  readonly members: readonly ReadonlySet<number>[];
}

/** Characters tried, in order, for a value that no glob literal contains. */
const FRESH = "zqxjkvwy0123456789bcdfghlmnprst";

/** A character that appears in none of the patterns (so `p + c` extends no other prefix). */
function freshChar(patterns: readonly string[]): string {
  for (const c of FRESH) if (!patterns.some((p) => p.includes(c))) return c;
  return "~";
}

/**
 * Candidate values that realise every class of a set of literal and `prefix*` globs (a literal;
 * `p` and `p` + a fresh character; a fresh string matching only the all-wildcard globs) plus, for
 * other shapes, the glob with its wildcards filled in; `preferred` values come first so that
 * classes are represented by real names where the inventory has them.
 */
function candidates(patterns: readonly string[], preferred: readonly string[]): string[] {
  const c = freshChar(patterns);
  const longest = patterns.reduce((n, p) => Math.max(n, p.length), 0);
  const out = [...preferred];
  for (const p of patterns) {
    out.push(p.replaceAll("*", "").replaceAll("?", c));
    out.push(p.replaceAll("?", c).replaceAll("*", c));
    out.push(p.replaceAll("?", c).replaceAll("*", c.repeat(2)));
  }
  out.push(c, c.repeat(longest + 1));
  return out;
}

/** Splits the values of a field into the classes that `patterns` tell apart. */
export function valueClasses(patterns: readonly string[], preferred: readonly string[] = []): ValueClasses {
  const sources = [...new Set(patterns)].sort();
  const globs = sources.map(compileGlob);
  const reps = [""];
  const members = globs.map(() => new Set<number>());
  const seen = new Set<string>();
  for (const value of candidates(sources, preferred)) {
    if (value === "") continue;
    const bits = globs.map((g) => (g.test(value) ? "1" : "0")).join("");
    if (seen.has(bits)) continue;
    seen.add(bits);
    const k = reps.length;
    reps.push(value);
    for (let g = 0; g < globs.length; g++) if (bits[g] === "1") members[g]!.add(k);
  }
  return { globs, reps, members };
}

/** The class of a value. */
export function classOf(classes: ValueClasses, value: string): number {
  if (value === "") return 0;
  for (let k = 1; k < classes.reps.length; k++) {
    const rep = classes.reps[k]!;
    if (classes.globs.every((g) => g.test(rep) === g.test(value))) return k;
  }
  return -1;
}

/**
 * One glob list of a listed class: a value is covered when it matches an entry of `entries` and
 * none of `except` (`""` covers only the empty value, `*` every non-empty one). `classes` are the
 * classes it covers.
 */
export interface Cover {
  readonly entries: readonly string[];
  readonly except: readonly string[];
  readonly classes: readonly number[];
}

function subset(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * Expresses a set of classes as glob lists that cover exactly those classes: first every glob of
 * the set whose classes all belong to the target (so a glob is listed only when the whole of it
 * changed), then each remaining class as its most specific glob minus the globs that split it off.
 */
export function expressClasses(classes: ValueClasses, target: ReadonlySet<number>): Cover[] {
  const total = classes.reps.length - 1;
  const nonEmpty = [...target].filter((k) => k !== 0).sort((a, b) => a - b);
  const first: string[] = target.has(0) ? [""] : [];
  const firstClasses: number[] = target.has(0) ? [0] : [];
  if (nonEmpty.length === total && total > 0) {
    return [{ entries: [...first, "*"], except: [], classes: [...firstClasses, ...nonEmpty] }];
  }
  const { globs, members } = classes;
  const usable: number[] = [];
  for (let g = 0; g < globs.length; g++) {
    const m = members[g]!;
    if (m.size > 0 && subset(m, target)) usable.push(g);
  }
  // Drop a usable glob whose classes another usable glob already covers (ties: keep the first).
  const kept = usable.filter((g) => !usable.some((h) => h !== g && subset(members[g]!, members[h]!) && (members[g]!.size < members[h]!.size || h < g)));
  const covered = new Set<number>();
  for (const g of kept) {
    first.push(globs[g]!.source);
    for (const k of members[g]!) covered.add(k);
  }
  firstClasses.push(...[...covered].sort((a, b) => a - b));
  const residues: Cover[] = [];
  for (const k of nonEmpty) if (!covered.has(k)) residues.push(residue(classes, k, total));
  // A listed glob that a residue only excepts moves into that residue (one line instead of two),
  // when its classes lie inside the residue's glob and no other exception of it touches them.
  const moved = new Set<number>();
  const index = (source: string) => globs.findIndex((x) => x.source === source);
  const touches = (a: ReadonlySet<number>, b: ReadonlySet<number>) => [...a].some((k) => b.has(k));
  for (let i = 0; i < residues.length; i++) {
    const inner = residues[i]!.entries[0] === "*" ? undefined : index(residues[i]!.entries[0]!);
    for (const g of kept) {
      const r = residues[i]!;
      if (moved.has(g) || !r.except.includes(globs[g]!.source)) continue;
      const mine = members[g]!;
      if (inner !== undefined && !subset(mine, members[inner]!)) continue;
      const others = r.except.filter((e) => e !== globs[g]!.source).map(index);
      if (others.some((e) => touches(mine, members[e]!))) continue;
      if (kept.some((h) => h !== g && !moved.has(h) && touches(mine, members[h]!))) continue;
      moved.add(g);
      residues[i] = { entries: r.entries, except: others.map((e) => globs[e]!.source), classes: [...r.classes, ...mine].sort((a, b) => a - b) };
    }
  }
  const remaining = first.filter((e) => !kept.some((g) => moved.has(g) && globs[g]!.source === e));
  const stay = new Set<number>(target.has(0) ? [0] : []);
  for (const g of kept) if (!moved.has(g)) for (const k of members[g]!) stay.add(k);
  const out: Cover[] = remaining.length > 0 ? [{ entries: remaining, except: [], classes: [...stay].sort((a, b) => a - b) }] : [];
  return [...out, ...residues];
}

/** One class alone: its most specific glob (or `*`), minus every glob of another class that overlaps it. */
function residue(classes: ValueClasses, k: number, total: number): Cover {
  const { globs, members } = classes;
  const own = globs.map((_, g) => g).filter((g) => members[g]!.has(k) && members[g]!.size < total);
  // The most specific glob: one whose classes lie inside those of every other glob of the class.
  const inner = own.find((g) => own.every((h) => subset(members[g]!, members[h]!))) ?? own.sort((a, b) => members[a]!.size - members[b]!.size)[0];
  const scope = inner === undefined ? undefined : members[inner]!;
  const except = globs
    .map((_, g) => g)
    .filter((g) => !members[g]!.has(k) && [...members[g]!].some((x) => scope === undefined || scope.has(x)))
    .filter((g, _, all) => !all.some((h) => h !== g && subset(members[g]!, members[h]!) && (members[g]!.size < members[h]!.size || h < g)))
    .map((g) => globs[g]!.source);
  return { entries: [inner === undefined ? "*" : globs[inner]!.source], except, classes: [k] };
}

const compiled = new Map<string, Glob>();
const glob = (p: string): Glob => {
  let g = compiled.get(p);
  if (g === undefined) compiled.set(p, (g = compileGlob(p)));
  return g;
};

/** True when a value is covered by a glob list (SPEC's coverage rule, plus `except`). */
export function covers(entries: readonly string[], except: readonly string[] | undefined, value: string): boolean {
  const match = (p: string) => (p === "" ? value === "" : value !== "" && glob(p).test(value));
  return entries.some(match) && !(except ?? []).some(match);
}
