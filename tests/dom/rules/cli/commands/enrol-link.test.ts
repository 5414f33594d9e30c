import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEnrolmentLink } from '@/utils/enrolment';
import { jaga, tempDir } from '../../../../unit/rules/cli/helpers';

const dir = tempDir('jaga-enrol-');
let publicKey = '';

beforeAll(async () => {
  expect((await jaga('keygen', ['--out', dir])).code).toBe(0);
  publicKey = readFileSync(join(dir, 'jaga-public.key'), 'utf8').trim();
});

describe('jaga enrol-link', () => {
  it('prints a link carrying the policy URL, the key and the name, and writes its QR code', async () => {
    const svg = join(dir, 'daftar.svg');
    const r = await jaga('enrol-link', [
      '--url',
      'https://jaga.example.go.id/kebijakan.json',
      '--public-key',
      join(dir, 'jaga-public.key'),
      '--name',
      'Pemkot Contoh',
      '--qr',
      svg,
    ]);
    expect(r.code).toBe(0);
    const link = r.stdout.trim().split('\n')[0] ?? '';
    expect(parseEnrolmentLink(link)).toEqual({
      ok: true,
      link: { policyUrl: 'https://jaga.example.go.id/kebijakan.json', publicKey, agencyName: 'Pemkot Contoh' },
    });
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[^>]*>.*<path/s);
  });

  it('prints the QR code in the terminal with --terminal', async () => {
    const r = await jaga('enrol-link', ['--url', 'https://a.example/p.json', '--public-key', publicKey, '--name', 'A', '--terminal']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(10);
    expect(r.stdout).toMatch(/[▀▄█]/);
  });

  it('refuses a policy URL that is not HTTPS, and a bad key', async () => {
    const http = await jaga('enrol-link', ['--url', 'http://a.example/p.json', '--public-key', publicKey, '--name', 'A']);
    expect(http.code).toBe(1);
    expect(http.stderr).toContain('https');
    const bad = await jaga('enrol-link', ['--url', 'https://a.example/p.json', '--public-key', 'abc', '--name', 'A']);
    expect(bad.code).toBe(1);
  });
});
