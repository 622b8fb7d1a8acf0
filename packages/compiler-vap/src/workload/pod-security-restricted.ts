// The restricted Pod Security checks (upstream check_*.go of the restricted level); each
// replaces or adds to the baseline (see POD_SECURITY_OVERRIDES).
import { opt, present, type Check } from "./check.js";
import { POD, PROFILE_TYPES, profileOk, ps, SC, USER_NAMESPACE, WINDOWS } from "./pod-security-cel.js";

/** Volume sources restricted allows. */
export const RESTRICTED_VOLUME_SOURCES = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret"];

/** The restricted checks, in upstream order. */
export const RESTRICTED: Check[] = [
  ps(
    "restrictedVolumes",
    `only ${RESTRICTED_VOLUME_SOURCES.join(", ")} volumes are allowed`,
    {
      pod: {
        ok: `${opt(POD, "volumes", "[]")}.all(v, ${RESTRICTED_VOLUME_SOURCES.map((s) => `has(v.${s})`).join(" || ")})`,
        problem: `"volumes " + ${POD}.volumes.filter(v, !(${RESTRICTED_VOLUME_SOURCES.map((s) => `has(v.${s})`).join(" || ")})).map(v, v.name).join(", ") + " must use only ${RESTRICTED_VOLUME_SOURCES.join(", ")}"`,
      },
    },
    `volumes must use only ${RESTRICTED_VOLUME_SOURCES.join(", ")}`,
  ),
  ps(
    "allowPrivilegeEscalation",
    "privilege escalation must be disallowed (except on Windows)",
    {
      relax: WINDOWS,
      container: {
        list: "containers",
        ok: `${opt("c", "securityContext.allowPrivilegeEscalation", "true")} == false`,
        fix: "must set securityContext.allowPrivilegeEscalation=false",
      },
    },
    "containers must set securityContext.allowPrivilegeEscalation=false",
  ),
  ps(
    "runAsNonRoot",
    "containers must run as non-root (unless the pod is in a user namespace)",
    {
      relax: USER_NAMESPACE,
      pod: { ok: `${opt(SC, "runAsNonRoot", "true")} != false`, problem: '"pod must not set securityContext.runAsNonRoot=false"' },
      container: {
        list: "containers",
        ok: `(${present("c", "securityContext.runAsNonRoot")} ? c.securityContext.runAsNonRoot == true : ${opt(SC, "runAsNonRoot", "false")} == true)`,
        fix: "must set securityContext.runAsNonRoot=true (on the container or the pod)",
      },
    },
    "pod or containers must set securityContext.runAsNonRoot=true",
  ),
  ps(
    "runAsUser",
    "running as UID 0 is forbidden (unless the pod is in a user namespace)",
    {
      relax: USER_NAMESPACE,
      pod: { ok: `${opt(SC, "runAsUser", "1")} != 0`, problem: '"pod must not set securityContext.runAsUser=0"' },
      container: { list: "containers", ok: `${opt("c", "securityContext.runAsUser", "1")} != 0`, fix: "must not set securityContext.runAsUser=0" },
    },
    "pod and containers must not set runAsUser=0",
  ),
  ps(
    "seccompProfile_restricted",
    "a RuntimeDefault or Localhost seccomp profile is required (except on Windows)",
    {
      relax: WINDOWS,
      pod: { ok: profileOk(POD, "seccompProfile"), problem: '"pod must not set securityContext.seccompProfile.type other than RuntimeDefault or Localhost"' },
      container: {
        list: "containers",
        ok: `(${present("c", "securityContext.seccompProfile")} ? ${opt("c.securityContext.seccompProfile", "type", '""')} in ${PROFILE_TYPES} : ${present(POD, "securityContext.seccompProfile")})`,
        fix: "must set securityContext.seccompProfile.type to RuntimeDefault or Localhost (on the container or the pod)",
      },
    },
    "pod or containers must set securityContext.seccompProfile.type to RuntimeDefault or Localhost",
  ),
  ps(
    "capabilities_restricted",
    "containers must drop ALL capabilities and may add only NET_BIND_SERVICE (except on Windows)",
    {
      relax: WINDOWS,
      container: {
        list: "containers",
        ok: `${opt("c", "securityContext.capabilities.drop", "[]")}.exists(x, x == "ALL") && ${opt("c", "securityContext.capabilities.add", "[]")}.all(x, x == "NET_BIND_SERVICE")`,
        fix: 'must set securityContext.capabilities.drop=["ALL"] and add at most NET_BIND_SERVICE',
      },
    },
    'containers must set securityContext.capabilities.drop=["ALL"] and add at most NET_BIND_SERVICE',
  ),
  ps(
    "procMount_restricted",
    "the default /proc mask is required, even in user namespaces",
    {
      container: {
        list: "containers",
        ok: `${opt("c", "securityContext.procMount", '"Default"')} == "Default"`,
        fix: "must not set securityContext.procMount other than Default",
      },
    },
    "containers must not set securityContext.procMount other than Default",
  ),
];
