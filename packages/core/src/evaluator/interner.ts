/** What the inventory says of a resource's scope. */
export const Namespaced = { No: 0, Yes: 1, Unknown: 2 } as const;
type Namespaced = (typeof Namespaced)[keyof typeof Namespaced];

/**
 * One (group, resource) of the index — from a rule's resource pattern (`*` included) or from the
 * inventory — with its scope and the pattern ids of its subresource forms. The two common forms
 * (the resource itself, `<resource>/*`) are fields, so that most decisions look nothing up here.
 */
export interface ResourceNode {
  namespaced: Namespaced;
  /** Pattern id of the resource itself (subresource ""), or -1. */
  main: number;
  /** Pattern id of `<resource>/*`, or -1. */
  anySub: number;
  /** Pattern ids of named subresources. */
  readonly subs: Map<string, number>;
}

/** The resources of one API group, and its `*` (every resource of the group) node if a rule has one. */
export interface GroupNode {
  readonly resources: Map<string, ResourceNode>;
  star: ResourceNode | undefined;
}

/**
 * Interned ids of verbs and resource patterns, shared by all buckets of one cluster's index, so
 * that a decision finds its resource with two lookups (which also give the resource's scope)
 * and then looks up at most five pattern ids per subject bucket. Two ids are reserved: every
 * resource (`*` alone) and non-resource URLs.
 */
export class Interner {
  private readonly verbIds = new Map<string, number>([["*", 0]]);
  /** group → its resources. */
  readonly groups = new Map<string, GroupNode>();
  private nextPattern = 2;
  /** True once a rule uses the lone `*` resource (else decisions skip looking it up). */
  everythingUsed = false;
  /** Pattern id of the lone `*` (everything). */
  static readonly EVERYTHING = 0;
  /** Pattern id of non-resource URL rules. */
  static readonly NON_RESOURCE = 1;

  /** The id of a verb, allocating one when `create` (index time); -1 when unknown. */
  verb(verb: string, create = false): number {
    let id = this.verbIds.get(verb);
    if (id === undefined && create) this.verbIds.set(verb, (id = this.verbIds.size));
    return id ?? -1;
  }

  /** The node of (group, resource or `*`), created on demand (index time). */
  node(group: string, resource: string): ResourceNode {
    let g = this.groups.get(group);
    if (g === undefined) this.groups.set(group, (g = { resources: new Map(), star: undefined }));
    const fresh = (): ResourceNode => ({ namespaced: Namespaced.Unknown, main: -1, anySub: -1, subs: new Map() });
    if (resource === "*") return (g.star ??= fresh());
    let node = g.resources.get(resource);
    if (node === undefined) g.resources.set(resource, (node = fresh()));
    return node;
  }

  /** The id of a resource pattern, allocated on first use (index time). */
  pattern(group: string, resource: string, sub: string): number {
    const node = this.node(group, resource);
    if (sub === "") return node.main >= 0 ? node.main : (node.main = this.nextPattern++);
    if (sub === "*") return node.anySub >= 0 ? node.anySub : (node.anySub = this.nextPattern++);
    let id = node.subs.get(sub);
    if (id === undefined) node.subs.set(sub, (id = this.nextPattern++));
    return id;
  }
}
