/**
 * Photo attachments: when the user attaches an image (file input `change`, `drop`, `paste`), it is
 * downscaled here (createImageBitmap + OffscreenCanvas) and sent to the extension's analysis page
 * through the background; the result is kept per attachment until an action publishes it.
 *
 * Cost: three capture listeners on window that return at once unless the event carries image
 * files; nothing runs while the user scrolls or clicks. The model never runs in the page.
 */
import type { PhotoResult } from '@/utils/messages';

/** Longest side of the image sent for analysis (and shown in the dialog). */
export const PHOTO_MAX_SIDE = 960;
/** At most this many images per attach event are checked. */
const MAX_FILES = 8;
/** An attachment older than this is forgotten (the composer was abandoned). */
const KEEP_MS = 30 * 60_000;

export interface PhotoCheck {
  /** the downscaled image (data URL), once made */
  thumbnail: string | null;
  /** the analysis; null when it failed (the check fails open) */
  result: Promise<PhotoResult | null>;
  /** set when the analysis has finished */
  settled: PhotoResult | null | undefined;
  time: number;
}

export interface PhotoTracker {
  /** the attachments not yet published, oldest first */
  pending(now: number): PhotoCheck[];
  /** these attachments went out (or passed): forget them */
  consume(checks: readonly PhotoCheck[]): void;
}

export async function downscale(file: Blob, maxSide = PHOTO_MAX_SIDE): Promise<string> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, w, h);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    return await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsDataURL(blob);
    });
  } finally {
    bitmap.close();
  }
}

function imageFiles(list: FileList | null | undefined): File[] {
  if (!list || list.length === 0) return [];
  return Array.from(list)
    .filter((f) => f.type.startsWith('image/'))
    .slice(0, MAX_FILES);
}

export interface PhotoWatchOptions {
  /** background round trip: the analysis of one downscaled image */
  analyse: (image: string) => Promise<PhotoResult>;
  onError: (error: unknown) => void;
  now?: () => number;
}

export function installPhotoWatch(target: Window, options: PhotoWatchOptions, signal: AbortSignal): PhotoTracker {
  const now = options.now ?? Date.now;
  let checks: PhotoCheck[] = [];

  const start = (file: File): void => {
    const check: PhotoCheck = { thumbnail: null, settled: undefined, time: now(), result: Promise.resolve(null) };
    check.result = downscale(file)
      .then((image) => {
        check.thumbnail = image;
        return options.analyse(image);
      })
      .then(
        (result) => (check.settled = result),
        (error: unknown) => {
          options.onError(error);
          return (check.settled = null); // fail open
        },
      );
    checks.push(check);
  };

  const onChange = (event: Event): void => {
    const input = event.target as HTMLInputElement | null;
    if (input?.localName !== 'input' || input.type !== 'file') return;
    for (const file of imageFiles(input.files)) start(file);
  };
  const onDrop = (event: DragEvent): void => {
    for (const file of imageFiles(event.dataTransfer?.files)) start(file);
  };
  const onPaste = (event: ClipboardEvent): void => {
    for (const file of imageFiles(event.clipboardData?.files)) start(file);
  };

  target.addEventListener('change', onChange, { capture: true, signal });
  target.addEventListener('drop', onDrop, { capture: true, signal });
  target.addEventListener('paste', onPaste, { capture: true, signal });

  return {
    pending(at) {
      checks = checks.filter((c) => at - c.time < KEEP_MS);
      return [...checks];
    },
    consume(done) {
      checks = checks.filter((c) => !done.includes(c));
    },
  };
}
