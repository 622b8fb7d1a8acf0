/** A dense array for up to 4M keys, a Map beyond (many distinct pods). */
export class PairCache<T> {
  private readonly dense: (T | undefined)[] | undefined;
  private readonly sparse = new Map<number, T>();
  constructor(size: number) {
    this.dense = size <= 4_000_000 ? new Array<T | undefined>(size) : undefined;
  }
  get(k: number): T | undefined {
    return this.dense ? this.dense[k] : this.sparse.get(k);
  }
  set(k: number, v: T): void {
    if (this.dense) this.dense[k] = v;
    else this.sparse.set(k, v);
  }
}
