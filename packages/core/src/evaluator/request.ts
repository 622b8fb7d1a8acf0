import { requestSchema } from "../schema/policy-test.js";
import { formatPath } from "../validate.js";
import type { AccessRequest } from "./types.js";

/** Validates a raw access request (e.g. one JSON line of a batch); missing fields become empty. */
export function parseRequest(raw: unknown): { request: Required<AccessRequest> } | { error: string } {
  const parsed = requestSchema.safeParse(raw);
  if (parsed.success) return { request: parsed.data };
  const issues = parsed.error.issues;
  const issue = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0]!;
  if (issue.code === "unrecognized_keys") {
    return {
      error: `unknown request field ${issue.keys.map((k) => `\`${k}\``).join(", ")}; fields are user, groups, verb, apiGroup, resource, subresource, namespace, name, nonResourceURL, cluster`,
    };
  }
  const where = formatPath(issue.path as PropertyKey[]);
  return {
    error:
      issue.code === "invalid_type" && issue.path.length === 1 && issue.path[0] === "verb"
        ? "a request needs a `verb`"
        : `\`${where}\`: ${issue.message.toLowerCase()}`,
  };
}
