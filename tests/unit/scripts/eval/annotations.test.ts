import { describe, expect, it } from 'vitest';
import { ANNOTATIONS, parseAnnotations, textKey } from '../../../../scripts/eval/annotations.ts';
import { label } from '../../../../scripts/eval/label.ts';

// Paraphrased headlines, written for the project (the annotated texts themselves stay out of git).
describe('textKey', () => {
  it('is the same for texts that differ only in case and spacing, as build.ts de-duplicates', () => {
    expect(textKey('  Luthfi-Yasin  Unggul di Quick Count ')).toBe(textKey('luthfi-yasin unggul di\nquick count'));
    expect(textKey('Luthfi-Yasin unggul')).toMatch(/^[0-9a-f]{16}$/);
    expect(textKey('Luthfi-Yasin unggul')).not.toBe(textKey('Andika-Hendi unggul'));
  });
});

describe('a human annotation decides "names" where one exists', () => {
  const text = 'Pasangan Melati-Kenanga unggul di hitung cepat pilkada';
  const annotations = parseAnnotations({ [textKey(text)]: { names: true, seen: 'Melati-Kenanga' } });

  it('turns a text the name list misses into one that names a contestant', () => {
    expect(label(text, new Map()).names).toBe(false);
    const l = label(text, annotations);
    expect(l.names).toBe(true);
    expect(l.annotated).toBe(true);
  });

  it('turns a name-list match that names nobody into none', () => {
    const homonym = 'Gerindra, nama warung kopi di ujung gang, buka sampai malam';
    const none = parseAnnotations({ [textKey(homonym)]: { names: false } });
    expect(label(homonym, new Map()).names).toBe(true);
    expect(label(homonym, none).names).toBe(false);
    expect(label(homonym, none).contests).toEqual([]);
  });

  it('records the contest the annotator saw, so the text is checked at that race', () => {
    // a governor by his given name, which the name list leaves out (a common given name)
    const comment = 'jangan bikin gaduh pak boby urus saja sumut';
    const seen = parseAnnotations({ [textKey(comment)]: { names: true, seen: 'Boby (Bobby Nasution)', contest: 'sumatera utara' } });
    expect(label(comment, new Map()).contests).toEqual([]);
    expect(label(comment, seen)).toMatchObject({ names: true, contests: ['sumatera utara'] });
    const unknown = parseAnnotations({ [textKey(comment)]: { names: true, seen: 'Boby', contest: 'atlantis' } });
    expect(() => label(comment, unknown)).toThrow(/contest/);
  });

  it('leaves texts without an annotation to the name list', () => {
    expect(label('Prabowo kampanye di Medan', annotations)).toMatchObject({ names: true, annotated: false });
  });
});

describe('parseAnnotations', () => {
  it.each([
    [{ nothex: { names: true } }, /key/],
    [{ '0123456789abcdef': { names: 'yes' } }, /names/],
    [{ '0123456789abcdef': { names: true, via: 'guess' } }, /via/],
  ])('rejects %j with a clear error', (input, message) => {
    expect(() => parseAnnotations(input)).toThrow(message);
  });
});

describe('the committed annotations', () => {
  it('hold the blind annotation of the process-news texts (docs/engine.md)', () => {
    // 874 process-news texts and 185 development headlines (2026-12-06), 150 process-news texts of the sixth batch
    // (2026-12-07), 170 of the seventh (2026-12-07: distinct texts, some in two of its sources), 48 of the
    // regional process-news pass (2026-12-07 afternoon: 24 process-news texts, 23 more of a seeded sample of 30,
    // one label checked by hand), 162 of the regional comments (2026-12-07 afternoon: a governor by his given
    // name, with the contest), then 45 more there: "Bobi", "PS", "Prowo" (a seeded sample of 30 found them), then 27
    // label errors of the seventh misses pass (2026-12-07 evening: namesakes, a stadium, PKB Indonesia, Mahfudz Siddiq),
    // then the 87 process-news texts of the third intake's detik headlines (2026-12-07 night: 15 name a contestant),
    // then 3 label errors of the ninth pass (2026-12-08: PAN's faction and officers in lower case)
    expect(ANNOTATIONS.size).toBe(874 + 185 + 150 + 170 + 48 + 162 + 45 + 27 + 87 + 3);
    const yes = [...ANNOTATIONS.values()].filter((a) => a.names);
    expect(yes.length).toBeGreaterThan(0);
    for (const a of yes) expect(a.seen).toBeTruthy();
  });
});
