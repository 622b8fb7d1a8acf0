import { hasErrors, normaliseClusters, whoCan } from "@rampart/core";
import { createRbacAuthorizer, type RbacObject } from "@rampart/compiler-rbac";
import { type Command, EXIT, str, strs, UsageError } from "../command.js";
import { fail, loadOrReport, readManifests } from "../load-policies.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";
import { checkRequest, clusterInventory, requestCluster } from "@rampart/pipeline";
import { resourceArgument } from "../request-flags.js";

/** `rampart who-can <verb> <resource> [paths…]`: the subjects the policies allow. */
export const whoCanCommand: Command = {
  name: "who-can",
  summary: "list the subjects the policies allow to do something",
  usage: "rampart who-can <verb> <resource> [<paths…>] [-n NS] [--name X] [--cluster C] [--inventory FILE] [--rbac MANIFESTS…|-] [--at TIME] [--no-typescript] [-o text|json|yaml]",
  options: pick(["rbac", "namespace", "name", "cluster", "inventory", "at", "no-typescript", "output"], { namespace: { default: "none (cluster scope)" } }),
  async run(args, io) {
    const format = outputFormat(args);
    const [verb, resource, ...paths] = args.positionals;
    if (!verb || !resource) throw new UsageError("give a verb and a resource, e.g. `rampart who-can get secrets -n payments`");
    const rbacFiles = strs(args, "rbac");
    if (rbacFiles.length > 0) {
      // Plain RBAC (e.g. a cluster dump): every subject its bindings name, through the RBAC authorizer.
      const { manifests, diagnostics } = await readManifests(io, rbacFiles);
      if (hasErrors(diagnostics)) return fail(io, format, diagnostics);
      const objects = manifests.map((m) => m.value as unknown as RbacObject);
      const authz = createRbacAuthorizer(objects);
      const ref = resourceArgument(resource);
      const subjects = new Map<string, { kind: string; name: string; namespace?: string }>();
      for (const o of objects) for (const s of o.subjects ?? []) subjects.set(`${s.kind}/${s.namespace ?? o.metadata.namespace ?? ""}/${s.name}`, { kind: s.kind, name: s.name, ...(s.kind === "ServiceAccount" ? { namespace: s.namespace ?? o.metadata.namespace ?? "" } : {}) });
      const allowed = [...subjects.values()].filter((s) => {
        const user = s.kind === "User" ? s.name : s.kind === "ServiceAccount" ? `system:serviceaccount:${s.namespace}:${s.name}` : "";
        const groups = s.kind === "Group" ? [s.name] : s.kind === "ServiceAccount" ? ["system:serviceaccounts", `system:serviceaccounts:${s.namespace}`] : [];
        return authz.allows({ user, groups, verb, resourceRequest: true, apiGroup: ref.apiGroup ?? "", resource: ref.resource ?? "", subresource: ref.subresource ?? "", namespace: str(args, "namespace") ?? "", name: str(args, "name") ?? "" });
      }).sort((a, b) => (`${a.kind}/${a.namespace ?? ""}/${a.name}` < `${b.kind}/${b.namespace ?? ""}/${b.name}` ? -1 : 1));
      if (format !== "text") printReport(io, format, { subjects: allowed }, []);
      else if (allowed.length === 0) io.out("nobody: no subject bound in these manifests is allowed");
      else for (const s of allowed) io.out(s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`);
      return EXIT.ok;
    }
    const loaded = await loadOrReport(io, args, paths.length ? paths : ["."], format);
    if (!loaded) return EXIT.invalid;
    // The cluster and the request are checked first: a typo is exit 2 with a hint, never "nobody".
    const ctx = await requestCluster(loaded.documents, { cluster: str(args, "cluster"), inventory: str(args, "inventory"), host: io });
    const problems = [...ctx.diagnostics, ...(ctx.inventory ? checkRequest({ verb, ...resourceArgument(resource) }, ctx.inventory, { file: "<command line>", line: 0, column: 0 }) : [])];
    if (hasErrors(problems)) return fail(io, format, problems);
    const clusters = normaliseClusters(loaded.documents).map((c) => c.name);
    const cluster = str(args, "cluster") ?? (clusters.length === 1 ? clusters[0]! : undefined);
    if (cluster === undefined) throw new UsageError(`\`--cluster\` is required: the policies define clusters ${clusters.map((c) => `\`${c}\``).join(", ")}`);
    const inv = await clusterInventory(io, loaded.documents, cluster, str(args, "inventory"));
    const at = str(args, "at");
    const request = { verb, ...resourceArgument(resource), namespace: str(args, "namespace") ?? "", name: str(args, "name") ?? "" };
    const entries = whoCan(loaded.documents, request, {
      cluster,
      ...(inv.inventory ? { inventory: inv.inventory } : {}),
      ...(at ? { now: new Date(at) } : {}),
    });
    if (format !== "text") {
      printReport(io, format, { request: { ...request, cluster }, subjects: entries }, []);
      return EXIT.ok;
    }
    if (entries.length === 0) io.out("nobody: no subject named in the policies is allowed");
    for (const e of entries) {
      const s = e.subject.kind === "ServiceAccount" ? `ServiceAccount ${e.subject.namespace}/${e.subject.name}` : `${e.subject.kind} ${e.subject.name}`;
      if (e.indirect) io.out(`${s.padEnd(40)} indirect: ${e.path!.join(" → ")} (${e.rule.policy} rule ${e.rule.rule})`);
      else io.out(`${s.padEnd(40)} ${e.rule.policy} rule ${e.rule.rule}`);
    }
    return EXIT.ok;
  },
};
