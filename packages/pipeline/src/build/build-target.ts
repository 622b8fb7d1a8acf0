import type { BuildTarget } from "./build-run.js";

/** The flags of `rampart build` that say where the build goes. */
export interface BuildTargetFlags {
  /** `-o`: the output directory. */
  out?: string | undefined;
  stdout: boolean;
  check: boolean;
  /** Whether the diagnostics are printed as text (`--stdout` needs it: the manifests own standard output). */
  textDiagnostics: boolean;
  cwd: string;
}

const FORMAT_NAMES = ["text", "json", "yaml", "sarif", "github", "junit"];
const NOT_A_FORMAT = (o: string) =>
  `\`-o ${o}\` names the output directory of \`build\`, not a format; use \`--format ${o}\` for the diagnostics and \`-o <dir>\` for the manifests (\`-o ./${o}\` if you really mean a directory named \`${o}\`)`;
const STDOUT_OR_DIR = "`--stdout` prints the manifests instead of writing `-o <dir>`; give one or the other (and no `--check`)";
const STDOUT_TEXT = "`--stdout` prints manifests on standard output; the diagnostics go to standard error as text, so drop `--format`";

/** Where `rampart build` sends the build (write or check the tree at `-o`, or stream it); conflicting flags are an `error` naming them. */
export function buildTarget(flags: BuildTargetFlags): { target: BuildTarget } | { error: string } {
  const { out, stdout, check } = flags;
  if (out !== undefined && FORMAT_NAMES.includes(out)) return { error: NOT_A_FORMAT(out) };
  if (stdout && (out !== undefined || check)) return { error: STDOUT_OR_DIR };
  if (stdout && !flags.textDiagnostics) return { error: STDOUT_TEXT };
  if (!out && !stdout) return { error: "`-o <dir>` (or `--stdout` for one cluster) is required" };
  return { target: out ? { mode: check ? "check" : "write", out, cwd: flags.cwd } : { mode: "stdout" } };
}
