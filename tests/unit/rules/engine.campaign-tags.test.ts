import { describe, expect, it } from 'vitest';
import { shippedEngine } from './helpers.ts';

// Paraphrased, written for the project. A live contestant's name written as a hashtag is campaign
// material, like the pair's hashtag: high, also under a news cue (docs/engine.md, "Severity").
const engine = shippedEngine();
const sev = (text: string, at: string) => engine.evaluate({ text }, { at }).severity;
const pilkada = '2024-10-15';
const pilpres = '2024-01-15';

describe("a live contestant's name as a hashtag is high", () => {
  it.each([
    ['a governor candidate', 'Debat malam ini seru sekali #RidwanKamil', pilkada],
    ['a governor candidate, news', 'Berita hari ini: kunjungan ke pasar Sidoarjo #KhofifahIndarParawansa', pilkada],
    ['a governor candidate, lower case', 'acara tadi rame banget #ridwankamil #jakarta', pilkada],
    ['a presidential candidate', 'Janji makan siang gratis dibahas lagi #PrabowoSubianto', pilpres],
    ['a running mate, two tags', 'nonton debat cawapres bareng #gibran #rakabuming', pilpres],
  ])('%s: %s', (_why, text, at) => expect(sev(text, at)).toBe('high'));
});

describe('the same names stay as they were without a live contest or a hashtag', () => {
  it.each([
    ['the name in plain text', 'Ridwan Kamil resmikan taman kota', pilkada, 'medium'],
    ['news naming the candidate in plain text', 'Berita hari ini: Khofifah kunjungi pasar Sidoarjo', pilkada, 'medium'],
    ['a hashtag of someone not running here', 'kuliah umum di kampus hari ini #AniesBaswedan', pilkada, 'none'],
    ['a hashtag after the election', 'peresmian taman kota #RidwanKamil', '2025-03-01', 'none'],
  ])('%s: %s', (_why, text, at, expected) => expect(sev(text, at)).toBe(expected));
});
