/** One bundled schema: its path under the conformance folder, the committed file and its generator. */
export interface SchemaBundle {
  readonly source: string;
  readonly output: string;
  bundle(text: string): string;
}
/** The NetworkPolicy bundle (Kubernetes 1.35 OpenAPI). */
export declare const NETWORKING: SchemaBundle;
/** The ClusterNetworkPolicy bundle (network-policy-api v1alpha2 CRD). */
export declare const CLUSTER_NETWORK_POLICY: SchemaBundle;
