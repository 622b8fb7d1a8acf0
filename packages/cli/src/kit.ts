// What a command imports from the CLI: parsing its flags, loading its inputs, printing its result (one import for every command file).
export { atOption, buildOptions, defineCommand, EXIT, networkBackendOption, orUsage, shownDiagnostics, str, strs, timeOption, UsageError } from "./command.js";
export type { Io, Parsed } from "./command.js";
export { BUILD_FLAGS } from "./flags.js";
export { parallelOptions } from "./parallel-options.js";
export { fail, loadOrReport, printDiagnostics, readManifests, sourceRootOption, stdinFor } from "./load-policies.js";
export { outputFormat, printReport, printResult, type Format } from "./output-format.js";
export { paint } from "./colour.js";
