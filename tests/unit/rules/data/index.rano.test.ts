/**
 * "Rano" as a context-requiring alias of Rano Karno (issue #17): the press writes the pair "Pramono-Rano",
 * so a running mate named or a word of the Jakarta race turns it on; "Rano" as anyone's given name in an
 * everyday sentence stays none. Paraphrased texts, written for the project.
 */
import { describe, expect, it } from 'vitest';
import { shippedEngine } from '../helpers.ts';

const engine = shippedEngine();
const at = '2024-10-15'; // the Jakarta race's campaign period
const check = (text: string) => engine.evaluate({ text }, { at });

describe('"Rano" of the Jakarta governor race', () => {
  it.each([
    'Pramono dan Rano cocok pimpin Jakarta',
    'Pramono dan Rano pasti menang',
    'saya dukung rano jadi wagub jakarta',
    'coblos rano buat jakarta',
    'rano wagub jakarta',
  ])('with the running mate or a word of the race, it names Rano Karno: %s', (text) => {
    const r = check(text);
    expect(r.reasons.some((x) => x.entityId === 'rano-karno'), text).toBe(true);
    expect(['medium', 'high']).toContain(r.severity);
  });

  it.each([
    'rano teman sekelas saya baru pulang dari bandung',
    'tadi rano beli bakso di depan rumah',
    'kata rano besok hujan, bawa payung',
    // a region word alone is one weak cue: the everyday-homonym rule keeps that none, as for other given names
    'rano tinggal di jakarta timur sejak kecil',
  ])('as a given name in an everyday sentence, it stays none: %s', (text) => {
    expect(check(text).severity).toBe('none');
  });
});
