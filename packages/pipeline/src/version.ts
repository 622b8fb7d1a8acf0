/** The pipeline's version (sent as the User-Agent to clusters; kept in step with package.json by changesets). */
export const VERSION = "0.1.0";
