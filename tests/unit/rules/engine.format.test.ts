/**
 * The binary compiled format (rules/compiled.ts): one buffer, every array a view on it, entity
 * metadata decoded only for the hits of a warning, and a clear StructuralError for anything that is
 * not what compileBundle writes.
 */
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../rules/compile.ts';
import { HEADER_WORDS, SECTION_NAMES, packBytes, unpackBytes, type CompiledRules } from '../../../rules/compiled.ts';
import { loadEngine } from '../../../rules/engine.ts';
import { StructuralError, decodeRules } from '../../../rules/tables.ts';
import { loadDefaultBundle } from '../../../rules/data/index.ts';
import { ROOT, devBundle } from './helpers.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const compiled = compileBundle(devBundle());
const AT = '2024-01-10';

/** the compiled rules with their buffer changed by `edit` */
function edited(edit: (view: DataView, bytes: Uint8Array) => void, c: CompiledRules = compiled): CompiledRules {
  const bytes = unpackBytes(c.data)!;
  edit(new DataView(bytes.buffer), bytes);
  return { ...c, data: packBytes(bytes) };
}
/** the header word of a section's offset (k = 0) or length (k = 1); a section the format lacks is an error, not another word */
const sectionWord = (name: (typeof SECTION_NAMES)[number], k: 0 | 1) => {
  const i = SECTION_NAMES.indexOf(name);
  if (i < 0) throw new Error(`no section ${name}`);
  return 4 * (HEADER_WORDS + 2 * i + k);
};

describe('binary compiled format', () => {
  it('is one packed buffer beside a little JSON, and every array is a view on one ArrayBuffer', () => {
    expect(Object.keys(compiled).sort()).toEqual(['bundleVersion', 'contests', 'data', 'expiresAt', 'format', 'issuedAt']);
    expect(typeof compiled.data).toBe('string');
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
    const d = decodeRules(compiled);
    const buffers = new Set(Object.values(d.sections).map((a) => a.buffer));
    expect(buffers.size).toBe(1);
    for (const a of Object.values(d.sections)) expect(a.byteOffset % 4).toBe(0);
    expect(d.persons).toBe(devBundle().persons.length);
  });

  it('carries the tables the scan derives from the dictionary, so loading computes none (format 3)', () => {
    const d = decodeRules(compiled);
    const engine = loadEngine(compiled) as unknown as Record<string, Uint8Array | Int32Array>;
    const buffer = engine.tokChars!.buffer;
    for (const name of ['slotHash', 'stemBits', 'suffixBits', 'wordBits', 'keepToken'] as const) {
      expect(d.sections[name], name).toBeDefined();
      expect(engine[name]!.buffer, name).toBe(buffer);
    }
    expect(d.sections.slotHash!.length).toBe(d.sections.tokHash.length);
    expect(d.sections.keepToken!.length).toBe(d.sections.tokOff.length - 1);
  });

  it('loads from the packed string, a Uint8Array or an ArrayBuffer to the same verdicts', () => {
    const bytes = unpackBytes(compiled.data)!;
    const engines = [loadEngine(compiled), loadEngine({ ...compiled, data: bytes as unknown as string }), loadEngine({ ...compiled, data: bytes.buffer as unknown as string })];
    for (const text of ['Ayo coblos Prabowo-Gibran nomor 02!', '#AminAjaDulu', 'Selamat pagi semua']) {
      const want = engines[0]!.evaluate({ text }, { at: AT });
      for (const e of engines) expect(e.evaluate({ text }, { at: AT })).toEqual(want);
    }
  });

  it('decodes entity metadata only for the entities of a warning (above eagerEntities)', () => {
    const engine = loadEngine(compiled, { eagerEntities: 0 });
    const v = engine.evaluate({ text: 'Ayo coblos Prabowo-Gibran nomor 02!' }, { at: AT });
    expect(v.severity).toBe('high');
    expect(v.reasons.some((r) => /Prabowo/.test(r.label) && r.contest?.name)).toBe(true);
    // the tables the policy reads: no entity is decoded before a hit needs it
    const fresh = loadEngine(compiled, { eagerEntities: 0 }) as unknown as { tables: { persons: unknown[]; contestants: unknown[] } };
    expect(fresh.tables.persons.length).toBe(devBundle().persons.length);
    expect(Array.isArray((loadEngine(compiled) as unknown as { tables: { persons: unknown[] } }).tables.persons)).toBe(true);
  });

  it('lazy and eager entity tables give the same verdicts on every eval text, at several dates and regions', () => {
    const evalDir = join(ROOT, 'tests/fixtures/eval');
    const texts = readdirSync(evalDir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(evalDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text));
    for (const bundle of [devBundle(), loadDefaultBundle()]) {
      const c = compileBundle(bundle);
      const eager = loadEngine(c);
      const lazy = loadEngine(c, { eagerEntities: 0 });
      for (const at of ['2024-01-10', '2024-11-20', '2026-12-06']) {
        for (const region of [undefined, '35', '31.71']) {
          const ctx = { at, ...(region ? { region } : {}) };
          for (const text of texts) expect(lazy.evaluate({ text, hashtags: text.match(/#\w+/g) ?? [] }, ctx)).toEqual(eager.evaluate({ text, hashtags: text.match(/#\w+/g) ?? [] }, ctx));
        }
      }
    }
  });

  it.each([
    ['not a packed buffer', { ...compiled, data: 'ĀĀĀĀ' }],
    ['empty data', { ...compiled, data: '' }],
    ['missing data', { ...compiled, data: undefined as unknown as string }],
    ['the JSON layout of format 1', { format: 1, bundleVersion: 1, arrays: {}, persons: [] } as unknown as CompiledRules],
    ['truncated', { ...compiled, data: compiled.data.slice(0, compiled.data.length >> 1) }],
    ['wrong magic', edited((v) => v.setUint32(0, 0x12345678, true))],
    ['another format in the buffer', edited((v) => v.setUint32(4, 1, true))],
    ['a section past the end', edited((v) => v.setUint32(sectionWord('edgeTok', 1), 1 << 28, true))],
    ['a section misaligned', edited((v) => v.setUint32(sectionWord('outPat', 0), v.getUint32(sectionWord('outPat', 0), true) + 2, true))],
    ['inconsistent trie sizes', edited((v) => v.setUint32(sectionWord('edgeNode', 1), v.getUint32(sectionWord('edgeNode', 1), true) - 1, true))],
    ['a contestant index out of range', edited((v) => v.setInt32(v.getUint32(sectionWord('personK', 0), true), 1 << 20, true))],
    ['a trie edge to no node', edited((v) => v.setInt32(v.getUint32(sectionWord('edgeNode', 0), true), 1 << 24, true))],
    ['a root child past the nodes', edited((v) => v.setInt32(v.getUint32(sectionWord('rootChild', 0), true), -5, true))],
    ['an output to no pattern', edited((v) => v.setInt32(v.getUint32(sectionWord('outPat', 0), true), 1 << 24, true))],
    ['a token hash with no empty slot (a probe that never ends)', edited((v) => {
      const off = v.getUint32(sectionWord('tokHash', 0), true);
      const len = v.getUint32(sectionWord('tokHash', 1), true);
      for (let i = 0; i < len; i++) v.setInt32(off + 4 * i, 1, true);
    })],
    ['a pattern of an entity that is not there', edited((v) => v.setInt32(v.getUint32(sectionWord('patEntity', 0), true), 1 << 24, true))],
    ['metadata offsets not monotonic', edited((v) => v.setInt32(v.getUint32(sectionWord('metaOff', 0), true) + 4, 1 << 30, true))],
    ['a slot-hash table of another size than the token hash', edited((v) => v.setUint32(sectionWord('slotHash', 1), v.getUint32(sectionWord('slotHash', 1), true) - 1, true))],
    ['a stem filter no mask can index', edited((v) => v.setUint32(sectionWord('stemBits', 1), v.getUint32(sectionWord('stemBits', 1), true) - 1, true))],
    ['a suffix filter of another size', edited((v) => v.setUint32(sectionWord('suffixBits', 1), 4096, true))],
    ['a word filter no mask can index', edited((v) => v.setUint32(sectionWord('wordBits', 1), v.getUint32(sectionWord('wordBits', 1), true) - 1, true))],
    ['a token-keep table not one per token', edited((v) => v.setUint32(sectionWord('keepToken', 1), v.getUint32(sectionWord('keepToken', 1), true) - 1, true))],
    ['a variant table not one start per token', edited((v) => v.setUint32(sectionWord('varStart', 1), v.getUint32(sectionWord('varStart', 1), true) - 1, true))],
    ['a variant word standing for no token', edited((v) => v.setInt32(v.getUint32(sectionWord('varWord', 0), true), 1 << 28, true))],
    ['variant starts not monotonic', edited((v) => v.setInt32(v.getUint32(sectionWord('varStart', 0), true) + 4, 1 << 30, true))],
    ['contests that do not match', { ...compiled, contests: compiled.contests.slice(1) }],
  ])('refuses %s with a StructuralError', (_what, bad) => {
    expect(() => loadEngine(bad)).toThrow(StructuralError);
  });

  it('a damaged metadata entry still gives its warning, with a label that says so', () => {
    const d = decodeRules(compiled);
    const person = devBundle().persons.findIndex((p) => p.name === 'Prabowo Subianto');
    const metaOff = d.sections.metaOff as Int32Array;
    const bytesAt = (d.sections.metaBytes as Uint8Array).byteOffset;
    const damaged = edited((_v, bytes) => bytes.fill(0x7b, bytesAt + metaOff[person]!, bytesAt + metaOff[person + 1]!));
    const v = loadEngine(damaged, { eagerEntities: 0 }).evaluate({ text: 'Prabowo Subianto' }, { at: '2026-12-06' });
    expect(loadEngine(damaged).evaluate({ text: 'Prabowo Subianto' }, { at: '2026-12-06' })).toEqual(v);
    const good = loadEngine(compiled).evaluate({ text: 'Prabowo Subianto' }, { at: '2026-12-06' });
    expect(v.severity).toBe(good.severity);
    expect(v.reasons.length).toBe(good.reasons.length);
    expect(v.reasons.some((r) => /rusak/.test(r.label))).toBe(good.reasons.length > 0);
  });
});
