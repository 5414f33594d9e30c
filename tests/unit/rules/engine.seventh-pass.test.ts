import { describe, expect, it } from 'vitest';
import { severityOn, warns } from './helpers.ts';

// Invented comments, at a Pilkada campaign day, paraphrasing two classes of the development named misses
// of the seventh pass (docs/engine.md, "Development misses, seventh pass"): Banten comment sections answer
// "who?" with a particle instead of "aja" ("Airin bae", "Airin lah", "Airin dong"), and argue about a
// governor candidate's years as regent ("istrinya bupati Pandeglang", "berkuasa di Pandeglang"). Airin and
// Dimyati (Pilgub Banten) are context-requiring given names: each cue is still never enough alone.
const at = '2024-10-15';
const sev = severityOn(at);

describe('a particle closing the clause, as "X aja", beside one more cue', () => {
  it.each([
    ['"bae" and the region', 'Tangsel mah Airin bae.'],
    ['"lah" and the office', 'gubernur nya mah airin lah ❤'],
    ['"dong" and an honorific', 'ya jelas bu Airin dong'],
    ['"lh" and the region', 'orang Tangerang Airin lh'],
    ['"lah" stretched and the office', 'gubernur mah airin lahh'],
  ])('%s: %s → medium or high', (_why, text) => expect(warns(sev(text))).toBe(true));
  it.each([
    ['"lah" alone', 'yang masak hari ini Airin lah.'],
    ['"dong" going on', 'Airin dong yang jemput adik nanti'],
    ['"bae" alone', 'Airin bae nu indit'],
    ['"lah" stretched, alone', 'yang salah Airin lahh'],
  ])('stays none: %s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});

describe('a word of governing in the field, beside one more cue', () => {
  it.each([
    ['a regent\'s office and the region', 'lah gimana bupati pandeglang itu kan istri dimyati sendiri'],
    ['holding office and the region', 'dimyati sepuluh tahun menjabat di pandeglang jalannya tetap rusak'],
    ['the government and the province', 'hasil pemerintahan airin di banten mana'],
    ['ruling and the region', 'cukup keluarga dimyati berkuasa di pandeglang'],
  ])('%s: %s → medium or high', (_why, text) => expect(warns(sev(text))).toBe(true));
  it.each([
    ['leading a meeting, nothing else', 'Dimyati memimpin rapat RT tadi malam'],
    ['an honorific and leading a prayer', 'Pak Dimyati memimpin doa di masjid'],
    ['a regent\'s office alone', 'Airin kerja jadi staf di kantor bupati'],
    ['two words of politics count once', 'Dimyati bilang pemimpin harus dekat rakyat'],
    // a regency pair's ordinary name (Pilbup Polewali Mandar): a career in office is any official's
    ['a regency candidate\'s name, a region and a career', 'sebelum menjabat gubernur Lampung, Zainal Abidin pernah jadi bupati di sana'],
  ])('stays none: %s: %s', (_why, text) => expect(sev(text)).toBe('none'));
});
