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

type Facts = { pos: string[]; neg: string[] };

/**
 * Analyses a custom expression (which must parse). A select chain deeper than the present paths
 * must be guarded by `has()` on the same path (or a deeper one) in an enclosing `&&` (either side:
 * CEL's `&&` absorbs the other side's error when one is false), a `!has()` in an enclosing `||`,
 * or a ternary's condition; or read with `.?`. List macros over a field that may be absent are
 * reads too. `podsOnly`: the policy admits Pods only, so `object.spec.containers` exists.
 */
export function analyseCelReads(expression: string, podsOnly: boolean): CelReads {
  const present = presentPaths(podsOnly);
  const unguarded: UnguardedRead[] = [];
  const paths = new Set<string>();
  let whole = false;
  const ast = runtimeEnv.parse(expression).ast;

  const isPresent = (p: string) => present.has(p) || p.startsWith("request.") || p.endsWith("[]") || CONTAINER_LISTS.test(p);
  const guarded = (p: string, guards: readonly string[]) => guards.some((g) => g === p || g.startsWith(`${p}.`) || g.startsWith(`${p}[]`));
  const record = (p: string) => {
    const parts = p.split(".");
    if (parts[0] === "oldObject" || parts[0] === "request") whole = true;
    if (parts[0] !== "object") return;
    if (parts.length === 1) whole = true;
    else paths.add(parts.slice(1, parts[1] === "metadata" || parts[1] === "spec" ? 3 : 2).join(".").replace(/\[\]$/, ""));
  };

  /** The path of a select chain (undefined: not a chain from a root or a comprehension variable). */
  type Chain = { path: string; optional: boolean; reported: boolean } | undefined;
  const chain = (n: ASTNode, guards: readonly string[], scope: ReadonlyMap<string, string>): Chain => {
    if (n.op === "id") {
      const p = scope.get(n.args) ?? (ROOTS.has(n.args) ? n.args : undefined);
      return p === undefined ? undefined : { path: p, optional: false, reported: false };
    }
    if (n.op === "." || n.op === ".?") {
      const inner = chain(n.args[0], guards, scope);
      if (!inner) {
        visit(n.args[0], guards, scope);
        return undefined;
      }
      const path = `${inner.path}.${n.args[1]}`;
      if (n.op === ".?" || inner.optional) return { path, optional: true, reported: inner.reported };
      let reported = inner.reported;
      if (!reported && !isPresent(path) && !guarded(path, guards)) {
        unguarded.push({ path, text: expression.slice(n.start, n.end), offset: n.pos, kind: "select" });
        reported = true;
      }
      return { path, optional: false, reported };
    }
    visit(n, guards, scope);
    return undefined;
  };

  /** `has(p)` conjuncts (pos) and `!has(p)` disjuncts (neg) at the top of a condition. */
  const facts = (n: ASTNode, scope: ReadonlyMap<string, string>, want: "&&" | "||"): Facts => {
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
  };
  const pathOf = (n: ASTNode, scope: ReadonlyMap<string, string>): string | undefined => {
    if (n.op === "id") return scope.get(n.args) ?? (ROOTS.has(n.args) ? n.args : undefined);
    if (n.op === "." || n.op === ".?") {
      const p = pathOf(n.args[0], scope);
      return p === undefined ? undefined : `${p}.${n.args[1]}`;
    }
    return undefined;
  };

  function visit(n: ASTNode, guards: readonly string[], scope: ReadonlyMap<string, string>): void {
    switch (n.op) {
      case "id": {
        const c = chain(n, guards, scope);
        if (c && !scope.has(n.args)) record(c.path);
        return;
      }
      case ".":
      case ".?": {
        const c = chain(n, guards, scope);
        if (c) record(c.path);
        return;
      }
      case "&&": {
        const [a, b] = n.args;
        visit(a, [...guards, ...facts(b, scope, "&&").pos], scope);
        visit(b, [...guards, ...facts(a, scope, "&&").pos], scope);
        return;
      }
      case "||": {
        const [a, b] = n.args;
        visit(a, [...guards, ...facts(b, scope, "||").neg], scope);
        visit(b, [...guards, ...facts(a, scope, "||").neg], scope);
        return;
      }
      case "?:": {
        const [c, t, e] = n.args;
        visit(c, guards, scope);
        const f = facts(c, scope, "&&");
        const g = facts(c, scope, "||");
        visit(t, [...guards, ...f.pos], scope);
        visit(e, [...guards, ...g.neg], scope);
        return;
      }
      case "call":
        if (n.args[0] === "has" && n.args[1].length === 1 && n.args[1][0]!.op === ".") {
          // has(x.f) needs x, not f.
          const arg = n.args[1][0] as ASTNode & { op: "." };
          const c = chain(arg.args[0], guards, scope);
          if (c) record(`${c.path}.${arg.args[1]}`);
          return;
        }
        for (const a of n.args[1]) visit(a, guards, scope);
        return;
      case "rcall": {
        const [method, receiver, args] = n.args;
        const c = chain(receiver, guards, scope);
        if (c) record(c.path);
        if (MACROS.has(method) && args[0]?.op === "id") {
          const inner = new Map(scope);
          inner.set(args[0].args, c ? `${c.path}[]` : `<${args[0].args}>`);
          if (!c) inner.delete(args[0].args);
          for (const a of args.slice(1)) visit(a, guards, inner);
          return;
        }
        for (const a of args) visit(a, guards, scope);
        return;
      }
      case "!_":
      case "-_":
        visit(n.args, guards, scope);
        return;
      case "value":
        return;
      case "list":
        for (const a of n.args) visit(a, guards, scope);
        return;
      case "map":
        for (const [k, v] of n.args) {
          visit(k, guards, scope);
          visit(v, guards, scope);
        }
        return;
      default:
        for (const a of n.args as ASTNode[]) visit(a, guards, scope);
    }
  }
  visit(ast, [], new Map());
  // A list macro over an absent field is an error as well: report the receiver as iterated.
  const iterated = new Set<number>();
  const mark = (n: ASTNode): void => {
    if (n.op === "rcall" && MACROS.has(n.args[0]) && (n.args[1].op === "." || n.args[1].op === ".?")) iterated.add(n.args[1].pos);
    for (const child of childrenOf(n)) mark(child);
  };
  mark(ast);
  const out = unguarded.map((u) => (iterated.has(u.offset) ? { ...u, kind: "iterate" as const } : u));
  return { unguarded: out.sort((a, b) => a.offset - b.offset), objectPaths: whole ? undefined : [...paths].sort() };
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
