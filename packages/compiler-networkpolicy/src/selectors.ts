/** A Kubernetes label selector. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

type Matcher = (labels: Readonly<Record<string, string>>) => boolean;
const compiled = new WeakMap<LabelSelector, Matcher>();
const has = (labels: Readonly<Record<string, string>>, key: string) => Object.prototype.hasOwnProperty.call(labels, key);

function compile(selector: LabelSelector): Matcher {
  const eq = Object.entries(selector.matchLabels ?? {});
  const exprs = (selector.matchExpressions ?? []).map((e) => ({ key: e.key, operator: e.operator, values: new Set(e.values ?? []) }));
  return (labels) => {
    for (const [k, v] of eq) if (labels[k] !== v || !has(labels, k)) return false;
    for (const e of exprs) {
      const present = has(labels, e.key);
      switch (e.operator) {
        case "In":
          if (!present || !e.values.has(labels[e.key]!)) return false;
          break;
        case "NotIn":
          if (present && e.values.has(labels[e.key]!)) return false;
          break;
        case "Exists":
          if (!present) return false;
          break;
        case "DoesNotExist":
          if (present) return false;
          break;
        default:
          return false;
      }
    }
    return true;
  };
}

/** True when labels satisfy the selector (an empty or missing selector selects everything). */
export function selects(selector: LabelSelector | undefined | null, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return true;
  let m = compiled.get(selector);
  if (!m) compiled.set(selector, (m = compile(selector)));
  return m(labels);
}
