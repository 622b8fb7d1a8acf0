// Runtime CEL cost estimate of an expression for a large pod, after the cost model of cel-go's
// interpreter (the API server's runtime cost): identifiers and field selections cost 1, string
// operations 0.1 per character, `in` on a list its length, a comprehension its range plus
// (body + 1) per element, list and map literals 10 and 30. Every branch of `&&`, `||` and `?:` is
// counted (no short-circuit): an upper estimate for the sizes below.
import { program } from "./cel-env.js";

/** The assumptions behind the figures (printed in the report). */
export const COST_MODEL =
  "cel-go runtime cost model, every branch counted; pod with 100 containers (the container lists hold 100), 100 volumes, 10 ports, capabilities, sysctls and resources per list, 20 labels and annotations; strings of 63 characters (images 128)";

type Shape =
  | { readonly k: "list"; readonly n: number; readonly of: Shape }
  | { readonly k: "map"; readonly n: number; readonly of: Shape }
  | { readonly k: "str"; readonly n: number }
  | { readonly k: "obj" }
  | { readonly k: "scalar" };

const OBJ: Shape = { k: "obj" };
const SCALAR: Shape = { k: "scalar" };
const str = (n: number): Shape => ({ k: "str", n });
const list = (n: number, of: Shape): Shape => ({ k: "list", n, of });
const CONTAINERS = list(100, OBJ);

/** Shapes of fields by name, wherever they occur. */
const FIELDS: Record<string, Shape> = {
  containers: CONTAINERS,
  initContainers: CONTAINERS,
  ephemeralContainers: CONTAINERS,
  resourceContainers: CONTAINERS,
  volumes: list(100, OBJ),
  ports: list(10, OBJ),
  add: list(10, str(20)),
  drop: list(10, str(20)),
  sysctls: list(10, OBJ),
  annotations: { k: "map", n: 20, of: str(63) },
  labels: { k: "map", n: 20, of: str(63) },
  podAnnotations: { k: "map", n: 20, of: str(63) },
  limits: { k: "map", n: 10, of: str(10) },
  requests: { k: "map", n: 10, of: str(10) },
  image: str(128),
  subject: str(140),
};
const STRINGS = new Set(["name", "generateName", "namespace", "kind", "type", "user", "role", "host", "procMount", "operation", "localhostProfile"]);
const SCALARS = new Set([
  "containerPort",
  "hostPort",
  "runAsUser",
  "runAsNonRoot",
  "privileged",
  "allowPrivilegeEscalation",
  "readOnlyRootFilesystem",
  "hostNetwork",
  "hostPID",
  "hostIPC",
  "hostUsers",
  "hostProcess",
  "automountServiceAccountToken",
]);

const fieldShape = (name: string): Shape =>
  FIELDS[name] ??
  (/^(containers|resourceContainers)InScope\d*$/.test(name) ? CONTAINERS : null) ??
  (STRINGS.has(name) ? str(63) : SCALARS.has(name) ? SCALAR : OBJ);
const size = (s: Shape) => (s.k === "list" || s.k === "map" || s.k === "str" ? s.n : 1);
const tenth = (n: number) => Math.ceil(n * 0.1);

interface Node {
  op: string;
  args: unknown;
}
interface Result {
  cost: number;
  shape: Shape;
}

const COMPREHENSIONS = new Set(["all", "exists", "exists_one", "filter", "map"]);

function walk(node: Node, scope: ReadonlyMap<string, Shape>): Result {
  const a = node.args as never;
  const sub = (n: unknown) => walk(n as Node, scope);
  switch (node.op) {
    case "value":
      return { cost: 0, shape: typeof a === "string" ? str((a as string).length) : SCALAR };
    case "id":
      return { cost: 1, shape: scope.get(a) ?? OBJ };
    case ".":
    case ".?": {
      const [target, field] = a as [Node, string];
      const t = sub(target);
      const shape = t.shape.k === "map" ? t.shape.of : fieldShape(field);
      return { cost: t.cost + 1, shape };
    }
    case "[]":
    case "[?]": {
      const [target, index] = a as [Node, Node];
      const t = sub(target);
      const i = sub(index);
      const shape = t.shape.k === "list" || t.shape.k === "map" ? t.shape.of : OBJ;
      return { cost: t.cost + i.cost + 1, shape };
    }
    case "list": {
      const items = (a as Node[]).map(sub);
      return { cost: 10 + items.reduce((s, r) => s + r.cost, 0), shape: list(items.length, items[0]?.shape ?? SCALAR) };
    }
    case "map": {
      const entries = (a as [Node, Node][]).flatMap(([k, v]) => [sub(k), sub(v)]);
      return { cost: 30 + entries.reduce((s, r) => s + r.cost, 0), shape: { k: "map", n: entries.length / 2, of: entries[1]?.shape ?? SCALAR } };
    }
    case "!_":
    case "-_": {
      const r = sub(a);
      return { cost: r.cost, shape: SCALAR };
    }
    case "?:": {
      const [c, x, y] = (a as Node[]).map(sub) as [Result, Result, Result];
      return { cost: c.cost + x.cost + y.cost, shape: size(x.shape) >= size(y.shape) ? x.shape : y.shape };
    }
    case "call":
    case "rcall":
      return call(node, scope);
    default: {
      const [l, r] = (a as Node[]).map(sub) as [Result, Result];
      const base = l.cost + r.cost;
      switch (node.op) {
        case "&&":
        case "||":
          return { cost: base, shape: SCALAR };
        case "==":
        case "!=":
          return { cost: base + (l.shape.k === "str" && r.shape.k === "str" ? tenth(Math.min(l.shape.n, r.shape.n)) : 1), shape: SCALAR };
        case "in":
          return { cost: base + (r.shape.k === "list" ? r.shape.n : 1), shape: SCALAR };
        case "+": {
          if (l.shape.k === "str" || r.shape.k === "str")
            return { cost: base + tenth(size(l.shape) + size(r.shape)), shape: str(size(l.shape) + size(r.shape)) };
          if (l.shape.k === "list" || r.shape.k === "list") {
            const of = l.shape.k === "list" && l.shape.n > 0 ? l.shape.of : r.shape.k === "list" ? r.shape.of : OBJ;
            return { cost: base + tenth(size(l.shape) + size(r.shape)), shape: list(size(l.shape) + size(r.shape), of) };
          }
          return { cost: base + 1, shape: SCALAR };
        }
        default:
          return { cost: base + 1, shape: SCALAR };
      }
    }
  }
}

function call(node: Node, scope: ReadonlyMap<string, Shape>): Result {
  const receiverCall = node.op === "rcall";
  const [name, receiverNode, argNodes] = receiverCall
    ? (node.args as [string, Node, Node[]])
    : [(node.args as [string, Node[]])[0], undefined, (node.args as [string, Node[]])[1]];
  if (receiverCall && COMPREHENSIONS.has(name) && argNodes.length === 2) {
    const range = walk(receiverNode!, scope);
    const variable = (argNodes[0] as unknown as { args: string }).args;
    const element = range.shape.k === "list" ? range.shape.of : range.shape.k === "map" ? str(63) : OBJ;
    const inner = new Map(scope).set(variable, element);
    const body = walk(argNodes[1]!, inner);
    const n = size(range.shape);
    const shape = name === "filter" ? list(n, element) : name === "map" ? list(n, body.shape) : SCALAR;
    return { cost: range.cost + n * (body.cost + 1), shape };
  }
  if (!receiverCall && name === "has") {
    const r = walk(argNodes[0]!, scope);
    return { cost: r.cost, shape: SCALAR };
  }
  const receiver = receiverNode ? walk(receiverNode, scope) : undefined;
  const args = argNodes.map((n) => walk(n, scope));
  const base = (receiver?.cost ?? 0) + args.reduce((s, r) => s + r.cost, 0);
  const recv = receiver ? size(receiver.shape) : 1;
  const arg = args[0] ? size(args[0].shape) : 1;
  switch (name) {
    case "matches":
    case "find":
      return { cost: base + tenth(1 + recv) * Math.ceil(arg * 0.25), shape: SCALAR };
    case "findAll":
      return { cost: base + tenth(1 + recv) * Math.ceil(arg * 0.25), shape: list(recv, str(recv)) };
    case "contains":
      return { cost: base + tenth(recv) * tenth(arg), shape: SCALAR };
    case "startsWith":
    case "endsWith":
      return { cost: base + tenth(arg), shape: SCALAR };
    case "split":
      return { cost: base + 1 + tenth(recv), shape: list(8, str(recv)) };
    case "lastIndexOf":
    case "indexOf":
      return { cost: base + 1 + tenth(recv), shape: SCALAR };
    case "substring":
      return { cost: base + 1 + tenth(recv), shape: str(recv) };
    case "join": {
      const total = receiver?.shape.k === "list" ? receiver.shape.n * size(receiver.shape.of) : 63;
      return { cost: base + 1 + tenth(total), shape: str(total) };
    }
    case "orValue": {
      const shape = receiver && size(receiver.shape) >= size(args[0]?.shape ?? SCALAR) ? receiver.shape : (args[0]?.shape ?? SCALAR);
      return { cost: base + 1, shape };
    }
    default:
      return { cost: base + 1, shape: receiver?.shape ?? SCALAR };
  }
}

const costs = new Map<string, number>();

/** The estimated runtime cost of an expression for the pod of COST_MODEL (memoised: a build of several clusters asks again). */
export function estimateCost(expression: string): number {
  let cost = costs.get(expression);
  if (cost === undefined) {
    const ast = (program(expression) as unknown as { ast: Node }).ast;
    costs.set(expression, (cost = walk(ast, new Map()).cost));
  }
  return cost;
}
