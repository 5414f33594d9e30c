import { describe, expect, it } from 'vitest';
import { ContestSchema, PersonSchema, ProvenanceSchema } from '../../../rules/schema.ts';

const provenance = {
  source: 'example-org/pemilu-data:data/paslon.json@0123456789abcdef0123456789abcdef01234567',
  fetchedAt: '2026-12-05',
  licence: 'CC-BY-4.0',
};

describe('provenance on imported records', () => {
  it('is optional: entries written by hand still validate without it', () => {
    expect(PersonSchema.safeParse({ id: 'budi-santoso', name: 'Budi Santoso' }).success).toBe(true);
  });

  it('is accepted on persons and contests', () => {
    expect(PersonSchema.safeParse({ id: 'budi-santoso', name: 'Budi Santoso', provenance }).success).toBe(true);
    const contest = {
      id: 'pilbup-contoh-2024',
      name: 'Pilbup Contoh 2024',
      kind: 'pilkada-kabupaten',
      region: '99.01',
      phases: [{ kind: 'kampanye', from: '2024-09-25', to: '2024-11-23' }],
      contestants: [{ id: 'pilbup-contoh-2024-01', number: 1, persons: ['budi-santoso'], provenance }],
      provenance,
    };
    expect(ContestSchema.safeParse(contest).success).toBe(true);
  });

  it('rejects a provenance without a licence or with a date that is not a day', () => {
    expect(ProvenanceSchema.safeParse({ ...provenance, licence: '' }).success).toBe(false);
    expect(ProvenanceSchema.safeParse({ ...provenance, fetchedAt: '2026-13-01' }).success).toBe(false);
    expect(ProvenanceSchema.safeParse({ source: provenance.source, fetchedAt: provenance.fetchedAt }).success).toBe(false);
  });
});
