/**
 * The compiler's index of entity ids (rules/compile.ts): id → position in the bundle's list, for
 * contestants' persons and parties. At 300,000 persons a `Map` of their ids cost ~0.45 s of a 3.3 s
 * compile (growing its table, then a miss per lookup); this is one Int32Array of slots on the ids' own
 * FNV-1a hash, with the hashes beside it so that a probe compares a string only when the hash agrees.
 * Lookups mostly come in an arithmetic progression of rows, so the row that continues the last two found
 * is tried first, then the one after the last: in rules/data contestants name their persons in the
 * order the persons are listed (13,131 of 13,236 lookups are the row after the last), and the scale
 * bench's synthetic lists take every 38th person (one list per province). At 300,000 contestants the
 * probes, each a cache miss into the slots, the hashes and a person's id, were ~0.3 s of a 2 s compile.
 * Build-time only.
 */

export class IdIndex {
  private readonly slots: Int32Array;
  /** the FNV-1a hash of each row's id */
  private readonly hashes: Int32Array;
  private readonly mask: number;
  /** 1 for a row whose id a later row repeats (that later row is the answer for the id) */
  private readonly shadowed: Uint8Array;
  /** the last row found, and the step from the one found before it */
  private last = -1;
  private step = 1;

  /** `rows`: the bundle's list; where an id repeats, the last row wins (as `Map.set` in order did) */
  constructor(private readonly rows: ReadonlyArray<{ readonly id: string }>) {
    let size = 16;
    while (size < rows.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(rows.length);
    this.mask = size - 1;
    this.shadowed = new Uint8Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const id = rows[i]!.id;
      const h = IdIndex.hashOf(id);
      this.hashes[i] = h;
      let slot = h & this.mask;
      for (;;) {
        const v = this.slots[slot]!;
        if (v === 0) break;
        if (this.hashes[v - 1] === h && rows[v - 1]!.id === id) {
          this.shadowed[v - 1] = 1;
          break;
        }
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
    const stepped = this.last + this.step;
    if (this.likely(stepped, id)) return this.found(stepped);
    if (this.step !== 1 && this.likely(this.last + 1, id)) return this.found(this.last + 1);
    const h = IdIndex.hashOf(id);
    let slot = h & this.mask;
    for (;;) {
      const v = this.slots[slot]!;
      if (v === 0) return -1;
      if (this.hashes[v - 1] === h && this.rows[v - 1]!.id === id) return this.found(v - 1);
      slot = (slot + 1) & this.mask;
    }
  }

  /** row i exists, holds this id, and no later row repeats it */
  private likely(i: number, id: string): boolean {
    return i >= 0 && i < this.rows.length && this.shadowed[i] === 0 && this.rows[i]!.id === id;
  }

  private found(i: number): number {
    this.step = i - this.last;
    this.last = i;
    return i;
  }

  has(id: string): boolean {
    return this.get(id) >= 0;
  }
}
