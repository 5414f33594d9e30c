import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAgencyPolicy } from '@/utils/enrolment';
import { jaga, tempDir } from '../../../../unit/rules/cli/helpers';

const dir = tempDir('jaga-policy-');
let publicKey = '';

beforeAll(async () => {
  expect((await jaga('keygen', ['--out', dir])).code).toBe(0);
  publicKey = readFileSync(join(dir, 'jaga-public.key'), 'utf8').trim();
});

function input(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

const sign = (file: string, ...more: string[]) =>
  jaga('policy-sign', ['--in', file, '--key', join(dir, 'jaga-private.key'), '--out', join(dir, 'kebijakan.json'), ...more]);

describe('jaga policy-sign', () => {
  it('writes a jaga-policy/1 file the extension accepts, issued now, expiring after --days', async () => {
    const file = input('ok.json', {
      agencyName: 'Pemkot Contoh',
      agencyId: 'pemkot-contoh',
      policy: { actionBySeverity: { high: 'block' } },
    });
    const r = await sign(file, '--days', '30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Pemkot Contoh (pemkot-contoh)');
    const text = readFileSync(join(dir, 'kebijakan.json'), 'utf8');
    expect(JSON.parse(text).format).toBe('jaga-policy/1');
    const verified = await verifyAgencyPolicy(text, publicKey, Date.now());
    expect(verified.ok && verified.policy).toEqual({ actionBySeverity: { high: 'block' } });
    const expires = verified.ok ? Date.parse(verified.expiresAt) - Date.parse(verified.issuedAt) : 0;
    expect(expires).toBe(30 * 86_400_000);
  });

  it('refuses a policy key the extension would ignore, naming it', async () => {
    const file = input('typo.json', { agencyName: 'A', agencyId: 'a', policy: { allowPuase: false } });
    const r = await sign(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('allowPuase: unknown policy key');
  });

  it('refuses a file without the agency metadata', async () => {
    const r = await sign(input('bare.json', { policy: {} }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/agencyName/);
  });

  it('refuses an expiry already past', async () => {
    const r = await sign(input('old.json', { agencyName: 'A', agencyId: 'a', expiresAt: '2020-01-01T00:00:00Z', policy: {} }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already past');
  });
});
