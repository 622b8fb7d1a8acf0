import type { ParallelBuildOptions } from "@rampart/pipeline/build";
import { str, UsageError, type Io, type Parsed } from "./command.js";

/** `--jobs N` (a positive whole number; default: the library's, one per cluster up to the cores) and the policy paths workers re-load. */
export function parallelOptions(io: Io, args: Parsed, root: string): Pick<ParallelBuildOptions, "jobs" | "source"> {
  const given = str(args, "jobs");
  const jobs = given === undefined ? undefined : Number(given);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
    throw new UsageError(`\`--jobs ${given}\` is not a number of clusters to build at once: give a whole number, 1 or more (e.g. \`--jobs 2\`)`);
  }
  return { jobs, source: { paths: args.positionals, cwd: io.cwd, root, noTypescript: args.values["no-typescript"] === true } };
}
