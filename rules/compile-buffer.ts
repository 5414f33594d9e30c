/**
 * The compiler's output buffer (rules/compile.ts): the entities' sections and metadata, the layout of
 * every section in the one buffer (the largest written in place), and its packing. Build-time only.
 */
import {
  HEADER_WORDS,
  SECTION_NAMES,
  SECTION_TYPES,
  packBytes,
  type CompiledContest,
  type CompiledParty,
  type SectionArray,
  type SectionName,
} from './compiled.ts';

/** What packCompiled needs of Node's Buffer. */
interface NodeBufferLike {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'latin1'): string };
}
const NODE_BUFFER = (globalThis as { Buffer?: NodeBufferLike }).Buffer ?? null;
/** what packBytes adds to every byte (read from packBytes itself, so that the two cannot differ) */
const PACK_SHIFT = packBytes(new Uint8Array(1)).charCodeAt(0);

/** What packCompiled needs of TextDecoder. */
interface DecoderLike {
  decode(input: Uint16Array): string;
}
/** a UTF-16LE decoder where the platform has one (every browser the extension runs in, Node) */
const UTF16_DECODER: DecoderLike | null = (() => {
  try {
    return typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : null;
  } catch {
    return null;
  }
})();
/** chars per decoded piece: 512 KB of UTF-16 at a time, a few dozen pieces at 300,000 names */
const PIECE = 1 << 18;

/**
 * packBytes(bytes), the same string made natively. Shifts `bytes` in place: the caller's buffer is
 * spent. Through Node's latin1 encoder where there is one (the CLI, the benches): one pass and one
 * string. Elsewhere (the extension's background) the shifted bytes are widened to UTF-16 by
 * `Uint16Array.set` and decoded by a UTF-16LE TextDecoder, a piece at a time: every char is below 256,
 * so no surrogate or byte-order mark can arise. packBytes' loop of `String.fromCharCode` over 8 KB
 * pieces took ~0.7 s of a 3 s compile at 300,000 names (44 MB); this 0.15–0.25 s (docs/engine.md,
 * "Tenth step"). Without either: packBytes.
 */
export function packCompiled(bytes: Uint8Array, nodeBuffer: NodeBufferLike | null = NODE_BUFFER, decoder: DecoderLike | null = UTF16_DECODER): string {
  if (nodeBuffer === null && decoder === null) return packBytes(bytes);
  shiftBytes(bytes, PACK_SHIFT);
  if (nodeBuffer !== null) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const wide = new Uint16Array(Math.min(PIECE, bytes.length));
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += PIECE) {
    const n = Math.min(PIECE, bytes.length - i);
    wide.set(bytes.subarray(i, i + n));
    parts.push(decoder!.decode(n === wide.length ? wide : wide.subarray(0, n)));
  }
  return parts.join('');
}

/**
 * Adds `shift` (0–127) to every byte, mod 256, in place: four bytes per step where the bytes are
 * aligned (a 70 MB buffer at 300,000 names). Per 32-bit word, the low 7 bits of each byte plus the shift
 * stay below 256, so no carry crosses into the next byte; the top bit is then the sum's top bit XOR
 * the byte's own.
 */
export function shiftBytes(bytes: Uint8Array, shift: number): void {
  let i = 0;
  const n = bytes.length;
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) {
    bytes[i] = (bytes[i]! + shift) & 255;
    i++;
  }
  const words = (n - i) >>> 2;
  if (words > 0) {
    const w = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
    const add = Math.imul(shift, 0x01010101);
    for (let k = 0; k < words; k++) {
      const x = w[k]!;
      w[k] = (((x & 0x7f7f7f7f) + add) ^ (x & 0x80808080)) >>> 0;
    }
    i += 4 * words;
  }
  for (; i < n; i++) bytes[i] = (bytes[i]! + shift) & 255;
}

/** A growing list of int32. */
export class IntList {
  private a = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = x;
  }
  at(i: number): number {
    return this.a[i]!;
  }
  view(from = 0, to = this.length): Int32Array {
    return this.a.subarray(from, to);
  }
}

/** The contestants of a compile: contestant ki's persons are personList[personStart[ki], personStart[ki + 1]). */
export interface Contestants {
  refs: Array<{ id: string; number?: number | undefined }>;
  contest: IntList;
  personStart: IntList;
  personList: IntList;
  partyStart: IntList;
  partyList: IntList;
  /** the labels that are not the usual one (contestantLabel of the resolved persons' names) */
  label: Map<number, string>;
}

/**
 * The entities' metadata as JSON arrays written straight into UTF-8 bytes, the very bytes of
 * `JSON.stringify` of each row encoded: printable ASCII strings without a quote or backslash and
 * integers are copied char by char; anything else goes through JSON.stringify and TextEncoder.
 */
class MetaWriter {
  bytes: Uint8Array;
  at = 0;
  private readonly encoder = new TextEncoder();

  /** `into`: where to write (it grows into a buffer of its own when the bytes outgrow it) */
  constructor(into: Uint8Array) {
    this.bytes = into;
  }

  private room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    let size = Math.max(1024, this.bytes.length * 2);
    while (size < this.at + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  byte(b: number): void {
    this.room(1);
    this.bytes[this.at++] = b;
  }

  string(s: string): void {
    const n = s.length;
    this.room(n + 2);
    const bytes = this.bytes;
    let at = this.at;
    bytes[at++] = 34;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c > 126 || c === 34 || c === 92) {
        this.encoded(JSON.stringify(s));
        return;
      }
      bytes[at++] = c;
    }
    bytes[at++] = 34;
    this.at = at;
  }

  nullValue(): void {
    this.room(4);
    const bytes = this.bytes;
    bytes[this.at] = 110;
    bytes[this.at + 1] = 117;
    bytes[this.at + 2] = 108;
    bytes[this.at + 3] = 108;
    this.at += 4;
  }

  int(x: number): void {
    if (!Number.isSafeInteger(x) || x < 0) {
      this.encoded(JSON.stringify(x));
      return;
    }
    this.room(16);
    if (x === 0) {
      this.bytes[this.at++] = 48;
      return;
    }
    let digits = 0;
    for (let y = x; y > 0; y = Math.floor(y / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    for (let y = x; y > 0; y = Math.floor(y / 10)) this.bytes[--at] = 48 + (y % 10);
  }

  /** list[from, to) as a JSON array (a range, not a subarray: a view per contestant, two each, cost
   * 600,000 typed-array objects at 300,000 names) */
  ints(list: Int32Array, from: number, to: number): void {
    this.byte(91);
    for (let i = from; i < to; i++) {
      if (i > from) this.byte(44);
      this.int(list[i]!);
    }
    this.byte(93);
  }

  /** JSON text through the encoder (at most 3 bytes per UTF-16 unit) */
  encoded(json: string): void {
    this.room(3 * json.length);
    this.at += this.encoder.encodeInto(json, this.bytes.subarray(this.at)).written;
  }
}

/** The entities' sections of the buffer (layout in rules/compiled.ts) but the metadata: contestants by person and by contest. */
export function entityTables(
  persons: ReadonlyArray<{ id: string; name: string }>,
  contests: CompiledContest[],
  ks: Contestants,
): Record<'personK0' | 'personK' | 'contestK0' | 'contestK', SectionArray> {
  const nK = ks.refs.length;
  // person → contestants and contest → contestants, as CSR
  const csr = (n: number, start: Int32Array, list: Int32Array): [Int32Array, Int32Array] => {
    const out0 = new Int32Array(n + 1);
    for (let ki = 0; ki < nK; ki++) for (let j = start[ki]!; j < start[ki + 1]!; j++) out0[list[j]! + 1]!++;
    for (let i = 0; i < n; i++) out0[i + 1]! += out0[i]!;
    const out = new Int32Array(out0[n]!);
    const fill = out0.slice(0, n);
    for (let ki = 0; ki < nK; ki++) for (let j = start[ki]!; j < start[ki + 1]!; j++) out[fill[list[j]!]!++] = ki;
    return [out0, out];
  };
  const [personK0, personK] = csr(persons.length, ks.personStart.view(), ks.personList.view());
  const one = new Int32Array(nK + 1);
  for (let ki = 0; ki <= nK; ki++) one[ki] = ki;
  const [contestK0, contestK] = csr(contests.length, one, ks.contest.view());
  return { personK0, personK, contestK0, contestK };
}

/** About how many bytes the metadata takes (a byte per char of its strings: most are ASCII), so that it rarely grows. */
export function metaEstimate(persons: ReadonlyArray<{ id: string; name: string }>, ks: Contestants): number {
  const nK = ks.refs.length;
  let estimate = 64 + 48 * nK;
  for (const p of persons) estimate += p.id.length + p.name.length + 8;
  for (let ki = 0; ki < nK; ki++) estimate += ks.refs[ki]!.id.length;
  return estimate;
}

/**
 * The metadata, one JSON array per entity, UTF-8, end to end (the format's metaBytes), written into
 * `into` (the output buffer's last section, sized by metaEstimate) with each row's end in metaOff.
 * Returns the bytes written: a view of `into`, or of a buffer of the writer's own if they outgrew it.
 */
export function writeMeta(persons: ReadonlyArray<{ id: string; name: string }>, parties: CompiledParty[], ks: Contestants, metaOff: Int32Array, into: Uint8Array): Uint8Array {
  const nK = ks.refs.length;
  const meta = new MetaWriter(into);
  let entry = 0;
  metaOff[0] = 0;
  for (const p of persons) {
    meta.byte(91);
    meta.string(p.id);
    meta.byte(44);
    meta.string(p.name);
    meta.byte(93);
    metaOff[++entry] = meta.at;
  }
  for (const p of parties) {
    meta.encoded(JSON.stringify(p.region ? [p.id, p.label, p.region] : [p.id, p.label]));
    metaOff[++entry] = meta.at;
  }
  const personStart = ks.personStart.view();
  const personList = ks.personList.view();
  const partyStart = ks.partyStart.view();
  const partyList = ks.partyList.view();
  const contestOf = ks.contest.view();
  for (let ki = 0; ki < nK; ki++) {
    const k = ks.refs[ki]!;
    meta.byte(91);
    meta.string(k.id);
    meta.byte(44);
    meta.int(contestOf[ki]!);
    meta.byte(44);
    // (`null` byte by byte: through the encoder it was a native call per contestant, 300,000 of them)
    if (k.number === undefined) meta.nullValue();
    else meta.int(k.number);
    meta.byte(44);
    meta.ints(personList, personStart[ki]!, personStart[ki + 1]!);
    meta.byte(44);
    meta.ints(partyList, partyStart[ki]!, partyStart[ki + 1]!);
    const label = ks.label.get(ki);
    if (label !== undefined) {
      meta.byte(44);
      meta.string(label);
    }
    meta.byte(93);
    metaOff[++entry] = meta.at;
  }
  return meta.bytes.subarray(0, meta.at);
}

/**
 * The buffer of the compiled format (layout in rules/compiled.ts): the header, `sections` copied in,
 * and views of the given lengths for the sections written in place afterwards (`views`).
 */
export function layoutBuffer(
  sections: Partial<Record<SectionName, SectionArray>>,
  inPlace: Partial<Record<SectionName, number>>,
  header: number[],
): { bytes: Uint8Array; views: Partial<Record<SectionName, SectionArray>> } {
  const headerBytes = 4 * (HEADER_WORDS + 2 * SECTION_NAMES.length);
  const width = { u8: 1, u16: 2, i32: 4 } as const;
  let size = headerBytes;
  const offsets: number[] = [];
  const lengths: number[] = [];
  for (const name of SECTION_NAMES) {
    const a = sections[name];
    const want = SECTION_TYPES[name];
    let length: number;
    if (a !== undefined) {
      if ((want === 'u8') !== a instanceof Uint8Array || (want === 'u16') !== a instanceof Uint16Array) throw new Error(`compile: ${name} type`);
      length = a.length;
    } else if (inPlace[name] !== undefined) length = inPlace[name];
    else throw new Error(`compile: ${name} missing`);
    offsets.push(size);
    lengths.push(length);
    size += (length * width[want] + 3) & ~3;
  }
  const out = new Uint8Array(size);
  const head = new DataView(out.buffer);
  header.forEach((v, i) => {
    head.setUint32(4 * i, v, true);
  });
  const views: Partial<Record<SectionName, SectionArray>> = {};
  SECTION_NAMES.forEach((name, i) => {
    head.setUint32(4 * (HEADER_WORDS + 2 * i), offsets[i]!, true);
    head.setUint32(4 * (HEADER_WORDS + 2 * i + 1), lengths[i]!, true);
    const a = sections[name];
    // the platform is little-endian (rules/compiled.ts): the arrays' own bytes are the format's
    if (a !== undefined) out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offsets[i]!);
    else {
      const type = SECTION_TYPES[name];
      views[name] = type === 'u8' ? out.subarray(offsets[i]!, offsets[i]! + lengths[i]!) : type === 'u16' ? new Uint16Array(out.buffer, offsets[i]!, lengths[i]!) : new Int32Array(out.buffer, offsets[i]!, lengths[i]!);
    }
  });
  return { bytes: out, views };
}

/**
 * The buffer `layoutBuffer` made, its last section (the metadata, laid out at the room metaEstimate
 * gave it) closed at the bytes `writeMeta` wrote: the header's length set, the buffer cut after them.
 * When they outgrew that room (they are in a buffer of their own), a buffer of the right size with
 * everything before the section copied.
 */
export function closeLast(bytes: Uint8Array, written: Uint8Array): Uint8Array {
  const last = SECTION_NAMES.length - 1;
  const width = { u8: 1, u16: 2, i32: 4 }[SECTION_TYPES[SECTION_NAMES[last]!]];
  const head = new DataView(bytes.buffer, bytes.byteOffset);
  const offset = head.getUint32(4 * (HEADER_WORDS + 2 * last), true);
  const end = offset + ((written.length * width + 3) & ~3);
  let out: Uint8Array;
  if (written.buffer === bytes.buffer && written.byteOffset === bytes.byteOffset + offset) {
    out = bytes.subarray(0, end);
    // the padding after the section (the buffer was zero, but the writer may have run past its end)
    out.fill(0, offset + written.length * width, end);
  } else {
    out = new Uint8Array(end);
    out.set(bytes.subarray(0, offset));
    out.set(new Uint8Array(written.buffer, written.byteOffset, written.byteLength), offset);
  }
  new DataView(out.buffer, out.byteOffset).setUint32(4 * (HEADER_WORDS + 2 * last) + 4, written.length, true);
  return out;
}
