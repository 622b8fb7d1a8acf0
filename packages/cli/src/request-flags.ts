import { parseResourceRef, type AccessRequest } from "@rampart/core";
import { UsageError } from "./command.js";

/** Parses a `--resource`-style argument `<resource>[.<group>][/<subresource>]` naming one resource. */
export function resourceArgument(text: string): Pick<AccessRequest, "apiGroup" | "resource" | "subresource"> {
  const ref = parseResourceRef(text);
  if ("error" in ref || ref.everything || ref.resource === "*" || ref.subresource === "*") {
    throw new UsageError(`\`${text}\` must name one resource like \`pods\`, \`deployments.apps\` or \`pods/log\``);
  }
  return { apiGroup: ref.group, resource: ref.resource, subresource: ref.subresource };
}
