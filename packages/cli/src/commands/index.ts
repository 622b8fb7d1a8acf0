import type { Command } from "../command.js";

/** A command as `rampart --help` lists it; its code is loaded only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every command, in the order `rampart --help` lists them, with its summary (written here only: `defineCommand` takes it from this table). */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "check", summary: "load and validate policies; print diagnostics", load: async () => (await import("./check.js")).check },
  { name: "build", summary: "compile policies into RBAC, admission and network manifests per cluster", load: async () => (await import("./build.js")).build },
  { name: "eval", summary: "decide access requests against the policies", load: async () => (await import("./eval.js")).evalCommand },
  { name: "admit", summary: "check manifests against the workload rules offline, with the emitted admission CEL", load: async () => (await import("./admit.js")).admitCommand },
  { name: "test", summary: "run PolicyTest documents: access requests, admission manifests and traffic flows", load: async () => (await import("./test.js")).test },
  { name: "lint", summary: "find privilege-escalation paths and least-privilege problems in policies and RBAC manifests", load: async () => (await import("./lint.js")).lintCommand },
  { name: "who-can", summary: "list the subjects the policies allow to do something", load: async () => (await import("./who-can.js")).whoCanCommand },
  { name: "verify", summary: "re-prove that a built tree never grants more than the policies (RBAC + write-path admission)", load: async () => (await import("./verify.js")).verify },
  { name: "diff", summary: "compare the built output with a live cluster (drift), or two policy versions (semantic diff: requests, flows and manifests that change decision)", load: async () => (await import("./diff.js")).diffCommand },
  { name: "learn", summary: "learn least-privilege AccessPolicies from Kubernetes audit logs, proven by replay", load: async () => (await import("./learn.js")).learnCommand },
  { name: "inventory", summary: "pull an inventory (API resources, namespaces, object names) from live clusters", load: async () => (await import("./inventory.js")).inventoryCommand },
  { name: "connectivity", summary: "print which workloads may talk to which under the compiled network policies", load: async () => (await import("./connectivity.js")).connectivityCommand },
  { name: "report", summary: "write one self-contained HTML page (access matrix, traffic graph, findings) and report.json", load: async () => (await import("./report.js")).reportCommand },
  { name: "completion", summary: "print a shell completion script: `source <(rampart completion bash)`, zsh alike, `rampart completion fish | source`", load: async () => (await import("./completion.js")).completionCommand },
  { name: "schema", summary: "print the JSON Schema of rampart documents (for yaml-language-server)", load: async () => (await import("./schema.js")).schema },
];
