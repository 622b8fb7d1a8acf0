import { API_VERSION, createInventory, type Inventory } from "@rampart/core";
import { Document, isScalar, visit } from "yaml";
import type { LearnedPolicy, LearnedRule } from "./learn-rules.js";
import { policySubject } from "./subjects.js";

/** `observed N times, first <ts>, last <ts>` (RFC 3339, UTC). */
export function ruleReason(rule: Pick<LearnedRule, "count" | "first" | "last">): string {
  const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");
  return `observed ${rule.count} ${rule.count === 1 ? "time" : "times"}, first ${iso(rule.first)}, last ${iso(rule.last)}`;
}

function ruleSpec(rule: LearnedRule): Record<string, unknown> {
  const out: Record<string, unknown> = { effect: "allow", verbs: rule.verbs };
  if (rule.resources) out["resources"] = rule.resources;
  if (rule.nonResourceURLs) out["nonResourceURLs"] = rule.nonResourceURLs;
  if (rule.namespaces) out["namespaces"] = rule.namespaces;
  if (rule.names) out["names"] = rule.names;
  out["reason"] = ruleReason(rule);
  return out;
}

/** The AccessPolicy document of a learned policy (plain data, as YAML would load). */
export function policyDocument(policy: LearnedPolicy): {
  apiVersion: string;
  kind: "AccessPolicy";
  metadata: { name: string };
  spec: { subjects: unknown[]; rules: Record<string, unknown>[] };
} {
  return {
    apiVersion: API_VERSION,
    kind: "AccessPolicy",
    metadata: { name: policy.name },
    spec: { subjects: [policySubject(policy.subject)], rules: policy.rules.map(ruleSpec) },
  };
}

/** A file to write: a name inside the output directory and its content. */
export interface OutputFile {
  path: string;
  content: string;
}

const HEADER = "# Learned by `rampart learn` from Kubernetes audit events; review before applying.\n";

/** One YAML file per policy, `<name>.yaml`. */
export function policyYaml(policy: LearnedPolicy): OutputFile {
  const doc = new Document(policyDocument(policy));
  // Lists of plain strings read best inline: `verbs: [get, patch]`.
  visit(doc, {
    Seq(_, node) {
      if (node.items.every(isScalar)) node.flow = true;
    },
  });
  return { path: `${policy.name}.yaml`, content: HEADER + doc.toString({ lineWidth: 0 }) };
}

const q = (s: string) => JSON.stringify(s);
const list = (xs: readonly string[], item: (s: string) => string = q) => `[${xs.map(item).join(", ")}]`;

/**
 * One TypeScript module per policy, `<name>.ts`, built with the `@rampart/core` builders; resources
 * outside the built-in inventory are marked with `crd()` so the module type-checks.
 */
export function policyTypeScript(policy: LearnedPolicy, inventory: Inventory = createInventory()): OutputFile {
  let usesCrd = false;
  const resource = (r: string) => {
    const main = r.split("/")[0]!;
    const dot = main.indexOf(".");
    const known = dot < 0 ? inventory.resource("", main) : inventory.resource(main.slice(dot + 1), main.slice(0, dot));
    if (known?.builtin !== true && dot >= 0) {
      usesCrd = true;
      return `crd(${q(r)})`;
    }
    return q(r);
  };
  const rules = policy.rules.map((rule) => {
    const fields = [`verbs: ${list(rule.verbs)}`];
    if (rule.resources) fields.push(`resources: ${list(rule.resources, resource)}`);
    if (rule.nonResourceURLs) fields.push(`nonResourceURLs: ${list(rule.nonResourceURLs)}`);
    if (rule.namespaces) fields.push(`namespaces: ${list(rule.namespaces)}`);
    if (rule.names) fields.push(`names: ${list(rule.names)}`);
    fields.push(`reason: ${q(ruleReason(rule))}`);
    return `    allow({ ${fields.join(", ")} }),\n`;
  });
  const subject = Object.entries(policySubject(policy.subject))[0]!;
  const imports = usesCrd ? "accessPolicy, allow, crd" : "accessPolicy, allow";
  const content =
    `// Learned by \`rampart learn\` from Kubernetes audit events; review before applying.\n` +
    `import { ${imports} } from "@rampart/core";\n\n` +
    `export default accessPolicy(${q(policy.name)}, {\n` +
    `  subjects: [{ ${subject[0]}: ${q(String(subject[1]))} }],\n` +
    `  rules: [\n${rules.join("")}  ],\n});\n`;
  return { path: `${policy.name}.ts`, content };
}
