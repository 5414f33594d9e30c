import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { loadEngine as loadCoreEngine } from '../../../rules/engine-core.ts';
import { loadEngine } from '../../../rules/engine.ts';

// Paraphrased, written for the project: "Airin" (Pilgub Banten no. 1) is a context-requiring given name.
const compiled = compileBundle(loadDefaultBundle());
const core = loadCoreEngine(compiled);
const full = loadEngine(compiled);
const at = '2024-10-15';

describe('the content script engine (no word lists) and the full engine', () => {
  it.each([
    ['praise beside an honorific', 'Bu Airin keren'],
    ['a choice closing a clause', 'kalau saya tetap Airin.'],
    ['an everyday homonym', 'Airin lagi masak di dapur'],
  ])('where only the words beside the name could decide, the core says its verdict is incomplete: %s', (_why, text) => {
    const v = core.evaluate({ text }, { at });
    expect(v.incomplete).toBe(true);
    expect(full.evaluate({ text }, { at }).incomplete).toBeUndefined();
  });
  it.each([
    ['nothing named', 'Jadwal vaksinasi di puskesmas dimulai pukul 08.00'],
    ['a plain name', 'Ayo dukung Prabowo'],
    ['a context-requiring name with an election word', 'Airin ikut pilkada tahun ini'],
    ['a context-requiring name with its region and an honorific', 'Bu Airin paling cocok buat Banten'],
  ])('otherwise it gives the full engine verdict, whole: %s', (_why, text) => {
    const v = core.evaluate({ text }, { at });
    expect(v.incomplete).toBeUndefined();
    expect(v).toEqual(full.evaluate({ text }, { at }));
  });
  it('the full engine confirms by the words beside the name what the core leaves to it', () => {
    expect(full.evaluate({ text: 'Bu Airin keren' }, { at }).severity).toBe('medium');
    expect(core.evaluate({ text: 'Bu Airin keren' }, { at }).severity).toBe('none');
  });
});
