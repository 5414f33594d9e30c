/**
 * The gesture ids alone, in a module of their own: the content script validates photo results against
 * them without pulling in the classifier and its text table (rules/gestures.ts).
 */
export const GESTURE_IDS = [
  'one',
  'two',
  'pistol',
  'telephone',
  'three',
  'ok',
  'four',
  'five',
  'metal',
  'finger-heart',
  'thumbs-up',
  'none',
] as const;
export type GestureId = (typeof GESTURE_IDS)[number];
