import { hasErrors } from "@rampart/core";
import { formatBoundSubjects, formatWhoCan, parseResourceArgument, whoCanPolicies, whoCanRbac } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, orUsage, str, strs, UsageError } from "../command.js";
import { fail, loadOrReport, readManifests } from "../load-policies.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";

/** `rampart who-can <verb> <resource> [paths…]`: the subjects the policies (or plain RBAC manifests) allow. */
export const whoCanCommand = defineCommand("who-can", {
  usage: "rampart who-can <verb> <resource> [<paths…>] [-n NS] [--name X] [--cluster C] [--inventory FILE] [--rbac MANIFESTS…|-] [--at TIME] [--no-typescript] [-o text|json|yaml]",
  options: pick(["rbac", "namespace", "name", "cluster", "inventory", "at", "no-typescript", "output"], { namespace: { default: "none (cluster scope)" } }),
  async run(args, io) {
    const format = outputFormat(args);
    const [verb, resource, ...paths] = args.positionals;
    if (!verb || !resource) throw new UsageError("give a verb and a resource, e.g. `rampart who-can get secrets -n payments`");
    const request = { verb, ...orUsage(parseResourceArgument(resource)), namespace: str(args, "namespace") ?? "", name: str(args, "name") ?? "" };
    const rbacFiles = strs(args, "rbac");
    if (rbacFiles.length > 0) {
      const { manifests, diagnostics } = await readManifests(io, rbacFiles);
      if (hasErrors(diagnostics)) return fail(io, format, diagnostics);
      const subjects = whoCanRbac(manifests.map((m) => m.value), request);
      if (format !== "text") printReport(io, format, { subjects }, []);
      else for (const line of formatBoundSubjects(subjects)) io.out(line);
      return EXIT.ok;
    }
    const loaded = await loadOrReport(io, args, paths.length ? paths : ["."], format);
    if (!loaded) return EXIT.invalid;
    const result = await whoCanPolicies(loaded.documents, request, { cluster: str(args, "cluster"), inventory: str(args, "inventory"), now: atOption(args), host: io });
    if (!result.entries) return fail(io, format, result.diagnostics);
    if (format !== "text") printReport(io, format, { request: { ...request, cluster: result.cluster }, subjects: result.entries }, []);
    else for (const line of formatWhoCan(result.entries)) io.out(line);
    return EXIT.ok;
  },
});
