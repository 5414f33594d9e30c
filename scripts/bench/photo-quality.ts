/**
 * `npm run bench -- photo-quality`: the gesture classifier (rules/gestures.ts) on the real-photo
 * evaluation set (tests/fixtures/photos/real-eval/manifest.json), from the landmarks cached by
 * scripts/photos/landmarks.ts (whatever is present locally), per split and per label: hands found,
 * exact gesture, would warn, false warnings; the issue's targets on each split; the time MediaPipe
 * took per photo when the landmarks were made; and the regression sets (landmark fixtures in
 * tests/fixtures/gestures, MediaPipe on the synthetic renders if cached). No browser.
 *
 * `npm run bench -- photo-quality [--runtime tasks|legacy] [--pad F]`: which runtime's landmarks
 * (scripts/photos/landmarks.ts); tasks (the product's) by default.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tests/e2e/harness.ts';
import { classifyHand, geometryGesture, GESTURES, type GestureId, type HandObservation, type Landmark } from '../../rules/gestures.ts';
import { LABELS } from '../photos/labels.ts';
import { landmarkDir, readLandmarks, runtimeFromArgs, type CachedLandmarks, type RuntimeChoice } from '../photos/landmarks.ts';
import { MANIFEST, readManifest, type EvalPhoto } from '../photos/real-eval.ts';

export const name = 'photo-quality';

/** the sets of the first evaluation (525 photos, report split 212), before linto-gestures and coco-people */
const FIRST_SOURCES = ['asl-digits', 'erikx50-manual', 'subhih-hands', 'face-recognition-examples', 'fingerpose'];
/** the sets of the second round; with FIRST_SOURCES, the seven whose report split had been read four times */
const SECOND_SOURCES = ['linto-gestures', 'coco-people'];
/** the third round's fresh sources (2026-12-06, evening): their report split was read once, at that round's end */
export const FRESH_SOURCES = ['epsrc-fingers', 'kaust-rps', 'smartcanvas-tests', 'hagrid-samples'];
/** the fourth round's fresh source (2026-12-07): its report split is the new fresh figure */
export const FOURTH_SOURCES = ['sum-gestures'];
/**
 * the sixth round's sources (2026-12-07, morning), held out whole: the fresh report set, reported
 * apart from the older report split and read once, at that round's end
 */
export const SIXTH_SOURCES = ['cn-numbers-daocun', 'cn-numbers-nadalii'];
const isFresh = (v: PhotoVerdict) => SIXTH_SOURCES.includes(v.photo.set);
/**
 * the seventh round's source (2026-12-07, late morning), held out whole: the new report set, apart
 * from the sixth round's (which has been read) and read once, at the seventh round's end
 */
export const SEVENTH_SOURCES = ['asl-letters-tomnlittle'];
const isNew = (v: PhotoVerdict) => SEVENTH_SOURCES.includes(v.photo.set);
/**
 * the eighth round's source (2026-12-07, noon), held out whole: its report set, apart from every
 * earlier one and read once, at the eighth round's end
 */
export const EIGHTH_SOURCES = ['lsa16-handshapes'];
const isEighth = (v: PhotoVerdict) => EIGHTH_SOURCES.includes(v.photo.set);
/** the eighth round's development sets (dev whole): the dev split is also given without them, as earlier rounds measured it */
export const EIGHTH_DEV_SOURCES = ['asl-alphabet-grassknoted', 'asl-dataset-ayuraj'];
/** the tenth round's development set (dev whole): phone photos of finger counts, given apart from the twelve earlier sources too */
export const TENTH_DEV_SOURCES = ['hand-count-lebanese'];
/**
 * the ninth round's source (2026-12-07, afternoon), held out whole: bare hands in room photos, its
 * report set, apart from every earlier one and read once, at the ninth round's end
 */
export const NINTH_SOURCES = ['asl-letters-davidlee'];
const isNinth = (v: PhotoVerdict) => NINTH_SOURCES.includes(v.photo.set);
/** every source held out whole */
const HELD_OUT = [...SIXTH_SOURCES, ...SEVENTH_SOURCES, ...EIGHTH_SOURCES, ...NINTH_SOURCES];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const pct = (a: number, b: number) => (b ? `${a}/${b} (${Math.round((100 * a) / b)}%)` : '0/0');
/** the gesture raises a warning (medium severity) */
export const warns = (g: GestureId): g is Exclude<GestureId, 'none'> => g !== 'none' && GESTURES[g].severity === 'medium';
const numberOf = (g: GestureId) => (g === 'none' ? undefined : GESTURES[g].number);

export interface PhotoVerdict {
  photo: EvalPhoto;
  hands: number;
  /** gestures of every hand, biggest hand first */
  gestures: GestureId[];
  warned: boolean;
  ms: number;
}

/** `geometry`: the finger-geometry rules alone, as the classifier was before the model (for comparison) */
export function judge(photo: EvalPhoto, lm: CachedLandmarks, geometry = false): PhotoVerdict {
  const hands = biggestFirst(lm.hands);
  const gestures = hands.map((h) => (geometry ? geometryGesture(h.landmarks) : classifyCached(h, lm.imageSize)));
  return { photo, hands: hands.length, gestures, warned: gestures.some(warns), ms: lm.ms };
}
/** One cached hand through the classifier as the analysis page passes it (world landmarks when there are some). */
export function classifyCached(h: CachedLandmarks['hands'][number], imageSize: CachedLandmarks['imageSize']): GestureId {
  const label = h.handedness?.label;
  const handedness: HandObservation['handedness'] = h.handedness && (label === 'Left' || label === 'Right') ? { label, score: h.handedness.score } : undefined;
  return classifyHand({
    landmarks: h.landmarks,
    ...(handedness ? { handedness } : {}),
    ...(h.worldLandmarks?.length ? { worldLandmarks: h.worldLandmarks } : {}),
    imageSize,
  }).gesture;
}
/** The hands by the area of their landmarks' box, biggest first (the photo's main hand first). */
export function biggestFirst<H extends { landmarks: Landmark[] }>(hands: readonly H[]): H[] {
  return [...hands].sort((a, b) => area(b.landmarks) - area(a.landmarks));
}
function area(lm: Landmark[]): number {
  const xs = lm.map((p) => p.x);
  const ys = lm.map((p) => p.y);
  return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
}

/** the photo's answer: the first hand that shows a gesture, else none */
const answer = (v: PhotoVerdict): GestureId => v.gestures.find((g) => g !== 'none') ?? 'none';

function report(split: string, verdicts: PhotoVerdict[], brief = false): void {
  console.log(`\n-- ${split}: ${verdicts.length} photos --`);
  if (!brief) console.log('label          n  hands  exact       warned      false warn  answers');
  const byLabel = new Map<string, PhotoVerdict[]>();
  for (const v of verdicts) byLabel.set(v.photo.label, [...(byLabel.get(v.photo.label) ?? []), v]);
  for (const [label, vs] of brief ? [] : [...byLabel].sort()) {
    const meaning = LABELS[label as keyof typeof LABELS];
    const exact = vs.filter((v) => meaning.expect.includes(answer(v))).length;
    const warned = vs.filter((v) => v.warned).length;
    const falseWarn = meaning.warn ? 0 : warned;
    const answers = new Map<string, number>();
    for (const v of vs) answers.set(answer(v), (answers.get(answer(v)) ?? 0) + 1);
    console.log(
      `${label.padEnd(13)}${String(vs.length).padStart(3)}  ${String(vs.filter((v) => v.hands > 0).length).padStart(5)}  ${pct(exact, vs.length).padEnd(11)} ${pct(warned, vs.length).padEnd(11)} ${String(falseWarn).padEnd(10)}  ${[...answers].map(([g, n]) => `${g} ${n}`).join(', ')}`,
    );
  }
  const numbers = verdicts.filter((v) => LABELS[v.photo.label].target === 'number');
  const rightNumber = numbers.filter((v) => {
    const want = numberOf(LABELS[v.photo.label].expect[0]!);
    return v.warned && v.gestures.some((g) => warns(g) && numberOf(g) === want);
  }).length;
  const noSign = verdicts.filter((v) => LABELS[v.photo.label].target === 'no-sign');
  const handsNoSign = noSign.filter((v) => v.photo.label !== 'no-hand');
  const noHand = noSign.filter((v) => v.photo.label === 'no-hand');
  console.log(
    `number signs warned: ${pct(numbers.filter((v) => v.warned).length, numbers.length)} (target ≥ 90%); right number: ${pct(rightNumber, numbers.length)} (target ≥ 85%)`,
  );
  const found = numbers.filter((v) => v.hands > 0);
  console.log(`  of those where MediaPipe found a hand: warned ${pct(found.filter((v) => v.warned).length, found.length)}`);
  console.log(
    `hands without a number sign warned: ${pct(handsNoSign.filter((v) => v.warned).length, handsNoSign.length)}; photos without hands warned: ${pct(noHand.filter((v) => v.warned).length, noHand.length)} (target ≤ 5% each)`,
  );
  if (!brief) {
    for (const set of [...new Set(verdicts.map((v) => v.photo.set))].sort()) {
      const vs = verdicts.filter((v) => v.photo.set === set);
      const n = vs.filter((v) => LABELS[v.photo.label].target === 'number');
      const none = vs.filter((v) => LABELS[v.photo.label].target === 'no-sign');
      const exact = vs.filter((v) => LABELS[v.photo.label].expect.includes(answer(v))).length;
      console.log(
        `  ${set}: exact ${pct(exact, vs.length)}; number signs warned ${pct(n.filter((v) => v.warned).length, n.length)}; no sign warned ${pct(none.filter((v) => v.warned).length, none.length)}`,
      );
    }
  }
  const ms = verdicts.map((v) => v.ms).sort((a, b) => a - b);
  if (ms.length)
    console.log(
      `MediaPipe time per photo when cached (landmarks.ts, CPU inference, detection only): median ${ms[Math.floor(ms.length / 2)]} ms, p90 ${ms[Math.floor(ms.length * 0.9)]} ms`,
    );
}

function fixtures(): void {
  const dir = join(ROOT, 'tests/fixtures/gestures');
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ f, ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as { expect: GestureId; hand: Landmark[] }) }));
  const ok = rows.filter((r) => classifyHand(r.hand).gesture === r.expect);
  console.log(`\n-- regression: landmark fixtures (tests/fixtures/gestures, not trained on) --\n${pct(ok.length, rows.length)} exact`);
  for (const r of rows) if (!ok.includes(r)) console.log(`  ${r.f}: expected ${r.expect}, got ${classifyHand(r.hand).gesture}`);
}

function synthetic(choice: RuntimeChoice): void {
  const manifest = join(ROOT, 'tests/fixtures/photos/synthetic/manifest.json');
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as { file: string; expected: GestureId; warn: boolean }[];
  const rows = entries.map((e) => ({ e, lm: readCached(`synthetic-${e.file}`, choice) })).filter((r) => r.lm);
  if (!rows.length)
    return void console.log('\n-- regression: synthetic renders: no cached landmarks (scripts/photos/landmarks.ts --synthetic) --');
  for (const geometry of [false, true]) {
    let exact = 0;
    let trueWarn = 0;
    let falseWarn = 0;
    let missed = 0;
    for (const { e, lm } of rows) {
      const gs = lm!.hands.map((h) => (geometry ? geometryGesture(h.landmarks) : classifyCached(h, lm!.imageSize)));
      const g = gs.find((x) => x !== 'none') ?? 'none';
      if (g === e.expected) exact++;
      const w = gs.some(warns);
      if (w && e.warn) trueWarn++;
      if (w && !e.warn) falseWarn++;
      if (!w && e.warn) missed++;
    }
    console.log(
      `\n-- regression: synthetic renders (MediaPipe landmarks, not trained on)${geometry ? ', finger geometry alone' : ''} --\n${rows.length} photos: exact ${pct(exact, rows.length)}; true warnings ${trueWarn}, false ${falseWarn}, missed ${missed}`,
    );
  }
}
function readCached(key: string, choice: RuntimeChoice): CachedLandmarks | null {
  const f = join(landmarkDir(choice), `${key}.json`);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as CachedLandmarks) : null;
}

export async function run(): Promise<void> {
  if (!existsSync(MANIFEST)) return void console.log('no manifest: npx tsx scripts/photos/real-eval.ts');
  const photos = readManifest();
  const choice: RuntimeChoice = process.argv.includes('--runtime') ? runtimeFromArgs() : { runtime: 'tasks' };
  const verdicts = photos.flatMap((p) => {
    const lm = readLandmarks(p.sha256, choice);
    return lm ? [judge(p, lm)] : [];
  });
  console.log(`${verdicts.length} of ${photos.length} photos have cached landmarks (${landmarkDir(choice)})`);
  // `--split dev`: that split alone (the report split stays unread while choices are made);
  // `--split none`: the regression sets alone (landmark fixtures, synthetic renders)
  const only = argValue('split');
  if (only && only !== 'dev' && only !== 'report' && only !== 'none') throw new Error(`--split must be dev, report or none, not ${only}`);
  if (only === 'none') {
    fixtures();
    return void synthetic(choice);
  }
  const splits = (['dev', 'report'] as const).filter((s) => !only || s === only);
  // the sources held out whole are not part of "report" here: they are the sixth to ninth rounds' sets, below
  for (const split of splits)
    report(
      split === 'report' ? 'report, the twelve earlier sources (read in earlier rounds)' : split,
      verdicts.filter((v) => v.photo.split === split && !HELD_OUT.includes(v.photo.set)),
    );
  if (splits.includes('dev'))
    report(
      'dev, the twelve earlier sources only (without the eighth and tenth rounds\' development sets)',
      verdicts.filter((v) => v.photo.split === 'dev' && !EIGHTH_DEV_SOURCES.includes(v.photo.set) && !TENTH_DEV_SOURCES.includes(v.photo.set)),
      true,
    );
  if (only === 'dev') return void fixtures();
  report(`report set, ninth round (${NINTH_SOURCES.join(', ')}; held out whole, read in the ninth round)`, verdicts.filter(isNinth));
  report(`report set, eighth round (${EIGHTH_SOURCES.join(', ')}; held out whole, read in the eighth round)`, verdicts.filter(isEighth));
  report(`report set, seventh round (${SEVENTH_SOURCES.join(', ')}; held out whole, read in the seventh round)`, verdicts.filter(isNew));
  report(`fresh report set, sixth round (${SIXTH_SOURCES.join(', ')}; held out whole, read in the sixth round)`, verdicts.filter(isFresh));
  // the fresh sources' report photos apart (read once, at the end of the round), then the older ones
  report(
    `report, fourth-round source only (${FOURTH_SOURCES.join(', ')})`,
    verdicts.filter((v) => v.photo.split === 'report' && FOURTH_SOURCES.includes(v.photo.set)),
  );
  report(
    `report, third-round sources only (${FRESH_SOURCES.join(', ')})`,
    verdicts.filter((v) => v.photo.split === 'report' && FRESH_SOURCES.includes(v.photo.set)),
  );
  report(
    'report, the seven earlier sources only',
    verdicts.filter((v) => v.photo.split === 'report' && [...FIRST_SOURCES, ...SECOND_SOURCES].includes(v.photo.set)),
    true,
  );
  // the report split as it was before the sixth and seventh sources, for comparison
  report(
    `report, first five sources only (${FIRST_SOURCES.join(', ')})`,
    verdicts.filter((v) => v.photo.split === 'report' && FIRST_SOURCES.includes(v.photo.set)),
    true,
  );
  for (const split of splits) {
    const before = photos.flatMap((p) => {
      const lm = readLandmarks(p.sha256, choice);
      return lm && p.split === split && !HELD_OUT.includes(p.set) ? [judge(p, lm, true)] : [];
    });
    report(`${split}, finger geometry alone (the classifier before the model)`, before, true);
  }
  fixtures();
  synthetic(choice);
}
