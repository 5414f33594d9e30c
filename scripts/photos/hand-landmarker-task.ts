/**
 * Builds `hand_landmarker.task`, the model file of MediaPipe's HandLandmarker (@mediapipe/tasks-vision),
 * from the two models the @mediapipe/hands npm package ships (Apache-2.0, Google): the palm
 * detector (inside its Emscripten packed assets) and the full hand-landmark model. Google's own
 * task file is not in any npm package and nothing may be downloaded at run time, so the build
 * makes it (wxt.config.ts, docs/photo-check.md "Model").
 *
 * A task file is a zip of `hand_detector.tflite` and `hand_landmarks_detector.tflite`. The task
 * API reads each model's TFLite metadata for how to turn pixels into the float input (mean/std);
 * the @mediapipe/hands models carry none (their graph had it), so it is added here: a
 * `TFLITE_METADATA` buffer holding a ModelMetadata flatbuffer (file identifier "M001").
 *
 * Nothing is parsed beyond what that needs. The new root table and vectors are written before the
 * original model bytes, which are kept whole: flatbuffer offsets point forward and are relative,
 * so the original tables stay valid where they are, only shifted by a multiple of 16.
 */
import { crc32 } from 'node:zlib';

const TFLITE_ID = 'TFL3';
const METADATA_ID = 'M001';
const METADATA_NAME = 'TFLITE_METADATA';

// ---------------------------------------------------------------------------------------------
// Reading

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u8 = (at: number) => this.view.getUint8(at);
  u16 = (at: number) => this.view.getUint16(at, true);
  u32 = (at: number) => this.view.getUint32(at, true);
  f32 = (at: number) => this.view.getFloat32(at, true);
  /** Absolute position of what the offset stored at `at` points to. */
  deref = (at: number) => at + this.u32(at);
  /** Absolute position of field `id` of the table at `table`, or 0 when absent. */
  field(table: number, id: number): number {
    const vtable = table - this.view.getInt32(table, true);
    const length = this.u16(vtable);
    const slot = 4 + 2 * id;
    if (slot >= length) return 0;
    const offset = this.u16(vtable + slot);
    return offset ? table + offset : 0;
  }
  ref(table: number, id: number): number {
    const at = this.field(table, id);
    return at ? this.deref(at) : 0;
  }
  string(at: number): string {
    return new TextDecoder().decode(this.bytes.subarray(at + 4, at + 4 + this.u32(at)));
  }
  /** Absolute positions of the tables a vector of offsets points to. */
  tables(vector: number): number[] {
    if (!vector) return [];
    return Array.from({ length: this.u32(vector) }, (_, i) => this.deref(vector + 4 + 4 * i));
  }
  floats(vector: number): number[] {
    if (!vector) return [];
    return Array.from({ length: this.u32(vector) }, (_, i) => this.f32(vector + 4 + 4 * i));
  }
}

function identifier(bytes: Uint8Array): string {
  return bytes.length >= 8 ? String.fromCharCode(...bytes.subarray(4, 8)) : '';
}

/** The Model table's fields this file uses (schema.fbs). */
const MODEL = { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4, metadataBuffer: 5, metadata: 6, signatureDefs: 7 } as const;

export interface TfliteSummary {
  version: number;
  operatorCodes: number;
  subgraphs: number;
  /** each buffer's data (empty when it has none) */
  buffers: Uint8Array[];
  metadata: { name: string; buffer: number }[];
}

function openTflite(bytes: Uint8Array): { r: Reader; root: number } {
  if (identifier(bytes) !== TFLITE_ID || bytes.length < 16) throw new Error('not a TensorFlow Lite model (no "TFL3" identifier)');
  const r = new Reader(bytes);
  return { r, root: r.u32(0) };
}

export function readTflite(bytes: Uint8Array): TfliteSummary {
  const { r, root } = openTflite(bytes);
  const count = (id: number) => {
    const v = r.ref(root, id);
    return v ? r.u32(v) : 0;
  };
  const version = r.field(root, MODEL.version);
  return {
    version: version ? r.u32(version) : 0,
    operatorCodes: count(MODEL.operatorCodes),
    subgraphs: count(MODEL.subgraphs),
    buffers: r.tables(r.ref(root, MODEL.buffers)).map((buffer) => {
      const data = r.ref(buffer, 0);
      return data ? bytes.subarray(data + 4, data + 4 + r.u32(data)) : new Uint8Array(0);
    }),
    metadata: r.tables(r.ref(root, MODEL.metadata)).map((m) => {
      const buffer = r.field(m, 1);
      return { name: r.string(r.ref(m, 0)), buffer: buffer ? r.u32(buffer) : 0 };
    }),
  };
}

export interface ImageInputMetadata {
  name: string;
  inputs: { name: string; colorSpace: string; mean: number[]; std: number[] }[];
}

/** The parts of a ModelMetadata flatbuffer (metadata_schema.fbs) that withImageMetadata writes. */
export function readModelMetadata(bytes: Uint8Array): ImageInputMetadata {
  if (identifier(bytes) !== METADATA_ID) throw new Error('not TFLite model metadata (no "M001" identifier)');
  const r = new Reader(bytes);
  const root = r.u32(0);
  const [subgraph] = r.tables(r.ref(root, 3));
  const inputs = r.tables(subgraph ? r.ref(subgraph, 2) : 0).map((tensor) => {
    const content = r.ref(tensor, 3);
    const properties = content && r.u8(r.field(content, 0)) === 2 ? r.ref(content, 1) : 0;
    const colorSpace = properties && r.field(properties, 0) ? (['UNKNOWN', 'RGB', 'GRAYSCALE'][r.u8(r.field(properties, 0))] ?? '?') : 'UNKNOWN';
    const norm = r.tables(r.ref(tensor, 4)).find((unit) => r.field(unit, 0) && r.u8(r.field(unit, 0)) === 1);
    const options = norm ? r.ref(norm, 1) : 0;
    return {
      name: r.field(tensor, 0) ? r.string(r.ref(tensor, 0)) : '',
      colorSpace,
      mean: options ? r.floats(r.ref(options, 0)) : [],
      std: options ? r.floats(r.ref(options, 1)) : [],
    };
  });
  return { name: r.field(root, 0) ? r.string(r.ref(root, 0)) : '', inputs };
}

// ---------------------------------------------------------------------------------------------
// Writing: objects laid out in the order given, each referring only to later ones (or to the
// original model's bytes after them), so every offset is positive as flatbuffers require.

type Target = Piece | { at: number };

interface Piece {
  align: number;
  size: number;
  /** where, inside the piece, a reference to it points (a table's start is after its vtable) */
  ref: number;
  write(view: DataView, at: number, where: (t: Target) => number): void;
}

type Field = { id: number; u8: number } | { id: number; u32: number } | { id: number; to: Target };

/** A table with its vtable just before it; every field takes 4 bytes, which keeps it simple. */
function table(fields: Field[]): Piece {
  const slots = fields.length ? Math.max(...fields.map((f) => f.id)) + 1 : 0;
  const vtableSize = 4 + 2 * slots;
  const vtablePadded = Math.ceil(vtableSize / 4) * 4;
  const tableSize = 4 + 4 * fields.length;
  return {
    align: 4,
    size: vtablePadded + tableSize,
    ref: vtablePadded,
    write(view, at, where) {
      const start = at + vtablePadded;
      view.setUint16(at, vtableSize, true);
      view.setUint16(at + 2, tableSize, true);
      view.setInt32(start, start - at, true);
      fields.forEach((f, i) => {
        const offset = 4 + 4 * i;
        view.setUint16(at + 4 + 2 * f.id, offset, true);
        const p = start + offset;
        if ('u8' in f) view.setUint8(p, f.u8);
        else if ('u32' in f) view.setUint32(p, f.u32, true);
        else view.setUint32(p, forward(where(f.to), p), true);
      });
    },
  };
}

function forward(target: number, from: number): number {
  if (target <= from) throw new Error('flatbuffer offset would point backwards');
  return target - from;
}

function vectorOf(items: Target[]): Piece {
  return {
    align: 4,
    size: 4 + 4 * items.length,
    ref: 0,
    write(view, at, where) {
      view.setUint32(at, items.length, true);
      items.forEach((t, i) => {
        view.setUint32(at + 4 + 4 * i, forward(where(t), at + 4 + 4 * i), true);
      });
    },
  };
}

function floats(values: number[]): Piece {
  return {
    align: 4,
    size: 4 + 4 * values.length,
    ref: 0,
    write(view, at) {
      view.setUint32(at, values.length, true);
      values.forEach((v, i) => {
        view.setFloat32(at + 4 + 4 * i, v, true);
      });
    },
  };
}

function string(text: string): Piece {
  const bytes = new TextEncoder().encode(text);
  return {
    align: 4,
    size: 4 + bytes.length + 1,
    ref: 0,
    write(view, at) {
      view.setUint32(at, bytes.length, true);
      new Uint8Array(view.buffer, view.byteOffset + at + 4, bytes.length).set(bytes);
    },
  };
}

/** A byte vector whose data starts 16-aligned (TFLite buffers are force_align 16). */
function bytesOf(data: Uint8Array): Piece {
  return {
    align: 16,
    size: 16 + data.length,
    ref: 12,
    write(view, at) {
      view.setUint32(at + 12, data.length, true);
      new Uint8Array(view.buffer, view.byteOffset + at + 16, data.length).set(data);
    },
  };
}

const alignUp = (n: number, to: number) => Math.ceil(n / to) * to;

/**
 * A flatbuffer: root offset, file identifier, the pieces (the first is the root table), then
 * `tail` (bytes the pieces may point into through `{at}` targets, positions relative to the tail).
 */
function serialize(id: string, pieces: Piece[], tail: Uint8Array = new Uint8Array(0)): Uint8Array {
  const positions = new Map<Piece, number>();
  let end = 8;
  for (const piece of pieces) {
    end = alignUp(end, piece.align);
    positions.set(piece, end);
    end += piece.size;
  }
  const tailAt = alignUp(end, 64);
  const out = new Uint8Array(tailAt + tail.length);
  const view = new DataView(out.buffer);
  const where = (t: Target) => ('at' in t ? tailAt + t.at : positions.get(t)! + t.ref);
  view.setUint32(0, forward(where(pieces[0]!), 0), true);
  for (let i = 0; i < 4; i++) out[4 + i] = id.charCodeAt(i);
  for (const piece of pieces) piece.write(view, positions.get(piece)!, where);
  out.set(tail, tailAt);
  return out;
}

/** ModelMetadata for a model with one RGB image input normalized as (pixel − mean) / std. */
function imageMetadata(name: string, mean: number, std: number): Uint8Array {
  const meanVector = floats([mean]);
  const stdVector = floats([std]);
  const normalization = table([
    { id: 0, to: meanVector },
    { id: 1, to: stdVector },
  ]);
  // ProcessUnit.options: union ProcessUnitOptions, NormalizationOptions = 1
  const unit = table([
    { id: 0, u8: 1 },
    { id: 1, to: normalization },
  ]);
  const units = vectorOf([unit]);
  const imageProperties = table([{ id: 0, u8: 1 }]); // color_space RGB
  // Content.content_properties: union ContentProperties, ImageProperties = 2
  const content = table([
    { id: 0, u8: 2 },
    { id: 1, to: imageProperties },
  ]);
  const tensorName = string('image');
  const tensor = table([
    { id: 0, to: tensorName },
    { id: 3, to: content },
    { id: 4, to: units },
  ]);
  const inputs = vectorOf([tensor]);
  const subgraph = table([{ id: 2, to: inputs }]);
  const subgraphs = vectorOf([subgraph]);
  const modelName = string(name);
  const root = table([
    { id: 0, to: modelName },
    { id: 3, to: subgraphs },
  ]);
  return serialize(METADATA_ID, [
    root, modelName, subgraphs, subgraph, inputs, tensor, tensorName, content, imageProperties, units, unit, normalization, meanVector, stdVector,
  ]);
}

/** The model with TFLite metadata saying its one input is an RGB image, (pixel − mean) / std. */
export function withImageMetadata(model: Uint8Array, input: { name: string; mean: number; std: number }): Uint8Array {
  const { r, root } = openTflite(model);
  if (readTflite(model).metadata.some((m) => m.name === METADATA_NAME)) throw new Error('the model already has TFLite metadata');
  const old = (at: number): Target => ({ at });
  const oldBuffers = r.tables(r.ref(root, MODEL.buffers));
  const metadataBytes = bytesOf(imageMetadata(input.name, input.mean, input.std));
  const newBuffer = table([{ id: 0, to: metadataBytes }]);
  const buffers = vectorOf([...oldBuffers.map(old), newBuffer]);
  const metadataName = string(METADATA_NAME);
  const metadataEntry = table([
    { id: 0, to: metadataName },
    { id: 1, u32: oldBuffers.length },
  ]);
  const metadata = vectorOf([...r.tables(r.ref(root, MODEL.metadata)).map(old), metadataEntry]);
  const fields: Field[] = [];
  const version = r.field(root, MODEL.version);
  if (version) fields.push({ id: MODEL.version, u32: r.u32(version) });
  for (const id of [MODEL.operatorCodes, MODEL.subgraphs, MODEL.description, MODEL.metadataBuffer, MODEL.signatureDefs]) {
    const at = r.ref(root, id);
    if (at) fields.push({ id, to: old(at) });
  }
  fields.push({ id: MODEL.buffers, to: buffers }, { id: MODEL.metadata, to: metadata });
  fields.sort((a, b) => a.id - b.id);
  return serialize(TFLITE_ID, [table(fields), buffers, newBuffer, metadata, metadataEntry, metadataName, metadataBytes], model);
}

// ---------------------------------------------------------------------------------------------
// The packed assets and the zip

/**
 * A file from an Emscripten file packager's output: the loader script lists each file with its
 * start and end in the .data file.
 */
export function extractPackedFile(loader: string, data: Uint8Array, name: string): Uint8Array {
  const pattern = /"filename":\s*"([^"]+)",\s*"start":\s*(\d+),\s*"end":\s*(\d+)/g;
  for (const [, file, start, end] of loader.matchAll(pattern)) {
    if (file!.endsWith(`/${name}`) || file === name) {
      if (Number(end) > data.length) throw new Error(`${name}: the packed data is shorter than its loader says`);
      return data.slice(Number(start), Number(end));
    }
  }
  throw new Error(`${name} is not in the packed assets`);
}

/** A zip with stored (uncompressed) entries whose data starts 16-aligned, so it can be read in place. */
function storedZip(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = new TextEncoder().encode(name);
    const pad = (16 - ((offset + 30 + nameBytes.length) % 16)) % 16;
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length + pad);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed
    lv.setUint16(10, 0, true); // time and date: fixed, for a reproducible file
    lv.setUint16(12, 0x21, true); // 1980-01-01
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    lv.setUint16(28, pad, true); // extra field: zero padding up to the alignment
    local.set(nameBytes, 30);
    const entry = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(14, 0x21, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    entry.set(nameBytes, 46);
    parts.push(local, data);
    central.push(entry);
    offset += local.length + data.length;
  }
  const centralSize = central.reduce((n, e) => n + e.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const part of [...parts, ...central, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * hand_landmarker.task from the palm detector and the hand-landmark model. Both take RGB scaled to
 * [0, 1] (the @mediapipe/hands graph's image-to-tensor range), hence mean 0 and std 255.
 */
export function composeHandLandmarkerTask(models: { palmDetector: Uint8Array; handLandmarks: Uint8Array }): Uint8Array {
  return storedZip([
    { name: 'hand_detector.tflite', data: withImageMetadata(models.palmDetector, { name: 'palm detection (full)', mean: 0, std: 255 }) },
    { name: 'hand_landmarks_detector.tflite', data: withImageMetadata(models.handLandmarks, { name: 'hand landmarks (full)', mean: 0, std: 255 }) },
  ]);
}
