import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jaga } from '../helpers.ts';
import { loadBundle, run } from '../../../../../rules/cli/commands/check.ts';
import { compileBundle } from '../../../../../rules/compile.ts';
import { loadDefaultBundle } from '../../../../../rules/data/index.ts';
import { serializeEnvelope, unsignedEnvelope } from '../../../../../rules/signing.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('jaga check: rules that do not load', () => {
  it('fails with the loader error instead of falling back to the test bundle', async () => {
    const broken = () => {
      throw new Error('rules/data/persons-nasional.yaml: persons[0].name: Required');
    };
    await expect(loadBundle(undefined, broken)).rejects.toThrow(/default rules failed to load.*persons\[0\]\.name/);
  });

  it('exits 1 and names the problem when --rules points at an invalid bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jaga-check-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'persons: 3\n');
    const { err } = capture();
    expect(await run(['--rules', file, 'Prabowo'], Readable.from([]))).toBe(1);
    expect(err.join('')).toMatch(/bad\.yaml/);
  });
});

describe('jaga check --rules accepts a built bundle file', () => {
  it('reads a jaga-bundle/1 envelope as `jaga build` writes it', async () => {
    const bundle = loadDefaultBundle();
    const payload = JSON.stringify({ bundle, compiled: compileBundle(bundle) });
    const dir = mkdtempSync(join(tmpdir(), 'jaga-check-'));
    const file = join(dir, 'default-bundle.json');
    writeFileSync(file, serializeEnvelope(unsignedEnvelope(payload)));
    const { out } = capture();
    expect(await run(['--rules', file, '--at', '2024-01-15', 'Ayo coblos Prabowo Gibran nomor 2'], Readable.from([]))).toBe(0);
    expect(out.join('')).toMatch(/^HIGH/);
  });

  it('rejects an envelope whose payload is not a rule bundle, with a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jaga-check-'));
    const file = join(dir, 'odd.json');
    writeFileSync(file, serializeEnvelope(unsignedEnvelope(JSON.stringify({ bundle: { persons: 1 } }))));
    const { err } = capture();
    expect(await run(['--rules', file, 'x'], Readable.from([]))).toBe(1);
    expect(err.join('')).toMatch(/odd\.json/);
  });
});

// `jaga check` (issue #3): readable output with the matches marked, and --jsonl batches with exactly one
// JSON line out per line in. Runs on the shipped rules (rules/data).
const CAMPAIGN = '2024-01-10';

const lines = (stdout: string) => stdout.trimEnd().split('\n');
const parse = (stdout: string) => lines(stdout).map((l) => JSON.parse(l) as { severity?: string; reasons?: Array<Record<string, unknown>>; error?: string });

describe('jaga check shows the evidence of a context-requiring name', () => {
  it('prints an evidence line under the reason', async () => {
    const { out } = capture();
    expect(await run(['--at', '2024-10-15', 'Bu Airin paling cocok buat Banten'], Readable.from([]))).toBe(0);
    expect(out.join('')).toMatch(/evidence: honorific "Bu", region "Banten"/);
  });
});

describe('jaga check TEXT', () => {
  it('prints the severity, the text with the matches marked, and one line per reason', async () => {
    const r = await jaga('check', ['--at', CAMPAIGN, 'Ayo', 'coblos', 'Prabowo-Gibran!']);
    expect(r.code).toBe(0);
    const [head, ...reasons] = lines(r.stdout);
    // only reasons that count are marked (the support cue "coblos" raises the pair, it is no match of its own)
    expect(head).toBe('HIGH  Ayo coblos [Prabowo-Gibran]!');
    expect(reasons.join('\n')).toMatch(/- high\s+pair\s+"Prabowo-Gibran" \[11,25\) Pilpres 2024, nomor urut 02: Prabowo Subianto – Gibran Rakabuming Raka {2}\(pilpres-2024\)/);
  });
  it('reads the text from stdin when none is given', async () => {
    const r = await jaga('check', ['--at', CAMPAIGN], 'Selamat pagi, jangan lupa sarapan\n');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toBe('NONE  Selamat pagi, jangan lupa sarapan');
  });
  it.each([
    [['--at', '2024-02-30', 'x'], /--at: expected YYYY-MM-DD/],
    [['--region', 'Jatim', 'x'], /--region: expected a code such as 35/],
    [['--site', 'myspace', 'x'], /--site: one of facebook/],
    [['--verbose', 'x'], /unknown option --verbose/],
    [['--at'], /--at needs a value/],
  ])('refuses bad options with exit 2 and the usage: %j', async (argv, message) => {
    const r = await jaga('check', argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Usage: jaga check');
    expect(r.stdout).toBe('');
  });
});

describe('jaga check --jsonl', () => {
  it('writes exactly one line per input line, in order, with severity and reasons', async () => {
    const input = [
      JSON.stringify({ text: 'Coblos nomor 1, AMIN untuk perubahan!' }),
      JSON.stringify('Amin ya Allah, semoga lekas sembuh'),
      '',
      '{not json',
      JSON.stringify({ text: 'Bawaslu ingatkan ASN jaga netralitas jelang pilkada', expect: 'low', src: 'ignored keys' }),
      JSON.stringify({ hashtags: ['AniesMuhaimin'], author: 'someone' }),
    ].join('\n');
    const r = await jaga('check', ['--jsonl', '--at', CAMPAIGN], input + '\n');
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out).toHaveLength(6);
    expect(out.map((o) => o.severity ?? 'error')).toEqual(['high', 'none', 'error', 'error', 'low', 'high']);
    expect(out[2]!.error).toBe('empty line');
    expect(out[3]!.error).toMatch(/^bad JSON line/);
    const number = out[0]!.reasons!.find((x) => x.kind === 'ballot-number');
    expect(number).toMatchObject({ entityId: 'pilpres-2024-01', matched: '1', span: [13, 14], severity: 'high', field: 'text' });
    expect(number!.contest).toMatchObject({ id: 'pilpres-2024', number: 1 });
    expect(number!.label).toMatch(/Anies/);
    expect(out[5]!.reasons!.some((x) => x.field === 'hashtags' && x.kind === 'hashtag')).toBe(true);
  });
  it('a line may carry its own date and region, overriding the options', async () => {
    const text = 'Khofifah-Emil menang! Coblos nomor 2';
    const input = [
      JSON.stringify({ text }),
      JSON.stringify({ text, at: '2024-10-15' }),
      JSON.stringify({ text, at: '2024-10-15', region: '31' }),
      JSON.stringify({ text, at: '2026-06-01' }),
    ].join('\n');
    const r = await jaga('check', ['--jsonl', '--at', '2023-01-01', '--region', '35'], input);
    // before its contest (only "coblos nomor" counts: low), live in Jatim (high), for a Jakarta agency (low), after it (low)
    expect(parse(r.stdout).map((o) => o.severity)).toEqual(['low', 'high', 'low', 'low']);
  });
  it('rejects a line that is not content, naming the field, and goes on', async () => {
    const input = [
      JSON.stringify({ text: 5 }),
      JSON.stringify({ hashtags: ['ok', 7] }),
      JSON.stringify({ text: 'Prabowo', at: '2024-13-01' }),
      JSON.stringify({ text: 'Prabowo', region: 'Jatim' }),
      JSON.stringify([1, 2]),
      JSON.stringify({ text: 'Prabowo-Gibran menang!' }),
    ].join('\n');
    const r = await jaga('check', ['--jsonl', '--at', CAMPAIGN], input);
    const out = parse(r.stdout);
    expect(out).toHaveLength(6);
    expect(out[0]!.error).toMatch(/^text: /);
    expect(out[1]!.error).toMatch(/^hashtags\[1\]: /);
    expect(out[2]!.error).toMatch(/^at: expected an ISO date/);
    expect(out[3]!.error).toMatch(/^region: expected a Kemendagri region code/);
    expect(out[4]!.error).toBeTruthy();
    expect(out[5]!.severity).toBe('high');
  });
  it('checks the eval sets in one run, each line at its own campaign date', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../../helpers.ts');
    const input = readFileSync(join(ROOT, 'tests/fixtures/eval/partisan.jsonl'), 'utf8');
    const r = await jaga('check', ['--jsonl', '--at', '2030-01-01'], input);
    const out = parse(r.stdout);
    expect(out).toHaveLength(input.trimEnd().split('\n').length);
    // at 2030 nothing of 2024 is live: the per-line dates are what makes these medium or high
    const share = out.filter((o) => o.severity === 'medium' || o.severity === 'high').length / out.length;
    expect(share).toBeGreaterThanOrEqual(0.97);
  });
});
