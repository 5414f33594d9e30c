/**
 * Evidence items carry a typed kind, and the policy decides on the kind, never on the wording of the
 * label the dialog and `jaga check` show: relabelling an item changes no verdict. Which kinds name the
 * race itself (and so let an election word count for a regency or city name) is checked here over all kinds.
 */
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { loadEngine as loadCoreEngine } from '../../../rules/engine-core.ts';
import { type BesideName, type EvidenceKind, raceSpecific } from '../../../rules/severity.ts';

describe('which evidence kinds name the race', () => {
  const expected: Record<EvidenceKind, boolean> = {
    honorific: false,
    praise: false,
    politics: false,
    'support-near': true,
    'support-field': true,
    'ballot-number': true,
    'hand-sign': true,
    region: true,
    'running-mate': true,
    rival: true,
    'coalition-party': true,
    choice: true,
    'choice-loose': true,
    office: true,
    'office-field': true,
    'election-word': true,
    'same-person': true,
    'same-contest': true,
  };
  // a Record: a kind added to EvidenceKind and missing here fails the typecheck
  it.each(Object.entries(expected))('%s: race-specific %s', (kind, specific) => expect(raceSpecific(kind as EvidenceKind)).toBe(specific));
});

// "Sanusi" (Pilbup Malang 2024 no. 1) is a context-requiring name of a regency race: an election word
// counts for it only beside evidence of the race itself. The words beside the name are a test double here,
// which labels its evidence in words the real one never uses.
describe('the decision reads the kind, not the label', () => {
  const compiled = compileBundle(loadDefaultBundle());
  const at = '2024-10-15';
  const withBeside = (kind: EvidenceKind, label: string) => {
    const besideName: BesideName = (_h, _contestKind, w, _supportNear, why) => {
      why.push({ kind, label });
      return w + 2;
    };
    return loadCoreEngine(compiled, { besideName });
  };
  const text = 'Sanusi hadir, katanya ikut pilkada';

  it('generic evidence under any label does not let the election word count', () => {
    const v = withBeside('praise', 'cheer "plok" beside the name').evaluate({ text }, { at });
    // low: the election word alone; the name is not counted
    expect(v.severity).toBe('low');
    expect(v.reasons.find((r) => r.matched === 'Sanusi')?.kind).toBe('ambiguous');
  });
  it('race-specific evidence under a label that reads like praise does', () => {
    const v = withBeside('office', 'praise "bupati" beside the name').evaluate({ text }, { at });
    expect(v.severity).toBe('medium');
    expect(v.reasons.find((r) => r.matched === 'Sanusi')?.evidence).toEqual(['praise "bupati" beside the name', 'election word "pilkada"']);
  });
});
