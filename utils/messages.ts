/**
 * The typed message protocol between content scripts, extension pages and the background.
 * One discriminated union; the background validates every message with zod and answers with
 * one exhaustive switch. Content scripts may send only CONTENT_MESSAGE_TYPES.
 */
import * as z from 'zod/mini';
import { ACTION_DETAILS, ACTION_KINDS, SITE_IDS } from '@/rules/actions';
import { GESTURE_IDS, type GestureId } from '@/rules/gesture-ids';
import { WARNING_SEVERITIES, type WarningSeverity } from '@/utils/decision';

/** A downscaled photo is a few hundred KB; anything bigger is refused. */
export const PHOTO_MAX_DATA_URL = 4_000_000;

/** One hand that shows a pose; box and points are fractions of the image's width and height. */
export interface PhotoGesture {
  gesture: Exclude<GestureId, 'none'>;
  /** from rules/gestures.ts, filled in by the analysis page so content scripts need not carry the table */
  severity: WarningSeverity;
  /** emoji and Indonesian name, for the decision log */
  label: string;
  box: [number, number, number, number];
  points: [number, number][];
  /** the hand model's handedness (labelled as if mirrored) and its confidence, where reported */
  handedness?: { label: 'Left' | 'Right'; score: number };
  /** the detector's confidence that this is a hand, where reported */
  score?: number;
}

/** Which hand-model runtime answered: MediaPipe tasks-vision on the CPU (XNNPACK) or on WebGL. */
export const PHOTO_RUNTIMES = ['tasks-cpu', 'tasks-gpu'] as const;
export type PhotoRuntime = (typeof PHOTO_RUNTIMES)[number];

/** The analysis page's answer for one photo. */
export interface PhotoResult {
  /** hands found, with or without a pose */
  hands: number;
  gestures: PhotoGesture[];
  /** milliseconds the analysis took (model load included on the first photo) */
  ms: number;
  runtime?: PhotoRuntime;
}

const PhotoGestureSchema = z.object({
  gesture: z.enum(GESTURE_IDS.filter((g): g is Exclude<GestureId, 'none'> => g !== 'none')),
  severity: z.enum(WARNING_SEVERITIES),
  label: z.string().check(z.maxLength(200)),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  points: z.array(z.tuple([z.number(), z.number()])).check(z.maxLength(21)),
  handedness: z.optional(z.object({ label: z.enum(['Left', 'Right']), score: z.number().check(z.minimum(0), z.maximum(1)) })),
  score: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});
/** The analysis page's answer, checked by the background before it goes to a content script. */
export const PhotoResultSchema = z.object({
  hands: z.number(),
  gestures: z.array(PhotoGestureSchema).check(z.maxLength(20)),
  ms: z.number(),
  runtime: z.optional(z.enum(PHOTO_RUNTIMES)),
});

/** A checked photo result, or an error naming the first problem (the photo check then fails open). */
export function parsePhotoResult(value: unknown): PhotoResult {
  const r = PhotoResultSchema.safeParse(value);
  if (!r.success) throw new Error(`photo analysis: malformed answer (${r.error.issues[0]?.path.join('.') || 'value'})`);
  return r.data;
}

/**
 * Why the background could not check a photo (the `photo-check` answer then carries this instead
 * of a result): no analysis page could be made or it went away; the page failed (model load error,
 * no WebGL and no usable CPU path, a decoding error); no answer within the analysis bound; an
 * answer that failed its check; anything else.
 */
export const PHOTO_UNCHECKED_REASONS = ['no-page', 'analysis-error', 'timeout', 'bad-answer', 'error'] as const;
export type PhotoUncheckedReason = (typeof PHOTO_UNCHECKED_REASONS)[number];

/** The `photo-check` answer: a result ("checked") or why there is none ("could not check"). */
export type PhotoCheckAnswer = PhotoResult | { unchecked: PhotoUncheckedReason };
export const PhotoCheckAnswerSchema = z.union([PhotoResultSchema, z.object({ unchecked: z.enum(PHOTO_UNCHECKED_REASONS) })]);

/** Bounds of a log entry: the content script sends at most 5 entity labels (pipeline). */
export const LOG_MAX_ENTITIES = 5;
/** An entity label is kept to this many characters (a longer one is cut, so the entry is not lost)… */
export const LOG_MAX_ENTITY_CHARS = 120;
/** …and refused beyond this (no rule label comes near it: such a value is not a label). */
const LOG_ENTITY_REFUSED_CHARS = 1000;

const entityLabel = z.pipe(
  z.string().check(z.maxLength(LOG_ENTITY_REFUSED_CHARS)),
  z.transform((s: string) => (s.length > LOG_MAX_ENTITY_CHARS ? `${s.slice(0, LOG_MAX_ENTITY_CHARS - 1)}…` : s)),
);

export const LogEntrySchema = z.object({
  time: z.number().check(z.gte(0), z.lte(8.64e15)),
  site: z.enum(SITE_IDS),
  action: z.enum(ACTION_KINDS),
  detail: z.optional(z.enum(ACTION_DETAILS)),
  severity: z.enum(WARNING_SEVERITIES),
  /** entity labels that matched, e.g. "Pilpres 2024, nomor urut 02: …" */
  entities: z.array(entityLabel).check(z.maxLength(LOG_MAX_ENTITIES)),
  decision: z.enum(['cancelled', 'proceeded', 'blocked', 'logged']),
  reason: z.optional(z.string().check(z.maxLength(200))),
  /** only when the user opted in to keeping post text */
  text: z.optional(z.string().check(z.maxLength(500))),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

// any length: the background cuts each field to what the engine reads (rules-store.ts fullVerdict), so
// that a long post is judged, not refused
const contentText = z.optional(z.string());
const contentTexts = z.optional(z.array(z.string()));
/** what an action is about (rules/actions.ts ActionContent) */
export const ActionContentSchema = z.object({
  text: contentText,
  quoted: contentText,
  author: contentText,
  handle: contentText,
  hashtags: contentTexts,
  linkTitle: contentText,
  linkUrl: contentText,
  imageAlt: contentTexts,
  draft: contentText,
  group: contentText,
  url: contentText,
});

export const MessageSchema = z.discriminatedUnion('type', [
  /** content → background: inject the dialog script into the sender's frame */
  z.object({ type: z.literal('inject-dialog') }),
  /** content → background: append to the local decision log */
  z.object({ type: z.literal('log-decision'), entry: LogEntrySchema }),
  /** content → background: ask for the engine to be (re)loaded into storage when missing */
  z.object({ type: z.literal('ensure-engine') }),
  /** extension pages → background: check every update URL now; answers with the UpdateStatus */
  z.object({ type: z.literal('update-now') }),
  /**
   * content → background: look for hand gestures in an attached photo (a downscaled JPEG/PNG data
   * URL); answers with a PhotoCheckAnswer: the result, or why the photo could not be checked.
   * The photo goes to the extension's own analysis page only.
   */
  z.object({
    type: z.literal('photo-check'),
    image: z.string().check(z.startsWith('data:image/'), z.maxLength(PHOTO_MAX_DATA_URL)),
  }),
  /**
   * content → background: a photo is probably coming (the user pressed an attach control or drags
   * files over the page): start the analysis page and load its model now. No photo, no answer.
   */
  z.object({ type: z.literal('photo-warm') }),
  /**
   * options page → background (agency enrolment): download and verify the policy an enrolment link
   * names, and answer with what it sets (nothing is stored); then, once the user agreed, pin the key
   * and follow the file the preview returned; check the enrolled policy now; leave.
   */
  z.object({ type: z.literal('enrol-preview'), link: z.string().check(z.maxLength(8192)) }),
  z.object({
    type: z.literal('enrol-confirm'),
    link: z.string().check(z.maxLength(8192)),
    // utils/enrolment.ts MAX_POLICY_BYTES (not imported: content scripts load this module)
    envelope: z.string().check(z.maxLength(65_536)),
  }),
  z.object({ type: z.literal('enrol-check') }),
  z.object({ type: z.literal('enrol-leave') }),
  /**
   * content → background: a photo on `site` goes out unchecked; answers true when this is the
   * first time in this browser session for that site (the notice is shown then, not again).
   */
  z.object({ type: z.literal('photo-unchecked'), site: z.enum(SITE_IDS) }),
  /**
   * content → background: the full rule set's verdict on an action that the tab's rule set (a tab set,
   * rules/tab-set.ts) cannot judge alone; answers with the Verdict. `at` is an ISO date-time.
   */
  z.object({
    type: z.literal('full-verdict'),
    content: ActionContentSchema,
    context: z.object({
      at: z.string().check(z.maxLength(40)),
      region: z.optional(z.string().check(z.maxLength(20))),
      site: z.optional(z.enum(SITE_IDS)),
      action: z.optional(z.enum(ACTION_KINDS)),
    }),
  }),
]);
export type Message = z.infer<typeof MessageSchema>;

export const CONTENT_MESSAGE_TYPES: ReadonlySet<Message['type']> = new Set([
  'inject-dialog',
  'log-decision',
  'ensure-engine',
  'photo-check',
  'photo-warm',
  'photo-unchecked',
  'full-verdict',
]);
