import * as z from "zod";
import { documentSchema } from "./schema/index.js";

/** JSON Schema (draft 2020-12) of every rampart document, for editors (`yaml-language-server`). */
export function documentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(documentSchema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    $id: "https://rampart.dev/schemas/v1alpha1/document.json",
    title: "rampart document (rampart.dev/v1alpha1)",
    ...schema,
  };
}
