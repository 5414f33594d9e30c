/**
 * What each evaluation label means for training and for scoring (docs/photo-check.md, "Evaluation").
 */
import type { GestureId } from '../../rules/gestures.ts';
import type { ModelClass } from '../../rules/gesture-model.ts';
import type { EvalLabel } from './real-eval.ts';

export interface LabelMeaning {
  /** the class the model learns from it (dev split only); null: not used for training */
  train: ModelClass | null;
  /** the gestures a right answer may name; [] = none of them (no warning expected) */
  expect: GestureId[];
  /** would a right answer warn under the default settings */
  warn: boolean;
  /** counted for the "number signs" target, the "no number sign" target, or neither */
  target: 'number' | 'no-sign' | null;
  /** every hand found carries the label (the photo's hands all show it, or none of them is a sign), not just the biggest */
  allHands?: boolean;
}

export const LABELS: Record<EvalLabel, LabelMeaning> = {
  one: { train: 'one', expect: ['one'], warn: true, target: 'number' },
  two: { train: 'two', expect: ['two'], warn: true, target: 'number' },
  three: { train: 'three', expect: ['three'], warn: true, target: 'number' },
  four: { train: 'four', expect: ['four'], warn: true, target: 'number' },
  ok: { train: 'ok', expect: ['ok'], warn: true, target: 'number' },
  metal: { train: null, expect: ['metal'], warn: true, target: 'number' },
  'thumbs-up': { train: 'thumbs-up', expect: ['thumbs-up'], warn: true, target: 'number' },
  call: { train: null, expect: ['telephone'], warn: true, target: 'number' },
  // five fingers is a wave as often as a sign: severity low, logged, never warned
  five: { train: 'five', expect: ['five'], warn: false, target: null },
  stop: { train: null, expect: ['five', 'none'], warn: false, target: 'no-sign' },
  'thumbs-down': { train: null, expect: ['none'], warn: false, target: 'no-sign' },
  fist: { train: 'none', expect: ['none'], warn: false, target: 'no-sign' },
  relaxed: { train: 'none', expect: ['none'], warn: false, target: 'no-sign' },
  'half-curl': { train: 'none', expect: ['none'], warn: false, target: 'no-sign' },
  'o-shape': { train: 'none', expect: ['none'], warn: false, target: 'no-sign' },
  // a finger on the lips is an index finger up: landmarks alone cannot tell it from "one"
  mute: { train: null, expect: ['none'], warn: false, target: 'no-sign' },
  // ASL 7 and 8: three fingers up with the thumb on another; a viewer may read 3 or nothing
  'asl-seven': { train: null, expect: ['none', 'three', 'ok'], warn: false, target: null },
  'asl-eight': { train: null, expect: ['none', 'three', 'ok'], warn: false, target: null },
  'no-hand': { train: 'none', expect: ['none'], warn: false, target: 'no-sign', allHands: true },
  // index and middle finger closing on the thumb (ASL "no")
  pinch: { train: 'none', expect: ['none'], warn: false, target: 'no-sign' },
  // both flat hands in front of the mouth (ASL "thank you"): fingers together, no count shown
  'hands-near-face': { train: null, expect: ['none', 'five'], warn: false, target: 'no-sign', allHands: true },
  // people in everyday photos (COCO): hands relaxed or holding things, none showing a sign
  people: { train: 'none', expect: ['none'], warn: false, target: 'no-sign', allHands: true },
  // the sixth round's Chinese number gestures (held out: never trained on)
  // thumb and index out, an L ("pistol"): GESTURES reads it as number 2
  pistol: { train: null, expect: ['pistol'], warn: true, target: 'number' },
  // three fingers up with thumb and index in a ring: the OK sign and "three" both read as number 3
  'ok-three': { train: null, expect: ['ok', 'three'], warn: true, target: 'number' },
  // index and middle finger crossed (Chinese 10): no ballot number, but two fingers up; not scored
  'crossed-fingers': { train: null, expect: ['none', 'one', 'two'], warn: false, target: null },
};
