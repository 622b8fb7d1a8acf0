import { compileNetwork } from "@rampart/compiler-networkpolicy";
import type { Backend } from "./backends.js";
import type { KubeObject } from "./emit.js";

/** NetworkPolicies (and with `--network-backend cnp` a ClusterNetworkPolicy) for TrafficPolicies. */
export const networkBackend: Backend = {
  folder: "network",
  compile(documents, ctx) {
    const { objects, diagnostics, report } = compileNetwork(documents, { networkBackend: ctx.networkBackend, inventory: ctx.inventory });
    return { objects: objects as KubeObject[], diagnostics, report };
  },
};
