/**
 * Builds the real-photo evaluation set for the photo check (docs/photo-check.md, "Evaluation"):
 * copies public photographs out of bare git snapshots of their repositories into
 * `.local/photo-eval/photos/` (kept out of git; JAGA_PHOTO_EVAL points elsewhere) and writes the manifest
 * tests/fixtures/photos/real-eval/manifest.json (file, sha256, source, licence, label, split).
 *
 * `npx tsx scripts/photos/real-eval.ts [MIRROR_ROOT]`; MIRROR_ROOT holds `<owner>+<name>/repo`
 * bare git directories (or set JAGA_MIRRORS); there is no default. The split is decided by the file's hash alone
 * (see `splitOf`), before any landmark is looked at.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tests/e2e/harness.ts';
import { photoEvalDir } from '../local-data.ts';

export const PHOTO_DIR = photoEvalDir();
export const MANIFEST = join(ROOT, 'tests/fixtures/photos/real-eval/manifest.json');

/** What a photo shows, in the evaluation's own words; `expectedGesture` maps it to the classifier's ids. */
export type EvalLabel =
  | 'one' | 'two' | 'three' | 'four' | 'five' | 'ok' | 'metal' | 'thumbs-up'
  | 'thumbs-down' | 'fist' | 'relaxed' | 'mute' | 'stop' | 'call' | 'o-shape' | 'asl-seven' | 'asl-eight'
  | 'half-curl' | 'no-hand'
  // added with the sixth and seventh sources (2026-12-06, second round)
  | 'pinch' | 'hands-near-face' | 'people'
  // added with the sixth round's held-out sources (2026-12-07, Chinese number gestures)
  | 'pistol' | 'ok-three' | 'crossed-fingers';

export interface EvalPhoto {
  file: string;
  sha256: string;
  source: { repo: string; path: string; commit: string };
  licence: string;
  label: EvalLabel;
  split: 'dev' | 'report';
  /** the photographer or data set, for per-source figures */
  set: string;
}

/**
 * Decided 2026-12-06 before any tuning: a photo is in the report split when the first byte of its
 * SHA-256 is below 0x60 (≈ 37.5 %), else in dev. The hash knows nothing about the classifier.
 */
export function splitOf(sha256: string, holdOut = false, devWhole = false): 'dev' | 'report' {
  // a source held out whole (the sixth round's fresh report set) has no dev photos at all
  if (holdOut) return 'report';
  // a development source taken whole (the eighth round's fists): no report photos at all
  if (devWhole) return 'dev';
  return Number.parseInt(sha256.slice(0, 2), 16) < 0x60 ? 'report' : 'dev';
}

interface Source {
  repo: string;
  set: string;
  licence: string;
  /** every photo of the source is in the report split, whatever its hash (the sixth round's fresh report set) */
  holdOut?: true;
  /** every photo of the source is in the dev split, whatever its hash (the eighth round's development sets) */
  devWhole?: true;
  /** the photos to take and their labels, from the repository's paths (and files, by `read`; `has`: its content is in the snapshot) */
  pick(paths: string[], read: (path: string) => string, has: (path: string) => boolean): { path: string; label: EvalLabel }[];
}

/** SubhiH/HandsDataset: open-finger count per hand box; 0 is a fist. */
const FINGER_COUNT: EvalLabel[] = ['fist', 'one', 'two', 'three', 'four', 'five'];
const HANDS_PER_CLASS = [30, 14, 14, 14, 14, 14];

/** American Sign Language digits: 1–5 are the same finger counts as the Indonesian number poses. */
const ASL_DIGIT: Record<string, EvalLabel> = {
  '0': 'o-shape', '1': 'one', '2': 'two', '3': 'three', '4': 'four', '5': 'five',
  '6': 'three', // W: index, middle and ring raised, thumb on the little finger: three fingers up
  '7': 'asl-seven', '8': 'asl-eight', '9': 'ok',
};
const PER_DIGIT = 36;

const HAGRID_NAMES: Record<string, EvalLabel> = {
  call: 'call', dislike: 'thumbs-down', fist: 'fist', four: 'four', like: 'thumbs-up', mute: 'mute', ok: 'ok',
  one: 'one', palm: 'five', peace: 'two', peace_inverted: 'two', rock: 'metal', stop: 'stop', stop_inverted: 'stop',
  three: 'three', three2: 'three', two_up: 'two', two_up_inverted: 'two',
};

/**
 * linto-ai/multi-hand-gesture-dataset: the data set's class (the file name's first part) → what the
 * photo shows. Webcam photos, 640×480, the signer's upper body and face in frame, one man on (at
 * least) two days. Looked at 5 photos per class before mapping; nothing else was looked at.
 */
export const LINTO_CLASSES: Record<string, EvalLabel> = {
  callme: 'call', // thumb and little finger out: "telephone"
  handup: 'one', // index finger raised
  hello: 'five', // both open palms raised: a wave
  // thumb, index and little finger out (ASL "I love you"): rules/gestures.ts reads horns with the
  // thumb out as "salam metal" too, as it is often made
  iloveyou: 'metal',
  no: 'pinch', // ASL "no": index and middle finger closing on the thumb
  ok: 'thumbs-up',
  okay: 'ok', // thumb and index in a ring, three fingers up
  thanks: 'hands-near-face', // both flat hands in front of the mouth
  vectory: 'two', // V (the data set's spelling)
  yes: 'fist', // ASL "yes": a fist
};
/** photos per class, evenly spaced by file name over train/ and test/ together */
const LINTO_PER_CLASS = 30;

/**
 * interact-rg/SmartCanvas tests/test_assets/finger_pictures: its tests' expected answers, by file
 * name. 6–10 are counts over two hands (left out: which hand shows what is not named); `spiderman`
 * is thumb, index and little finger out, which rules/gestures.ts reads as salam metal (as linto's
 * "iloveyou"); `dummy` and `small_image` are not hand photos named by the tests.
 */
export const SMARTCANVAS_NAMES: Record<string, EvalLabel> = {
  '1': 'one', '2': 'two', '3': 'three', '4': 'four', '5': 'five', '5_720': 'five',
  Vsign: 'two', spiderman: 'metal', thumbsup: 'thumbs-up', thumbs_up_720: 'thumbs-up', thumbsdown: 'thumbs-down', thumbs_down_720: 'thumbs-down',
};

/** EPSRC-NUMBERS finger counting: the class folder (1–5) → label */
const EPSRC_COUNT: Record<string, EvalLabel> = { '1': 'one', '2': 'two', '3': 'three', '4': 'four', '5': 'five' };

/**
 * Photos of a finger-counting set under `root` (`<split>/<count>/<file>.jpg`, silhouettes left out),
 * `want[count]` per count, spread evenly over the file names of all its splits.
 */
export function fingerCountPick(paths: string[], root: string, want: Record<string, number>): { path: string; label: EvalLabel }[] {
  const out: { path: string; label: EvalLabel }[] = [];
  for (const [count, n] of Object.entries(want)) {
    const label = EPSRC_COUNT[count];
    if (!label) throw new Error(`no label for finger count ${count}`);
    const files = paths.filter((p) => p.startsWith(root) && p.split('/').at(-2) === count && /\.jpe?g$/i.test(p)).sort();
    for (const path of evenly(files, n)) out.push({ path, label });
  }
  return out;
}

/**
 * The source clip of a KAUST rock-paper-scissors crop (`[<class>.]<original>.rf.<hash>_<n>.jpg`):
 * the video for frames (`IMG_7077_MOV-19_jpg` → `IMG_7077`), else the original photo's name.
 */
export function rpsClip(path: string): string {
  const original = path.split('/').pop()!.replace(/^(rock|paper|scissors)\./, '').split('.rf.')[0]!;
  const video = original.match(/^(.*)[-_](?:mp4|MP4|mov|MOV)-\d+_jpg$/);
  return video ? video[1]! : original.replace(/(_(?:jpe?g|png|JPE?G|PNG))+$/, '');
}

/** The first crop (by file name) of each clip, sorted by file name: frames of one video count once. */
export function onePerClip(paths: string[]): string[] {
  const base = (p: string) => p.split('/').pop()!;
  const first = new Map<string, string>();
  for (const p of [...paths].sort((a, b) => base(a).localeCompare(base(b)))) if (!first.has(rpsClip(p))) first.set(rpsClip(p), p);
  return [...first.values()].sort((a, b) => base(a).localeCompare(base(b)));
}
/** S-U-M/Gesture-Recognition's file names (without the trailing number) → label */
export const SUM_NAMES: Record<string, EvalLabel> = { ok: 'ok', peace: 'two', pointing: 'one', stop: 'stop', thumbsup: 'thumbs-up' };

/**
 * Chinese number gestures, by class folder, as the two sets' own charts define them (nadalii's
 * "Sampling Standards.png", daocunyang's report): 3 is the OK-shaped three (thumb and index in a
 * ring, three fingers up), 6 thumb and little finger, 7 fingertips together, 8 thumb and index (an
 * L), 9 a hooked index, 10 a fist (daocunyang) or crossed fingers (nadalii), 0 an O, and
 * daocunyang's 11 its "invalid or no hand" class.
 */
export const CN_DAOCUN: Record<string, EvalLabel> = {
  '1': 'one', '2': 'two', '3': 'ok-three', '4': 'four', '5': 'five', '6': 'call', '7': 'pinch', '8': 'pistol', '9': 'half-curl', '10': 'fist', '11': 'no-hand',
};
export const CN_NADALII: Record<string, EvalLabel> = {
  '0': 'o-shape', '1': 'one', '2': 'two', '3': 'ok-three', '4': 'four', '5': 'five', '6': 'call', '7': 'pinch', '8': 'pistol', '9': 'half-curl', '10': 'crossed-fingers',
};

/**
 * `want` photos per class folder (`<root>…/<class>/<file>`, the class the folder right above the
 * file), evenly spaced by path over every split under `root`; `labels` maps the folder to a label.
 */
export function classFolderPick(paths: string[], root: string, labels: Record<string, EvalLabel>, want: number): { path: string; label: EvalLabel }[] {
  const out: { path: string; label: EvalLabel }[] = [];
  for (const [cls, label] of Object.entries(labels)) {
    const files = paths.filter((p) => p.startsWith(root) && p.split('/').at(-2) === cls && /\.jpe?g$/i.test(p)).sort();
    // a folder with fewer files than wanted gives each once (evenly() would repeat the first)
    for (const path of evenly(files, Math.min(want, files.length))) out.push({ path, label });
  }
  return out;
}

/**
 * tomnlittle/ASL-Gesture-Dataset (seventh round): the ASL letter each frame was keyed with (the file
 * name's first letter) → label, by the ASL manual alphabet, and frames per signer. Only these letters
 * are taken (docs/photo-check.md, seventh round).
 */
export const ASL_LETTERS: Record<string, { label: EvalLabel; perSigner: number }> = {
  D: { label: 'one', perSigner: 12 }, // index up, the other fingertips on the thumb
  V: { label: 'two', perSigner: 12 },
  W: { label: 'three', perSigner: 12 }, // index, middle and ring
  B: { label: 'four', perSigner: 12 }, // four fingers up, thumb across the palm
  F: { label: 'ok', perSigner: 12 }, // thumb and index in a ring, three fingers up
  Y: { label: 'call', perSigner: 12 }, // thumb and little finger
  L: { label: 'pistol', perSigner: 12 }, // thumb and index: an L
  A: { label: 'fist', perSigner: 6 },
  S: { label: 'fist', perSigner: 6 },
  O: { label: 'o-shape', perSigner: 12 },
  X: { label: 'half-curl', perSigner: 12 }, // a hooked index
};

/** `images/<signer>/<letter><n>.jpg`: per signer and letter, evenly by frame number (the order they were keyed in). */
export function aslLetterPick(paths: string[]): { path: string; label: EvalLabel }[] {
  const out: { path: string; label: EvalLabel }[] = [];
  const signers = [...new Set(paths.map((p) => p.match(/^images\/([^/]+)\/[A-Z]\d+\.jpg$/)?.[1]).filter((x): x is string => !!x))].sort();
  for (const signer of signers)
    for (const [letter, { label, perSigner }] of Object.entries(ASL_LETTERS)) {
      const frame = (p: string) => Number(p.match(new RegExp(`^images/${signer}/${letter}(\\d+)\\.jpg$`))?.[1] ?? Number.NaN);
      const files = paths.filter((p) => !Number.isNaN(frame(p))).sort((a, b) => frame(a) - frame(b));
      for (const path of evenly(files, Math.min(perSigner, files.length))) out.push({ path, label });
    }
  return out;
}

/**
 * The eighth round's development sets (quangminh141005/ASL_Detection): class folder → label by the
 * ASL manual alphabet. Every fist-shaped letter is a fist: A (thumb upright along the fist), S (thumb
 * across the fingers), E (fingertips curled onto the thumb), M, N, T (thumb tucked under or between
 * the fingers). Kaggle's "ASL Alphabet" (grassknoted: one signer, 200×200 frames) in capitals;
 * Kaggle's "ASL Dataset" (ayuraj: five people's hands cut out on black) in lower case and digits.
 */
export const ASL_ALPHABET_GRASSKNOTED: Record<string, EvalLabel> = {
  A: 'fist', S: 'fist', E: 'fist', M: 'fist', N: 'fist', T: 'fist',
  D: 'one', V: 'two', W: 'three', B: 'four', F: 'ok', O: 'o-shape', X: 'half-curl', Y: 'call', L: 'pistol', nothing: 'no-hand',
};
export const ASL_DATASET_AYURAJ: Record<string, EvalLabel> = {
  a: 'fist', s: 'fist', e: 'fist', m: 'fist', n: 'fist', t: 'fist',
  '1': 'one', '2': 'two', '3': 'three', '4': 'four', '5': 'five', '6': 'three', '9': 'ok', '0': 'o-shape',
  d: 'one', v: 'two', w: 'three', b: 'four', y: 'call', l: 'pistol',
};
/** photos per class folder of each set */
const ASL_ALPHABET_PER_CLASS = 15;
/**
 * The ninth round's hooked indexes: every photo of ayuraj's "x" folder (ASL X, the index hooked
 * over the closed fist; five people, so several signers' hooks), a "none" hand for training.
 */
export const ASL_DATASET_AYURAJ_HOOKS: Record<string, EvalLabel> = { x: 'half-curl' };
const ASL_HOOKS_PER_CLASS = 70;

/**
 * The ninth round's held-out set: David Lee's "American Sign Language Letters" (Roboflow), phone
 * photos of bare hands in rooms. The letter comes from the set's own YOLO annotation (class id →
 * its names list, A–Z); only these letters are taken (docs/photo-check.md, ninth round).
 */
export const ASL_LETTERS_DAVIDLEE: Record<string, EvalLabel> = {
  A: 'fist', S: 'fist', E: 'fist', M: 'fist', N: 'fist', T: 'fist',
  D: 'one', V: 'two', W: 'three', B: 'four', F: 'ok', Y: 'call', L: 'pistol', O: 'o-shape', X: 'half-curl',
};

/**
 * `datasets/american_sign_language/<split>/images/<original>_jpg.rf.<hash>.jpg`: Roboflow exported up
 * to three augmented copies of each original photo; the first copy by file name of each original is
 * taken, labelled by its annotation's first box (a copy whose annotation disagrees with the letter of
 * its original's name is left out).
 */
export function davidLeePick(paths: string[], read: (path: string) => string): { path: string; label: EvalLabel }[] {
  const root = 'datasets/american_sign_language/';
  const first = new Map<string, string>();
  for (const p of paths.filter((p) => p.startsWith(root) && /\/images\/[^/]+\.jpg$/.test(p)).sort((a, b) => a.split('/').pop()!.localeCompare(b.split('/').pop()!))) {
    const original = p.split('/').pop()!.split('_jpg.rf.')[0]!;
    if (!first.has(original)) first.set(original, p);
  }
  const out: { path: string; label: EvalLabel }[] = [];
  for (const [original, path] of [...first].sort((a, b) => a[0].localeCompare(b[0]))) {
    const classId = Number(read(path.replace('/images/', '/labels/').replace(/\.jpg$/, '.txt')).trim().split(/\s+/)[0]);
    const letter = String.fromCharCode(65 + classId);
    const label = ASL_LETTERS_DAVIDLEE[letter];
    if (label && original.startsWith(letter)) out.push({ path, label });
  }
  return out;
}

/**
 * dwivedi1997/Hand-Gesture-YOLOv8 (tenth round, dev whole): a Roboflow export (Universe
 * lebanese-university-grkoz/hand-gesture-recognition-y5827 v6) of phone photos (WhatsApp images,
 * camera files, screenshots) of finger counts, stretched to 224 × 224. The label is the class of
 * the photo's first box through the export's names list (data.yaml); every photo of it has boxes
 * of one class only. Up to HAND_COUNT_PER_CLASS per class, evenly by file name.
 */
export const HAND_COUNT_NAMES: EvalLabel[] = ['five', 'four', 'one', 'three', 'two'];
const HAND_COUNT_PER_CLASS = 80;

export function handCountPick(paths: string[], read: (path: string) => string): { path: string; label: EvalLabel }[] {
  const byLabel = new Map<EvalLabel, string[]>();
  for (const path of paths.filter((p) => /^(train|valid|test)\/images\/[^/]+\.jpg$/.test(p)).sort((a, b) => a.split('/').pop()!.localeCompare(b.split('/').pop()!))) {
    const first = read(path.replace('/images/', '/labels/').replace(/\.jpg$/, '.txt')).trim().split(/\s+/)[0];
    // a photo without a box has no label (Number('') would read as class 0, "five")
    const label = first ? HAND_COUNT_NAMES[Number(first)] : undefined;
    if (label) byLabel.set(label, [...(byLabel.get(label) ?? []), path]);
  }
  return HAND_COUNT_NAMES.flatMap((label) => {
    const files = byLabel.get(label) ?? [];
    return evenly(files, Math.min(HAND_COUNT_PER_CLASS, files.length)).map((path) => ({ path, label }));
  });
}

/**
 * LSA16 (the eighth round's held-out set): class id (the file name's first number, as its page
 * names them) → label. Only these classes are taken (docs/photo-check.md, eighth round).
 */
export const LSA16_CLASSES: Record<string, EvalLabel> = {
  '8': 'one', // Index
  '16': 'two', // V
  '2': 'four', // Four
  '3': 'metal', // Horns: index and little finger up
  '15': 'call', // Telephone
  '9': 'pistol', // L
  '13': 'thumbs-up', // Thumb: the thumb up from a closed fist
  '14': 'fist', // Fist
  '7': 'half-curl', // Hook: a hooked index
  '12': 'pinch', // Beak: the fingertips together
  '1': 'five', // Five
};

/** `…/CLASS_SUBJECT_REPETITION.png`: every photo of the classes in LSA16_CLASSES. */
export function lsa16Pick(paths: string[]): { path: string; label: EvalLabel }[] {
  const out: { path: string; label: EvalLabel }[] = [];
  for (const path of [...paths].sort()) {
    const m = path.match(/^datasets\/lsa16\/files\/dataset\/(\d+)_\d+_\d+\.png$/);
    const label = m ? LSA16_CLASSES[m[1]!] : undefined;
    if (label) out.push({ path, label });
  }
  return out;
}

/** KAUST rock-paper-scissors: the class folder → label, and photos per class (one per clip) */
const RPS_CLASSES: Record<string, { label: EvalLabel; want: number }> = {
  scissors: { label: 'two', want: 80 }, // index and middle finger out: a V, often sideways
  rock: { label: 'fist', want: 50 },
  paper: { label: 'five', want: 30 },
};

/** Spread `want` picks evenly over the sorted list. */
function evenly<T>(items: T[], want: number): T[] {
  const step = items.length / want;
  const out: T[] = [];
  for (let i = 0; i < want && i * step < items.length; i++) out.push(items[Math.floor(i * step)]!);
  return out;
}

const SOURCES: Source[] = [
  {
    repo: 'ardamavi/Sign-Language-Digits-Dataset',
    set: 'asl-digits',
    licence: 'Apache-2.0 (Turkey Ankara Ayrancı Anadolu High School students, 218 people)',
    pick(paths) {
      const out: { path: string; label: EvalLabel }[] = [];
      for (const digit of Object.keys(ASL_DIGIT)) {
        const files = paths.filter((p) => p.startsWith(`Dataset/${digit}/`)).sort();
        const step = files.length / PER_DIGIT;
        for (let i = 0; i < PER_DIGIT && i * step < files.length; i++) out.push({ path: files[Math.floor(i * step)]!, label: ASL_DIGIT[digit]! });
      }
      return out;
    },
  },
  {
    repo: 'erikx50/Hand-gesture-detection',
    set: 'erikx50-manual',
    licence: 'none stated (evaluation only, never redistributed)',
    pick: (paths) =>
      paths
        .filter((p) => p.startsWith('images/manual_test/rgb/'))
        .map((p) => ({ path: p, label: HAGRID_NAMES[p.split('/').pop()!.replace(/\.png$/i, '')]! }))
        .filter((x) => x.label),
  },
  {
    repo: 'SubhiH/HandsDataset',
    set: 'subhih-hands',
    licence: 'Apache-2.0 (Subhi Haji; indoor and outdoor scenes, 800×600)',
    pick(_paths, read) {
      // photos whose hand boxes all have the same finger count, from the data set's test list
      const classes = new Map<string, Set<string>>();
      for (const line of read('data/test_labels.csv').split('\n').slice(1)) {
        const [file, , , cls] = line.split(',');
        if (!file || !cls) continue;
        classes.set(file, (classes.get(file) ?? new Set()).add(cls));
      }
      const out: { path: string; label: EvalLabel }[] = [];
      for (const [n, label] of FINGER_COUNT.entries()) {
        const files = [...classes].filter(([, c]) => c.size === 1 && c.has(`${n}-hand`)).map(([f]) => f).sort();
        const want = HANDS_PER_CLASS[n]!;
        const step = files.length / want;
        for (let i = 0; i < want && i * step < files.length; i++) out.push({ path: `images/test/${files[Math.floor(i * step)]}`, label });
      }
      return out;
    },
  },
  {
    repo: 'ageitgey/face_recognition',
    set: 'face-recognition-examples',
    licence: 'MIT (repository); press photos, rights not stated (evaluation only)',
    pick: (paths) => paths.filter((p) => /\.(jpe?g|png)$/i.test(p) && !p.includes('32bit')).map((p) => ({ path: p, label: 'no-hand' as const })),
  },
  {
    repo: 'linto-ai/multi-hand-gesture-dataset',
    set: 'linto-gestures',
    licence: 'none stated (evaluation only, never redistributed)',
    pick(paths) {
      const out: { path: string; label: EvalLabel }[] = [];
      for (const [cls, label] of Object.entries(LINTO_CLASSES)) {
        const files = paths.filter((p) => /^(train|test)\//.test(p) && p.split('/').pop()!.startsWith(`${cls}.`) && p.endsWith('.jpg'));
        // by file name (a uuid): the order says nothing about the photo
        files.sort((a, b) => a.split('/').pop()!.localeCompare(b.split('/').pop()!));
        for (const path of evenly(files, LINTO_PER_CLASS)) out.push({ path, label });
      }
      return out;
    },
  },
  {
    // COCO val2014 photos shipped as OpenPose's examples: people at home, at sport, in the street,
    // hands relaxed, holding a phone, a camera, a racket, a bat. COCO labels people, not hand signs:
    // all 20 were looked at, none shows a hand sign.
    repo: 'CMU-Perceptual-Computing-Lab/openpose',
    set: 'coco-people',
    licence: 'COCO images: Flickr photographers, CC licences per image (evaluation only)',
    pick: (paths) => paths.filter((p) => /^examples\/media\/COCO_val2014_\d+\.jpg$/.test(p)).map((p) => ({ path: p, label: 'people' as const })),
  },
  // third round (2026-12-06, evening): fresh sources whose report half nobody had looked at
  {
    // a finger-counting data set: one man's hand, back to the camera, before a plain wall, on two
    // occasions; counts 1–5 are index; index+middle (a V); index+middle+ring; four; five
    repo: 'EPSRC-NUMBERS/Human-Robot_Finger-Counting_Dataset',
    set: 'epsrc-fingers',
    licence: 'CC BY-SA 4.0 (EPSRC NUMBERS project, University of Plymouth)',
    pick: (paths) => fingerCountPick(paths, 'Example_Datasets/Human_Fingers_1000_200_200/', { 1: 24, 2: 24, 3: 24, 4: 24, 5: 12 }),
  },
  {
    // crops of one hand each from Roboflow's rock-paper-scissors photos and phone videos: many
    // people, rooms, webcams, egocentric views; one crop per source clip
    repo: 'tsyurii/kaust-dsa299-rps-dataset',
    set: 'kaust-rps',
    licence: 'CDLA-Sharing-1.0 (derived from Roboflow Universe "Rock Paper Scissors (SXSW)")',
    pick(paths) {
      const out: { path: string; label: EvalLabel }[] = [];
      for (const [cls, { label, want }] of Object.entries(RPS_CLASSES)) {
        const clips = onePerClip(paths.filter((p) => new RegExp(`^(training|testing)/${cls}/[^/]+\\.jpg$`).test(p)));
        for (const path of evenly(clips, want)) out.push({ path, label });
      }
      return out;
    },
  },
  {
    repo: 'interact-rg/SmartCanvas',
    set: 'smartcanvas-tests',
    licence: 'GPL-3.0 (repository); photos of the project team, evaluation only',
    pick: (paths) =>
      paths
        .filter((p) => p.startsWith('tests/test_assets/finger_pictures/'))
        .map((p) => ({ path: p, label: SMARTCANVAS_NAMES[p.split('/').pop()!.replace(/\.(jpe?g|png)$/i, '')]! }))
        .filter((x) => x.label),
  },
  {
    // one HaGRID sample photo per class (HaGRID: many people, at home, 384 px), the tutorial's test images
    repo: 'cj-mills/icevision-openvino-unity-tutorial',
    set: 'hagrid-samples',
    licence: 'HaGRID photos: CC BY-SA 4.0 (repository MIT)',
    pick: (paths) =>
      paths
        .filter((p) => /^images\/[^/]+\.jpg$/.test(p))
        .map((p) => ({ path: p, label: HAGRID_NAMES[p.split('/').pop()!.replace(/\.jpg$/i, '')]! }))
        .filter((x) => x.label),
  },
  // fourth round (2026-12-07): a fresh source whose report half nobody had looked at
  {
    // a C++ gesture recogniser's test photos: one person's hand, phone photos (up to 4000 px);
    // labels from the file names as its README defines them (pointing: one finger)
    repo: 'S-U-M/Gesture-Recognition',
    set: 'sum-gestures',
    licence: 'none stated (evaluation only, never redistributed)',
    pick: (paths, _read, has) =>
      paths
        .filter((p) => /^[a-z]+\d*\.jpg$/.test(p) && has(p))
        .map((p) => ({ path: p, label: SUM_NAMES[p.replace(/\d*\.jpg$/, '')]! }))
        .filter((x) => x.label),
  },
  // sixth round (2026-12-07, morning): two sources held out whole as the fresh report set
  {
    // one man's hands (left and right), webcam, 224×224, several rooms and lights
    repo: 'daocunyang/Chinese-Number-Gestures-Recognition',
    set: 'cn-numbers-daocun',
    licence: 'none stated (evaluation only, never redistributed)',
    holdOut: true,
    pick: (paths) => classFolderPick(paths, 'data/RGB/', CN_DAOCUN, 20),
  },
  {
    // four people at a desk, upper body and face in frame, bare hands and gloves, phone camera
    repo: 'nadalii/Chinese-Number-Gesture-Recognition-Static-',
    set: 'cn-numbers-nadalii',
    licence: 'none stated (evaluation only, never redistributed)',
    holdOut: true,
    pick: (paths) => classFolderPick(paths, 'Original_Dataset/', CN_NADALII, 40),
  },
  // seventh round (2026-12-07, late morning): a source never used before, held out whole as the new report set
  {
    // two signers, one hand close up before a plain wall, webcam video frames keyed by ASL letter, 200×200
    repo: 'tomnlittle/ASL-Gesture-Dataset',
    set: 'asl-letters-tomnlittle',
    licence: 'none stated (evaluation only, never redistributed)',
    holdOut: true,
    pick: aslLetterPick,
  },
  // eighth round (2026-12-07, noon): a source never used before, held out whole as its report set
  {
    // ten people's gloved right hands, each handshape five times, cut out on black, 127×127
    repo: 'facundoq/facundoq.github.io',
    set: 'lsa16-handshapes',
    licence: 'CC BY-NC-SA 4.0 (LSA16, UNLP; evaluation only, never redistributed)',
    holdOut: true,
    pick: lsa16Pick,
  },
  // eighth round (2026-12-07, noon): two ASL manual-alphabet sets, development sources taken whole
  {
    repo: 'quangminh141005/ASL_Detection',
    set: 'asl-alphabet-grassknoted',
    licence: 'MIT (repository); Kaggle "ASL Alphabet" page: GPL-2.0 (evaluation and training only, never redistributed)',
    devWhole: true,
    pick: (paths) => classFolderPick(paths, 'Dataset/nmt_dataset/', ASL_ALPHABET_GRASSKNOTED, ASL_ALPHABET_PER_CLASS),
  },
  {
    repo: 'quangminh141005/ASL_Detection',
    set: 'asl-dataset-ayuraj',
    licence: 'MIT (repository); Kaggle "ASL Dataset" (evaluation and training only, never redistributed)',
    devWhole: true,
    pick: (paths) => [
      ...classFolderPick(paths, 'Dataset/nqm_dataset/asl_dataset/', ASL_DATASET_AYURAJ, ASL_ALPHABET_PER_CLASS),
      // ninth round (2026-12-07, afternoon): the hooked indexes of its five people
      ...classFolderPick(paths, 'Dataset/nqm_dataset/asl_dataset/', ASL_DATASET_AYURAJ_HOOKS, ASL_HOOKS_PER_CLASS),
    ],
  },
  // ninth round (2026-12-07, afternoon): a source never used before, held out whole as its report set
  {
    // phone photos of bare hands in rooms (David Lee and at least one more person), 416×416 (stretched by the export)
    repo: 'dnth/yolov5-deepsparse-blogpost',
    set: 'asl-letters-davidlee',
    licence: 'Public Domain (Roboflow Universe, david-lee-d0rhs/american-sign-language-letters; evaluation only, never redistributed)',
    holdOut: true,
    pick: davidLeePick,
  },
  // tenth round (2026-12-07, afternoon): phone photos of finger counts in rooms, a development source taken whole
  {
    repo: 'dwivedi1997/Hand-Gesture-YOLOv8',
    set: 'hand-count-lebanese',
    licence: 'CC BY 4.0 (Roboflow Universe, lebanese-university-grkoz/hand-gesture-recognition-y5827)',
    devWhole: true,
    pick: handCountPick,
  },
];

/** The fingerpose photos already in the repository (tests/fixtures/photos/README.md). */
const FINGERPOSE: Record<string, EvalLabel> = { 'one-finger': 'one', 'near-miss-half-curl': 'half-curl', 'near-miss-fist': 'fist', 'v-sign': 'two', 'thumbs-up': 'thumbs-up', 'no-hand-face': 'no-hand' };

function git(dir: string, ...args: string[]): Buffer {
  return execFileSync('git', [`--git-dir=${dir}`, ...args], { maxBuffer: 1 << 28 });
}

export function readManifest(): EvalPhoto[] {
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as EvalPhoto[];
}

function main(): void {
  const mirrors = process.argv[2] || process.env.JAGA_MIRRORS;
  if (!mirrors) throw new Error('usage: real-eval.ts MIRROR_ROOT (or set JAGA_MIRRORS): the folder of <owner>+<name>/repo snapshots');
  mkdirSync(join(PHOTO_DIR, 'photos'), { recursive: true });
  const seen = new Set<string>();
  const out: EvalPhoto[] = [];
  const add = (bytes: Buffer, name: string, e: Omit<EvalPhoto, 'file' | 'sha256' | 'split'>, holdOut = false, devWhole = false) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (seen.has(sha256)) return; // the same photo under two names counts once
    seen.add(sha256);
    const file = `${e.set}/${name}`;
    mkdirSync(join(PHOTO_DIR, 'photos', e.set), { recursive: true });
    // the folder is shared: a photo already there (same name, so same bytes) is left alone
    if (!existsSync(join(PHOTO_DIR, 'photos', file))) writeFileSync(join(PHOTO_DIR, 'photos', file), bytes);
    out.push({ file, sha256, split: splitOf(sha256, holdOut, devWhole), ...e });
  };
  for (const src of SOURCES) {
    // a snapshot is a bare git directory, or a repository whose .git holds it
    const bare = join(mirrors, src.repo.replace('/', '+'), 'repo');
    const dir = existsSync(join(bare, '.git')) ? join(bare, '.git') : bare;
    const commit = git(dir, 'rev-parse', 'HEAD').toString().trim();
    const paths = git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').toString().split('\n').filter(Boolean);
    // a snapshot may list a file whose content it lacks (a large blob left out)
    const has = (p: string) => {
      try {
        git(dir, 'cat-file', '-e', `HEAD:${p}`);
        return true;
      } catch {
        return false;
      }
    };
    for (const { path, label } of src.pick(paths, (p) => git(dir, 'show', `HEAD:${p}`).toString(), has)) {
      add(git(dir, 'show', `HEAD:${path}`), path.replaceAll('/', '_'), { source: { repo: src.repo, path, commit }, licence: src.licence, label, set: src.set }, src.holdOut, src.devWhole);
    }
  }
  const fixtures = join(ROOT, 'tests/fixtures/photos');
  for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.jpg')).sort()) {
    const label = FINGERPOSE[f.replace(/(-\d+)?\.jpg$/, '')];
    if (!label) continue;
    add(readFileSync(join(fixtures, f)), f, { source: { repo: 'npm:fingerpose@0.1.0', path: `tests/fixtures/photos/${f}`, commit: '' }, licence: 'MIT (© Andreas Schallwig)', label, set: 'fingerpose' });
  }
  mkdirSync(join(MANIFEST, '..'), { recursive: true });
  writeFileSync(MANIFEST, `${JSON.stringify(out, null, 1)}\n`);
  const count = (k: (p: EvalPhoto) => string) => {
    const n = new Map<string, number>();
    for (const p of out) n.set(k(p), (n.get(k(p)) ?? 0) + 1);
    return [...n].map(([name, c]) => `${name} ${c}`).join(', ');
  };
  console.log(`${out.length} photos → ${PHOTO_DIR}/photos; ${count((p) => p.split)}\n${count((p) => p.label)}\n${count((p) => p.set)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
