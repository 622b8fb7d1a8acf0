// Field reads of a custom CEL expression, on its parsed AST: reads of fields an object may not
// have, without a `has()` guard or `?.` (they fail at runtime in the API server), and the object
// paths the expression reads (so that UPDATEs that change none of them can be skipped).
import type { ASTNode } from "@marcbachmann/cel-js";
import { runtimeEnv } from "./cel-env.js";

/** A read of a field that may be absent. */
export interface UnguardedRead {
  /** The path as written from its root, comprehension variables resolved (`variables.containers[].securityContext`). */
  readonly path: string;
  /** The read as written (`c.securityContext`). */
  readonly text: string;
  /** 0-based offset of the field in the expression. */
  readonly offset: number;
  /** `select`: a field read; `iterate`: a list macro (`all`, `exists`, …) over the field. */
  readonly kind: "select" | "iterate";
}

/** What the analysis finds. */
export interface CelReads {
  readonly unguarded: readonly UnguardedRead[];
  /**
   * Top-level object paths read (`metadata.labels`, `spec.hostNetwork`; two segments under
   * `metadata` and `spec`, else one); undefined when the expression reads the whole object,
   * `oldObject` or `request`, whose changes cannot be told apart by path.
   */
  readonly objectPaths: readonly string[] | undefined;
}

const ROOTS = new Set(["object", "oldObject", "request", "namespaceObject", "variables"]);
const MACROS = new Set(["all", "exists", "exists_one", "map", "filter"]);
const CONTAINER_LISTS = /(^|\.)(containers|initContainers|ephemeralContainers)\[\]\.(name|image)$/;

/** Paths every admitted workload has (Kubernetes required fields and the policy variables). */
function presentPaths(podsOnly: boolean): Set<string> {
  const out = new Set<string>(ROOTS);
  for (const o of ["object", "oldObject"]) {
    for (const p of ["metadata", "metadata.name", "metadata.namespace", "kind", "apiVersion", "spec"]) out.add(`${o}.${p}`);
    if (podsOnly) out.add(`${o}.spec.containers`);
  }
  for (const p of ["metadata", "metadata.name", "kind", "apiVersion"]) out.add(`namespaceObject.${p}`);
  for (const p of ["podSpec", "podAnnotations", "containers", "resourceContainers", "subject", "podSpec.containers"]) out.add(`variables.${p}`);
  return out;
}

/** Comprehension variables in scope: name → the path they iterate (`object.spec.containers[]`). */
type Scope = ReadonlyMap<string, string>;
/** `has(p)` conjuncts (pos) and `!has(p)` disjuncts (neg) at the top of a condition. */
type Facts = { pos: string[]; neg: string[] };
/** The path of a select chain (undefined: not a chain from a root or a comprehension variable). */
type Chain = { path: string; optional: boolean; reported: boolean } | undefined;

/** The path a select chain names from a root or a comprehension variable, else undefined. */
function pathOf(n: ASTNode, scope: Scope): string | undefined {
  if (n.op === "id") return scope.get(n.args) ?? (ROOTS.has(n.args) ? n.args : undefined);
  if (n.op === "." || n.op === ".?") {
    const p = pathOf(n.args[0], scope);
    return p === undefined ? undefined : `${p}.${n.args[1]}`;
  }
  return undefined;
}

/** The `has()` facts a condition establishes when it holds (`want: "&&"`) or when it fails (`want: "||"`). */
function guardFacts(n: ASTNode, scope: Scope, want: "&&" | "||"): Facts {
  const out: Facts = { pos: [], neg: [] };
  const walk = (x: ASTNode, negated: boolean) => {
    if (x.op === want) for (const a of x.args) walk(a, negated);
    else if (x.op === "!_") walk(x.args, !negated);
    else if (x.op === "call" && x.args[0] === "has" && x.args[1].length === 1) {
      const arg = x.args[1][0]!;
      if (arg.op !== ".") return;
      const p = pathOf(arg, scope);
      if (p) (negated ? out.neg : out.pos).push(p);
    }
  };
  walk(n, false);
  return out;
}

/** True when a guard tests `p` itself, or a path below it. */
const guarded = (p: string, guards: readonly string[]) => guards.some((g) => g === p || g.startsWith(`${p}.`) || g.startsWith(`${p}[]`));

/** One walk over an expression's AST: the unguarded reads and the object paths it finds. */
class ReadWalk {
  readonly unguarded: UnguardedRead[] = [];
  readonly paths = new Set<string>();
  /** The expression reads the whole object, `oldObject` or `request`. */
  whole = false;

  constructor(
    private readonly expression: string,
    private readonly present: ReadonlySet<string>,
  ) {}

  private isPresent(p: string): boolean {
    return this.present.has(p) || p.startsWith("request.") || p.endsWith("[]") || CONTAINER_LISTS.test(p);
  }

  /** Notes a path read from a root: an object path (two segments under `metadata` and `spec`), or a read of the whole. */
  private record(p: string): void {
    const parts = p.split(".");
    if (parts[0] === "oldObject" || parts[0] === "request") this.whole = true;
    if (parts[0] !== "object") return;
    if (parts.length === 1) this.whole = true;
    else
      this.paths.add(
        parts
          .slice(1, parts[1] === "metadata" || parts[1] === "spec" ? 3 : 2)
          .join(".")
          .replace(/\[\]$/, ""),
      );
  }

  /** Follows a select chain, reporting its first unguarded step; anything else is visited as an expression. */
  private chain(n: ASTNode, guards: readonly string[], scope: Scope): Chain {
    if (n.op === "id") {
      const p = scope.get(n.args) ?? (ROOTS.has(n.args) ? n.args : undefined);
      return p === undefined ? undefined : { path: p, optional: false, reported: false };
    }
    if (n.op !== "." && n.op !== ".?") {
      this.visit(n, guards, scope);
      return undefined;
    }
    // Not a chain (`f(x).y`): `chain` has visited the call already; visiting it again would report its reads twice.
    const inner = this.chain(n.args[0], guards, scope);
    if (!inner) return undefined;
    const path = `${inner.path}.${n.args[1]}`;
    if (n.op === ".?" || inner.optional) return { path, optional: true, reported: inner.reported };
    if (inner.reported || this.isPresent(path) || guarded(path, guards)) return { path, optional: false, reported: inner.reported };
    this.unguarded.push({ path, text: this.expression.slice(n.start, n.end), offset: n.pos, kind: "select" });
    return { path, optional: false, reported: true };
  }

  /** Visits an expression with the `has()` guards that hold at it. */
  visit(n: ASTNode, guards: readonly string[], scope: Scope): void {
    switch (n.op) {
      case "id": {
        const c = this.chain(n, guards, scope);
        if (c && !scope.has(n.args)) this.record(c.path);
        return;
      }
      case ".":
      case ".?": {
        const c = this.chain(n, guards, scope);
        if (c) this.record(c.path);
        return;
      }
      case "&&":
      case "||":
        return this.visitLogical(n.op, n.args, guards, scope);
      case "?:":
        return this.visitTernary(n.args, guards, scope);
      case "call":
        return this.visitCall(n, guards, scope);
      case "rcall":
        return this.visitMethodCall(n.args, guards, scope);
      case "!_":
      case "-_":
        return this.visit(n.args, guards, scope);
      case "value":
        return;
      case "map":
        for (const [k, v] of n.args) {
          this.visit(k, guards, scope);
          this.visit(v, guards, scope);
        }
        return;
      default:
        for (const a of n.args as ASTNode[]) this.visit(a, guards, scope);
    }
  }

  /** `a && b`: each side is guarded by the other's `has()` conjuncts (CEL's `&&` absorbs the error of one side when the other is false); `||` alike with `!has()`. */
  private visitLogical(op: "&&" | "||", [a, b]: readonly [ASTNode, ASTNode], guards: readonly string[], scope: Scope): void {
    const facts = (x: ASTNode) => (op === "&&" ? guardFacts(x, scope, "&&").pos : guardFacts(x, scope, "||").neg);
    this.visit(a, [...guards, ...facts(b)], scope);
    this.visit(b, [...guards, ...facts(a)], scope);
  }

  /** `c ? t : e`: `t` is guarded by what `c` establishes, `e` by what its failure does. */
  private visitTernary([c, t, e]: readonly [ASTNode, ASTNode, ASTNode], guards: readonly string[], scope: Scope): void {
    this.visit(c, guards, scope);
    this.visit(t, [...guards, ...guardFacts(c, scope, "&&").pos], scope);
    this.visit(e, [...guards, ...guardFacts(c, scope, "||").neg], scope);
  }

  /** A function call; `has(x.f)` reads `x`, not `f`. */
  private visitCall(n: Extract<ASTNode, { op: "call" }>, guards: readonly string[], scope: Scope): void {
    if (n.args[0] === "has" && n.args[1].length === 1 && n.args[1][0]!.op === ".") {
      const arg = n.args[1][0] as ASTNode & { op: "." };
      const c = this.chain(arg.args[0], guards, scope);
      if (c) this.record(`${c.path}.${arg.args[1]}`);
      return;
    }
    for (const a of n.args[1]) this.visit(a, guards, scope);
  }

  /** A method call; a list macro binds its variable to the receiver's elements for its body. */
  private visitMethodCall([method, receiver, args]: Extract<ASTNode, { op: "rcall" }>["args"], guards: readonly string[], scope: Scope): void {
    const c = this.chain(receiver, guards, scope);
    if (c) this.record(c.path);
    if (MACROS.has(method) && args[0]?.op === "id") {
      const inner = new Map(scope);
      inner.set(args[0].args, c ? `${c.path}[]` : `<${args[0].args}>`);
      if (!c) inner.delete(args[0].args);
      for (const a of args.slice(1)) this.visit(a, guards, inner);
      return;
    }
    for (const a of args) this.visit(a, guards, scope);
  }
}

/** Offsets of the fields list macros iterate over (`x.f.all(…)`: the `f`). */
function iteratedOffsets(ast: ASTNode): Set<number> {
  const iterated = new Set<number>();
  const mark = (n: ASTNode): void => {
    if (n.op === "rcall" && MACROS.has(n.args[0]) && (n.args[1].op === "." || n.args[1].op === ".?")) iterated.add(n.args[1].pos);
    for (const child of childrenOf(n)) mark(child);
  };
  mark(ast);
  return iterated;
}

/**
 * Analyses a custom expression (which must parse). A select chain deeper than the present paths
 * must be guarded by `has()` on the same path (or a deeper one) in an enclosing `&&` (either side:
 * CEL's `&&` absorbs the other side's error when one is false), a `!has()` in an enclosing `||`,
 * or a ternary's condition; or read with `.?`. List macros over a field that may be absent are
 * reads too. `podsOnly`: the policy admits Pods only, so `object.spec.containers` exists.
 */
export function analyseCelReads(expression: string, podsOnly: boolean): CelReads {
  const ast = runtimeEnv.parse(expression).ast;
  const walk = new ReadWalk(expression, presentPaths(podsOnly));
  walk.visit(ast, [], new Map());
  // A list macro over an absent field is an error as well: report the receiver as iterated.
  const iterated = iteratedOffsets(ast);
  const out = walk.unguarded.map((u) => (iterated.has(u.offset) ? { ...u, kind: "iterate" as const } : u));
  return { unguarded: out.sort((a, b) => a.offset - b.offset), objectPaths: walk.whole ? undefined : [...walk.paths].sort() };
}

function childrenOf(n: ASTNode): ASTNode[] {
  switch (n.op) {
    case "value":
    case "id":
      return [];
    case ".":
    case ".?":
      return [n.args[0]];
    case "call":
      return n.args[1];
    case "rcall":
      return [n.args[1], ...n.args[2]];
    case "!_":
    case "-_":
      return [n.args];
    case "map":
      return n.args.flat();
    default:
      return n.args as ASTNode[];
  }
}
