// The three clusters (same documents as ../policies/clusters.yaml).
import { cluster } from "@rampart/core";

export default (["dev", "staging", "prod"] as const).map((env) =>
  cluster(env, { tags: { env, region: "eu" }, kubernetesVersion: "1.35", inventory: `../inventory/${env}.yaml` }),
);
