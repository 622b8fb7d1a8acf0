/** Exit codes of SPEC.md, the one place they are defined: 0 ok, 1 a policy outcome (deny, drift, over-grant), 2 invalid input, 70 an internal error. */
export const EXIT = { ok: 0, outcome: 1, invalid: 2, internal: 70 } as const;

/** One of the exit codes of `EXIT`. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
