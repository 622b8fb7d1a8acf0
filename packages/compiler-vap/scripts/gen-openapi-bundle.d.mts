/** File name of the Kubernetes OpenAPI document the bundle is made from. */
export declare const SOURCE_FILE: string;
/** Absolute path of the committed bundle. */
export declare const OUTPUT: string;
/** The bundle text for the OpenAPI document's text. */
export declare function bundle(text: string): string;
