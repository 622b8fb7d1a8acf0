// The CEL fragments the Pod Security checks share: the pod spec, its security context, the
// relaxations upstream applies (Windows pods, user namespaces), profile types, and the check builder.
import { celStringList } from "../access-admission/cel-text.js";
import { opt, present, type Check } from "./check.js";

/** The pod spec of any workload kind (a policy variable). */
export const POD = "variables.podSpec";
/** The pod-level security context, read optionally. */
export const SC = `${POD}.?securityContext`;

/** Profile types restricted allows. */
export const PROFILE_TYPES = celStringList(["RuntimeDefault", "Localhost"]);
/** The pod runs Windows (checks that do not apply to Windows pods pass). */
export const WINDOWS = `${opt(POD, "os.name", '""')} == "windows"`;
/** The pod runs in a user namespace (`hostUsers: false`). */
export const USER_NAMESPACE = `${opt(POD, "hostUsers", "true")} == false`;

/** A profile field (`seccompProfile`, `appArmorProfile`) that, when set, has an allowed type. */
export const profileOk = (owner: string, field: string) =>
  `(!${present(owner, `securityContext.${field}`)} || ${opt(`${owner}.securityContext.${field}`, "type", '""')} in ${PROFILE_TYPES})`;

/** One Pod Security check: its id, docs, CEL and message (prefixed with the id, as upstream reports). */
export const ps = (id: string, docs: string, rest: Omit<Check, "id" | "rule" | "docs" | "message">, message: string): Check => ({
  id,
  rule: "podSecurity",
  docs,
  ...rest,
  message: `${id}: ${message}`,
});
