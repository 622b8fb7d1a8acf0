/** The username prefix of ServiceAccounts: `system:serviceaccount:<namespace>:<name>`. */
export const SERVICE_ACCOUNT_USER_PREFIX = "system:serviceaccount:";
/** The group every ServiceAccount holds. */
export const ALL_SERVICE_ACCOUNTS_GROUP = "system:serviceaccounts";
/** The prefix of the per-namespace ServiceAccount group `system:serviceaccounts:<namespace>`. */
export const SERVICE_ACCOUNTS_GROUP_PREFIX = "system:serviceaccounts:";

const SA_USER = /^system:serviceaccount:([^:]+):[^:]+$/;

/** The username the API server gives a ServiceAccount. */
export function serviceAccountUser(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_USER_PREFIX}${namespace}:${name}`;
}

/** The groups a ServiceAccount of `namespace` holds: `system:serviceaccounts` and `system:serviceaccounts:<namespace>`. */
export function serviceAccountGroups(namespace: string): string[] {
  return [ALL_SERVICE_ACCOUNTS_GROUP, `${SERVICE_ACCOUNTS_GROUP_PREFIX}${namespace}`];
}

/** The namespace of a well-formed ServiceAccount username, else undefined. */
export function serviceAccountNamespace(user: string): string | undefined {
  return SA_USER.exec(user)?.[1];
}
