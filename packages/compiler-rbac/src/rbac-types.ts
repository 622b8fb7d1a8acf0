/** An RBAC PolicyRule as emitted and read back. */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

/** An RBAC subject. */
export interface RbacSubject {
  kind: "User" | "Group" | "ServiceAccount" | string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

/** Any of the four RBAC kinds (only the fields the authorizer reads are typed). */
export interface RbacObject {
  apiVersion?: string;
  kind: string;
  metadata: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  rules?: PolicyRule[];
  roleRef?: { apiGroup?: string; kind: string; name: string };
  subjects?: RbacSubject[];
}

/** Attributes of a request as the RBAC authorizer sees them. */
export interface RbacRequest {
  user: string;
  groups: readonly string[];
  verb: string;
  /** True for `/api…` resource requests; false for non-resource paths. */
  resourceRequest: boolean;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  path?: string;
}
