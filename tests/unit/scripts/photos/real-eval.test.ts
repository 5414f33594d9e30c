/**
 * How the evaluation set picks and labels photos from the sources' own paths and file names
 * (docs/photo-check.md, "Evaluation"): the split rule, frames of one video counted once, labels
 * from class folders and file names. No photo is read.
 */
import { describe, expect, it } from 'vitest';
import { LSA16_CLASSES, lsa16Pick, ASL_ALPHABET_GRASSKNOTED, ASL_DATASET_AYURAJ, ASL_DATASET_AYURAJ_HOOKS, ASL_LETTERS_DAVIDLEE, davidLeePick, HAND_COUNT_NAMES, handCountPick, ASL_LETTERS, aslLetterPick, CN_DAOCUN, CN_NADALII, classFolderPick, fingerCountPick, onePerClip, rpsClip, SMARTCANVAS_NAMES, splitOf, SUM_NAMES } from '../../../../scripts/photos/real-eval.ts';

describe('splitOf', () => {
  it('puts a photo in the report split when the first byte of its hash is below 0x60', () => {
    expect(splitOf(`5f${'0'.repeat(62)}`)).toBe('report');
    expect(splitOf(`60${'0'.repeat(62)}`)).toBe('dev');
    expect(splitOf(`00${'f'.repeat(62)}`)).toBe('report');
  });
  it('puts every photo of a source held out whole in the report split, whatever its hash', () => {
    expect(splitOf(`60${'0'.repeat(62)}`, true)).toBe('report');
    expect(splitOf(`ff${'f'.repeat(62)}`, true)).toBe('report');
  });
  it('puts every photo of a development source taken whole in dev, whatever its hash', () => {
    expect(splitOf(`00${'0'.repeat(62)}`, false, true)).toBe('dev');
    expect(splitOf(`5f${'f'.repeat(62)}`, false, true)).toBe('dev');
    expect(splitOf(`ff${'f'.repeat(62)}`, false, true)).toBe('dev');
  });
});

describe('classFolderPick (the Chinese number gesture sets)', () => {
  it('takes the wanted number per class folder, evenly over every split, labelled by folder', () => {
    const paths = [
      ...Array.from({ length: 8 }, (_, i) => `data/RGB/train/8/${i}.jpg`),
      ...Array.from({ length: 2 }, (_, i) => `data/RGB/test/8/${i}.jpg`),
      'data/RGB/train/1/a.jpg',
      'data/depth/train/8/d.jpg',
    ];
    const picked = classFolderPick(paths, 'data/RGB/', { '8': 'pistol', '1': 'one' }, 5);
    expect(picked.filter((p) => p.label === 'pistol')).toHaveLength(5);
    expect(picked.some((p) => p.path.startsWith('data/RGB/test/'))).toBe(true);
    expect(picked.filter((p) => p.label === 'one').map((p) => p.path)).toEqual(['data/RGB/train/1/a.jpg']);
    expect(picked.some((p) => p.path.includes('depth'))).toBe(false);
  });
  it('maps the folders as the sets\' own number charts define them', () => {
    expect(CN_DAOCUN['3']).toBe('ok-three');
    expect(CN_NADALII['3']).toBe('ok-three');
    expect(CN_DAOCUN['6']).toBe('call');
    expect(CN_DAOCUN['8']).toBe('pistol');
    expect(CN_DAOCUN['10']).toBe('fist');
    expect(CN_NADALII['10']).toBe('crossed-fingers');
    expect(CN_NADALII['0']).toBe('o-shape');
    expect(CN_DAOCUN['11']).toBe('no-hand');
  });
});

describe('rpsClip', () => {
  it('gives every frame of one video the same clip', () => {
    expect(rpsClip('testing/paper/IMG_7077_MOV-187_jpg.rf.c423b8f3_00159.jpg')).toBe('IMG_7077');
    expect(rpsClip('training/rock/rock.IMG_7077_MOV-19_jpg.rf.bc707fa7_00050.jpg')).toBe('IMG_7077');
    expect(rpsClip('testing/scissors/JWitt-RCP_mp4-64_jpg.rf.184e0e82_00005.jpg')).toBe('JWitt-RCP');
    expect(rpsClip('testing/paper/Screen-Recording-2023-03-11-at-9_48_18-PM_mov-157_jpg.rf.ce9_00060.jpg')).toBe(
      'Screen-Recording-2023-03-11-at-9_48_18-PM',
    );
  });
  it('keeps still photos apart, with or without the class prefix', () => {
    expect(rpsClip('testing/paper/egohands-public-1620849870898_png_jpg.rf.2de5e5ff_00319.jpg')).toBe('egohands-public-1620849870898');
    expect(rpsClip('testing/paper/paper.egohands-public-1620849870898_png_jpg.rf.ef4ffbc3_00985.jpg')).toBe('egohands-public-1620849870898');
    expect(rpsClip('testing/paper/0114_png.rf.c3934ce7_00154.jpg')).not.toBe(rpsClip('testing/paper/0251_png.rf.96211a30_00697.jpg'));
  });
});

describe('onePerClip', () => {
  it('takes the first frame, by name, of each clip', () => {
    const paths = ['a/IMG_1_MOV-9_jpg.rf.x_1.jpg', 'a/IMG_1_MOV-10_jpg.rf.y_2.jpg', 'a/IMG_2_MOV-3_jpg.rf.z_3.jpg', 'a/0001_png.rf.w_4.jpg'];
    expect(onePerClip(paths)).toEqual(['a/0001_png.rf.w_4.jpg', 'a/IMG_1_MOV-10_jpg.rf.y_2.jpg', 'a/IMG_2_MOV-3_jpg.rf.z_3.jpg']);
  });
});

describe('SMARTCANVAS_NAMES', () => {
  it('labels the test photos by the count or gesture their file name gives', () => {
    expect(SMARTCANVAS_NAMES['3']).toBe('three');
    expect(SMARTCANVAS_NAMES.thumbsdown).toBe('thumbs-down');
    expect(SMARTCANVAS_NAMES.thumbs_down_720).toBe('thumbs-down');
    expect(SMARTCANVAS_NAMES.Vsign).toBe('two');
  });
  it('leaves out the counts above five, which need two hands', () => {
    expect(SMARTCANVAS_NAMES['7']).toBeUndefined();
    expect(SMARTCANVAS_NAMES.dummy).toBeUndefined();
  });
});

describe('fingerCountPick', () => {
  it('spreads the picks of each count over the sorted file names and labels them by folder', () => {
    const paths = Array.from({ length: 10 }, (_, i) => `H/training_set/2/two_${i}.jpg`).concat(['H/training_set/2/silhouettes/x.jpg', 'H/training_set/7/seven_1.jpg']);
    const picked = fingerCountPick(paths, 'H/', { 2: 5 });
    expect(picked).toHaveLength(5);
    expect(picked.every((p) => p.label === 'two' && !p.path.includes('silhouettes'))).toBe(true);
  });
});

describe('SUM_NAMES', () => {
  it('labels S-U-M/Gesture-Recognition photos as its README defines the names', () => {
    expect(SUM_NAMES.peace).toBe('two');
    expect(SUM_NAMES.pointing).toBe('one');
    expect(SUM_NAMES.thumbsup).toBe('thumbs-up');
    expect(SUM_NAMES.stop).toBe('stop');
    expect(SUM_NAMES.ok).toBe('ok');
    expect(SUM_NAMES.smile).toBeUndefined();
  });
});

describe('aslLetterPick (the seventh round\'s ASL letter frames)', () => {
  it('takes each signer\'s frames of a letter evenly by frame number, not by file name', () => {
    const paths = [
      ...Array.from({ length: 120 }, (_, i) => `images/jack/V${i}.jpg`),
      ...Array.from({ length: 12 }, (_, i) => `images/tom/V${i}.jpg`),
      'images/jack/K5.jpg',
      'images/video_generate.py',
    ];
    const picked = aslLetterPick(paths);
    const jack = picked.filter((p) => p.path.startsWith('images/jack/'));
    // by frame number: V0, V10, V20 … (by name it would be V0, V1, V10, V100 …)
    expect(jack.map((p) => p.path)).toEqual(Array.from({ length: 12 }, (_, i) => `images/jack/V${i * 10}.jpg`));
    expect(picked.filter((p) => p.path.startsWith('images/tom/'))).toHaveLength(12);
    expect(picked.every((p) => p.label === 'two')).toBe(true);
  });
  it('maps only the letters whose handshape is a scored sign or a plain no-sign hand', () => {
    expect(ASL_LETTERS.V!.label).toBe('two');
    expect(ASL_LETTERS.W!.label).toBe('three');
    expect(ASL_LETTERS.F!.label).toBe('ok');
    expect(ASL_LETTERS.L!.label).toBe('pistol');
    expect(ASL_LETTERS.X!.label).toBe('half-curl');
    expect(ASL_LETTERS.K).toBeUndefined();
    expect(ASL_LETTERS.U).toBeUndefined();
  });
});

describe('the eighth round\'s ASL alphabet sets (development)', () => {
  it('reads every fist-shaped letter as a fist, in both sets', () => {
    for (const letter of ['A', 'S', 'E', 'M', 'N', 'T']) {
      expect(ASL_ALPHABET_GRASSKNOTED[letter]).toBe('fist');
      expect(ASL_DATASET_AYURAJ[letter.toLowerCase()]).toBe('fist');
    }
  });
  it('maps the number handshapes and leaves the other letters out', () => {
    expect(ASL_ALPHABET_GRASSKNOTED.V).toBe('two');
    expect(ASL_ALPHABET_GRASSKNOTED.nothing).toBe('no-hand');
    expect(ASL_DATASET_AYURAJ['6']).toBe('three');
    expect(ASL_DATASET_AYURAJ['9']).toBe('ok');
    expect(ASL_ALPHABET_GRASSKNOTED.K).toBeUndefined();
    expect(ASL_DATASET_AYURAJ['7']).toBeUndefined();
    expect(ASL_DATASET_AYURAJ.r).toBeUndefined();
  });
  it('takes the class folders of one set only', () => {
    const paths = [
      ...Array.from({ length: 30 }, (_, i) => `Dataset/nqm_dataset/asl_dataset/a/hand${(i % 5) + 1}_a_bot_seg_${i}_cropped.jpeg`),
      'Dataset/tnh_dataset/test/A/hand1_a_bot_seg_1_cropped.jpeg',
    ];
    const picked = classFolderPick(paths, 'Dataset/nqm_dataset/asl_dataset/', ASL_DATASET_AYURAJ, 15);
    expect(picked).toHaveLength(15);
    expect(picked.every((p) => p.label === 'fist' && p.path.startsWith('Dataset/nqm_dataset/'))).toBe(true);
  });
});

describe('lsa16Pick (the eighth round\'s held-out set)', () => {
  it('takes every photo of the named classes by the class id in its file name', () => {
    const paths = ['datasets/lsa16/files/dataset/14_3_2.png', 'datasets/lsa16/files/dataset/13_10_5.png', 'datasets/lsa16/files/dataset/4_1_1.png', 'datasets/lsa16/samples/c1.png', 'unlp/lsa16/files/dataset/14_1_1.png'];
    expect(lsa16Pick(paths)).toEqual([
      { path: 'datasets/lsa16/files/dataset/13_10_5.png', label: 'thumbs-up' },
      { path: 'datasets/lsa16/files/dataset/14_3_2.png', label: 'fist' },
    ]);
  });
  it('leaves out the handshapes without a number that are not plainly a fist', () => {
    for (const id of ['4', '5', '6', '10', '11']) expect(LSA16_CLASSES[id]).toBeUndefined();
    expect(LSA16_CLASSES['3']).toBe('metal');
  });
});

describe("the ninth round's hooked indexes (development)", () => {
  it('takes ayuraj\'s X (the hooked index) as a half curl, apart from its other letters', () => {
    expect(ASL_DATASET_AYURAJ_HOOKS).toEqual({ x: 'half-curl' });
    expect(ASL_DATASET_AYURAJ.x).toBeUndefined();
  });
});

describe("davidLeePick (the ninth round's held-out set)", () => {
  const root = 'datasets/american_sign_language';
  const labels: Record<string, string> = {
    [`${root}/train/labels/X3_jpg.rf.bb.txt`]: '23 0.5 0.5 0.4 0.4',
    [`${root}/train/labels/X3_jpg.rf.aa.txt`]: '23 0.5 0.5 0.4 0.4',
    [`${root}/test/labels/A22_jpg.rf.cc.txt`]: '0 0.5 0.5 0.6 0.5\n0 0.1 0.1 0.1 0.1',
    [`${root}/valid/labels/V1_jpg.rf.dd.txt`]: '22 0.5 0.5 0.4 0.4', // annotated W, named V: left out
    [`${root}/valid/labels/K2_jpg.rf.ee.txt`]: '10 0.5 0.5 0.4 0.4', // K: not taken
  };
  const paths = [...Object.keys(labels).map((p) => p.replace('/labels/', '/images/').replace(/\.txt$/, '.jpg')), 'datasets/pistols/train/images/A1_jpg.rf.ff.jpg'];
  const read = (p: string) => labels[p] ?? '';
  it('takes one copy per original photo, the first by file name, labelled by its annotation', () => {
    expect(davidLeePick(paths, read)).toEqual([
      { path: `${root}/test/images/A22_jpg.rf.cc.jpg`, label: 'fist' },
      { path: `${root}/train/images/X3_jpg.rf.aa.jpg`, label: 'half-curl' },
    ]);
  });
  it('maps the fist-shaped letters to fists and the number handshapes to their numbers', () => {
    for (const letter of ['A', 'S', 'E', 'M', 'N', 'T']) expect(ASL_LETTERS_DAVIDLEE[letter]).toBe('fist');
    expect(ASL_LETTERS_DAVIDLEE.W).toBe('three');
    expect(ASL_LETTERS_DAVIDLEE.F).toBe('ok');
    expect(ASL_LETTERS_DAVIDLEE.K).toBeUndefined();
  });
});

describe("handCountPick (the tenth round's phone photos of finger counts)", () => {
  const labels: Record<string, string> = {
    'train/labels/IMG-2_jpg.rf.bb.txt': '2 0.5 0.5 0.4 0.4', // one
    'valid/labels/IMG-1_jpg.rf.aa.txt': '4 0.5 0.5 0.4 0.4', // two
    'test/labels/IMG-3_jpg.rf.cc.txt': '0 0.5 0.5 0.6 0.5\n0 0.1 0.1 0.1 0.1', // five, two boxes
    'train/labels/IMG-4_jpg.rf.dd.txt': '', // no box: left out
  };
  const paths = [...Object.keys(labels).map((p) => p.replace('/labels/', '/images/').replace(/\.txt$/, '.jpg')), 'runs/detect/train/val_batch0_pred.jpg'];
  const read = (p: string) => labels[p] ?? '';
  it("labels each photo by its first box's class through the export's names list, class by class", () => {
    expect(handCountPick(paths, read)).toEqual([
      { path: 'test/images/IMG-3_jpg.rf.cc.jpg', label: 'five' },
      { path: 'train/images/IMG-2_jpg.rf.bb.jpg', label: 'one' },
      { path: 'valid/images/IMG-1_jpg.rf.aa.jpg', label: 'two' },
    ]);
  });
  it("follows data.yaml's order (five, four, one, three, two)", () => {
    expect(HAND_COUNT_NAMES).toEqual(['five', 'four', 'one', 'three', 'two']);
  });
});
