import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { loadEngine } from '../../../rules/engine.ts';

// Paraphrased, written for the project: "Airin" (Pilgub Banten no. 1) is a context-requiring given name.
const engine = loadEngine(compileBundle(loadDefaultBundle()));
const at = '2024-10-15';
const sev = (text: string) => engine.evaluate({ text }, { at }).severity;
const on = (s: string) => s === 'medium' || s === 'high';

describe('evidence turns a context-requiring candidate name on', () => {
  it.each([
    ['a support verb right beside the name', 'kami sekeluarga pilih Airin'],
    ['a support verb right beside the name', 'warga sini dukung airin'],
    ['an honorific and the contest region', 'Bu Airin paling cocok buat Banten'],
    ['an honorific and a regency of the contest', 'bu airin sudah terbukti di tangerang selatan'],
    ['an honorific and a support verb in the field', 'Bu Airin ngomongnya jelas, saya mau pilih yang begitu'],
  ])('%s: %s', (_why, text) => expect(on(sev(text))).toBe(true));
});

describe('an everyday homonym without election evidence stays none', () => {
  it.each([
    ['the name alone', 'Airin lagi masak di dapur'],
    ['an honorific alone', 'Bu Airin guru les piano anak saya'],
    ['a region alone', 'Airin baru pulang dari Tangerang'],
    ['a support verb far away in another sentence', 'Airin ulang tahun hari ini, kue coklat atau keju ya enaknya, aku sih pilih coklat'],
    ['a region that is an everyday word', 'bu airin hatinya lagi malang'],
  ])('%s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});
