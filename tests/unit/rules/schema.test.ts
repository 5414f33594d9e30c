import { describe, expect, it } from 'vitest';
import { parseRuleBundle, validateReferences, type RuleBundle } from '../../../rules/schema.ts';
import { devBundle } from './helpers.ts';

const clone = (): Record<string, any> => JSON.parse(JSON.stringify(devBundle()));

describe('RuleBundleSchema', () => {
  it('accepts the dev bundle', () => {
    expect(parseRuleBundle(clone()).ok).toBe(true);
  });
  it.each([
    ['schemaVersion', (b: any) => (b.schemaVersion = 2), /^schemaVersion: /],
    ['version', (b: any) => (b.version = 0), /^version: /],
    ['expiresAt', (b: any) => (b.expiresAt = '2026-02-30'), /^expiresAt: expected an ISO date/],
    ['person id', (b: any) => (b.persons[1].id = 'Cak Imin'), /^persons\[1\]\.id: expected a lowercase kebab-case id/],
    ['ballot number type', (b: any) => (b.contests[0].contestants[1].number = '02'), /^contests\[0\]\.contestants\[1\]\.number: .*number/],
    ['duplicate ballot number', (b: any) => (b.contests[0].contestants[2].number = 1), /^contests\[0\]\.contestants\[2\]\.number: ballot number 1 is already used/],
    ['phase order', (b: any) => (b.contests[0].phases[0].to = '2020-01-01'), /^contests\[0\]\.phases\[0\]\.to: "from" must not be after "to"/],
    ['phase kind', (b: any) => (b.contests[0].phases[0].kind = 'campaign'), /^contests\[0\]\.phases\[0\]\.kind: /],
    ['region code', (b: any) => (b.contests[2].region = 'Jatim'), /^contests\[2\]\.region: expected a Kemendagri region code/],
    ['pilkada without region', (b: any) => delete b.contests[2].region, /^contests\[2\]\.region: a pilkada contest needs a region code/],
    ['empty term', (b: any) => (b.vocabulary.electionTerms[0] = ''), /^vocabulary\.electionTerms\[0\]: /],
    ['unknown key', (b: any) => (b.parties[0].abbrevs = ['x']), /^parties\[0\]: .*abbrevs/],
    ['bad account handle', (b: any) => (b.persons[0].accounts.instagram = ['https://instagram.com/x']), /^persons\[0\]\.accounts\.instagram\[0\]: expected an account handle/],
    ['bad source URL', (b: any) => (b.persons[0].sources = ['not a url']), /^persons\[0\]\.sources\[0\]: expected a URL/],
    ['unknown site', (b: any) => (b.sites = { myspace: { like: ['a'] } }), /^sites/],
  ])('names the path: %s', (_name, mutate, pattern) => {
    const b = clone();
    mutate(b);
    const r = parseRuleBundle(b);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => pattern.test(e)), r.errors.join('\n')).toBe(true);
  });
  it('accepts per-site selector data and examples', () => {
    const b = clone();
    b.sites = { facebook: { likeButton: ['[aria-label="Suka"]'] } };
    b.parties[0].examples = { positive: ['PKB caleg'] };
    const r = parseRuleBundle(b);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.bundle.parties[0]!.examples).toEqual({ positive: ['PKB caleg'], negative: [] });
  });
});

describe('validateReferences', () => {
  it('reports unknown persons and parties, duplicate ids and party numbers', () => {
    const b = devBundle();
    const bad: RuleBundle = {
      ...b,
      persons: [...b.persons, b.persons[0]!],
      parties: b.parties.map((p, i) => (i === 1 ? { ...p, ballotNumbers: [{ election: 'pemilu-2024', number: 1 }] } : p)),
      contests: b.contests.map((c, i) =>
        i === 0 ? { ...c, contestants: c.contestants.map((k, j) => (j === 0 ? { ...k, persons: ['nobody'], coalition: { parties: ['partai-x'] } } : k)) } : c,
      ),
    };
    const errors = validateReferences(bad);
    expect(errors).toContain(`persons[${b.persons.length}].id: duplicate id "anies-baswedan" (also persons[0])`);
    expect(errors).toContain('contests[0].contestants[0].persons[0]: unknown person id "nobody"');
    expect(errors).toContain('contests[0].contestants[0].coalition.parties[0]: unknown party id "partai-x"');
    expect(errors.some((e) => e.startsWith('parties[1].ballotNumbers[0]: number 1 in "pemilu-2024"'))).toBe(true);
    expect(parseRuleBundle(JSON.parse(JSON.stringify(bad))).ok).toBe(false);
  });
});
