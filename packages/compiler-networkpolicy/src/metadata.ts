import { METADATA_CIDRS } from "@rampart/core";

export { METADATA_CIDRS };

/**
 * The one-line rule that blocks the cloud metadata endpoints for every namespace a policy governs:
 * `deny: [METADATA_DENY]`, in YAML
 * `- { direction: egress, to: [{ cidr: 169.254.169.254/32 }, { cidr: "fd00:ec2::254/128" }] }`.
 * (`compileNetwork(docs, { blockMetadata: true })` adds it to every TrafficPolicy.)
 */
export const METADATA_DENY = { direction: "egress", to: METADATA_CIDRS.map((cidr) => ({ cidr })) } as const satisfies {
  direction: "egress";
  to: readonly { cidr: string }[];
};
