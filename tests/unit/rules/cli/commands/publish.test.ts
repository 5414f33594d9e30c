/** `jaga publish`: what a static host needs to serve a signed bundle (bundle, detached signature, index). */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../../../../rules/signing.ts';
import { copyOfSource, jaga, tempDir } from '../helpers.ts';

const URL_ = 'https://example.github.io/jaga/v1/bundle.json';

/** A source copy whose meta.yaml says `version` / `issuedAt`. */
function sourceAt(version: number, issuedAt: string): string {
  const dir = copyOfSource();
  const meta = join(dir, 'meta.yaml');
  writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^version: .*$/m, `version: ${version}`).replace(/^issuedAt: .*$/m, `issuedAt: "${issuedAt}"`));
  return dir;
}

describe('jaga publish', () => {
  const keys = tempDir('jaga-keys-');
  const other = tempDir('jaga-other-');
  const work = tempDir('jaga-pub-');
  const site = join(tempDir('jaga-site-'), 'v1');
  const bundle = join(work, 'bundle.json');
  let publicKey = '';

  beforeAll(async () => {
    expect((await jaga('keygen', ['--out', keys])).code).toBe(0);
    expect((await jaga('keygen', ['--out', other])).code).toBe(0);
    expect((await jaga('build', ['--key', join(keys, 'jaga-private.key'), '--out', bundle])).code).toBe(0);
    publicKey = readFileSync(join(keys, 'jaga-public.key'), 'utf8').trim();
  }, 120_000);

  it('writes the bundle, a detached signature of its bytes and an index with version, sha256 and URL', async () => {
    const r = await jaga('publish', [bundle, '--key', join(keys, 'jaga-private.key'), '--url', URL_, '--out', site]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = readFileSync(join(site, 'bundle.json'));
    expect(bytes.equals(readFileSync(bundle))).toBe(true);
    const version = (JSON.parse(parseEnvelope(bytes.toString('utf8')).payload) as { bundle: { version: number } }).bundle.version;
    expect(readFileSync(join(site, `bundle-${version}.json`)).equals(bytes)).toBe(true);

    const index = JSON.parse(readFileSync(join(site, 'index.json'), 'utf8')) as Record<string, unknown>;
    expect(index).toMatchObject({
      format: 'jaga-index/1',
      version,
      url: URL_,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      signature: 'bundle.json.sig',
      keyId: parseEnvelope(bytes.toString('utf8')).keyId,
    });
    // the detached signature verifies over the file's exact bytes with the public key
    const raw = Buffer.from(publicKey, 'base64');
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const signature = Buffer.from(readFileSync(join(site, 'bundle.json.sig'), 'utf8').trim(), 'base64');
    expect(verify(null, bytes, key, signature)).toBe(true);
  });

  it('refuses a bundle the key did not sign, an older version than the one published, and a plain-http URL', async () => {
    const r1 = await jaga('publish', [bundle, '--key', join(other, 'jaga-private.key'), '--url', URL_, '--out', site]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/not signed by this key/);

    const older = join(work, 'older.json');
    expect((await jaga('build', ['--key', join(keys, 'jaga-private.key'), '--out', older, '--source', sourceAt(2026010101, '2026-01-01')])).code).toBe(0);
    const r2 = await jaga('publish', [older, '--key', join(keys, 'jaga-private.key'), '--url', URL_, '--out', site]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/older than the published version/);

    const r3 = await jaga('publish', [bundle, '--key', join(keys, 'jaga-private.key'), '--url', 'http://example.org/b.json', '--out', tempDir()]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/https/);
  });

  it('refuses a version outside the YYYYMMDDnn scheme (also at build)', async () => {
    const out = join(work, 'bad.json');
    const r = await jaga('build', ['--key', join(keys, 'jaga-private.key'), '--out', out, '--source', sourceAt(7, '2026-01-01')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/YYYYMMDDnn/);
    expect(existsSync(out)).toBe(false);
  });
});
