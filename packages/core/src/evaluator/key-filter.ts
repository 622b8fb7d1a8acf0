/**
 * A one-hash Bloom filter over the subject keys of an index (users and groups that policies name):
 * most subjects of a request are not named by any policy (`system:authenticated`, users reached
 * only through their groups), and a `Map` lookup of such a key still walks a hash chain of the large
 * subject map, comparing its key strings (cache misses once the map outgrows the CPU caches). The
 * filter hashes a few of the key's characters and reads one bit of a small
 * bitset, so an absent key usually costs no map lookup. A present key always passes (no false negative).
 */
export class KeyFilter {
  private readonly bits: Int32Array;
  private readonly mask: number;

  /** A filter of the keys, with about 16 bits per key (at least 1,024, at most 2^20 bits). */
  constructor(keys: Iterable<string>) {
    const list = [...keys];
    let size = 1024;
    while (size < list.length * 16 && size < 1 << 20) size *= 2;
    this.bits = new Int32Array(size >>> 5);
    this.mask = size - 1;
    for (const key of list) {
      const h = this.slot(key);
      this.bits[h >>> 5]! |= 1 << (h & 31);
    }
  }

  /** Size of the bitset in bytes. */
  get bytes(): number {
    return this.bits.byteLength;
  }

  /** False when `key` is certainly not a key of the filter. */
  mayHave(key: string): boolean {
    const h = this.slot(key);
    return ((this.bits[h >>> 5]! >>> (h & 31)) & 1) !== 0;
  }

  /**
   * The bit of a key: its length and five of its characters (first, last, and at a quarter, half and
   * three quarters of it), mixed. Hashing every character cost more than the lookups it saved.
   */
  private slot(key: string): number {
    const n = key.length;
    if (n === 0) return 0;
    let h = Math.imul(n, 0x9e3779b1);
    h = Math.imul(h ^ key.charCodeAt(0), 0x01000193);
    h = Math.imul(h ^ key.charCodeAt(n >>> 2), 0x01000193);
    h = Math.imul(h ^ key.charCodeAt(n >>> 1), 0x01000193);
    h = Math.imul(h ^ key.charCodeAt((3 * n) >>> 2), 0x01000193);
    h = Math.imul(h ^ key.charCodeAt(n - 1), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h & this.mask;
  }
}
