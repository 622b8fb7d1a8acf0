import type { Command } from "../command.js";

/** A command as `rampart --help` lists it; its code is loaded only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

// Each summary is written here only (`defineCommand` takes it from this table); one import per command, each its own chunk.
const TABLE: Record<string, [summary: string, load: () => Promise<{ command: Command }>]> = {
  check: ["load and validate policies; print diagnostics", () => import("./check.js")],
  build: ["compile policies into RBAC, admission and network manifests per cluster", () => import("./build.js")],
  eval: ["decide access requests against the policies", () => import("./eval.js")],
  admit: ["check manifests against the workload rules offline, with the emitted admission CEL", () => import("./admit.js")],
  test: ["run PolicyTest documents: access requests, admission manifests and traffic flows", () => import("./test.js")],
  lint: ["find privilege-escalation paths and least-privilege problems in policies and RBAC manifests", () => import("./lint.js")],
  "who-can": ["list the subjects the policies allow to do something", () => import("./who-can.js")],
  verify: ["re-prove that a built tree never grants more than the policies (RBAC + write-path admission)", () => import("./verify.js")],
  diff: [
    "compare the built output with a live cluster (drift), or two policy versions (semantic diff: requests, flows and manifests that change decision)",
    () => import("./diff.js"),
  ],
  learn: ["learn least-privilege AccessPolicies from Kubernetes audit logs, proven by replay", () => import("./learn.js")],
  inventory: ["pull an inventory (API resources, namespaces, object names) from live clusters", () => import("./inventory.js")],
  connectivity: ["print which workloads may talk to which under the compiled network policies", () => import("./connectivity.js")],
  report: ["write one self-contained HTML page (access matrix, traffic graph, findings) and report.json", () => import("./report.js")],
  completion: [
    "print a shell completion script: `source <(rampart completion bash)`, zsh alike, `rampart completion fish | source`",
    () => import("./completion.js"),
  ],
  schema: ["print the JSON Schema of rampart documents (for yaml-language-server)", () => import("./schema.js")],
};

/** Every command, in the order `rampart --help` lists them, with its summary. */
export const COMMANDS = Object.entries(TABLE).map(([name, [summary, load]]): CommandEntry => ({ name, summary, load: async () => (await load()).command }));
