/**
 * Which second detection finds the most hands, from the landmark caches (scripts/photos/landmarks.ts),
 * on the dev split only: the analysis page runs the photo alone, then, only when that finds no hand,
 * one more detection (now a 0.25 border). Each candidate second pass is scored per photo through the
 * committed classifier: hands found, number signs warned and with the right number, no-sign photos
 * warned, and the detection time summed over both passes (as cached, CPU).
 *
 * `npx tsx scripts/photos/fallbacks.ts` (no browser; a candidate whose cache lacks a photo that needs
 * it is reported with how many are missing).
 */
import { GESTURES, type GestureId } from '../../rules/gestures.ts';
import { classifyCached } from '../bench/photo-quality.ts';
import { LABELS } from './labels.ts';
import { type CachedLandmarks, type RuntimeChoice, readLandmarks } from './landmarks.ts';
import { type EvalPhoto, readManifest } from './real-eval.ts';

const SECOND: { name: string; choice: RuntimeChoice | null }[] = [
  { name: 'none (the photo alone)', choice: null },
  { name: 'border 0.1', choice: { runtime: 'tasks', pad: 0.1 } },
  { name: 'border 0.25 (product)', choice: { runtime: 'tasks', pad: 0.25 } },
  { name: 'border 0.5', choice: { runtime: 'tasks', pad: 0.5 } },
  { name: 'upscaled to 256 px', choice: { runtime: 'tasks', upscale: 256 } },
  { name: 'upscaled to 256 px + border 0.25', choice: { runtime: 'tasks', upscale: 256, pad: 0.25 } },
  { name: 'detector confidence 0.3, no border', choice: { runtime: 'tasks', confidence: 0.3 } },
  { name: 'border 0.25 + detector confidence 0.3', choice: { runtime: 'tasks', pad: 0.25, confidence: 0.3 } },
  { name: 'border 0.25 + detector confidence 0.2', choice: { runtime: 'tasks', pad: 0.25, confidence: 0.2 } },
];

const warns = (g: GestureId) => g !== 'none' && GESTURES[g].severity === 'medium';
const numberOf = (g: GestureId) => (g === 'none' ? undefined : GESTURES[g].number);

function main(): void {
  const all = readManifest().filter((p) => p.split === 'dev' && LABELS[p.label].target);
  // every candidate on the same photos: those whose caches hold whatever each candidate needs
  const dev = all.filter((p) => {
    const plain = readLandmarks(p.sha256, { runtime: 'tasks' });
    return plain && (plain.hands.length || SECOND.every(({ choice }) => !choice || readLandmarks(p.sha256, choice)));
  });
  console.log(`dev photos with a target: ${all.length}; with every candidate's landmarks cached: ${dev.length}`);
  for (const { name, choice } of SECOND) score(name, choice, dev);
  console.log('\neach candidate on every dev photo its caches cover:');
  for (const { name, choice } of SECOND) score(name, choice, all);
}

function score(name: string, choice: RuntimeChoice | null, dev: EvalPhoto[]): void {
  let signs = 0;
  let found = 0;
  let warned = 0;
  let right = 0;
  let noSign = 0;
  let noSignFound = 0;
  let falseWarn = 0;
  let missing = 0;
  let seconds = 0;
  const ms: number[] = [];
  for (const photo of dev) {
    const plain = readLandmarks(photo.sha256, { runtime: 'tasks' });
    if (!plain) {
      missing++;
      continue;
    }
    let lm: CachedLandmarks = plain;
    if (!plain.hands.length && choice) {
      const second = readLandmarks(photo.sha256, choice);
      if (!second) {
        missing++;
        continue;
      }
      seconds++;
      lm = { ...second, ms: plain.ms + second.ms };
    }
    ms.push(lm.ms);
    const gestures = lm.hands.map((h) => classifyCached(h, lm.imageSize));
    const meaning = LABELS[photo.label];
    const warnedNow = gestures.some(warns);
    if (meaning.target === 'number') {
      signs++;
      if (lm.hands.length) found++;
      if (warnedNow) warned++;
      const want = numberOf(meaning.expect[0]!);
      if (gestures.some((g) => warns(g) && numberOf(g) === want)) right++;
    } else {
      noSign++;
      if (lm.hands.length) noSignFound++;
      if (warnedNow) falseWarn++;
    }
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${name}: number signs ${signs}: hand found ${found}, warned ${warned}, right number ${right}; no sign ${noSign}: hand found ${noSignFound}, warned ${falseWarn}; second detections ${seconds}; ms median ${ms[Math.floor(ms.length / 2)]}, p90 ${ms[Math.floor(ms.length * 0.9)]}${missing ? `; ${missing} photos not cached` : ''}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
