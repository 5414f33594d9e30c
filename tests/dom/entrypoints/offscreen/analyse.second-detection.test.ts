/**
 * The analysis page's two detections: the photo alone with tasks-vision's default confidence, then,
 * only when that finds no hand, the photo with a border on a second landmarker whose detection and
 * presence confidence is lower (SECOND_DETECT_CONFIDENCE). The model itself is faked here; it runs in
 * the e2e tests.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Fake {
  delegate: string;
  detection: number;
  presence: number;
  detect: ReturnType<typeof vi.fn>;
}
const created: Fake[] = [];
/** what each landmarker's detect finds, by the confidence it was made with */
const finds = new Map<number, number>();

vi.mock('@mediapipe/tasks-vision', () => ({
  HandLandmarker: {
    createFromOptions: vi.fn(async (_files: unknown, options: { baseOptions: { delegate: string }; minHandDetectionConfidence: number; minHandPresenceConfidence: number }) => {
      const hand = Array.from({ length: 21 }, (_, i) => ({ x: 0.3 + i * 0.01, y: 0.3 + i * 0.01, z: 0, visibility: 0 }));
      const detect = vi.fn(() => {
        const n = finds.get(options.minHandDetectionConfidence) ?? 0;
        return { landmarks: Array.from({ length: n }, () => hand), worldLandmarks: [], handedness: [] };
      });
      created.push({ delegate: options.baseOptions.delegate, detection: options.minHandDetectionConfidence, presence: options.minHandPresenceConfidence, detect });
      return { detect };
    }),
  },
}));
vi.mock('wxt/browser', () => ({ browser: { runtime: { getURL: (path: string) => `chrome-extension://test${path}` } } }));

const context = { fillStyle: '', fillRect: vi.fn(), drawImage: vi.fn(), getImageData: () => ({ data: [10, 20, 30, 255] }) };
HTMLCanvasElement.prototype.getContext = vi.fn(() => context) as unknown as HTMLCanvasElement['getContext'];
globalThis.createImageBitmap = vi.fn(async () => ({ width: 100, height: 60, close() {} })) as unknown as typeof createImageBitmap;

const { analysePhoto, DETECT_CONFIDENCE, SECOND_DETECT_CONFIDENCE } = await import('@/entrypoints/offscreen/analyse');

beforeEach(() => {
  finds.clear();
  for (const c of created) c.detect.mockClear();
});

describe('the second detection', () => {
  it('is not run, nor its landmarker loaded, when the photo alone shows a hand', async () => {
    finds.set(DETECT_CONFIDENCE, 1);
    const result = await analysePhoto(new Blob([new Uint8Array([1])], { type: 'image/jpeg' }));
    expect(result.hands).toBe(1);
    expect(created.map((c) => c.detection)).toEqual([DETECT_CONFIDENCE]);
    expect(created[0]!.presence).toBe(DETECT_CONFIDENCE);
    expect(created[0]!.detect).toHaveBeenCalledTimes(1);
  });

  it('runs on a landmarker of lower confidence, on the bordered photo, when the first finds no hand', async () => {
    expect(SECOND_DETECT_CONFIDENCE).toBeLessThan(DETECT_CONFIDENCE);
    finds.set(SECOND_DETECT_CONFIDENCE, 1);
    const result = await analysePhoto(new Blob([new Uint8Array([1])], { type: 'image/jpeg' }));
    expect(result.hands).toBe(1);
    expect(created.map((c) => [c.detection, c.presence, c.delegate])).toEqual([
      [DETECT_CONFIDENCE, DETECT_CONFIDENCE, 'CPU'],
      [SECOND_DETECT_CONFIDENCE, SECOND_DETECT_CONFIDENCE, 'CPU'],
    ]);
    expect(created[0]!.detect).toHaveBeenCalledTimes(1);
    expect(created[1]!.detect).toHaveBeenCalledTimes(1);
    // the bordered canvas: 0.25 of the longest side on each side
    const canvas = created[1]!.detect.mock.calls[0]![0] as HTMLCanvasElement;
    expect([canvas.width, canvas.height]).toEqual([150, 110]);
  });

  it('loads that landmarker once', async () => {
    await analysePhoto(new Blob([new Uint8Array([1])], { type: 'image/jpeg' }));
    expect(created).toHaveLength(2);
    expect(created[1]!.detect).toHaveBeenCalledTimes(1);
  });
});
