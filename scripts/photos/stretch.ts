/**
 * The eleventh round's diagnosis (docs/photo-check.md): do the tenth round's phone photos of finger
 * counts (hand-count-lebanese, stretched to 224 × 224 by their export) read badly because of the
 * stretch? Dev split only; reads the landmark caches of scripts/photos/landmarks.ts (product chain).
 *
 * `npx tsx scripts/photos/stretch.ts [--split dev] | --pick N | --variants DIR,… --files LIST`
 *
 * 1. Landmarks scaled on one image axis (x × s, image size too): how the committed model reads the
 *    dev number signs of every other set when their hands are squashed as an export to a square
 *    would squash them (s = 0.75: 4:3 landscape → square; 1/0.75: 3:4 portrait → square; 0.5625
 *    and 1/0.5625 for 16:9), and how it reads the phone set "unstretched" by the same factors.
 * 2. Hand shape per label, phone set against the other dev sets: palm aspect (index–little knuckle
 *    width over wrist–middle knuckle length) in the picture and in the world landmarks, finger
 *    straightness, and the palm aspect by how the hand points in the picture (upright or sideways):
 *    a stretch on one image axis changes it by the hand's direction, a thicker hand does not.
 * 3. How the counts are shown: per label, the finger geometry's pattern (thumb, index, middle, ring,
 *    little finger: E extended, h half, f folded) of the biggest hand and the committed model's
 *    answer, phone set against the other dev sets.
 * 4. Why the number signs with a hand found are missed (biggest hand): a gate (handedness score, a
 *    finger cut off by the picture's edge), or the model (its top class and probability).
 * 5. Which side of the hand faces the camera: the sign of the picture's cross product (wrist → index
 *    knuckle) × (wrist → little knuckle) times the handedness label (+1 Right, −1 Left): one sign
 *    is the palm, the other the back of the hand; per label, share and how often right.
 * 6. `--variants DIR,…` (folders of `landmarks.ts --export 224,FX,FY --files LIST` runs, each with JAGA_PHOTO_EVAL at
 *    the folder): the same photos redrawn at 224 px, unstretched or squashed on one axis, against the
 *    photo as it is (plain detection, the photo alone, in every column).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { handFeatures, predict } from '../../rules/gesture-model.ts';
import { CONFIDENCE, classifyWith, fingerStates, GESTURES, gestureModel, handBox } from '../../rules/gestures.ts';
import { biggestFirst, classifyCached, judge, warns } from '../bench/photo-quality.ts';
import { LABELS } from './labels.ts';
import { type CachedLandmarks, type RuntimeChoice, readLandmarks } from './landmarks.ts';
import { type EvalPhoto, readManifest } from './real-eval.ts';

/** the analysis page's three detections, as `bench -- photo-quality` reads them */
export const PRODUCT: RuntimeChoice = { runtime: 'tasks', pad: 0.25, padFallback: true, confidence: 0.2, tiles: 2, tileConfidence: 0.2 };
const PHONE = 'hand-count-lebanese';

/** The cached hands with x (and the image width) scaled by `s`: the photo squashed or widened on one axis. */
export function scaleX(lm: CachedLandmarks, s: number): CachedLandmarks {
  return {
    ...lm,
    imageSize: { width: lm.imageSize.width * s, height: lm.imageSize.height },
    hands: lm.hands.map((h) => ({ ...h, landmarks: h.landmarks.map((p) => ({ x: p.x * s, y: p.y, z: p.z * s })) })),
  };
}

/** warned, and warned with the photo's number (`bench -- photo-quality`'s reading of the photo) */
function verdict(photo: EvalPhoto, lm: CachedLandmarks): { warned: boolean; right: boolean } {
  const { gestures, warned } = judge(photo, lm);
  const first = LABELS[photo.label].expect[0];
  const want = first && first !== 'none' ? GESTURES[first].number : undefined;
  return { warned, right: gestures.some((g) => warns(g) && GESTURES[g].number === want) };
}

type P = { x: number; y: number; z?: number };
const dist2 = (a: P, b: P) => Math.hypot(a.x - b.x, a.y - b.y);
const dist3 = (a: P, b: P) => Math.hypot(a.x - b.x, a.y - b.y, (a.z ?? 0) - (b.z ?? 0));
/** palm width over palm length */
const palmAspect = (lm: P[], d: (a: P, b: P) => number) => d(lm[5]!, lm[17]!) / d(lm[0]!, lm[9]!);
/** chord over path of the index, middle, ring and little finger (MCP → tip), in the picture */
const straightness = (lm: P[]) =>
  [5, 9, 13, 17].map(
    (b) => dist2(lm[b]!, lm[b + 3]!) / (dist2(lm[b]!, lm[b + 1]!) + dist2(lm[b + 1]!, lm[b + 2]!) + dist2(lm[b + 2]!, lm[b + 3]!)),
  );
/** |cos| of the wrist → middle knuckle direction with the picture's vertical: 1 upright, 0 sideways */
const upright = (lm: P[]) => Math.abs(lm[9]!.y - lm[0]!.y) / dist2(lm[0]!, lm[9]!);
const median = (v: number[]) => {
  if (!v.length) return NaN;
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');

/**
 * `--pick N`: prints the dev number-sign photos (one to four) of the other sets that the committed
 * model reads right as they are, up to N per set and label evenly by file name, for stretched copies.
 */
function pick(n: number): void {
  const right = readManifest()
    .filter((p) => p.split === 'dev' && p.set !== PHONE && ['one', 'two', 'three', 'four'].includes(p.label))
    .sort((a, b) => a.file.localeCompare(b.file))
    .filter((p) => {
      const lm = readLandmarks(p.sha256, PRODUCT);
      return !!lm?.hands.length && verdict(p, lm).right;
    });
  const groups = new Map<string, EvalPhoto[]>();
  for (const p of right) groups.set(`${p.set} ${p.label}`, [...(groups.get(`${p.set} ${p.label}`) ?? []), p]);
  for (const g of groups.values()) {
    const step = Math.max(1, g.length / n);
    for (let i = 0; i < Math.min(n, g.length); i++) console.log(g[Math.floor(i * step)]!.file);
  }
}

function main(): void {
  const dirs = process.argv.includes('--variants') ? process.argv[process.argv.indexOf('--variants') + 1]!.split(',') : [];
  if (dirs.length) {
    variants(dirs, process.argv[process.argv.indexOf('--files') + 1]!);
    return;
  }
  if (process.argv.includes('--pick')) {
    pick(Number(process.argv[process.argv.indexOf('--pick') + 1]));
    return;
  }
  const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'dev';
  const photos = readManifest().filter((p) => p.split === split && LABELS[p.label].target === 'number');
  const read = photos
    .map((p) => ({ p, lm: readLandmarks(p.sha256, PRODUCT) }))
    .filter((r): r is { p: EvalPhoto; lm: CachedLandmarks } => !!r.lm && r.lm.hands.length > 0);
  const factors = [0.5625, 0.75, 1, 1 / 0.75, 1 / 0.5625];
  console.log(`-- 1. number-sign photos with a hand found (${split}), landmarks x × s: warned / right --`);
  console.log(`set                          n   ${factors.map((s) => `s=${s.toFixed(2)}`.padEnd(11)).join(' ')}`);
  const sets = [...new Set(read.map((r) => r.p.set))].sort();
  const rows = [
    ...sets.map((set) => [set, read.filter((r) => r.p.set === set)] as const),
    ['all but ' + PHONE, read.filter((r) => r.p.set !== PHONE)] as const,
  ];
  for (const [set, rs] of rows) {
    const cells = factors.map((s) => {
      const v = rs.map((r) => verdict(r.p, scaleX(r.lm, s)));
      return `${v.filter((x) => x.warned).length}/${v.filter((x) => x.right).length}`.padEnd(11);
    });
    console.log(`${set.padEnd(28)} ${String(rs.length).padStart(3)}   ${cells.join(' ')}`);
  }
  // per photo of the phone set: does some unstretching make it warn right where the photo as is does not?
  const phone = read.filter((r) => r.p.set === PHONE);
  const rescued = phone.filter((r) => !verdict(r.p, r.lm).right && factors.some((s) => verdict(r.p, scaleX(r.lm, s)).right)).length;
  const lost = phone.filter((r) => verdict(r.p, r.lm).right && factors.some((s) => !verdict(r.p, scaleX(r.lm, s)).right)).length;
  console.log(`${PHONE}: ${rescued} photos not right as they are read right at some s; ${lost} right as they are lost at some s`);

  console.log(`\n-- 2. hand shape per label (${split}, biggest hand of each photo with a hand found): medians --`);
  console.log('label  group          n   palm w/l (picture)  upright / sideways   palm w/l (world)  straightness I M R L   upright share');
  for (const label of ['one', 'two', 'three', 'four']) {
    for (const phoneSide of [true, false]) {
      const rs = read.filter((r) => r.p.label === label && (r.p.set === PHONE) === phoneSide);
      const hands = rs.map((r) => biggestFirst(r.lm.hands)[0]!);
      const up = hands.filter((h) => upright(h.landmarks) > 0.9);
      const side = hands.filter((h) => upright(h.landmarks) < 0.5);
      const world = hands.filter((h) => h.worldLandmarks?.length === 21);
      const st = [0, 1, 2, 3].map((i) => f2(median(hands.map((h) => straightness(h.landmarks)[i]!))));
      console.log(
        `${label.padEnd(6)} ${(phoneSide ? 'phone' : 'other dev').padEnd(12)} ${String(hands.length).padStart(4)}   ${f2(median(hands.map((h) => palmAspect(h.landmarks, dist2)))).padEnd(18)}  ${`${f2(median(up.map((h) => palmAspect(h.landmarks, dist2))))} (${up.length}) / ${f2(median(side.map((h) => palmAspect(h.landmarks, dist2))))} (${side.length})`.padEnd(19)}  ${f2(median(world.map((h) => palmAspect(h.worldLandmarks!, dist3)))).padEnd(16)}  ${st.join(' ')}      ${f2(up.length / (hands.length || 1))}`,
      );
    }
  }

  console.log(`\n-- 3. finger patterns (thumb index middle ring little: E/h/f) and answers per label (${split}) --`);
  const code = { extended: 'E', half: 'h', folded: 'f' } as const;
  for (const label of ['one', 'two', 'three', 'four']) {
    for (const phoneSide of [true, false]) {
      const rs = read.filter((r) => r.p.label === label && (r.p.set === PHONE) === phoneSide);
      const patterns = new Map<string, { n: number; right: number }>();
      const answers = new Map<string, number>();
      for (const r of rs) {
        const h = biggestFirst(r.lm.hands)[0]!;
        const f = fingerStates(h.landmarks);
        const key = [f.thumb, f.index, f.middle, f.ring, f.pinky].map((x) => code[x]).join('');
        const v = verdict(r.p, r.lm);
        const e = patterns.get(key) ?? { n: 0, right: 0 };
        patterns.set(key, { n: e.n + 1, right: e.right + (v.right ? 1 : 0) });
        const g = classifyCached(h, r.lm.imageSize);
        answers.set(g, (answers.get(g) ?? 0) + 1);
      }
      const top = [...patterns].sort((a, b) => b[1].n - a[1].n).slice(0, 6);
      console.log(
        `${label.padEnd(6)} ${(phoneSide ? 'phone' : 'other dev').padEnd(10)} ${String(rs.length).padStart(4)}  patterns (n, right): ${top.map(([k, e]) => `${k} ${e.n}/${e.right}`).join(', ')}; biggest hand read as: ${[
          ...answers,
        ]
          .sort((a, b) => b[1] - a[1])
          .map(([g, n]) => `${g} ${n}`)
          .join(', ')}`,
      );
    }
  }

  console.log(`\n-- 4. why number signs with a hand found are not warned right (${split}, biggest hand) --`);
  const model = gestureModel();
  for (const phoneSide of [true, false]) {
    const why = new Map<string, number>();
    const rs = read.filter((r) => (r.p.set === PHONE) === phoneSide && ['one', 'two', 'three', 'four'].includes(r.p.label));
    for (const r of rs) {
      if (verdict(r.p, r.lm).right) continue;
      const h = biggestFirst(r.lm.hands)[0]!;
      const size = r.lm.imageSize;
      const short = Math.min(size.width, size.height);
      const [x, y, w, hh] = handBox(h.landmarks);
      const out = Math.max(-x, -y, x + w - size.width, y + hh - size.height) / short;
      const p = predict(model, handFeatures(h.landmarks)!);
      let top = 0;
      for (let k = 1; k < p.length; k++) if (p[k]! > p[top]!) top = k;
      const open = classifyWith(model, h.landmarks, { imageSize: size }, { ...CONFIDENCE, handednessScore: 0, outside: 10 }).gesture;
      const key =
        (h.handedness && h.handedness.score < CONFIDENCE.handednessScore ? 'handedness < 0.6; ' : '') +
        (out > CONFIDENCE.outside ? 'cut off; ' : '') +
        `model ${model.classes[top] === r.p.label ? 'right class' : model.classes[top]} ${p[top]! >= 0.7 ? '≥ 0.7' : '< 0.7'}` +
        (open !== 'none' && GESTURES[open].number === GESTURES[r.p.label as 'one'].number ? ' (right without the gates)' : '');
      why.set(key, (why.get(key) ?? 0) + 1);
    }
    console.log(
      `${phoneSide ? 'phone' : 'other dev'}: ${[...why]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${n} ${k}`)
        .join(' | ')}`,
    );
  }

  console.log(`\n-- 5. side facing the camera, per label (${split}, biggest hand with a handedness label): n right --`);
  for (const label of ['one', 'two', 'three', 'four']) {
    const cells = [true, false].map((phoneSide) => {
      const by = { '+': [0, 0], '-': [0, 0] };
      for (const r of read.filter((x) => x.p.label === label && (x.p.set === PHONE) === phoneSide)) {
        const h = biggestFirst(r.lm.hands)[0]!;
        if (!h.handedness) continue;
        const side = facing(h.landmarks, h.handedness.label) > 0 ? '+' : '-';
        by[side][0]! += 1;
        by[side][1]! += verdict(r.p, r.lm).right ? 1 : 0;
      }
      return `${phoneSide ? 'phone' : 'other dev'}: + ${by['+'][0]} (${by['+'][1]} right), − ${by['-'][0]} (${by['-'][1]} right)`;
    });
    console.log(`${label.padEnd(6)} ${cells.join('   ')}`);
  }
}

/** Section 6: the listed photos as stored and in each redrawn variant (plain detection). */
function variants(dirs: string[], list: string): void {
  const files = new Set(readFileSync(list, 'utf8').split('\n').filter(Boolean));
  const photos = readManifest().filter((p) => files.has(p.file));
  const cols: [string, (p: EvalPhoto) => CachedLandmarks | null][] = [
    ['as stored', (p) => readLandmarks(p.sha256, { runtime: 'tasks' })],
    ...dirs.map((d): [string, (p: EvalPhoto) => CachedLandmarks | null] => [
      basename(d),
      (p) => {
        const f = join(d, 'landmarks-tasks', `${p.sha256}.json`);
        return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as CachedLandmarks) : null;
      },
    ]),
  ];
  // a folder named …-x0.75 or …-y0.75 (squashed on that axis): also its landmarks unsquashed again, to
  // tell the geometry (undone by unsquashing) from worse landmarks (not undone)
  for (const [name, get] of [...cols]) {
    const m = /-([xy])([0-9.]+)$/.exec(name);
    if (!m) continue;
    const f = Number(m[2]);
    const s = m[1] === 'x' ? 1 / f : f;
    cols.push([
      `${name} undone`,
      (p) => {
        const lm = get(p);
        return lm && scaleX(lm, s);
      },
    ]);
  }
  console.log(
    `\n-- 6. ${photos.length} photos of the list, as stored and redrawn (plain detection): found / warned / right; palm w/l upright --`,
  );
  const groups: [string, EvalPhoto[]][] = [
    ...['one', 'two', 'three', 'four'].map((l): [string, EvalPhoto[]] => [l, photos.filter((p) => p.label === l)]),
    ['all', photos],
  ];
  console.log(`group  n    ${cols.map(([c]) => c.padEnd(30)).join('')}`);
  for (const [g, ps] of groups) {
    const cells = cols.map(([, get]) => {
      let found = 0;
      let warned = 0;
      let right = 0;
      const aspects: number[] = [];
      for (const p of ps) {
        const lm = get(p);
        if (!lm?.hands.length) continue;
        found++;
        const v = verdict(p, lm);
        warned += v.warned ? 1 : 0;
        right += v.right ? 1 : 0;
        const h = biggestFirst(lm.hands)[0]!;
        if (upright(h.landmarks) > 0.9) aspects.push(palmAspect(h.landmarks, dist2));
      }
      return `${found}/${warned}/${right}  ${f2(median(aspects))} (${aspects.length})`.padEnd(30);
    });
    console.log(`${g.padEnd(6)} ${String(ps.length).padStart(3)}  ${cells.join('')}`);
  }
}

/** +1 or −1: which side of the hand faces the camera (the same sign is the same side for either hand) */
export function facing(lm: P[], label: string): number {
  const [w, i, l] = [lm[0]!, lm[5]!, lm[17]!];
  const c = (i.x - w.x) * (l.y - w.y) - (i.y - w.y) * (l.x - w.x);
  return Math.sign(c) * (label === 'Right' ? 1 : -1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
