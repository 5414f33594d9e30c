import { describe, expect, it } from 'vitest';
import { shippedEngine, warns } from './helpers.ts';

// Paraphrased, written for the project. A like on a YouTube comment reaches the engine as the comment
// (text) with the video's title as `quoted` (entrypoints/content/sites/youtube.ts, commentLike);
// docs/engine.md, "Comments as met". "Airin" and "Dimyati" (Pilgub Banten) are context-requiring names.
const engine = shippedEngine();
const ctx = { at: '2024-10-15', site: 'youtube', action: 'like' } as const;
const liked = (comment: string, title?: string) => engine.evaluate(title ? { text: comment, quoted: title } : { text: comment }, ctx);

describe('the title a comment is under is evidence for a context-requiring name in the comment', () => {
  it.each([
    ['an election word in the title', 'Airin ❤', 'Debat Pilkada Banten 2024 seru', 'election word "Pilkada"'],
    [
      'the contest named plainly in the title',
      'dimyati ngaco jawabnya',
      'Debat kedua: Airin-Ade vs Andra Soni-Dimyati',
      'same contest "Airin-Ade"',
    ],
    ['the contest region in the title, an honorific in the comment', 'bu airin ok', 'Kabar Banten hari ini', 'region "Banten"'],
  ])('%s: %s | %s', (_why, comment, title, evidence) => {
    // alone, the comment is the everyday homonym
    expect(liked(comment).severity).toBe('none');
    const v = liked(comment, title);
    expect(warns(v.severity)).toBe(true);
    // the warning is for the name in the comment, and says what in the title counted
    const reason = v.reasons.find((r) => r.field === 'text' && r.kind === 'candidate');
    expect(reason?.severity).toBe('medium');
    expect(reason?.evidence).toContain(evidence);
  });
});

describe('an everyday comment does not become medium because of the title it is under', () => {
  it.each([
    ['a comment naming nobody under a debate video', 'setuju banget', 'Debat Pilkada Banten 2024 seru', 'low'],
    ['a homonym under an everyday video', 'Airin ❤', 'Resep rendang padang', 'none'],
    ['a homonym with an honorific under an everyday video', 'Bu Airin guru les piano anak saya', 'Konser piano anak-anak', 'none'],
    ['a homonym under an everyday vlog', 'Airin lagi masak di dapur', 'Vlog masak hari minggu', 'none'],
  ])('%s: %s | %s', (_why, comment, title, severity) => expect(liked(comment, title).severity).toBe(severity));
});

describe('a title that names a candidate plainly, under a comment naming nobody (known; docs/engine.md, "Comments as met")', () => {
  // The engine weighs every field of the action alike: a candidate named in `quoted` is a mention, so a
  // like on any comment under such a video warns, for the title's words only. Recorded here so that a
  // change of this behaviour (an adapter field that is evidence only) is a visible decision.
  it.each([
    ['setuju banget', 'Debat kedua: Airin-Ade vs Andra Soni-Dimyati'],
    ['wkwk lucu', 'Airin Rachmi Diany blusukan ke pasar'],
  ])('%s | %s: medium, every medium reason in the title', (comment, title) => {
    const v = liked(comment, title);
    expect(v.severity).toBe('medium');
    expect(v.reasons.filter((r) => warns(r.severity)).every((r) => r.field === 'quoted')).toBe(true);
  });
});
