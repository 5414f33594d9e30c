import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AsMetReport, asMet, ownWordsWarned } from '../../../../scripts/eval/as-met.ts';
import { buildSource, type EvalLine } from '../../../../scripts/eval/build.ts';
import { SOURCES } from '../../../../scripts/eval/sources.ts';

// invented comments and titles
const line = (over: Partial<EvalLine> = {}): EvalLine => ({
  text: 'Bu Airin mantap #Banten',
  at: '2024-10-15',
  source: 's',
  split: 'development',
  platform: 'youtube',
  kind: 'political',
  names: true,
  hashtag: false,
  electionWords: false,
  ...over,
});

describe('the sources that record the video a comment is under', () => {
  const source = (id: string) => SOURCES.find((s) => s.id === id)!;
  it('read its title as the context of each comment, decided by the column name', () => {
    const csv = 'Video Title,Comment\n"Debat Pilkada, sesi 1",bagus\nVlog,"lucu, wkwk"\n';
    expect(source('salatid-banten-youtube').files[0]!.read(csv)).toEqual([
      { text: 'bagus', date: undefined, context: 'Debat Pilkada, sesi 1' },
      { text: 'lucu, wkwk', date: undefined, context: 'Vlog' },
    ]);
    expect(source('dikirust-jakarta-youtube').files[0]!.read('video_id,title,comment,author\nx1,Debat Jakarta,oke,a\n')).toEqual([
      { text: 'oke', date: undefined, context: 'Debat Jakarta' },
    ]);
  });
  it('no other source has a context column', () => {
    const withContext = SOURCES.filter((s) =>
      s.files.some((f) => f.read('Video Title,title,Comment,comment,full_text,text\nT,T,c,c,c,c\n').some((r) => r.context)),
    );
    expect(withContext.map((s) => s.id).sort()).toEqual(['dikirust-jakarta-youtube', 'salatid-banten-youtube']);
  });
  it('an empty title is no context', () => {
    expect(source('salatid-banten-youtube').files[0]!.read('Video Title,Comment\n ,bagus\n')).toEqual([{ text: 'bagus', date: undefined }]);
  });
  it('build.ts writes the context on the line, and the label still comes from the comment alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-as-met-'));
    const s = source('salatid-banten-youtube');
    mkdirSync(join(dir, 'raw', s.repo.replace('/', '+')), { recursive: true });
    writeFileSync(
      join(dir, 'raw', s.repo.replace('/', '+'), 'data.csv'),
      'Video Title,Comment\nDebat Airin vs Andra,mantap sekali\nDebat Airin vs Andra,bu airin hebat\n',
    );
    const { lines } = buildSource(dir, s);
    expect(lines.map((l) => [l.context, l.names])).toEqual([
      ['Debat Airin vs Andra', false],
      ['Debat Airin vs Andra', true],
    ]);
  });
});

describe('asMet: the like as the adapter hands it to the engine', () => {
  it('the comment as text, its hashtags, the title as quoted; the site and the like in the context', () => {
    expect(asMet(line({ context: 'Debat Pilkada' }))).toEqual({
      content: { text: 'Bu Airin mantap #Banten', hashtags: ['Banten'], quoted: 'Debat Pilkada' },
      ctx: { at: '2024-10-15', site: 'youtube', action: 'like' },
    });
  });
  it('without a context or hashtags, only the text; a platform that is no supported site gives no site', () => {
    expect(asMet(line({ text: 'KPU umumkan jadwal', platform: 'news' }))).toEqual({
      content: { text: 'KPU umumkan jadwal' },
      ctx: { at: '2024-10-15', action: 'like' },
    });
  });
});

describe('ownWordsWarned', () => {
  const r = (field: string, severity: string) => ({ field, severity }) as never;
  it('a medium or high reason in the text or its hashtags', () => {
    expect(ownWordsWarned({ reasons: [r('quoted', 'medium'), r('text', 'medium')] })).toBe(true);
    expect(ownWordsWarned({ reasons: [r('hashtags', 'high')] })).toBe(true);
  });
  it('not when only the title warns, or the text only at low', () => {
    expect(ownWordsWarned({ reasons: [r('quoted', 'high'), r('text', 'low'), r('text', 'none')] })).toBe(false);
  });
});

describe('AsMetReport', () => {
  it('evaluates each line as met and prints both figures per source and split', () => {
    const seen: unknown[] = [];
    // a stand-in engine: medium when the title is there, for the title's words only
    const engine = {
      evaluate: (content: { quoted?: string }, ctx: unknown) => (
        seen.push([content, ctx]),
        content.quoted
          ? { severity: 'medium' as const, reasons: [{ field: 'quoted', severity: 'medium' }] as never }
          : { severity: 'none' as const, reasons: [] }
      ),
    };
    const report = new AsMetReport(engine);
    report.add(line({ context: 'Debat' }), 'none');
    report.add(line({ context: 'Debat', names: false, text: 'wkwk' }), 'none');
    report.add(line({ source: 't', names: true }), 'medium');
    expect(seen[0]).toEqual([
      { text: 'Bu Airin mantap #Banten', hashtags: ['Banten'], quoted: 'Debat' },
      { at: '2024-10-15', site: 'youtube', action: 'like' },
    ]);
    const out = report.lines().join('\n');
    expect(out).toMatch(
      /D s +2 ctx +named→med\+ text 0\/1 0\.0% +as met 1\/1 100\.0% +\(own words 0\/1 0\.0%\) +naming nobody med\+ text 0\/1 0\.0% +as met 1\/1 100\.0%/,
    );
    expect(out).toMatch(/D t +named→med\+ text 1\/1 100\.0% +as met 0\/1 0\.0%/);
    expect(out).toMatch(/ development +2 ctx +named→med\+ text 1\/2 50\.0% +as met 1\/2 50\.0%/);
  });
});
