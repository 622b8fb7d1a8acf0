import { resolve } from "node:path";
import { hasErrors, normaliseClusters } from "@rampart/core";
import { buildPolicies, checkTree, verifyTree, writeTree } from "@rampart/pipeline";
import { printVerdict } from "../print-verdict.js";
import { sourceRoot } from "../source-root.js";
import { atOption, type Command, EXIT, networkBackendOption, str, UsageError, writePrecisionOption, type Parsed } from "../command.js";
import { fail, loadOrReport, printDiagnostics } from "../load-policies.js";
import { outputFormat, printReport, type Format } from "../output-format.js";
import { pick } from "../options.js";

const FORMAT_NAMES = ["text", "json", "yaml", "sarif", "github", "junit"];

/** The `--format` of diagnostics (`-o` is the output directory); `-o json` and the like are refused, they are almost always a mistaken format. */
function formatAndDir(args: Parsed): { format: Format; out: string | undefined } {
  const format = outputFormat({ ...args, values: { ...args.values, output: str(args, "format") } }, ["sarif", "github"]);
  const out = str(args, "out");
  if (out !== undefined && FORMAT_NAMES.includes(out)) {
    throw new UsageError(`\`-o ${out}\` names the output directory of \`build\`, not a format; use \`--format ${out}\` for the diagnostics and \`-o <dir>\` for the manifests (\`-o ./${out}\` if you really mean a directory named \`${out}\`)`);
  }
  return { format, out };
}

/** `rampart build`: compile every cluster's tree, atomically, or check it for drift; `--stdout` prints one cluster's manifests. */
export const build: Command = {
  name: "build",
  summary: "compile policies into RBAC, admission and network manifests per cluster",
  usage: "rampart build <paths…|-> (-o <dir> | --stdout) [--cluster NAME] [--inventory FILE] [--network-backend np|cnp] [--write-precision admission|rbac-only] [--at TIME] [--source-root DIR] [--no-typescript] [--check] [--verbose] [--format text|json|yaml|sarif|github]",
  options: {
    out: { type: "string", short: "o", description: "the output directory: `<dir>/<cluster>/{rbac,admission,network}/*.yaml` and a kustomization.yaml per cluster", default: "none (required unless `--stdout`)", example: "-o out" },
    stdout: { type: "boolean", description: "print one cluster's manifests as a single YAML stream instead of writing a tree (for `kubectl apply -f -`)", default: "off", example: "--stdout --cluster prod" },
    check: { type: "boolean", description: "write nothing; exit 1 if the tree at `-o` differs from a fresh build or grants more than the policies", default: "off", example: "--check" },
    format: { type: "string", description: "format of the diagnostics and the summary: `text`, `json`, `yaml`, `sarif` or `github`", default: "text", example: "--format github" },
    ...pick(["cluster", "inventory", "network-backend", "write-precision", "at", "verbose", "source-root", "no-typescript"]),
  },
  async run(args, io) {
    const { format, out } = formatAndDir(args);
    const stdout = args.values.stdout === true;
    if (stdout && (out !== undefined || args.values.check)) throw new UsageError("`--stdout` prints the manifests instead of writing `-o <dir>`; give one or the other (and no `--check`)");
    if (stdout && format !== "text") throw new UsageError("`--stdout` prints manifests on standard output; the diagnostics go to standard error as text, so drop `--format`");
    if (!out && !stdout) throw new UsageError("`-o <dir>` (or `--stdout` for one cluster) is required");
    const options = { networkBackend: networkBackendOption(args), writePrecision: writePrecisionOption(args), now: atOption(args), cluster: str(args, "cluster"), inventory: str(args, "inventory"), host: io };
    const loaded = await loadOrReport(io, args, args.positionals, format, sourceRoot(io, args));
    if (!loaded) return EXIT.invalid;
    const clusters = normaliseClusters(loaded.documents).map((c) => c.name).sort();
    if (stdout && str(args, "cluster") === undefined && clusters.length > 1) throw new UsageError(`\`--stdout\` prints one cluster; select it with \`--cluster\` (the policies define ${clusters.map((c) => `\`${c}\``).join(", ")})`);
    const result = await buildPolicies(loaded.documents, options);
    const shown = args.values.verbose ? result.diagnostics : result.diagnostics.filter((d) => d.severity !== "info");
    if (hasErrors(result.diagnostics)) return fail(io, format, shown);
    if (format === "text") printDiagnostics(io, shown);
    if (stdout) {
      const [files] = [...result.clusters.values()].map((c) => c.files);
      const manifests = [...files!].filter(([path]) => path.endsWith(".yaml") && path !== "kustomization.yaml").sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      io.out(manifests.map(([, content]) => content.replace(/^---\n/, "").replace(/\n$/, "")).join("\n---\n"));
      return EXIT.ok;
    }
    const dir = resolve(io.cwd, out!);
    if (args.values.check) {
      const diff = await checkTree(dir, result.clusters);
      const drift = diff.added.length + diff.changed.length + diff.removed.length;
      // Hand-added files are not drift, but `kubectl apply -R` applies them: the whole tree is proven.
      const proof = await verifyTree(loaded.documents, dir, options);
      if (format !== "text") {
        const findings = (["added", "changed", "removed"] as const).flatMap((label) => diff[label].map((f) => ({ code: "build-drift", severity: "error" as const, message: `${label} by a fresh build: run \`rampart build\` without --check and commit the result`, file: `${out}/${f}`, line: 0, column: 0 })));
        printReport(io, format, { ok: drift === 0 && proof.ok, drift: diff, diagnostics: shown, clusters: proof.clusters }, [...shown, ...findings]);
        return drift === 0 && proof.ok ? EXIT.ok : EXIT.outcome;
      }
      for (const [label, files] of [["added", diff.added], ["changed", diff.changed], ["removed", diff.removed]] as const) {
        for (const f of files) io.out(`${label.padEnd(7)} ${f}`);
      }
      printVerdict(io, proof, true);
      if (drift > 0) io.err(`drift: ${drift} file${drift === 1 ? "" : "s"} differ from a fresh build; run \`rampart build\` without --check and commit the result`);
      if (!proof.ok) io.err(`over-grant: the tree at ${out} grants or admits more than the policies (see above); remove or fix the files named`);
      if (drift === 0 && proof.ok) io.err(`ok: ${out} is up to date and proven`);
      return drift === 0 && proof.ok ? EXIT.ok : EXIT.outcome;
    }
    await writeTree(dir, result.clusters);
    const files = [...result.clusters.values()].reduce((n, c) => n + c.files.size, 0);
    if (format !== "text") printReport(io, format, { written: files, clusters: [...result.clusters.keys()], diagnostics: shown }, shown);
    else io.err(`wrote ${files} files for ${result.clusters.size} cluster${result.clusters.size === 1 ? "" : "s"} (${[...result.clusters.keys()].join(", ")}) to ${out}`);
    return EXIT.ok;
  },
};
