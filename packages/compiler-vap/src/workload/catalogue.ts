import type { WorkloadRule } from "@rampart/core";
import { celString, celStringList } from "../access-admission/cel-text.js";

/** A compiled catalogue rule: a per-container check (`c` is the container) or a pod-level one. */
export type CatalogueRule =
  | { id: string; scope: "container"; containers: "all" | "with-resources"; check: string; fix: string }
  | { id: string; scope: "pod"; check: string; fix: string };

/** The image with Docker Hub names expanded (`nginx:1` → `docker.io/library/nginx:1`). */
const FULL_IMAGE =
  '(c.image.contains("/") && (c.image.split("/")[0].contains(".") || c.image.split("/")[0].contains(":") || c.image.split("/")[0] == "localhost") ? c.image : (c.image.contains("/") ? "docker.io/" + c.image : "docker.io/library/" + c.image))';

/** The catalogue: each rule of SPEC.md's table as CEL; undefined for rules this version lacks. */
export function catalogueRule(rule: WorkloadRule): CatalogueRule | undefined {
  if (rule.readOnlyRootFilesystem) {
    return { id: "readOnlyRootFilesystem", scope: "container", containers: "all", check: "has(c.securityContext) && has(c.securityContext.readOnlyRootFilesystem) && c.securityContext.readOnlyRootFilesystem == true", fix: "must set securityContext.readOnlyRootFilesystem: true" };
  }
  if (rule.automountServiceAccountToken === false) {
    return { id: "automountServiceAccountToken", scope: "pod", check: "has(variables.podSpec.automountServiceAccountToken) && variables.podSpec.automountServiceAccountToken == false", fix: "must set automountServiceAccountToken: false in the pod spec" };
  }
  if (rule.imageDigest) {
    return { id: "imageDigest", scope: "container", containers: "all", check: 'c.image.matches("@sha256:[0-9a-f]{64}$")', fix: "must pin images by digest (`@sha256:` and 64 lowercase hex digits)" };
  }
  if (rule.allowedRegistries) {
    const prefixes = rule.allowedRegistries.map((p) => `${FULL_IMAGE}.startsWith(${celString(p)})`).join(" || ");
    return { id: "allowedRegistries", scope: "container", containers: "all", check: prefixes, fix: `must pull from ${rule.allowedRegistries.map((p) => `\`${p}\``).join(", ")}` };
  }
  if (rule.disallowLatestTag) {
    return { id: "disallowLatestTag", scope: "container", containers: "all", check: 'c.image.contains("@") || (c.image.substring(c.image.lastIndexOf("/") + 1).contains(":") && !c.image.endsWith(":latest"))', fix: "must use a tag other than `latest`, or a digest" };
  }
  if (rule.resources) {
    const parts = [
      ...(rule.resources.limits ?? []).map((r) => `(has(c.resources) && has(c.resources.limits) && ${celString(r)} in c.resources.limits)`),
      ...(rule.resources.requests ?? []).map((r) => `(has(c.resources) && has(c.resources.requests) && ${celString(r)} in c.resources.requests)`),
    ];
    const want = [...(rule.resources.limits ?? []).map((r) => `limits.${r}`), ...(rule.resources.requests ?? []).map((r) => `requests.${r}`)];
    return { id: "resources", scope: "container", containers: "with-resources", check: parts.join(" && "), fix: `must set resources ${want.join(", ")}` };
  }
  if (rule.forbiddenContainerPorts) {
    const ports = `[${rule.forbiddenContainerPorts.join(", ")}]`;
    return { id: "forbiddenContainerPorts", scope: "container", containers: "all", check: `!has(c.ports) || c.ports.all(p, !(p.containerPort in ${ports}) && !(has(p.hostPort) && p.hostPort in ${ports}))`, fix: `must not declare ports ${rule.forbiddenContainerPorts.join(", ")}` };
  }
  if (rule.requiredLabels) {
    return { id: "requiredLabels", scope: "pod", check: `has(object.metadata.labels) && ${celStringList(rule.requiredLabels)}.all(k, k in object.metadata.labels)`, fix: `must carry labels ${rule.requiredLabels.map((k) => `\`${k}\``).join(", ")}` };
  }
  if (rule.cel) return { id: "cel", scope: "pod", check: rule.cel.expression, fix: rule.cel.message };
  return undefined;
}
