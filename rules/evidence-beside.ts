/**
 * The words beside a context-requiring name that add to its evidence (docs/engine.md, "Evidence"): choice
 * idioms and rally cries, praise and cheering, the office or a word of the race, and further away the office
 * or a word of politics. Read by the full engine only (rules/engine.ts passes it to `decide`); the content
 * script's engine goes without these word lists and asks the full engine when they could decide.
 */
import {
  PRAISE, PRAISE_BESIDE, FILLER, CHEER_AFTER, CHEER_BEFORE, LOYAL_BEFORE, CLAUSE_END, NAMED_BEFORE, IN_HEART, CHOICE_AFTER, CHOICE_PHRASE, CHOICE_BEFORE, RACE_WORD, RALLY_BEFORE, RALLY_AFTER, ONLY_AFTER, POLITICS_WORD, GOVERNING_WORD, PRAISE_PHRASE, OFFICE, FOR_AFTER, wordsAround,
} from './evidence-cues.ts';
import { HONORIFIC_BEFORE, textBefore } from './name-cues.ts';
import { CONTEXT_WINDOW, EVIDENCE, WORDS_AROUND, type BesideName } from './severity.ts';

export const besideNameEvidence: BesideName = (h, contestKind, w, supportNear, why) => {
    const { before, after } = wordsAround(h, WORDS_AROUND);
    const beforeText = textBefore(h, 24);
    const afterText = after.join(' ');
    // honorific words are skipped when looking for what is beside the name ("Mantap bu hj Airin")
    const bare = before.filter((x) => !HONORIFIC_BEFORE.test(x));
    const rest = h.src.slice(h.span[1] + h.off, h.span[1] + h.off + 16);
    const choice =
      CHOICE_AFTER.test(afterText) || CHOICE_PHRASE.test(`${before.join(' ')} | ${afterText}`) || RALLY_BEFORE.test(beforeText) || RALLY_AFTER.test(afterText) ||
      (bare.length > 0 && CHOICE_BEFORE.has(bare[bare.length - 1]!)) ||
      (LOYAL_BEFORE.test(beforeText) && CLAUSE_END.test(rest) && !NAMED_BEFORE.test(beforeText));
    if (!supportNear && choice) (w += EVIDENCE.supportNear), why.push({ kind: 'choice', label: 'choice or rally cry beside the name' });
    else if (!supportNear && ONLY_AFTER.test(rest)) (w += EVIDENCE.choiceLoose), why.push({ kind: 'choice-loose', label: '"X aja" closing a clause' });
    const keep = (x: string) => !FILLER.has(x);
    const praise =
      [...bare.filter(keep).slice(-PRAISE_BESIDE), ...after.filter(keep).slice(0, PRAISE_BESIDE)].find((x) => PRAISE.has(x)) ??
      (CHEER_AFTER.test(rest) || CHEER_BEFORE.test(beforeText) ? 'cheering emoji' : IN_HEART.test(afterText) ? 'di hati' : undefined) ??
      (PRAISE_PHRASE.test(bare.slice(-3).join(' ')) || PRAISE_PHRASE.test(afterText) ? 'luar biasa' : undefined) ??
      (FOR_AFTER.test(afterText) ? 'for' : undefined);
    if (praise) (w += EVIDENCE.praise), why.push({ kind: 'praise', label: `praise "${praise}" beside the name` });
    const office = OFFICE[contestKind];
    // for a list race (no office word of its own; 10,000 ordinary names) a word of the race right before
    // another race's office ("debat calon presiden", "calon gubernur") is that race's word, not this one's;
    // the few governor and Pilpres names keep it ("bu Airin cocok untuk debat presiden")
    const otherOffice = (x: string | undefined) => !office && x !== undefined && Object.values(OFFICE).some((re) => re.test(x));
    const titleAt = (ws: string[], i: number) =>
      office?.test(ws[i]!) || (RACE_WORD.test(ws[i]!) && !otherOffice(ws.slice(i + 1, i + 3).find((y) => !RACE_WORD.test(y))));
    const pick = (ws: string[], from: number, to: number) => {
      for (let i = Math.max(0, from); i < Math.min(ws.length, to); i++) if (titleAt(ws, i)) return ws[i];
      return undefined;
    };
    // two more words on each side, to see the office that follows a word of the race
    const wide = wordsAround(h, WORDS_AROUND + 2);
    const title = pick(wide.before, wide.before.length - WORDS_AROUND, wide.before.length) ?? pick(wide.after, 0, WORDS_AROUND);
    if (title) (w += EVIDENCE.office), why.push({ kind: 'office', label: `office or race "${title}" beside the name` });
    if (w > 0 && w < EVIDENCE.threshold) {
      // further away in the field, weaker and never enough alone: the office ("bu Airin … layak jadi
      // gubernur"), a word of politics ("pak Dimyati … kasus korupsi")
      const far = wordsAround(h, CONTEXT_WINDOW);
      const words = [...far.before, ...far.after];
      const farTitle = title ? undefined : (pick(far.before, 0, far.before.length) ?? pick(far.after, 0, far.after.length));
      if (farTitle) (w += EVIDENCE.officeField), why.push({ kind: 'office-field', label: `office or race "${farTitle}" in the field` });
      const governing = contestKind === 'pilkada-provinsi' || contestKind === 'pilpres';
      const politics = words.find((x) => POLITICS_WORD.test(x) || (governing && GOVERNING_WORD.test(x)));
      if (politics) (w += EVIDENCE.politicsField), why.push({ kind: 'politics', label: `politics "${politics}" in the field` });
    }
    return w;
};
