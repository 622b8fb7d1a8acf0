import { serviceAccountUser, type AccessRequest, type NamedSubject } from "@rampart/core";
import type { AccessChange } from "./types.js";
import { covers } from "./value-classes.js";

const SA_USER = /^system:serviceaccount:([^:]+):([^:]+)$/;

/** True when a request's requester matches a subject as AccessPolicy subjects match (ServiceAccounts imply their groups). */
function subjectMatches(subject: NamedSubject, request: AccessRequest): boolean {
  const user = request.user ?? "";
  if (subject.kind === "User") return user === subject.name;
  if (subject.kind === "ServiceAccount") return user === serviceAccountUser(subject.namespace ?? "", subject.name);
  if ((request.groups ?? []).includes(subject.name)) return true;
  const sa = SA_USER.exec(user);
  return sa !== null && (subject.name === "system:serviceaccounts" || subject.name === `system:serviceaccounts:${sa[1]}`);
}

/**
 * SPEC's coverage rule: the subject matches, the verb is listed, group, resource and subresource
 * are equal, and namespace and name each match an entry (and no `except` entry); for a
 * non-resource class, the URL matches an entry of `nonResourceURLs` (and none of its `except`).
 */
export function accessChangeCovers(change: AccessChange, request: AccessRequest): boolean {
  return (
    subjectMatches(change.subject, request) &&
    change.verbs.includes(request.verb) &&
    change.apiGroup === (request.apiGroup ?? "") &&
    change.resource === (request.resource ?? "") &&
    change.subresource === (request.subresource ?? "") &&
    (change.nonResourceURLs === undefined
      ? (request.nonResourceURL ?? "") === "" &&
        covers(change.namespaces, change.exceptNamespaces, request.namespace ?? "") &&
        covers(change.names, change.exceptNames, request.name ?? "")
      : covers(change.nonResourceURLs, change.exceptNonResourceURLs, request.nonResourceURL ?? ""))
  );
}
