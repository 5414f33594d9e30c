/**
 * A tab set with its escalation filter judges every action as the full rule set does: the verdict of the
 * tab set, replaced by the full engine's where the filter asks for it, deep-equals the full engine's
 * verdict. On the dev bundle plus a synthetic regional set (the scale benchmark's names, one provincial
 * list per province), for the eval fixtures and for texts naming regional candidates in every form the
 * variant generator makes (spelling variants, glued honorifics, suffixes), as hashtags, handles and
 * CamelCase, with and without a region set.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionContent } from '../../../rules/actions.ts';
import { compileBundle } from '../../../rules/compile.ts';
import { loadEngine, type EvaluateContext } from '../../../rules/engine.ts';
import { FullSetFilter } from '../../../rules/full-set-filter.ts';
import { nationalBundle, tabRules } from '../../../rules/tab-set.ts';
import { nameVariants } from '../../../rules/variants.ts';
import { scaledBundle } from '../../../scripts/bench/scale.ts';
import { ROOT, devBundle } from './helpers.ts';

const bundle = scaledBundle(devBundle(), 2_000);
const fullCompiled = compileBundle(bundle);
const full = loadEngine(fullCompiled);

const evalDir = join(ROOT, 'tests/fixtures/eval');
const fixtures = readdirSync(evalDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(evalDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text));

/** texts naming persons in every form the matcher should know them by */
function namingTexts(names: string[]): ActionContent[] {
  const out: ActionContent[] = [];
  names.forEach((name, i) => {
    const words = name.split(' ');
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const camel = words.join('');
    const forms = [name, name.toUpperCase(), name.toLowerCase(), first, last, ...nameVariants(name), ...nameVariants(first), ...nameVariants(last)];
    for (const form of forms) out.push({ text: `Ayo dukung ${form} nomor urut ${(i % 9) + 1}, coblos!` });
    out.push(
      { text: `Pak${first} hebat, #${camel}2024 menang! Salam ${(i % 5) + 1} jari` },
      { text: `Bersama #${camel.toLowerCase()} untuk rakyat` },
      { text: `Ikuti @${words.join('_').toLowerCase()} dan @${camel.toLowerCase()}.official` },
      { text: `${camel}Menang, ${last}nya pasti jadi`, hashtags: [`${camel}`, `Pilih${first}`], handle: `${first.toLowerCase()}.${last.toLowerCase()}` },
      { text: `Rapat RT membahas jalan desa bersama ${last} dan warga`, author: name },
      { text: `Prabowo dan ${name} kampanye di Surabaya, coblos 02` },
    );
  });
  return out;
}

const national = new Set(nationalBundle(bundle).persons.map((p) => p.id));
const regionalNames = bundle.persons.filter((p) => !national.has(p.id)).map((p) => p.name);
// a spread of the synthetic candidates and the dev bundle's regional ones (governor races)
const named = regionalNames.filter((_, i) => i % 40 === 0 || i < 40);
const contents: ActionContent[] = [...fixtures.map((text) => ({ text })), ...namingTexts(named)];

const CONTEXTS: EvaluateContext[] = [
  { at: '2024-01-10' },
  { at: '2024-11-20', site: 'facebook', action: 'share' },
  { at: '2026-12-06' },
  { at: '2024-01-10', region: '35' },
];

describe('a tab set with its escalation filter', () => {
  for (const region of [undefined, '35']) {
    describe(region ? `region ${region}` : 'no region (the default tab)', () => {
      const compiled = tabRules(bundle, fullCompiled, region);
      const tab = loadEngine(compiled);
      const filter = FullSetFilter.of(compiled)!;

      it('is a smaller rule set than the full one, with a filter', () => {
        expect(filter).not.toBeNull();
        expect(compiled.data.length).toBeLessThan(fullCompiled.data.length / 3);
      });

      it('gives the full verdict on every text: locally, or by escalating', () => {
        expect(contents.length).toBeGreaterThan(2_000);
        let differsLocally = 0;
        let escalated = 0;
        let checked = 0;
        for (const content of contents) {
          const ask = filter.needsFullSet(content);
          if (ask) escalated++;
          for (const ctx of CONTEXTS) {
            const want = full.evaluate(content, ctx);
            const local = tab.evaluate(content, ctx);
            if (JSON.stringify(local) !== JSON.stringify(want)) differsLocally++;
            const got = ask ? full.evaluate(content, ctx) : local;
            expect(got, `${JSON.stringify(content)} ${JSON.stringify(ctx)}`).toEqual(want);
            checked++;
          }
        }
        // the tab set alone is not the full set: the test would fail without the filter
        expect(differsLocally).toBeGreaterThan(100);
        expect(checked).toBeGreaterThan(8_000);
        expect(escalated).toBeLessThan(contents.length);
      });

      it('escalates for a candidate of another province named whole, as a hashtag or a handle, and not for most everyday text', () => {
        // the synthetic list of province 11 (Aceh): another province than region 35's
        const aceh = bundle.persons.filter((p, i) => p.id.startsWith('caleg-') && Number(p.id.slice(6)) % 38 === 0 && i % 7 === 0).slice(0, 30);
        for (const { name } of aceh) {
          const camel = name.split(' ').join('');
          for (const content of [{ text: `Dukung ${name}!` }, { text: `#${camel} menang` }, { text: name.toUpperCase() }, { handle: camel.toLowerCase() }]) {
            expect(filter.needsFullSet(content), JSON.stringify(content)).toBe(true);
          }
        }
        const everyday = readFileSync(join(evalDir, 'everyday.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);
        const asked = everyday.filter((text) => filter.needsFullSet({ text })).length;
        expect(asked / everyday.length).toBeLessThan(0.5);
      });
    });
  }
});
