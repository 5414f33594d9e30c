import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { diffBundles, loadAnyBundle } from '../../../rules/data/tools.ts';
import { parseEnvelope, verifyEnvelope } from '../../../rules/signing.ts';
import { copyOfSource, jaga, tempDir } from './cli/helpers.ts';

describe('keygen → build → verify', () => {
  const dir = tempDir('jaga-keys-');
  const other = tempDir('jaga-other-');
  const signed = join(dir, 'bundle.json');
  const unsigned = join(dir, 'default-bundle.json');
  let text = '';
  let publicKey = '';

  beforeAll(async () => {
    expect((await jaga('keygen', ['--out', dir])).code).toBe(0);
    expect((await jaga('keygen', ['--out', other])).code).toBe(0);
    expect((await jaga('build', ['--key', join(dir, 'jaga-private.key'), '--out', signed])).code).toBe(0);
    expect((await jaga('build', ['--unsigned', '--out', unsigned])).code).toBe(0);
    text = readFileSync(signed, 'utf8');
    publicKey = readFileSync(join(dir, 'jaga-public.key'), 'utf8').trim();
  }, 120_000);

  it('writes a 0600 PKCS#8 private key and a base64 raw 32-byte public key', async () => {
    expect(statSync(join(dir, 'jaga-private.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'jaga-private.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(Buffer.from(publicKey, 'base64')).toHaveLength(32);
    expect((await jaga('keygen', ['--out', dir])).code).toBe(1); // refuses to overwrite
  });

  it('the envelope carries the exact payload {bundle, compiled} and a keyId', () => {
    const env = parseEnvelope(text);
    expect(env.format).toBe('jaga-bundle/1');
    expect(env.keyId).toMatch(/^[0-9a-f]{16}$/);
    const payload = JSON.parse(env.payload) as { bundle: { version: number }; compiled: { bundleVersion: number } };
    expect(payload.compiled.bundleVersion).toBe(payload.bundle.version);
  });

  it('binds the compiled rules to the source: sourceHash is the hash of the bundle as the extension reads it', async () => {
    const { parseRuleBundle } = await import('../../../rules/schema.ts');
    const { sourceHashOf } = await import('../../../rules/compile.ts');
    const payload = JSON.parse(parseEnvelope(text).payload) as { bundle: unknown; compiled: { sourceHash?: string } };
    const parsed = parseRuleBundle(payload.bundle);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(payload.compiled.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(payload.compiled.sourceHash).toBe(await sourceHashOf(parsed.bundle));
  });

  it('verify accepts the intact bundle with the right key', async () => {
    const r = await jaga('verify', [signed, '--pubkey', join(dir, 'jaga-public.key')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('OK');
    expect((await verifyEnvelope(text, publicKey)).ok).toBe(true);
  });

  it('verify rejects the bundle with another key', async () => {
    const r = await jaga('verify', [signed, '--pubkey', join(other, 'jaga-public.key')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('INVALID');
  });

  it('verify rejects the unsigned default bundle', async () => {
    expect((await jaga('verify', [unsigned, '--pubkey', publicKey])).code).toBe(1);
  });

  it('any single-byte change fails (payload, signature, keyId, structure, trailing byte)', async () => {
    const bytes = readFileSync(signed);
    const positions = [
      bytes.indexOf('"version":') + 11, // inside the payload
      Math.floor(bytes.length / 2),
      bytes.indexOf('"signature":"') + 20,
      bytes.indexOf('"keyId":"') + 10,
      1, // the envelope structure
      bytes.length - 1, // the trailing newline
    ];
    for (const pos of positions) {
      const tampered = Buffer.from(bytes);
      tampered[pos] = tampered[pos] === 0x41 ? 0x42 : 0x41;
      const file = join(dir, `tampered-${pos}.json`);
      writeFileSync(file, tampered);
      const r = await jaga('verify', [file, '--pubkey', publicKey]);
      expect(r.code, `byte ${pos}`).toBe(1);
    }
  });

  it('every byte of a small bundle is covered', async () => {
    // exhaustive over a small envelope: sign a tiny payload and flip each byte in turn
    const { signEnvelope, serializeEnvelope } = await import('../../../rules/signing.ts');
    const small = serializeEnvelope(await signEnvelope('{"bundle":{"version":1},"compiled":{}}', readFileSync(join(dir, 'jaga-private.key'), 'utf8')));
    expect((await verifyEnvelope(small, publicKey)).ok).toBe(true);
    for (let i = 0; i < small.length; i++) {
      const changed = small.slice(0, i) + (small[i] === 'A' ? 'B' : 'A') + small.slice(i + 1);
      expect((await verifyEnvelope(changed, publicKey)).ok, `byte ${i}`).toBe(false);
    }
  });

  it('a signed agency policy never passes as a bundle, nor a bundle as a policy', async () => {
    const { signEnvelope, serializeEnvelope } = await import('../../../rules/signing.ts');
    const pem = readFileSync(join(dir, 'jaga-private.key'), 'utf8');
    const policy = serializeEnvelope(await signEnvelope('{"policy":{}}', pem, 'jaga-policy/1'));
    expect((await verifyEnvelope(policy, publicKey, 'jaga-policy/1')).ok).toBe(true);
    const asBundle = await verifyEnvelope(policy, publicKey);
    expect(asBundle.ok === false && asBundle.reason).toMatch(/format must be "jaga-bundle\/1"/);
    const asPolicy = await verifyEnvelope(text, publicKey, 'jaga-policy/1');
    expect(asPolicy.ok === false && asPolicy.reason).toMatch(/format must be "jaga-policy\/1"/);
    const parsed = parseEnvelope(text);
    expect((await verifyEnvelope(parsed, publicKey, 'jaga-policy/1')).ok).toBe(false);
  });
});

describe('diff', () => {
  it('reports an added and a removed contestant, a changed contest and an added account', async () => {
    const oldDir = copyOfSource();
    const newDir = copyOfSource();
    const file = join(newDir, 'pilkada-2024-gubernur-jawa.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    // remove Jabar no. 1, add a made-up no. 5 reusing existing persons, add an account
    const jabar = doc.getIn(['contests', 1, 'contestants']) as { items: unknown[] };
    jabar.items.shift();
    doc.addIn(['contests', 1, 'contestants'], doc.createNode({ id: 'pilgub-jawa-barat-2024-05', number: 5, persons: ['acep-adang-ruhiat', 'gitalis-dwi-natarina'] }));
    doc.setIn(['contests', 1, 'contestants', 0, 'accounts'], doc.createNode({ instagram: ['contoh.akun'] }));
    writeFileSync(file, doc.toString());
    const d = diffBundles(loadAnyBundle(oldDir), loadAnyBundle(newDir));
    expect(d.contestants.added).toEqual(['pilgub-jawa-barat-2024-05']);
    expect(d.contestants.removed).toEqual(['pilgub-jawa-barat-2024-01']);
    expect(d.contests.changed).toEqual({});
    expect(d.accounts.added).toEqual(['instagram:@contoh.akun (pilgub-jawa-barat-2024-02)']);
    const r = await jaga('diff', [oldDir, newDir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('+ contestant pilgub-jawa-barat-2024-05');
    expect(r.stdout).toContain('- contestant pilgub-jawa-barat-2024-01');
    // two copies of the whole rule set loaded here and again in a child process: 11 s on a loaded 2-core machine
  }, 120_000);

  it('accepts built bundles and reports no change for the same source', async () => {
    const dir = tempDir();
    const out = join(dir, 'b.json');
    expect((await jaga('build', ['--unsigned', '--out', out])).code).toBe(0);
    const r = await jaga('diff', [out, join(process.cwd(), 'rules/data')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no entity, contest or account changes');
    // a build and a diff of the whole rule set in child processes: 28 s on a loaded 2-core machine since the lists ship
  }, 120_000);
});

describe('base64', () => {
  it('accepts only the canonical encoding (no malleable trailing bits)', async () => {
    const { base64ToBytes, bytesToBase64 } = await import('../../../rules/signing.ts');
    const sig = new Uint8Array(64).fill(7);
    const canonical = bytesToBase64(sig); // 64 bytes → 86 chars + "==": the 86th char has 4 unused bits
    expect(base64ToBytes(canonical)).toEqual(sig);
    const last = canonical.length - 3;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const value = alphabet.indexOf(canonical[last]!);
    const sameBytes = alphabet[value ^ 1]!; // differs only in an unused bit
    const variant = canonical.slice(0, last) + sameBytes + canonical.slice(last + 1);
    expect(variant).not.toBe(canonical);
    expect(() => base64ToBytes(variant)).toThrow(/canonical/);
  });
});

describe('payloads that are not well-formed Unicode', () => {
  it('refuses a file where a signed U+FFFD was replaced by a lone surrogate, as text and as bytes', async () => {
    const { generateKeys, signEnvelope, serializeEnvelope } = await import('../../../rules/signing.ts');
    const keys = await generateKeys();
    const good = serializeEnvelope(await signEnvelope('{"bundle":{"name":"a\uFFFDb"},"compiled":{}}', keys.privateKeyPem));
    expect((await verifyEnvelope(good, keys.publicKey)).ok).toBe(true);
    // JSON.stringify writes a lone surrogate as the escape \ud800, so the file stays canonical;
    // TextEncoder turns that surrogate into the same three bytes as U+FFFD.
    const forged = good.replace('\uFFFD', '\\ud800');
    expect(forged).not.toBe(good);
    expect(forged).toBe(`${JSON.stringify(JSON.parse(forged))}\n`);
    const asText = await verifyEnvelope(forged, keys.publicKey);
    expect(asText).toMatchObject({ ok: false, reason: expect.stringMatching(/not well-formed/) });
    const asBytes = await verifyEnvelope(new TextEncoder().encode(forged), keys.publicKey);
    expect(asBytes).toMatchObject({ ok: false, reason: expect.stringMatching(/not well-formed/) });
    expect((await verifyEnvelope(new TextEncoder().encode(good), keys.publicKey)).ok).toBe(true);
  });

  it('verifies bytes exactly: a byte-order mark or another UTF-8 spelling is a change', async () => {
    const { generateKeys, signEnvelope, serializeEnvelope } = await import('../../../rules/signing.ts');
    const keys = await generateKeys();
    const good = new TextEncoder().encode(serializeEnvelope(await signEnvelope('{"bundle":{},"compiled":{}}', keys.privateKeyPem)));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...good]);
    expect((await verifyEnvelope(withBom, keys.publicKey)).ok).toBe(false);
    const overlong = new Uint8Array([...good.slice(0, 1), 0xc0, 0xa2, ...good.slice(2)]); // '"' spelt in two bytes
    expect((await verifyEnvelope(overlong, keys.publicKey))).toMatchObject({ ok: false, reason: expect.stringMatching(/UTF-8/) });
  });
});
