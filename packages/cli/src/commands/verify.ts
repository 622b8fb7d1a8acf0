import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseAllDocuments } from "yaml";
import { createInventory, hasErrors, normaliseClusters, type Inventory } from "@rampart/core";
import { verifyRbac, type RbacObject } from "@rampart/compiler-rbac";
import { evaluateAccessAdmission, type AdmissionObject } from "@rampart/compiler-vap";
import { atOption, type Command, EXIT, jsonOutput, loadOrReport, OUTPUT_OPTION, printDiagnostics, str, UsageError } from "../command.js";
import { clusterInventory } from "../inventory-option.js";
import { SOURCE_ROOT_OPTION, sourceRoot } from "../source-root.js";

async function readObjects(dir: string): Promise<Record<string, unknown>[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".yaml")).sort();
  const out: Record<string, unknown>[] = [];
  for (const f of files) for (const d of parseAllDocuments(await readFile(join(dir, f), "utf8"))) if (!("empty" in d) && d.contents) out.push(d.toJS({ maxAliasCount: 100 }) as Record<string, unknown>);
  return out;
}

/** `rampart verify <paths…> <dir>`: re-proves never-over-grant on a built tree. */
export const verify: Command = {
  name: "verify",
  summary: "re-prove that a built tree never grants more than the policies (RBAC + write-path admission)",
  usage: "rampart verify <paths…> <dir> [--cluster NAME] [--inventory FILE] [--at TIME] [--source-root DIR] [-o json]",
  options: { cluster: { type: "string" }, inventory: { type: "string" }, at: { type: "string" }, ...SOURCE_ROOT_OPTION, ...OUTPUT_OPTION },
  async run(args, io) {
    const json = jsonOutput(args);
    if (args.positionals.length < 2) throw new UsageError("give the policies and the built directory");
    const dir = resolve(io.cwd, args.positionals.at(-1)!);
    const now = atOption(args);
    // Loaded as `build` loads them, so that the report's positions name the same files.
    const loaded = await loadOrReport(io, args.positionals.slice(0, -1), json, sourceRoot(io, args));
    if (!loaded) return EXIT.invalid;
    const only = str(args, "cluster");
    const clusters = normaliseClusters(loaded.documents).filter((c) => only === undefined || c.name === only);
    if (clusters.length === 0) throw new UsageError(`unknown cluster \`${only}\``);
    const results: { cluster: string; checked: number; overGrants: unknown[]; underGrants: number; unexplained: number }[] = [];
    for (const c of clusters) {
      const inv = await clusterInventory(io, loaded.documents, c.name, str(args, "inventory"));
      if (hasErrors(inv.diagnostics)) {
        printDiagnostics(io, inv.diagnostics);
        return EXIT.invalid;
      }
      const inventory: Inventory = inv.inventory ?? createInventory();
      const rbac = (await readObjects(join(dir, c.name, "rbac"))) as unknown as RbacObject[];
      const admission = (await readObjects(join(dir, c.name, "admission"))) as unknown as AdmissionObject[];
      const report = JSON.parse(await readFile(join(dir, c.name, "report.json"), "utf8").catch(() => "{}")) as { diagnostics?: { file: string; line: number; column: number }[] };
      const writeLayer = admission.filter((o) => o.metadata?.name === "rampart-access-writes");
      const v = verifyRbac(loaded.documents, inventory, rbac, { cluster: c.name, now, diagnostics: report.diagnostics ?? [], admits: (r) => evaluateAccessAdmission(writeLayer, r).admitted });
      results.push({ cluster: c.name, checked: v.checked, overGrants: v.overGrants.map((o) => o.request), underGrants: v.underGrants.length, unexplained: v.underGrants.filter((u) => !u.covered).length });
    }
    const over = results.reduce((n, r) => n + r.overGrants.length, 0);
    if (json) io.out(JSON.stringify({ ok: over === 0, clusters: results }, null, 2));
    else {
      for (const r of results) {
        io.out(`${r.cluster}: ${r.checked} requests checked, ${r.overGrants.length} over-grants, ${r.underGrants} under-grants (${r.unexplained} unexplained)`);
        for (const o of r.overGrants.slice(0, 20)) io.out(`  over-grant: ${JSON.stringify(o)}`);
      }
    }
    return over === 0 ? EXIT.ok : EXIT.outcome;
  },
};
