// The rule catalogue of SPEC.md: each WorkloadPolicy rule as one or more checks in CEL.
import type { WorkloadRuleName, WorkloadRuleSpec } from "@rampart/core";
import { celString, celStringList } from "../access-admission/cel-text.js";
import { opt, type Check } from "./check.js";
import { podSecurityChecks } from "./pod-security.js";

/** One entry of the catalogue: a rule name and what it enforces. */
export interface CatalogueEntry {
  readonly id: WorkloadRuleName;
  readonly docs: string;
}

/** The catalogue, one line of documentation per rule (podSecurity expands to the PSS checks). */
export const CATALOGUE: readonly CatalogueEntry[] = [
  { id: "podSecurity", docs: "every check of the Pod Security Standards level (baseline or restricted, v1.36); a violation names the check" },
  { id: "readOnlyRootFilesystem", docs: "every container sets securityContext.readOnlyRootFilesystem: true" },
  { id: "automountServiceAccountToken", docs: "the pod spec sets automountServiceAccountToken: false" },
  { id: "imageDigest", docs: "every image is pinned by `@sha256:` and 64 lowercase hex digits" },
  { id: "allowedRegistries", docs: "every image, Docker Hub names expanded, starts with an allowed prefix" },
  { id: "disallowLatestTag", docs: "every image is pinned by digest or has a tag other than `latest` (no tag means latest)" },
  { id: "resources", docs: "every container and init container sets the listed resource limits and requests" },
  { id: "forbiddenContainerPorts", docs: "no container declares a forbidden port as containerPort or hostPort" },
  { id: "requiredLabels", docs: "the admitted object's own metadata.labels has every listed key" },
  { id: "cel", docs: "a custom CEL expression (object, oldObject, request, namespaceObject, variables) is true" },
];

/**
 * The image with Docker Hub names expanded: the first path segment is a registry host only when it
 * contains `.` or `:` or is `localhost`; otherwise `docker.io/` is prepended, plus `library/` for
 * a one-segment name (`nginx:1` → `docker.io/library/nginx:1`).
 */
export const FULL_IMAGE =
  '(c.image.contains("/") && (c.image.split("/")[0].contains(".") || c.image.split("/")[0].contains(":") || c.image.split("/")[0] == "localhost") ? c.image : (c.image.contains("/") ? "docker.io/" + c.image : "docker.io/library/" + c.image))';

/** A CEL message text: line breaks (not allowed in admission messages) become spaces. */
export const oneLine = (text: string): string => text.replace(/[\r\n\u2028\u2029]+/g, " ");

const list = (items: readonly string[]) => items.map((i) => `\`${i}\``).join(", ");

/** The checks a rule compiles to. */
export function checksOf(rule: WorkloadRuleSpec): Check[] {
  const one = (c: Omit<Check, "rule" | "message"> & { message?: string }): Check[] => [{ ...c, rule: rule.name, message: `${c.id}: ${c.message ?? c.docs}` }];
  switch (rule.name) {
    case "podSecurity":
      return podSecurityChecks(rule.level);
    case "readOnlyRootFilesystem":
      return one({
        id: "readOnlyRootFilesystem",
        docs: CATALOGUE[1]!.docs,
        container: {
          list: "containers",
          ok: `${opt("c", "securityContext.readOnlyRootFilesystem", "false")} == true`,
          fix: "must set securityContext.readOnlyRootFilesystem: true",
        },
      });
    case "automountServiceAccountToken":
      return one({
        id: "automountServiceAccountToken",
        docs: CATALOGUE[2]!.docs,
        pod: {
          ok: `${opt("variables.podSpec", "automountServiceAccountToken", "true")} == false`,
          problem: '"pod must set automountServiceAccountToken: false"',
        },
      });
    case "imageDigest":
      return one({
        id: "imageDigest",
        docs: CATALOGUE[3]!.docs,
        container: {
          list: "containers",
          ok: 'c.image.matches("@sha256:[0-9a-f]{64}$")',
          fix: "must pin its image by digest (`@sha256:` and 64 lowercase hex digits)",
        },
      });
    case "allowedRegistries":
      return one({
        id: "allowedRegistries",
        docs: CATALOGUE[4]!.docs,
        container: {
          list: "containers",
          ok: `${celStringList(rule.prefixes)}.exists(p, ${FULL_IMAGE}.startsWith(p))`,
          fix: oneLine(`must pull its image from ${list(rule.prefixes)} (Docker Hub names expand to docker.io/…)`),
        },
      });
    case "disallowLatestTag":
      return one({
        id: "disallowLatestTag",
        docs: CATALOGUE[5]!.docs,
        container: {
          list: "containers",
          ok: 'c.image.contains("@") || (c.image.substring(c.image.lastIndexOf("/") + 1).contains(":") && !c.image.endsWith(":latest"))',
          fix: "must use an image tag other than `latest` (no tag means latest), or a digest",
        },
      });
    case "resources": {
      const want = [...rule.limits.map((r) => ["limits", r] as const), ...rule.requests.map((r) => ["requests", r] as const)];
      return one({
        id: "resources",
        docs: CATALOGUE[6]!.docs,
        container: {
          list: "resourceContainers",
          ok: want.map(([k, r]) => `${celString(r)} in ${opt("c", `resources.${k}`, "{}")}`).join(" && "),
          fix: `must set ${want.map(([k, r]) => `resources.${k}.${r}`).join(", ")}`,
        },
      });
    }
    case "forbiddenContainerPorts": {
      const ports = `[${[...new Set(rule.ports)].sort((a, b) => a - b).join(", ")}]`;
      return one({
        id: "forbiddenContainerPorts",
        docs: CATALOGUE[7]!.docs,
        container: {
          list: "containers",
          ok: `${opt("c", "ports", "[]")}.all(p, !(${opt("p", "containerPort", "0")} in ${ports}) && !(${opt("p", "hostPort", "0")} in ${ports}))`,
          fix: `must not declare port ${rule.ports.join(", ")} (containerPort or hostPort)`,
        },
      });
    }
    case "requiredLabels": {
      const keys = celStringList(rule.keys);
      const labels = opt("object", "metadata.labels", "{}");
      return one({
        id: "requiredLabels",
        docs: CATALOGUE[8]!.docs,
        pod: { ok: `${keys}.all(k, k in ${labels})`, problem: `"missing labels " + ${keys}.filter(k, !(k in ${labels})).join(", ")` },
        message: oneLine(`must carry the labels ${list(rule.keys)}`),
      });
    }
    case "cel": {
      // A newline ends any `//` comment of the user's expression before the closing parenthesis.
      const expression = rule.expression.includes("//") ? `(${rule.expression}\n)` : `(${rule.expression})`;
      return one({
        id: rule.ruleName ?? "cel",
        docs: CATALOGUE[9]!.docs,
        pod: { ok: expression, problem: celString(oneLine(rule.message)) },
        message: oneLine(rule.message),
      });
    }
  }
}
