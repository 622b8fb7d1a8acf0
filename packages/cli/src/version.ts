import pkg from "../package.json" with { type: "json" };

/** The CLI's version, read from its package.json when it is built (a changeset release cannot leave it stale). */
export const CLI_VERSION: string = pkg.version;
