/**
 * Photo attachments: when the user attaches an image (file input `change`, `drop`, `paste`), it is
 * downscaled here (createImageBitmap + OffscreenCanvas) and sent to the extension's analysis page
 * through the background; the result is kept per attachment until an action publishes it.
 *
 * Each attachment is tied to the composer it was attached in (`composerOf`, from the site adapter),
 * so a send from another composer is not held for it; a photo whose composer left the page is
 * forgotten. An attachment whose composer is unknown holds every publishing action (fail-safe).
 *
 * Cost: three capture listeners on window that return at once unless the event carries image
 * files; nothing runs while the user scrolls or clicks. The model never runs in the page. Until the
 * analysis page is warm, two more passive listeners watch for a sign that a photo is coming (a
 * press on an attach control, a file dragged over the page) and start loading it then.
 */
import type { PhotoCheckAnswer, PhotoResult } from '@/utils/messages';
import { eventElement } from './sites/helpers';

/** Longest side of the image sent for analysis (and shown in the dialog). */
export const PHOTO_MAX_SIDE = 960;
/** At most this many images per attach event are checked, and kept per page (oldest dropped). */
export const MAX_PHOTOS = 8;
/** An attachment older than this is forgotten (the composer was abandoned). */
const KEEP_MS = 30 * 60_000;

export interface PhotoCheck {
  /** the downscaled image (data URL), once made */
  thumbnail: string | null;
  /**
   * the analysis; null when the photo could not be checked (the background said why, or did not
   * answer, or it could not be decoded): the check fails open, and the user is told
   */
  result: Promise<PhotoResult | null>;
  /** set when the analysis has finished */
  settled: PhotoResult | null | undefined;
  time: number;
  /** the composer it was attached in; null when unknown (then it counts for every composer) */
  composer: WeakRef<Element> | null;
}

export interface PhotoTracker {
  /**
   * The attachments not yet published, oldest first. With `composer`, only those attached in it
   * (or around or inside it) and those whose composer is unknown.
   */
  pending(now: number, composer?: Element): PhotoCheck[];
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
    .slice(0, MAX_PHOTOS);
}

export interface PhotoWatchOptions {
  /** background round trip: the analysis of one downscaled image, or why there is none */
  analyse: (image: string) => Promise<PhotoCheckAnswer>;
  onError: (error: unknown) => void;
  now?: () => number;
  /** the composer an attach target (file input, drop or paste target) belongs to; null: unknown */
  composerOf?: (el: Element) => Element | null;
  /**
   * Start loading the analysis page and its model ahead of the first photo. Called once, at the
   * first sign of intent: a press on an attach control (`isAttachControl`, or a file input or its
   * label) or a drag of files over the page.
   */
  warm?: () => void;
  /** site-specific attach buttons (e.g. a paper-clip icon that opens a menu holding the file input) */
  isAttachControl?: (el: Element) => boolean;
  /**
   * whether an event is the user's own input (tests substitute this: happy-dom makes no trusted
   * events). A page can dispatch drop, paste and change events carrying any image: those would
   * start an analysis and hold the user's later sends for a photo never attached.
   */
  isUserInput?: (event: Event) => boolean;
}

/** Whether two composers are the same: one element, or one inside the other. */
export function sameComposer(a: Element, b: Element): boolean {
  return a === b || a.contains(b) || b.contains(a);
}

/** A file input, a label for one, or a control wrapping one: pressing it opens the file picker. */
function opensFilePicker(el: Element): boolean {
  const hit = el.closest('input[type="file"], label');
  if (hit?.localName === 'input') return true;
  if (hit && (hit as HTMLLabelElement).control?.getAttribute('type') === 'file') return true;
  const control = el.closest('button, [role="button"], [role="menuitem"], label');
  return !!control?.querySelector('input[type="file"]');
}

/**
 * Calls `warm` once, at the first press on something that opens a file picker or on a site's
 * attach control, or when files are dragged over the page. Both listeners are passive and are
 * removed after the first hit; nothing runs on scroll, mouse moves or typing.
 */
function installWarmUp(target: Window, options: PhotoWatchOptions, signal: AbortSignal): void {
  const warm = options.warm;
  if (!warm) return;
  const isUserInput = options.isUserInput ?? ((event: Event) => event.isTrusted);
  const once = new AbortController();
  signal.addEventListener('abort', () => once.abort(), { once: true });
  const fire = (): void => {
    once.abort();
    try {
      warm();
    } catch (error) {
      options.onError(error);
    }
  };
  const onPress = (event: Event): void => {
    if (!isUserInput(event)) return;
    const el = eventElement(event);
    if (el && (opensFilePicker(el) || options.isAttachControl?.(el))) fire();
  };
  const onDragEnter = (event: DragEvent): void => {
    if (isUserInput(event) && event.dataTransfer?.types.includes('Files')) fire();
  };
  target.addEventListener('pointerdown', onPress, { capture: true, passive: true, signal: once.signal });
  target.addEventListener('dragenter', onDragEnter, { capture: true, passive: true, signal: once.signal });
}

export function installPhotoWatch(target: Window, options: PhotoWatchOptions, signal: AbortSignal): PhotoTracker {
  const now = options.now ?? Date.now;
  const isUserInput = options.isUserInput ?? ((event: Event) => event.isTrusted);
  let checks: PhotoCheck[] = [];

  installWarmUp(target, options, signal);

  const composerFor = (event: Event): WeakRef<Element> | null => {
    const el = eventElement(event);
    let composer: Element | null = null;
    try {
      composer = el && options.composerOf ? options.composerOf(el) : null;
    } catch (error) {
      options.onError(error);
    }
    return composer ? new WeakRef(composer) : null;
  };

  const start = (file: File, composer: WeakRef<Element> | null): void => {
    const check: PhotoCheck = { thumbnail: null, settled: undefined, time: now(), result: Promise.resolve(null), composer };
    const fail = (error: unknown): null => {
      options.onError(error);
      return (check.settled = null); // fail open
    };
    check.result = downscale(file)
      .then((image) => {
        check.thumbnail = image;
        return options.analyse(image);
      })
      // "could not check" (the background's reason code) is no result, unlike "checked, nothing found"
      .then((answer) => (check.settled = 'unchecked' in answer ? null : answer), fail);
    checks.push(check);
    if (checks.length > MAX_PHOTOS) checks = checks.slice(-MAX_PHOTOS);
  };

  /** the image files an attach event carries, each checked and tied to the event's composer */
  const startAll = (event: Event, list: FileList | null | undefined): void => {
    if (!isUserInput(event)) return;
    const files = imageFiles(list);
    if (files.length === 0) return;
    const composer = composerFor(event);
    for (const file of files) start(file, composer);
  };
  const onChange = (event: Event): void => {
    const input = event.target as HTMLInputElement | null;
    if (input?.localName === 'input' && input.type === 'file') startAll(event, input.files);
  };
  const onDrop = (event: DragEvent): void => startAll(event, event.dataTransfer?.files);
  const onPaste = (event: ClipboardEvent): void => startAll(event, event.clipboardData?.files);

  target.addEventListener('change', onChange, { capture: true, signal });
  target.addEventListener('drop', onDrop, { capture: true, signal });
  target.addEventListener('paste', onPaste, { capture: true, signal });

  return {
    pending(at, composer) {
      if (checks.length === 0) return [];
      // Forget what is too old, and photos whose composer left the page (closed, sent, navigated).
      checks = checks.filter((c) => at - c.time < KEEP_MS && (!c.composer || c.composer.deref()?.isConnected === true));
      if (!composer) return [...checks];
      return checks.filter((c) => {
        const own = c.composer?.deref();
        return !own || sameComposer(own, composer);
      });
    },
    consume(done) {
      checks = checks.filter((c) => !done.includes(c));
    },
  };
}
