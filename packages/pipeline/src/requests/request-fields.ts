import { parseResourceRef, type AccessRequest } from "@rampart/core";

/** The parts of a request a resource argument names. */
export type ResourceArgument = Pick<AccessRequest, "apiGroup" | "resource" | "subresource">;

/** Parses a resource argument `<resource>[.<group>][/<subresource>]` naming one resource, or says how to write one. */
export function parseResourceArgument(text: string): ResourceArgument | { error: string } {
  const ref = parseResourceRef(text);
  if ("error" in ref || ref.everything || ref.resource === "*" || ref.subresource === "*")
    return { error: `\`${text}\` must name one resource like \`pods\`, \`deployments.apps\` or \`pods/log\`` };
  return { apiGroup: ref.group, resource: ref.resource, subresource: ref.subresource };
}

/** One access request as command-line flags give it; `resource` is a resource argument (see `parseResourceArgument`). */
export interface RequestFields {
  verb?: string | undefined;
  user?: string | undefined;
  groups?: readonly string[];
  resource?: string | undefined;
  /** Overrides the group of `resource`. */
  apiGroup?: string | undefined;
  /** Overrides the subresource of `resource`. */
  subresource?: string | undefined;
  /** A non-resource URL instead of a resource. */
  nonResourceURL?: string | undefined;
  namespace?: string | undefined;
  name?: string | undefined;
  cluster?: string | undefined;
}

/** The request the fields give, or what is missing or malformed (in the words of the `eval` flags). */
export function requestFromFields(fields: RequestFields): { request: AccessRequest } | { error: string } {
  if (!fields.verb) return { error: "`--verb` is required (or `--requests FILE.jsonl`)" };
  const request: AccessRequest = { verb: fields.verb, user: fields.user ?? "", groups: [...(fields.groups ?? [])] };
  if (fields.nonResourceURL !== undefined) request.nonResourceURL = fields.nonResourceURL;
  else if (fields.resource !== undefined) {
    const ref = parseResourceArgument(fields.resource);
    if ("error" in ref) return ref;
    Object.assign(request, { apiGroup: fields.apiGroup ?? ref.apiGroup, resource: ref.resource, subresource: fields.subresource ?? ref.subresource });
  } else return { error: "give `--resource R` or `--non-resource-url URL`" };
  request.namespace = fields.namespace ?? "";
  request.name = fields.name ?? "";
  request.cluster = fields.cluster ?? "";
  return { request };
}
