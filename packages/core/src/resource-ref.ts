/**
 * A parsed `resources` entry: `<resource>[.<apiGroup>][/<subresource>]`.
 * `group` is "" for the core group; `resource` and `subresource` may be "*";
 * `subresource` is "" for the resource itself. `everything` marks the lone `*`.
 */
export interface ResourceRef {
  readonly group: string;
  readonly resource: string;
  readonly subresource: string;
  readonly everything: boolean;
}

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const GROUP = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Parses a resource entry; returns an error message for malformed input. */
export function parseResourceRef(text: string): ResourceRef | { error: string } {
  if (text === "*") return { group: "*", resource: "*", subresource: "*", everything: true };
  const slash = text.indexOf("/");
  const main = slash < 0 ? text : text.slice(0, slash);
  const subresource = slash < 0 ? "" : text.slice(slash + 1);
  const dot = main.indexOf(".");
  const resource = dot < 0 ? main : main.slice(0, dot);
  const group = dot < 0 ? "" : main.slice(dot + 1);
  if (resource !== "*" && !NAME.test(resource)) {
    return {
      error: `\`${text}\` is not a resource: expected \`<resource>[.<apiGroup>][/<subresource>]\` with a lowercase resource name or \`*\`, e.g. \`pods\`, \`deployments.apps\`, \`pods/log\``,
    };
  }
  if (dot >= 0 && !GROUP.test(group)) {
    return { error: `\`${text}\` has an invalid API group \`${group}\`: expected a lowercase DNS name like \`apps\` or \`batch\`` };
  }
  if (slash >= 0 && subresource !== "*" && !NAME.test(subresource)) {
    return { error: `\`${text}\` has an invalid subresource \`${subresource}\`: expected a lowercase name like \`log\` or \`*\`` };
  }
  return { group, resource, subresource, everything: false };
}

/** Formats a resource ref back into its canonical text form. */
export function formatResourceRef(ref: ResourceRef): string {
  if (ref.everything) return "*";
  const g = ref.group === "" ? "" : `.${ref.group}`;
  const s = ref.subresource === "" ? "" : `/${ref.subresource}`;
  return `${ref.resource}${g}${s}`;
}

/** True when `ref` covers the request's (group, resource, subresource). */
export function resourceRefMatches(ref: ResourceRef, group: string, resource: string, subresource: string): boolean {
  if (ref.everything) return true;
  if (ref.group !== group) return false;
  if (ref.resource !== "*" && ref.resource !== resource) return false;
  if (ref.subresource === "*") return subresource !== "";
  return ref.subresource === subresource;
}
