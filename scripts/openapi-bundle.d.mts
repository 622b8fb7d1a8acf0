/** Drops every `description` of a schema tree. */
export declare function stripDescriptions<T>(node: T): T;
/** The bundle text of an OpenAPI document for the given kinds. */
export declare function openApiBundle(options: { text: string; sourceFile: string; kinds: readonly string[]; prefix: string; script: string }): string;
