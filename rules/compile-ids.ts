/**
 * The compiler's index of entity ids (rules/compile.ts): id → position in the bundle's list, for
 * contestants' persons and parties. At 300,000 persons a `Map` of their ids cost ~0.45 s of a 3.3 s
 * compile (growing its table, then a miss per lookup); this is one Int32Array of slots on the ids' own
 * FNV-1a hash, with the hashes beside it so that a probe compares a string only when the hash agrees.
 * Build-time only.
 */

export class IdIndex {
  private readonly slots: Int32Array;
  /** the FNV-1a hash of each row's id */
  private readonly hashes: Int32Array;
  private readonly mask: number;

  /** `rows`: the bundle's list; where an id repeats, the last row wins (as `Map.set` in order did) */
  constructor(private readonly rows: ReadonlyArray<{ readonly id: string }>) {
    let size = 16;
    while (size < rows.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(rows.length);
    this.mask = size - 1;
    for (let i = 0; i < rows.length; i++) {
      const id = rows[i]!.id;
      const h = IdIndex.hashOf(id);
      this.hashes[i] = h;
      let slot = h & this.mask;
      for (;;) {
        const v = this.slots[slot]!;
        if (v === 0 || (this.hashes[v - 1] === h && rows[v - 1]!.id === id)) break;
        slot = (slot + 1) & this.mask;
      }
      this.slots[slot] = i + 1;
    }
  }

  private static hashOf(s: string): number {
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
    return h;
  }

  /** the position of the (last) row with this id, or -1 */
  get(id: string): number {
    const h = IdIndex.hashOf(id);
    let slot = h & this.mask;
    for (;;) {
      const v = this.slots[slot]!;
      if (v === 0) return -1;
      if (this.hashes[v - 1] === h && this.rows[v - 1]!.id === id) return v - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  has(id: string): boolean {
    return this.get(id) >= 0;
  }
}
