// The Pod Security Standards (Kubernetes v1.36) as CEL: one check per upstream PSA check
// (k8s.io/pod-security-admission/policy, check_*.go), same ids, same fields, same relaxations
// (`os.name: windows`, `hostUsers: false`) and same overrides (a restricted check replaces its
// baseline counterpart). Containers are visited as upstream does: init, regular and ephemeral.
import { celString, celStringList } from "../access-admission/cel-text.js";
import { opt, type Check } from "./check.js";
import { POD, profileOk, ps, SC, USER_NAMESPACE } from "./pod-security-cel.js";
import { RESTRICTED } from "./pod-security-restricted.js";

/** Kubernetes version whose Pod Security Standards the checks implement. */
export const POD_SECURITY_VERSION = "v1.36";

/** Capabilities baseline allows adding (the container runtime's default set). */
const BASELINE_CAPABILITIES = [
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
];
/** Safe sysctls as of v1.32 (unchanged through v1.36; v1.37 adds two). */
const SAFE_SYSCTLS = [
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
];
/** SELinux types allowed since v1.31. */
const SELINUX_TYPES = ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"];

/** seLinuxOptions with an allowed type and neither user nor role. */
const seLinuxOk = (owner: string) =>
  `(${opt(owner, "securityContext.seLinuxOptions.type", '""')} in ${celStringList(SELINUX_TYPES)} && ${opt(owner, "securityContext.seLinuxOptions.user", '""')} == "" && ${opt(owner, "securityContext.seLinuxOptions.role", '""')} == "")`;
const APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";
const annotationsOk = `variables.podAnnotations.all(k, !k.startsWith(${celString(APPARMOR_ANNOTATION)}) || variables.podAnnotations[k] == "" || variables.podAnnotations[k] == "runtime/default" || variables.podAnnotations[k].startsWith("localhost/"))`;
const hostFree = (handler: string) => `${opt("c", `${handler}.httpGet.host`, '""')} == "" && ${opt("c", `${handler}.tcpSocket.host`, '""')} == ""`;

/** Every Pod Security check, baseline then restricted. */
const BASELINE: Check[] = [
  ps(
    "windowsHostProcess",
    "Windows HostProcess containers are forbidden",
    {
      pod: { ok: `${opt(SC, "windowsOptions.hostProcess", "false")} != true`, problem: '"pod must not set securityContext.windowsOptions.hostProcess=true"' },
      container: {
        list: "containers",
        ok: `${opt("c", "securityContext.windowsOptions.hostProcess", "false")} != true`,
        fix: "must not set securityContext.windowsOptions.hostProcess=true",
      },
    },
    "pod and containers must not set securityContext.windowsOptions.hostProcess=true",
  ),
  ps(
    "hostNamespaces",
    "sharing the host network, PID and IPC namespaces is forbidden",
    {
      pod: {
        ok: `${opt(POD, "hostNetwork", "false")} != true && ${opt(POD, "hostPID", "false")} != true && ${opt(POD, "hostIPC", "false")} != true`,
        problem: `"pod must not set " + [${["hostNetwork", "hostPID", "hostIPC"].map((f) => `${opt(POD, f, "false")} == true ? "${f}=true" : ""`).join(", ")}].filter(s, s != "").join(", ")`,
      },
    },
    "pod must not set hostNetwork, hostPID or hostIPC to true",
  ),
  ps(
    "privileged",
    "privileged containers are forbidden",
    {
      container: { list: "containers", ok: `${opt("c", "securityContext.privileged", "false")} != true`, fix: "must not set securityContext.privileged=true" },
    },
    "containers must not set securityContext.privileged=true",
  ),
  ps(
    "capabilities_baseline",
    "adding capabilities beyond the runtime's default set is forbidden",
    {
      container: {
        list: "containers",
        ok: `${opt("c", "securityContext.capabilities.add", "[]")}.all(x, x in ${celStringList(BASELINE_CAPABILITIES)})`,
        fix: `must not add capabilities beyond ${BASELINE_CAPABILITIES.join(", ")}`,
      },
    },
    "containers must not add non-default capabilities",
  ),
  ps(
    "hostPathVolumes",
    "hostPath volumes are forbidden",
    {
      pod: {
        ok: `${opt(POD, "volumes", "[]")}.all(v, !has(v.hostPath))`,
        problem: `"volumes " + ${POD}.volumes.filter(v, has(v.hostPath)).map(v, v.name).join(", ") + " must not use hostPath"`,
      },
    },
    "volumes must not use hostPath",
  ),
  ps(
    "hostPorts",
    "host ports are forbidden",
    {
      container: { list: "containers", ok: `${opt("c", "ports", "[]")}.all(p, ${opt("p", "hostPort", "0")} == 0)`, fix: "must not set hostPort" },
    },
    "containers must not set hostPort",
  ),
  ps(
    "hostProbesAndHostLifecycle",
    "probes and lifecycle handlers must not set a host",
    {
      container: {
        list: "containers",
        ok: ["livenessProbe", "readinessProbe", "startupProbe", "lifecycle.postStart", "lifecycle.preStop"].map(hostFree).join(" && "),
        fix: "must not set host in probes or lifecycle handlers (httpGet.host, tcpSocket.host)",
      },
    },
    "containers must not set host in probes or lifecycle handlers",
  ),
  ps(
    "appArmorProfile",
    "AppArmor profiles other than RuntimeDefault and Localhost are forbidden (fields and annotations)",
    {
      pod: {
        ok: `${profileOk(POD, "appArmorProfile")} && ${annotationsOk}`,
        problem: `"pod must not set an AppArmor profile other than RuntimeDefault or Localhost (securityContext.appArmorProfile.type, or annotations ${APPARMOR_ANNOTATION}*)"`,
      },
      container: {
        list: "containers",
        ok: profileOk("c", "appArmorProfile"),
        fix: "must not set securityContext.appArmorProfile.type other than RuntimeDefault or Localhost",
      },
    },
    "pod and containers must not set an AppArmor profile other than RuntimeDefault or Localhost",
  ),
  ps(
    "seLinuxOptions",
    "custom SELinux user or role, and SELinux types other than the container ones, are forbidden",
    {
      pod: {
        ok: seLinuxOk(POD),
        problem: `"pod must not set securityContext.seLinuxOptions user or role, or a type other than ${SELINUX_TYPES.slice(1).join(", ")}"`,
      },
      container: {
        list: "containers",
        ok: seLinuxOk("c"),
        fix: `must not set securityContext.seLinuxOptions user or role, or a type other than ${SELINUX_TYPES.slice(1).join(", ")}`,
      },
    },
    "pod and containers must not set forbidden securityContext.seLinuxOptions",
  ),
  ps(
    "procMount",
    "the default /proc mask is required (unless the pod is in a user namespace)",
    {
      relax: USER_NAMESPACE,
      container: {
        list: "containers",
        ok: `${opt("c", "securityContext.procMount", '"Default"')} == "Default"`,
        fix: "must not set securityContext.procMount other than Default",
      },
    },
    "containers must not set securityContext.procMount other than Default",
  ),
  ps(
    "seccompProfile_baseline",
    "seccomp profiles other than RuntimeDefault and Localhost are forbidden",
    {
      pod: { ok: profileOk(POD, "seccompProfile"), problem: '"pod must not set securityContext.seccompProfile.type other than RuntimeDefault or Localhost"' },
      container: {
        list: "containers",
        ok: profileOk("c", "seccompProfile"),
        fix: "must not set securityContext.seccompProfile.type other than RuntimeDefault or Localhost",
      },
    },
    "pod and containers must not set securityContext.seccompProfile.type other than RuntimeDefault or Localhost",
  ),
  ps(
    "sysctls",
    "only the safe sysctls are allowed",
    {
      pod: {
        ok: `${opt(SC, "sysctls", "[]")}.all(s, ${opt("s", "name", '""')} in ${celStringList(SAFE_SYSCTLS)})`,
        problem: `"pod must not set sysctls " + ${POD}.securityContext.sysctls.filter(s, !(${opt("s", "name", '""')} in ${celStringList(SAFE_SYSCTLS)})).map(s, ${opt("s", "name", '""')}).join(", ")`,
      },
    },
    "pod must set only safe sysctls",
  ),
];

/** Restricted checks replace these baseline ones (upstream `OverrideCheckIDs`). */
export const POD_SECURITY_OVERRIDES: Readonly<Record<string, string>> = {
  hostPathVolumes: "restrictedVolumes",
  capabilities_baseline: "capabilities_restricted",
  seccompProfile_baseline: "seccompProfile_restricted",
  procMount: "procMount_restricted",
};

/** The checks of a Pod Security Standards level, in a stable order. */
export function podSecurityChecks(level: "baseline" | "restricted"): Check[] {
  if (level === "baseline") return BASELINE;
  const replaced = new Set(Object.keys(POD_SECURITY_OVERRIDES));
  return [...BASELINE.filter((c) => !replaced.has(c.id)), ...RESTRICTED];
}

/** Every Pod Security check id (both levels). */
export const POD_SECURITY_CHECK_IDS: readonly string[] = [...BASELINE, ...RESTRICTED].map((c) => c.id);

/** One Pod Security check as documented by the catalogue. */
export interface PodSecurityCheckInfo {
  readonly id: string;
  /** The lowest level that includes it (restricted includes baseline, minus overridden checks). */
  readonly level: "baseline" | "restricted";
  readonly docs: string;
}

/** Every Pod Security check with its level and one line of docs. */
export const POD_SECURITY_CHECKS: readonly PodSecurityCheckInfo[] = [
  ...BASELINE.map((c) => ({ id: c.id, level: "baseline" as const, docs: c.docs })),
  ...RESTRICTED.map((c) => ({ id: c.id, level: "restricted" as const, docs: c.docs })),
];
