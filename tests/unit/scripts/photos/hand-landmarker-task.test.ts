import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  composeHandLandmarkerTask,
  extractPackedFile,
  readModelMetadata,
  readTflite,
  withImageMetadata,
} from '../../../../scripts/photos/hand-landmarker-task.ts';

const HANDS = join(import.meta.dirname, '../../../../node_modules/@mediapipe/hands');
const landmark = new Uint8Array(readFileSync(join(HANDS, 'hand_landmark_full.tflite')));
const palm = () =>
  extractPackedFile(
    readFileSync(join(HANDS, 'hands_solution_packed_assets_loader.js'), 'utf8'),
    new Uint8Array(readFileSync(join(HANDS, 'hands_solution_packed_assets.data'))),
    'palm_detection_full.tflite',
  );

/** Entries of a stored (uncompressed) zip, from its central directory. */
function unzip(zip: Uint8Array): Map<string, { data: Uint8Array; offset: number; crc: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, { data: Uint8Array; offset: number; crc: number }>();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    expect(view.getUint16(at + 10, true)).toBe(0); // stored
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const offset = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.set(name, { data: zip.subarray(offset, offset + size), offset, crc });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

describe('the hand landmarker task file, made from the @mediapipe/hands models', () => {
  it('finds a file in the Emscripten packed assets by its name', () => {
    const model = palm();
    expect(model.length).toBe(2_341_280);
    expect(new TextDecoder().decode(model.subarray(4, 8))).toBe('TFL3');
  });

  it('adds image normalization metadata and keeps every part of the model', () => {
    const before = readTflite(landmark);
    const out = withImageMetadata(landmark, { name: 'hand landmarks', mean: 0, std: 255 });
    const after = readTflite(out);
    expect(after.version).toBe(before.version);
    expect(after.subgraphs).toBe(before.subgraphs);
    expect(after.operatorCodes).toBe(before.operatorCodes);
    expect(after.buffers.length).toBe(before.buffers.length + 1);
    // the weights are the same bytes, now further into the file
    const changed = before.buffers.filter((data, i) => !Buffer.from(data).equals(Buffer.from(after.buffers[i]!))).length;
    expect(changed).toBe(0);
    expect(before.buffers.some((data) => data.length > 100_000)).toBe(true);
    expect(after.metadata.map((m) => m.name)).toEqual([...before.metadata.map((m) => m.name), 'TFLITE_METADATA']);
    const entry = after.metadata.at(-1)!;
    expect(entry.buffer).toBe(before.buffers.length);
    const meta = readModelMetadata(after.buffers[entry.buffer]!);
    expect(meta).toEqual({ name: 'hand landmarks', inputs: [{ name: 'image', colorSpace: 'RGB', mean: [0], std: [255] }] });
  });

  it('aligns the metadata and weights as TensorFlow Lite needs', () => {
    const out = withImageMetadata(landmark, { name: 'x', mean: 0, std: 255 });
    const model = readTflite(out);
    for (const data of model.buffers) if (data.length > 0) expect(data.byteOffset % 16).toBe(0);
  });

  it('refuses a file that is not a TensorFlow Lite model', () => {
    expect(() => withImageMetadata(new TextEncoder().encode('<!DOCTYPE html><html>not a model</html>'), { name: 'x', mean: 0, std: 255 })).toThrow(
      /not a TensorFlow Lite model/,
    );
    expect(() => readTflite(new Uint8Array(4))).toThrow(/not a TensorFlow Lite model/);
  });

  it('refuses a packed file it cannot find', () => {
    expect(() => extractPackedFile('{"files": []}', new Uint8Array(10), 'palm_detection_full.tflite')).toThrow(/palm_detection_full.tflite/);
  });

  it('zips the detector and landmark models under the names the task API reads', () => {
    const task = composeHandLandmarkerTask({ palmDetector: palm(), handLandmarks: landmark });
    const entries = unzip(task);
    expect([...entries.keys()]).toEqual(['hand_detector.tflite', 'hand_landmarks_detector.tflite']);
    for (const [name, entry] of entries) {
      expect(entry.offset % 16, name).toBe(0);
      expect(entry.crc, name).toBe(crc32(entry.data));
      const model = readTflite(entry.data);
      const meta = readModelMetadata(model.buffers[model.metadata.at(-1)!.buffer]!);
      expect(meta.inputs[0]).toMatchObject({ mean: [0], std: [255], colorSpace: 'RGB' });
    }
    expect(readTflite(entries.get('hand_landmarks_detector.tflite')!.data).buffers.length).toBe(readTflite(landmark).buffers.length + 1);
  });

  it('is the same bytes every time (a reproducible build)', () => {
    const a = composeHandLandmarkerTask({ palmDetector: palm(), handLandmarks: landmark });
    const b = composeHandLandmarkerTask({ palmDetector: palm(), handLandmarks: landmark });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
