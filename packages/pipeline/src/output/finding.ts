import type { Diagnostic } from "@rampart/core";

/** A diagnostic or a finding as the CI formats (SARIF, GitHub annotations) take it. */
export type OutputFinding = Pick<Diagnostic, "code" | "severity" | "message" | "file" | "line" | "column"> & { hint?: string | undefined };

/** A place a CI format can name: a file path (`<command line>` and the like are not files). */
export const isFilePosition = (f: OutputFinding): boolean => f.file !== "" && !/^<.*>$/.test(f.file);

/** The message with its hint, as one line. */
export const messageWithHint = (f: OutputFinding): string => (f.hint ? `${f.message} (${f.hint})` : f.message);
