import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../../../../rules/compile.ts';
import { loadSource, SourceBundleError } from '../../../../rules/data/index.ts';
import { loadEngine } from '../../../../rules/engine.ts';
import { copyOfSource, jaga } from '../cli/helpers.ts';

// `accounts:` in a rules/data file: sourced accounts of owners other files define (a KPU Sirekap pair,
// whose generated file has no account columns). The owner is Aceh Selatan's pair no. 2 and its head,
// Mirwan MS, both imported from Sirekap; the handles are made up.
const CAMPAIGN_DAY = '2024-10-15';
const PAGE = 'https://example.org/berita/akun-instagram-pribadinya';

function withAccounts(yaml: string): string {
  const dir = copyOfSource();
  writeFileSync(join(dir, 'zz-accounts.yaml'), yaml);
  return dir;
}

function loadErrors(dir: string): string[] {
  try {
    loadSource(dir);
  } catch (error) {
    if (error instanceof SourceBundleError) return error.errors;
    throw error;
  }
  return [];
}

describe('accounts of owners other files define (accounts: in rules/data)', () => {
  it('an account on a pair or a person matches a follow of that handle, on that platform only', () => {
    const dir = withAccounts(
      [
        'accounts:',
        '  - owner: pilbup-aceh-selatan-2024-02',
        '    platform: instagram',
        '    handle: contoh.pasangan.uji',
        `    sources: [${PAGE}]`,
        '  - owner: mirwan-ms',
        '    platform: tiktok',
        '    handle: "@contoh_bupati_uji"',
        `    sources: [${PAGE}]`,
        '',
      ].join('\n'),
    );
    const { bundle } = loadSource(dir);
    const pair = bundle.contests.flatMap((c) => c.contestants).find((k) => k.id === 'pilbup-aceh-selatan-2024-02')!;
    expect(pair.accounts?.instagram).toContain('contoh.pasangan.uji');
    expect(pair.sources).toContain(PAGE);
    const engine = loadEngine(compileBundle(bundle));
    const follow = (handle: string, site: 'instagram' | 'tiktok') =>
      engine.evaluate({ handle }, { at: CAMPAIGN_DAY, site, region: '11.01' });
    const onPair = follow('contoh.pasangan.uji', 'instagram');
    expect(onPair.severity).not.toBe('none');
    expect(onPair.reasons.map((r) => r.entityId)).toContain('pilbup-aceh-selatan-2024-02');
    expect(follow('contoh_bupati_uji', 'tiktok').reasons.map((r) => r.entityId)).toContain('mirwan-ms');
    expect(follow('contoh_bupati_uji', 'instagram').severity).toBe('none');
  });

  it('an unknown owner is rejected with the file, line and id', async () => {
    const dir = withAccounts(
      ['accounts:', '  - owner: nobody-here', '    platform: instagram', '    handle: contoh', `    sources: [${PAGE}]`, ''].join('\n'),
    );
    expect(loadErrors(dir)).toEqual([expect.stringMatching(/zz-accounts\.yaml:2 accounts\[0\]\.owner: unknown owner id "nobody-here"$/)]);
    const r = await jaga('validate', [dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown owner id "nobody-here"');
  });

  it('a contest owner, a missing source, a bad handle and a repeated account are rejected', () => {
    const dir = withAccounts(
      [
        'accounts:',
        '  - { owner: pilbup-aceh-selatan-2024, platform: instagram, handle: contoh, sources: [https://example.org/a] }',
        '  - { owner: mirwan-ms, platform: instagram, handle: contoh, sources: [] }',
        '  - { owner: mirwan-ms, platform: instagram, handle: "https://instagram.com/contoh", sources: [https://example.org/a] }',
        '  - { owner: mirwan-ms, platform: x, handle: contoh, sources: [https://example.org/a] }',
        '  - { owner: mirwan-ms, platform: x, handle: "@Contoh", sources: [https://example.org/b] }',
        '',
      ].join('\n'),
    );
    const errors = loadErrors(dir);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/:2 accounts\[0\]\.owner: "pilbup-aceh-selatan-2024" is a contest/);
    expect(errors[1]).toMatch(/:3 accounts\[1\]\.sources: cite the page that names the account/);
    expect(errors[2]).toMatch(/:4 accounts\[2\]\.handle: expected an account handle/);
    expect(errors[3]).toMatch(/:6 accounts\[4\]\.handle: person "mirwan-ms" already has the x account "@Contoh"/);
  });
});
