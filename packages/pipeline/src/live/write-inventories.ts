import { relative } from "node:path";
import { writeFileAtomic, type InventoryFile } from "./inventory-files.js";

/** What `rampart inventory pull` prints once the files are written: `-` files on stdout, one message per written file on stderr. */
export interface WrittenInventories {
  stdout: string[];
  messages: string[];
}

/**
 * Writes every inventory file atomically (a `-` path is returned for stdout instead) and says what was written where,
 * paths relative to `cwd`; without policy paths, a note that no object names were pulled.
 */
export async function writeInventories(files: readonly InventoryFile[], cwd: string, withPolicies: boolean): Promise<WrittenInventories> {
  const stdout = files.filter((f) => f.path === "-").map((f) => f.content.replace(/\n$/, ""));
  const written = files.filter((f) => f.path !== "-");
  for (const f of written) await writeFileAtomic(f.path, f.content);
  const messages = written.map((f) => `wrote the inventory of context \`${f.context}\` to ${relative(cwd, f.path) || f.path}`);
  return { stdout, messages: withPolicies ? messages : [...messages, NO_PATHS] };
}

const NO_PATHS = "note: no policy paths were given, so no object names were pulled (give the policy paths to pull the names their `names` patterns need)";
