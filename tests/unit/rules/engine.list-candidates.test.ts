import { describe, expect, it } from 'vitest';
import { severityOn, shippedEngine, warns } from './helpers.ts';

// Invented sentences. "Sofyan Dawood" is on the DPR RI 2024 list of Aceh I (PDI Perjuangan), imported
// with --names-need-context: the name alone is an ordinary name and counts only with the race's evidence.
const engine = shippedEngine();
const at = '2024-01-15';
const sev = severityOn(at);
/** the severity the candidate's own reason carries ('none' when the name did not count) */
const asCandidate = (text: string) =>
  engine.evaluate({ text }, { at }).reasons.find((r) => r.kind === 'candidate' && r.entityId === 'sofyan-dawood')?.severity ?? 'none';

describe('a DPR list candidate without evidence of the race stays none', () => {
  it.each([
    ['the name alone', 'Tadi pagi Sofyan Dawood mampir ke warung kopi depan kantor'],
    ['the name in a family note', 'Selamat ulang tahun buat om Sofyan Dawood, sehat selalu'],
    ['the name in office news', 'Rapat koordinasi dipimpin Sofyan Dawood di aula kantor camat'],
  ])('%s: %s', (_why, text) => expect(sev(text)).toBe('none'));

  // an election word says that some election is discussed, not this list's race: one of 10,000 list names in
  // election news is often a commentator, an official or another race's candidate (as for regency races)
  it.each([
    ['another race\'s election word', 'Sofyan Dawood menulis opini tentang paslon pilkada di koran lokal'],
    ['a number nearby', 'Sofyan Dawood antre nomor 3 di loket samsat'],
  ])('%s: %s', (_why, text) => expect(asCandidate(text)).toBe('none'));
});

describe('a DPR list candidate with evidence of the race counts', () => {
  it.each([
    ['caleg, party and district', 'Ayo dukung Sofyan Dawood, caleg PDI Perjuangan dapil Aceh I'],
    ['caleg DPR RI and the province', 'Sofyan Dawood caleg DPR RI dari Aceh, jangan lupa coblos 14 Februari'],
  ])('%s: %s', (_why, text) => expect(warns(asCandidate(text))).toBe(true));
});

// "Zainal Abidin" and "Sri Wahyuni" are the names of regency or city candidates of the 2024 Pilkada
// (Polewali Mandar, Salatiga) and of DPR list candidates (Lampung II, Aceh I). The list entries were imported
// as that local person until 2026-12-07, so at a Pileg campaign day the bare name counted alone for the DPR
// race; a regency candidate is no national figure, so the list entry is its own, context-only person.
describe('a DPR list candidate who shares a regency candidate\'s name stays none without evidence', () => {
  it.each([
    ['Zainal Abidin', 'Pak Zainal Abidin tetangga saya baru pulang dari pasar'],
    ['Sri Wahyuni', 'Sri Wahyuni juara lomba masak tingkat kelurahan'],
    ['Budi Santoso', 'budi santoso sedang memperbaiki atap rumahnya'],
  ])('%s: %s', (_name, text) => expect(engine.evaluate({ text }, { at }).reasons.filter((r) => r.contest?.id.startsWith('dpr-') && r.severity !== 'none')).toEqual([]));

  it('the list race still counts with its evidence', () => {
    const v = engine.evaluate({ text: 'Ayo dukung Zainal Abidin, caleg PDI Perjuangan dapil Lampung II nomor 5' }, { at });
    expect(v.reasons.some((r) => r.contest?.id === 'dpr-2024-lampung-ii' && warns(r.severity))).toBe(true);
  });
});

// Paraphrased, written for the project (development process news, 2026-12-07): "debat" or "calon" right
// before another race's office ("debat calon presiden", "calon gubernur") is that race's word, not the list
// race's; with only that and the election word, a list name stays none.
describe('a word of the race that belongs to another race\'s office is no evidence for a list name', () => {
  it.each([
    ['"debat calon presiden" beside the name', 'Pengamat Sofyan Dawood menonton debat calon presiden di televisi'],
    ['"calon gubernur" beside the name', 'Sofyan Dawood bertemu calon gubernur di bandara'],
  ])('%s: %s', (_why, text) => expect(asCandidate(text)).toBe('none'));
  it('a word of the race of its own kind still counts', () =>
    expect(warns(asCandidate('Sofyan Dawood calon anggota DPR dari Aceh, debat caleg nanti malam'))).toBe(true));
});
