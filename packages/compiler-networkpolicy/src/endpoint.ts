import { cidrContainsIp, type Cidr } from "@rampart/core";
import type { ConnSet } from "./conn-set.js";
import type { Namespace, Pod, PolicyModel } from "./model.js";

/** An endpoint of a flow: a pod, or an external IPv4/IPv6 address (a representative of a range). */
export type Endpoint = { pod: Pod } | { ip: { family: 4 | 6; address: bigint }; label: string };

/** Input of `connectivity`. */
export interface ConnectivityInput {
  namespaces: readonly Namespace[];
  pods: readonly Pod[];
  policies: readonly PolicyModel[];
  /** External endpoints to include (e.g. the ranges between CIDR boundaries, or sample IPs). */
  externals?: readonly Extract<Endpoint, { ip: unknown }>[];
}

/** One allowed flow and the policies that decided it. */
export interface Flow {
  src: Endpoint;
  dst: Endpoint;
  conns: ConnSet;
  decidedBy: string[];
}

/** Whether an endpoint is a pod (else an external address). */
export const isPod = (e: Endpoint): e is { pod: Pod } => "pod" in e;

/** Whether an address lies in an ipBlock: inside its CIDR and outside every `except`. */
export function inBlock(cidr: Cidr, except: readonly Cidr[], ip: { family: 4 | 6; address: bigint }): boolean {
  return cidrContainsIp(cidr, ip) && !except.some((e) => cidrContainsIp(e, ip));
}
