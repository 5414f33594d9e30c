/**
 * The compiler's dictionary and phrase trie while they are built (rules/compile.ts), in typed arrays
 * grown by doubling: 300,000 names make ~2 M trie nodes, and a Map or array per node made the garbage
 * collector a quarter of the compile time. Build-time only; the engine reads the compiled CSR form
 * (rules/compiled.ts).
 */
import { HASH_INIT, hashStep } from './normalize.ts';

/** `a`, or a copy at least `need` long (doubling), new entries set to `fill` */
export function grow(a: Int32Array<ArrayBuffer>, need: number, fill = 0): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  let size = a.length * 2;
  while (size < need) size *= 2;
  const b = new Int32Array(size);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/**
 * The dictionary under construction: every token's chars end to end (the format's tokChars and tokOff)
 * and an open-addressing table on their FNV-1a hash, so that a token read from the TokenBuffer finds
 * its id without becoming a string first. Ids are given in first-seen order.
 */
export class Dictionary {
  chars = new Uint16Array(1 << 16);
  /** off[id]..off[id + 1]: the token's chars */
  off = new Int32Array(1 << 12);
  /** FNV-1a of each token's chars */
  hash = new Int32Array(1 << 12);
  count = 0;
  private slots = new Int32Array(1 << 13);

  private static hashOf(src: Uint16Array, s: number, e: number): number {
    let h = HASH_INIT;
    for (let k = s; k < e; k++) h = Math.imul(h ^ src[k]!, 16777619);
    return h;
  }

  /** id of the token src[s, e), or -1 (create: add it) */
  find(src: Uint16Array, s: number, e: number, create: boolean): number {
    const h = Dictionary.hashOf(src, s, e);
    const mask = this.slots.length - 1;
    const len = e - s;
    let slot = h & mask;
    for (;;) {
      const v = this.slots[slot]!;
      if (v === 0) break;
      const id = v - 1;
      if (this.hash[id] === h) {
        const o = this.off[id]!;
        if (this.off[id + 1]! - o === len) {
          let k = 0;
          while (k < len && this.chars[o + k] === src[s + k]) k++;
          if (k === len) return id;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (!create) return -1;
    const id = this.count++;
    if (id + 2 > this.off.length) {
      this.off = grow(this.off, id + 2);
      this.hash = grow(this.hash, id + 2);
    }
    const o = this.off[id]!;
    if (o + len > this.chars.length) {
      let size = this.chars.length * 2;
      while (size < o + len) size *= 2;
      const c = new Uint16Array(size);
      c.set(this.chars);
      this.chars = c;
    }
    // a loop, not `set(src.subarray(s, e))`: tokens are a few chars, and a view per new token (1.4 M of
    // them with the variants of 300,000 names) was an allocation each
    const chars = this.chars;
    for (let k = 0; k < len; k++) chars[o + k] = src[s + k]!;
    this.off[id + 1] = o + len;
    this.hash[id] = h;
    this.slots[slot] = id + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  private scratch = new Uint16Array(64);
  /** id of a token given as a string, or -1 (create: add it) */
  findText(text: string, create: boolean): number {
    if (text.length > this.scratch.length) this.scratch = new Uint16Array(text.length * 2);
    for (let k = 0; k < text.length; k++) this.scratch[k] = text.charCodeAt(k);
    return this.find(this.scratch, 0, text.length, create);
  }

  text(id: number): string {
    return String.fromCharCode(...this.chars.subarray(this.off[id]!, this.off[id + 1]!));
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hash[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/**
 * The phrase trie under construction, in typed arrays: nodes in creation order (0 = root), the root's
 * children per token id, other edges in an open-addressing table on (parent, token) and in a list in
 * insertion order, each node's patterns as a linked list in insertion order, and the owner of the term
 * that ends at a node (-1: none). Nothing per node is an object: the trie of 300,000 names has ~2 M nodes.
 */
export class TrieBuilder {
  nodes = 1;
  owner: Int32Array<ArrayBuffer>;
  rootChild = new Int32Array(1 << 12);
  // edges of nodes other than the root: in insertion order, and an open-addressing table on the hash of
  // (parent, token) whose slot holds the edge's index + 1 in its low `eBits` bits and the hash's high
  // bits above them (a fingerprint). A probe reads one int: most lookups are of edges not there yet
  // (a variant's form is new), and an empty slot or another fingerprint answers them without reading
  // the edge. Four bytes a slot instead of a (parent, token, child) triple: 16 MB at 300,000 names
  // instead of 64 MB, each probe a cache and TLB miss either way.
  edges = 0;
  eParent: Int32Array<ArrayBuffer>;
  eTok: Int32Array<ArrayBuffer>;
  eChild: Int32Array<ArrayBuffer>;
  private eTable: Int32Array<ArrayBuffer>;
  private eMask: number;
  private eBits: number;
  // patterns per node, a linked list in insertion order (no tail per node: addOutput walks the list to
  // its end anyway, to add a pattern once, and nodes have one or two)
  outHead: Int32Array<ArrayBuffer>;
  outs = 0;
  outPat: Int32Array<ArrayBuffer>;
  outNext: Int32Array<ArrayBuffer>;

  /**
   * `expected`: about how many nodes, edges and patterns the trie will have. The arrays start that
   * large: growing them by doubling allocates twice their final size, and V8 answers every ~64 MB of
   * new ArrayBuffers with a full garbage collection (at 300,000 names, several of ~0.5 s each).
   */
  constructor(expected = 1 << 12) {
    const n = Math.max(1 << 12, expected);
    // with headroom: a doubling at the very end copies the arrays and allocates twice their size
    // (the synthetic 300,000-name set has 6.08 nodes, 5.91 edges and 5.67 patterns per name, sized at 6)
    const nodes = n + (n >>> 2);
    const edges = n + (n >>> 3);
    this.owner = new Int32Array(nodes).fill(-1);
    this.eParent = new Int32Array(edges);
    this.eTok = new Int32Array(edges);
    this.eChild = new Int32Array(edges);
    // at most half full: room for `edges` edges before it grows
    let bits = 13;
    while (1 << (bits - 1) < edges && bits < 30) bits++;
    this.eTable = new Int32Array(1 << bits);
    this.eMask = (1 << bits) - 1;
    this.eBits = bits;
    this.outHead = new Int32Array(nodes).fill(-1);
    this.outPat = new Int32Array(edges);
    this.outNext = new Int32Array(edges);
  }

  private static edgeHash(parent: number, tok: number): number {
    const h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(tok, 0x85ebca6b);
    return h ^ (h >>> 15);
  }

  /** the child of `node` by token `tok`, or -1 (create: add it) */
  child(node: number, tok: number, create: boolean): number {
    if (node === 0) {
      if (tok >= this.rootChild.length) this.rootChild = grow(this.rootChild, tok + 1);
      const c = this.rootChild[tok]!;
      if (c !== 0 || !create) return c === 0 ? -1 : c;
      return (this.rootChild[tok] = this.newNode());
    }
    const table = this.eTable;
    const mask = this.eMask;
    const bits = this.eBits;
    const h = TrieBuilder.edgeHash(node, tok);
    const fp = h >>> bits;
    let slot = h & mask;
    for (;;) {
      const v = table[slot]!;
      if (v === 0) break;
      if (v >>> bits === fp) {
        const e = (v & mask) - 1;
        if (this.eParent[e] === node && this.eTok[e] === tok) return this.eChild[e]!;
      }
      slot = (slot + 1) & mask;
    }
    if (!create) return -1;
    const child = this.newNode();
    const e = this.edges++;
    if (e >= this.eParent.length) {
      this.eParent = grow(this.eParent, e + 1);
      this.eTok = grow(this.eTok, e + 1);
      this.eChild = grow(this.eChild, e + 1);
    }
    this.eParent[e] = node;
    this.eTok[e] = tok;
    this.eChild[e] = child;
    table[slot] = (fp << bits) | (e + 1);
    if (this.edges * 2 > mask) this.growEdges();
    return child;
  }

  /** twice the slots (the table stays at most half full, so an edge's index + 1 fits in its bits) */
  private growEdges(): void {
    const bits = this.eBits + 1;
    if (bits > 30) throw new Error('trie: too many edges');
    const table = new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    for (let e = 0; e < this.edges; e++) {
      const h = TrieBuilder.edgeHash(this.eParent[e]!, this.eTok[e]!);
      let slot = h & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = ((h >>> bits) << bits) | (e + 1);
    }
    this.eTable = table;
    this.eMask = mask;
    this.eBits = bits;
  }

  /** the bytes of the builder's arrays */
  get bytes(): number {
    return [this.owner, this.rootChild, this.eParent, this.eTok, this.eChild, this.eTable, this.outHead, this.outPat, this.outNext].reduce((n, a) => n + a.byteLength, 0);
  }

  private newNode(): number {
    const n = this.nodes++;
    if (n >= this.owner.length) {
      this.owner = grow(this.owner, n + 1, -1);
      this.outHead = grow(this.outHead, n + 1, -1);
    }
    return n;
  }

  /** node of the term ids[0, n), or -1 */
  find(ids: Int32Array, n: number): number {
    let node = 0;
    for (let t = 0; t < n && node >= 0; t++) node = ids[t]! < 0 ? -1 : this.child(node, ids[t]!, false);
    return node;
  }

  /** pattern p at node, once, after the node's earlier ones */
  addOutput(node: number, p: number): void {
    let tail = -1;
    for (let o = this.outHead[node]!; o >= 0; o = this.outNext[o]!) {
      if (this.outPat[o] === p) return;
      tail = o;
    }
    const o = this.outs++;
    if (o >= this.outPat.length) {
      this.outPat = grow(this.outPat, o + 1);
      this.outNext = grow(this.outNext, o + 1);
    }
    this.outPat[o] = p;
    this.outNext[o] = -1;
    if (tail < 0) this.outHead[node] = o;
    else this.outNext[tail] = o;
  }
}

/**
 * The trie in CSR form into arrays of the lengths `TermCompiler.tables` gives (nodes + 1, edges, edges,
 * nodes + 1, outs): each node's edges sorted by token id, its patterns in the order they were added.
 */
export function writeCsr(trie: TrieBuilder, edgeStart: Int32Array, edgeTok: Int32Array, edgeNode: Int32Array, outStart: Int32Array, outPat: Int32Array): void {
  const nodes = trie.nodes;
  const edges = trie.edges;
  // a counting sort by parent (most nodes have one edge), then each node's few edges by token:
  // a node's tokens are distinct, so the order is the one a sort by (parent, token) gives
  edgeStart.fill(0);
  for (let e = 0; e < edges; e++) edgeStart[trie.eParent[e]! + 1]!++;
  for (let n = 0; n < nodes; n++) edgeStart[n + 1]! += edgeStart[n]!;
  const fill = edgeStart.slice(0, nodes);
  for (let e = 0; e < edges; e++) {
    const at = fill[trie.eParent[e]!]!++;
    edgeTok[at] = trie.eTok[e]!;
    edgeNode[at] = trie.eChild[e]!;
  }
  for (let n = 0; n < nodes; n++) {
    const s = edgeStart[n]!;
    const e = edgeStart[n + 1]!;
    if (e - s > 32 && e - s < 4194304) {
      // a first word shared by thousands of names: a real sort
      // (token × 2^22 + place, exact in a double: a numeric typed-array sort, no comparator)
      const kids = edgeNode.slice(s, e);
      const keys = new Float64Array(e - s);
      for (let i = s; i < e; i++) keys[i - s] = edgeTok[i]! * 4194304 + (i - s);
      keys.sort();
      for (let i = 0; i < keys.length; i++) {
        const place = keys[i]! % 4194304;
        edgeTok[s + i] = (keys[i]! - place) / 4194304;
        edgeNode[s + i] = kids[place]!;
      }
      continue;
    }
    for (let i = s + 1; i < e; i++) {
      const tok = edgeTok[i]!;
      const child = edgeNode[i]!;
      let j = i - 1;
      while (j >= s && edgeTok[j]! > tok) {
        edgeTok[j + 1] = edgeTok[j]!;
        edgeNode[j + 1] = edgeNode[j]!;
        j--;
      }
      edgeTok[j + 1] = tok;
      edgeNode[j + 1] = child;
    }
  }
  let outs = 0;
  for (let n = 0; n < nodes; n++) {
    outStart[n] = outs;
    for (let o = trie.outHead[n]!; o >= 0; o = trie.outNext[o]!) outPat[outs++] = trie.outPat[o]!;
  }
  outStart[nodes] = outs;}

/** The dictionary's sections of the compiled format: views of its text, a hash table of its ids, the 3-letter prefix bits. */
export function dictionaryTables(dict: Dictionary) {
  const nTok = dict.count;
  // views, not copies: the compiler copies every section into the one buffer
  const tokOff = dict.off.subarray(0, nTok + 1);
  const tokChars = dict.chars.subarray(0, tokOff[nTok]!);
  let maxTokLen = 0;
  let size = 16;
  while (size < nTok * 2) size *= 2;
  const tokHash = new Int32Array(size);
  const prefixBits = new Uint8Array(8192);
  for (let id = 0; id < nTok; id++) {
    const o = tokOff[id]!;
    const len = tokOff[id + 1]! - o;
    if (len > maxTokLen) maxTokLen = len;
    if (len >= 3) {
      const h3 = hashStep(hashStep(hashStep(HASH_INIT, tokChars[o]!), tokChars[o + 1]!), tokChars[o + 2]!);
      prefixBits[(h3 >>> 3) & 8191]! |= 1 << (h3 & 7);
    }
    let slot = dict.hash[id]! & (size - 1);
    while (tokHash[slot] !== 0) slot = (slot + 1) & (size - 1);
    tokHash[slot] = id + 1;
  }
  return { tokChars, tokOff, tokHash, prefixBits, maxTokLen };
}
