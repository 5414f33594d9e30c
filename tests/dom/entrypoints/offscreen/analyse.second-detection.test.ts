/**
 * The analysis page's two detections: the photo alone with tasks-vision's default confidence, then,
 * only when that finds no hand, the photo with a border at a lower detection and presence confidence
 * (SECOND_DETECT_CONFIDENCE), on the same landmarker, whose confidence is set back afterwards. The
 * model itself is faked here; it runs in the e2e tests.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Options {
  minHandDetectionConfidence: number;
  minHandPresenceConfidence: number;
}
interface Fake {
  delegate: string;
  options: Options;
  /** the detection confidence in force at each detect call */
  detectedAt: number[];
  setOptions: ReturnType<typeof vi.fn>;
}
const created: Fake[] = [];
/** how many hands detect finds, by the detection confidence in force */
const finds = new Map<number, number>();
/** make the next setOptions call that restores this confidence fail */
let failRestoreTo: number | null = null;

vi.mock('@mediapipe/tasks-vision', () => ({
  HandLandmarker: {
    createFromOptions: vi.fn(async (_files: unknown, options: Options & { baseOptions: { delegate: string } }) => {
      const hand = Array.from({ length: 21 }, (_, i) => ({ x: 0.3 + i * 0.01, y: 0.3 + i * 0.01, z: 0, visibility: 0 }));
      const fake: Fake = {
        delegate: options.baseOptions.delegate,
        options: { minHandDetectionConfidence: options.minHandDetectionConfidence, minHandPresenceConfidence: options.minHandPresenceConfidence },
        detectedAt: [],
        setOptions: vi.fn(async (next: Options) => {
          if (failRestoreTo !== null && next.minHandDetectionConfidence === failRestoreTo) {
            failRestoreTo = null;
            throw new Error('graph restart failed');
          }
          fake.options = { ...next };
        }),
      };
      created.push(fake);
      return {
        setOptions: fake.setOptions,
        detect: vi.fn((image: unknown) => {
          fake.detectedAt.push(fake.options.minHandDetectionConfidence);
          lastImage = image;
          const n = finds.get(fake.options.minHandDetectionConfidence) ?? 0;
          return { landmarks: Array.from({ length: n }, () => hand), worldLandmarks: [], handedness: [] };
        }),
      };
    }),
  },
}));
vi.mock('wxt/browser', () => ({ browser: { runtime: { getURL: (path: string) => `chrome-extension://test${path}` } } }));

let lastImage: unknown = null;
const context = { fillStyle: '', fillRect: vi.fn(), drawImage: vi.fn(), getImageData: () => ({ data: [10, 20, 30, 255] }) };
HTMLCanvasElement.prototype.getContext = vi.fn(() => context) as unknown as HTMLCanvasElement['getContext'];
globalThis.createImageBitmap = vi.fn(async () => ({ width: 100, height: 60, close() {} })) as unknown as typeof createImageBitmap;

const { analysePhoto, DETECT_CONFIDENCE, SECOND_DETECT_CONFIDENCE } = await import('@/entrypoints/offscreen/analyse');
const { TILE_GRID } = await import('@/entrypoints/offscreen/tiles');

const photo = () => new Blob([new Uint8Array([1])], { type: 'image/jpeg' });

beforeEach(() => {
  finds.clear();
  failRestoreTo = null;
  for (const c of created) {
    c.detectedAt.length = 0;
    c.setOptions.mockClear();
  }
});

describe('the second detection', () => {
  it('is not run, nor the confidence changed, when the photo alone shows a hand', async () => {
    finds.set(DETECT_CONFIDENCE, 1);
    const result = await analysePhoto(photo());
    expect(result.hands).toBe(1);
    expect(created).toHaveLength(1);
    expect(created[0]!.options).toEqual({ minHandDetectionConfidence: DETECT_CONFIDENCE, minHandPresenceConfidence: DETECT_CONFIDENCE });
    expect(created[0]!.detectedAt).toEqual([DETECT_CONFIDENCE]);
    expect(created[0]!.setOptions).not.toHaveBeenCalled();
  });

  it('runs at the lower confidence, on the bordered photo, on the same landmarker, when the first finds no hand', async () => {
    expect(SECOND_DETECT_CONFIDENCE).toBeLessThan(DETECT_CONFIDENCE);
    finds.set(SECOND_DETECT_CONFIDENCE, 1);
    const result = await analysePhoto(photo());
    expect(result.hands).toBe(1);
    expect(created).toHaveLength(1); // no second landmarker: it would hold ~78 MB for the page's life
    expect(created[0]!.detectedAt).toEqual([DETECT_CONFIDENCE, SECOND_DETECT_CONFIDENCE]);
    expect(created[0]!.setOptions.mock.calls.map(([o]) => [o.minHandDetectionConfidence, o.minHandPresenceConfidence])).toEqual([
      [SECOND_DETECT_CONFIDENCE, SECOND_DETECT_CONFIDENCE],
      [DETECT_CONFIDENCE, DETECT_CONFIDENCE],
    ]);
    // the bordered canvas: 0.25 of the longest side on each side
    const canvas = lastImage as HTMLCanvasElement;
    expect([canvas.width, canvas.height]).toEqual([150, 110]);
  });

  it('sets the confidence back, so the next photo is read at the default first', async () => {
    await analysePhoto(photo());
    finds.set(DETECT_CONFIDENCE, 1);
    await analysePhoto(photo());
    expect(created).toHaveLength(1);
    // no hand in the first photo: the photo, the border, then the four tiles, all but the first at the lower confidence
    const tiles = Array(TILE_GRID * TILE_GRID).fill(SECOND_DETECT_CONFIDENCE);
    expect(created[0]!.detectedAt).toEqual([DETECT_CONFIDENCE, SECOND_DETECT_CONFIDENCE, ...tiles, DETECT_CONFIDENCE]);
  });

  it('runs the tiles at the lower confidence, each on a canvas of its own size, with one set and one reset', async () => {
    await analysePhoto(photo());
    const fake = created.at(-1)!;
    expect(fake.detectedAt).toEqual([DETECT_CONFIDENCE, SECOND_DETECT_CONFIDENCE, ...Array(TILE_GRID * TILE_GRID).fill(SECOND_DETECT_CONFIDENCE)]);
    expect(fake.setOptions).toHaveBeenCalledTimes(2);
    // the last tile of the 100 × 60 photo: two thirds of each side
    const canvas = lastImage as HTMLCanvasElement;
    expect([canvas.width, canvas.height]).toEqual([67, 40]);
  });

  it('drops a landmarker whose confidence cannot be set back, and loads a fresh one for the next photo', async () => {
    failRestoreTo = DETECT_CONFIDENCE;
    await analysePhoto(photo());
    const before = created.length;
    finds.set(DETECT_CONFIDENCE, 1);
    const next = await analysePhoto(photo());
    expect(created).toHaveLength(before + 1);
    expect(created.at(-1)!.detectedAt).toEqual([DETECT_CONFIDENCE]);
    expect(next.hands).toBe(1);
  });
});
