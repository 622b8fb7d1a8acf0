import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import type { KubeConfig } from "@kubernetes/client-node";
import { KubeError } from "./kube-client.js";

/** Where to find credentials: `--kubeconfig FILE`, else `KUBECONFIG`, else `~/.kube/config`, else in-cluster. */
export interface KubeconfigOptions {
  kubeconfig?: string;
  /** The environment to read `KUBECONFIG` and `HOME` from (default: `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

type ClientModule = typeof import("@kubernetes/client-node");

let loaded: Promise<ClientModule> | undefined;

/** Loads `@kubernetes/client-node` on first use only (it is an optional dependency). */
export function clientModule(): Promise<ClientModule> {
  loaded ??= import("@kubernetes/client-node").catch((error: unknown) => {
    loaded = undefined;
    throw new KubeError(
      "config",
      `the live-cluster commands need the optional package \`@kubernetes/client-node\`, which cannot be loaded: ${String((error as Error).message ?? error).split("\n")[0]}`,
      "install it beside rampart: `npm install @kubernetes/client-node@^1.3`",
    );
  });
  return loaded;
}

const IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

/** The kubeconfig files to read, in precedence order; throws a `KubeError` when there are none. */
export function kubeconfigFiles(options: KubeconfigOptions = {}): string[] | "in-cluster" {
  const env = options.env ?? process.env;
  if (options.kubeconfig !== undefined) {
    if (!existsSync(options.kubeconfig))
      throw new KubeError("config", `kubeconfig \`${options.kubeconfig}\` does not exist`, "pass the path of a kubeconfig file to `--kubeconfig`");
    return [options.kubeconfig];
  }
  const fromEnv = (env.KUBECONFIG ?? "").split(delimiter).filter((f) => f !== "");
  if (fromEnv.length > 0) {
    const existing = fromEnv.filter((f) => existsSync(f));
    if (existing.length === 0) {
      throw new KubeError(
        "config",
        `no kubeconfig found: \`KUBECONFIG\` names ${fromEnv.map((f) => `\`${f}\``).join(", ")}, which does not exist`,
        "point `KUBECONFIG` at a kubeconfig file, or pass `--kubeconfig FILE`",
      );
    }
    return existing;
  }
  const home = env.HOME || env.USERPROFILE || homedir();
  const file = join(home, ".kube", "config");
  if (existsSync(file)) return [file];
  if (env.KUBERNETES_SERVICE_HOST && existsSync(IN_CLUSTER_TOKEN)) return "in-cluster";
  throw new KubeError(
    "config",
    "no kubeconfig found: `KUBECONFIG` is not set and `~/.kube/config` does not exist",
    "set `KUBECONFIG`, pass `--kubeconfig FILE`, or create a context with your cluster's tooling (e.g. `kind`, `aws eks update-kubeconfig`)",
  );
}

/**
 * Loads the kubeconfig like kubectl: several `KUBECONFIG` files merge, the first definition of
 * a name wins, and the first file that sets `current-context` decides it.
 */
export async function loadKubeConfig(options: KubeconfigOptions = {}): Promise<KubeConfig> {
  const files = kubeconfigFiles(options);
  const k8s = await clientModule();
  const kc = new k8s.KubeConfig();
  if (files === "in-cluster") {
    kc.loadFromCluster();
    return kc;
  }
  kc.clusters = [];
  kc.users = [];
  kc.contexts = [];
  kc.currentContext = "";
  for (const file of files) {
    const one = new k8s.KubeConfig();
    try {
      one.loadFromFile(file);
    } catch (error) {
      throw new KubeError(
        "config",
        `cannot read kubeconfig \`${file}\`: ${(error as Error).message.split("\n")[0]}`,
        "fix the file, or point `KUBECONFIG` at another one",
      );
    }
    const add = <T extends { name: string }>(into: T[], from: readonly T[] | undefined) => {
      for (const item of from ?? []) if (!into.some((i) => i.name === item.name)) into.push(item);
    };
    add(kc.clusters, one.clusters);
    add(kc.users, one.users);
    add(kc.contexts, one.contexts);
    if (!kc.currentContext && one.currentContext) kc.currentContext = one.currentContext;
  }
  return kc;
}

/** The context names of a kubeconfig (sorted) and its current context ("" when unset). */
export function contextsOf(kc: KubeConfig): { contexts: string[]; current: string } {
  return {
    contexts: kc
      .getContexts()
      .map((c) => c.name)
      .sort(),
    current: kc.getCurrentContext() ?? "",
  };
}

/**
 * Selects a context (default: the current one) and returns its cluster; throws a `KubeError`
 * naming the known contexts when it does not exist.
 */
export function selectContext(kc: KubeConfig, context: string | undefined): { context: string; server: string } {
  const { contexts, current } = contextsOf(kc);
  const known = contexts.length ? contexts.map((c) => `\`${c}\``).join(", ") : "none";
  const name = context ?? current;
  if (!name)
    throw new KubeError(
      "config",
      "the kubeconfig has no current context",
      `pass \`--context CTX\` (the kubeconfig defines ${known}) or run \`kubectl config use-context CTX\``,
    );
  if (!kc.getContextObject(name))
    throw new KubeError("config", `unknown context \`${name}\`; the kubeconfig defines ${known}`, "list them with `kubectl config get-contexts`");
  kc.setCurrentContext(name);
  const cluster = kc.getCurrentCluster();
  if (!cluster)
    throw new KubeError("config", `context \`${name}\` names a cluster the kubeconfig does not define`, "fix the context's `cluster` in the kubeconfig");
  return { context: name, server: cluster.server };
}
