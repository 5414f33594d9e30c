import { describe, expect, it } from 'vitest';
import { shippedEngine } from './helpers.ts';

// Invented headlines, at a Pilkada campaign day. Regional news names a governor candidate by two of the three
// words of the name ("Ilham Habibie", "Lalu Iqbal", "Andi Sudirman"); before the short forms were rule data,
// "Cawagub Jabar Ilham Habibie …" (a development fact-check headline, paraphrased here) was low and "Cagub
// Sulsel Andi Sudirman" was read as the Jambi running mate called Sudirman. Sources are in the persons file.
const engine = shippedEngine();
const at = '2024-10-15';
const check = (text: string) => engine.evaluate({ text }, { at });
const contests = (text: string) => check(text).reasons.flatMap((r) => (r.contest ? [r.contest.id] : []));

describe('a governor candidate by the short name the press uses', () => {
  it.each([
    ['"Cawagub" before the name', 'Cawagub Jabar Ilham Habibie bagikan modal usaha ke pedagang', 'pilgub-jawa-barat-2024'],
    ['a plain short name (not everyday)', 'Ilham Habibie hadiri pameran teknologi di Bandung', 'pilgub-jawa-barat-2024'],
    ['"Cagub" before a context-only short name', 'Cagub NTB Lalu Iqbal kampanye di Mataram', 'pilgub-nusa-tenggara-barat-2024'],
    ['"Cagub" before a context-only short name', 'Cagub Sulsel Andi Sudirman blusukan ke pasar Bone', 'pilgub-sulawesi-selatan-2024'],
    // development comments (2026-12-07, fifth pass), paraphrased: her first two names, without the last
    ['her first two names, plain', 'Airin Rachmi mantap pokoknya', 'pilgub-banten-2024'],
  ])('%s: %s → medium, the right race', (_why, text, contest) => {
    expect(check(text).severity).toBe('medium');
    expect(contests(text)).toContain(contest);
  });
});

describe('…while the same words in everyday text stay none', () => {
  it.each([
    ['"lalu" is "then"', 'Kemarin lalu Iqbal datang ke rumah bawa kue'],
    ['two common given names', 'Andi Sudirman teman sekelas saya sudah menikah'],
    ['her given name alone', 'Airin teman sekelas saya sudah menikah'],
  ])('%s: %s', (_why, text) => expect(check(text).severity).toBe('none'));
});
