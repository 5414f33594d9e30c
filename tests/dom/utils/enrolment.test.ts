import { describe, expect, it } from 'vitest';
import { generateKeys, serializeEnvelope, signEnvelope, unsignedEnvelope } from '@/rules/signing';
import {
  MAX_POLICY_BYTES,
  buildEnrolmentLink,
  downloadPolicy,
  fetchAgencyPolicy,
  parseEnrolmentLink,
  signAgencyPolicy,
  verifyAgencyPolicy,
  type AgencyPolicyPayload,
  type RefusalCode,
} from '@/utils/enrolment';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const DAY = 86_400_000;

const agency = await generateKeys();
const stranger = await generateKeys();

function payload(overrides: Partial<AgencyPolicyPayload> = {}): AgencyPolicyPayload {
  return {
    agencyName: 'Pemkot Surabaya',
    agencyId: 'pemkot-surabaya',
    issuedAt: '2026-12-01T00:00:00Z',
    expiresAt: '2027-06-01T00:00:00Z',
    policy: { actionBySeverity: { high: 'block' }, allowUserDisable: false },
    ...overrides,
  };
}

async function refusedWith(result: Promise<{ ok: boolean; code?: RefusalCode; reason?: string }>, code: RefusalCode): Promise<string> {
  const r = await result;
  expect(r.ok).toBe(false);
  expect((r as { code: RefusalCode }).code).toBe(code);
  const reason = (r as { reason: string }).reason;
  expect(reason.length).toBeGreaterThan(10);
  return reason;
}

describe('the enrolment link', () => {
  it('round-trips the policy URL, key and agency name', () => {
    const text = buildEnrolmentLink({
      policyUrl: 'https://jaga.example.go.id/kebijakan.json',
      publicKey: agency.publicKey,
      agencyName: 'Pemkot Surabaya',
    });
    expect(text.startsWith('web+jaganetral:enrol?')).toBe(true);
    expect(parseEnrolmentLink(text)).toEqual({
      ok: true,
      link: { policyUrl: 'https://jaga.example.go.id/kebijakan.json', publicKey: agency.publicKey, agencyName: 'Pemkot Surabaya' },
    });
  });

  it('accepts the form a protocol handler passes (percent-encoded once more)', () => {
    const text = buildEnrolmentLink({ policyUrl: 'https://a.example/p.json', publicKey: agency.publicKey, agencyName: 'A' });
    const parsed = parseEnrolmentLink(encodeURIComponent(text));
    expect(parsed.ok && parsed.link.policyUrl).toBe('https://a.example/p.json');
  });

  it('refuses a policy URL that is not HTTPS', () => {
    const text = buildEnrolmentLink({ policyUrl: 'http://a.example/p.json', publicKey: agency.publicKey, agencyName: 'A' });
    const r = parseEnrolmentLink(text);
    expect(r.ok === false && r.code).toBe('not-https');
  });

  it('refuses other text, a missing key and an unknown version', () => {
    expect(parseEnrolmentLink('https://example.com').ok).toBe(false);
    expect(parseEnrolmentLink('web+jaganetral:enrol?v=1&url=https%3A%2F%2Fa.example%2Fp.json').ok).toBe(false);
    const text = buildEnrolmentLink({ policyUrl: 'https://a.example/p.json', publicKey: agency.publicKey, agencyName: 'A' }).replace(
      'v=1',
      'v=2',
    );
    const r = parseEnrolmentLink(text);
    expect(r.ok === false && r.code).toBe('bad-link');
  });
});

describe('verifying a policy file', () => {
  it('accepts a file signed by the pinned key, with the policy keys parsed', async () => {
    const file = await signAgencyPolicy(payload(), agency.privateKeyPem);
    const r = await verifyAgencyPolicy(file, agency.publicKey, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.agencyName).toBe('Pemkot Surabaya');
    expect(r.policy).toEqual({ actionBySeverity: { high: 'block' }, allowUserDisable: false });
    expect(r.warnings).toEqual([]);
    expect(r.envelope).toBe(file);
  });

  it('drops an invalid policy key with a warning, as a managed policy does', async () => {
    const file = await signAgencyPolicy(payload({ policy: { region: 'Surabaya', allowPause: false } }), agency.privateKeyPem);
    const r = await verifyAgencyPolicy(file, agency.publicKey, NOW);
    expect(r.ok && r.policy).toEqual({ allowPause: false });
    expect(r.ok && r.warnings.join()).toMatch(/^region:/);
  });

  it('refuses a tampered payload', async () => {
    const file = await signAgencyPolicy(payload(), agency.privateKeyPem);
    const tampered = file.replace('\\"block\\"', '\\"warn\\"');
    expect(tampered).not.toBe(file);
    await refusedWith(verifyAgencyPolicy(tampered, agency.publicKey, NOW), 'tampered');
  });

  it('refuses a file signed by another key', async () => {
    const file = await signAgencyPolicy(payload(), stranger.privateKeyPem);
    await refusedWith(verifyAgencyPolicy(file, agency.publicKey, NOW), 'wrong-key');
  });

  it('refuses an unsigned file', async () => {
    const file = serializeEnvelope(unsignedEnvelope(JSON.stringify(payload()), 'jaga-policy/1'));
    await refusedWith(verifyAgencyPolicy(file, agency.publicKey, NOW), 'unsigned');
  });

  it('refuses an expired file', async () => {
    const file = await signAgencyPolicy(payload({ expiresAt: '2026-12-05T00:00:00Z' }), agency.privateKeyPem);
    const reason = await refusedWith(verifyAgencyPolicy(file, agency.publicKey, NOW), 'expired');
    expect(reason).toContain('2026-12-05');
  });

  it('refuses a file issued before the one held (rollback), accepts the same or a newer one', async () => {
    const held = { issuedAt: '2026-12-03T00:00:00Z', agencyId: 'pemkot-surabaya' };
    const older = await signAgencyPolicy(payload({ issuedAt: '2026-12-01T00:00:00Z' }), agency.privateKeyPem);
    await refusedWith(verifyAgencyPolicy(older, agency.publicKey, NOW, held), 'rollback');
    const same = await signAgencyPolicy(payload({ issuedAt: held.issuedAt }), agency.privateKeyPem);
    expect((await verifyAgencyPolicy(same, agency.publicKey, NOW, held)).ok).toBe(true);
  });

  it('refuses a file for another agency id than the one held', async () => {
    const file = await signAgencyPolicy(payload({ agencyId: 'pemprov-jatim' }), agency.privateKeyPem);
    await refusedWith(
      verifyAgencyPolicy(file, agency.publicKey, NOW, { issuedAt: '2026-11-01T00:00:00Z', agencyId: 'pemkot-surabaya' }),
      'other-agency',
    );
  });

  it('refuses a file issued more than a day ahead of the clock, accepts one a few hours ahead', async () => {
    const future = await signAgencyPolicy(payload({ issuedAt: new Date(NOW + 2 * DAY).toISOString() }), agency.privateKeyPem);
    await refusedWith(verifyAgencyPolicy(future, agency.publicKey, NOW), 'future');
    const soon = await signAgencyPolicy(payload({ issuedAt: new Date(NOW + 3_600_000).toISOString() }), agency.privateKeyPem);
    expect((await verifyAgencyPolicy(soon, agency.publicKey, NOW)).ok).toBe(true);
  });

  it('refuses an oversize file', async () => {
    const big = await signAgencyPolicy(payload({ policy: { extraRules: 'x'.repeat(MAX_POLICY_BYTES) } }), agency.privateKeyPem);
    await refusedWith(verifyAgencyPolicy(big, agency.publicKey, NOW), 'too-large');
  });

  it('refuses a signed rule bundle offered as a policy', async () => {
    const bundle = serializeEnvelope(await signEnvelope(JSON.stringify(payload()), agency.privateKeyPem));
    expect(bundle).toContain('jaga-bundle/1');
    await refusedWith(verifyAgencyPolicy(bundle, agency.publicKey, NOW), 'wrong-format');
  });

  it('refuses a signed payload of the wrong shape', async () => {
    const file = serializeEnvelope(await signEnvelope(JSON.stringify({ policy: {} }), agency.privateKeyPem, 'jaga-policy/1'));
    await refusedWith(verifyAgencyPolicy(file, agency.publicKey, NOW), 'malformed');
  });

  it('gives each refusal its own reason', async () => {
    const reasons = new Set<string>();
    const good = await signAgencyPolicy(payload(), agency.privateKeyPem);
    for (const [file, held] of [
      [good.replace('\\"block\\"', '\\"warn\\"'), undefined],
      [await signAgencyPolicy(payload(), stranger.privateKeyPem), undefined],
      [serializeEnvelope(unsignedEnvelope(JSON.stringify(payload()), 'jaga-policy/1')), undefined],
      [await signAgencyPolicy(payload({ expiresAt: '2026-01-01T00:00:00Z' }), agency.privateKeyPem), undefined],
      [good, { issuedAt: '2026-12-04T00:00:00Z', agencyId: 'pemkot-surabaya' }],
    ] as const) {
      const r = await verifyAgencyPolicy(file, agency.publicKey, NOW, held);
      if (!r.ok) reasons.add(r.reason);
    }
    expect(reasons.size).toBe(5);
  });
});

describe('downloading a policy file', () => {
  const respond = (body: BodyInit, init?: ResponseInit): typeof fetch => (async () => new Response(body, init)) as typeof fetch;

  it('refuses a non-HTTPS URL without asking the network', async () => {
    let asked = false;
    const spy = (async () => {
      asked = true;
      return new Response('');
    }) as typeof fetch;
    await expect(downloadPolicy('http://a.example/p.json', spy)).rejects.toMatchObject({ code: 'not-https' });
    expect(asked).toBe(false);
  });

  it('refuses a body above the size cap while reading it', async () => {
    await expect(downloadPolicy('https://a.example/p.json', respond(new Uint8Array(MAX_POLICY_BYTES + 1)))).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  it('refuses an HTTP error with its status', async () => {
    await expect(downloadPolicy('https://a.example/p.json', respond('no', { status: 404 }))).rejects.toThrow(/HTTP 404/);
  });

  it('gives up on a server that never answers', async () => {
    const never = ((_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      )) as typeof fetch;
    await expect(downloadPolicy('https://a.example/p.json', never, 20)).rejects.toMatchObject({ code: 'download' });
  });

  it('downloads and verifies in one step', async () => {
    const file = await signAgencyPolicy(payload(), agency.privateKeyPem);
    const r = await fetchAgencyPolicy('https://a.example/p.json', agency.publicKey, respond(file), NOW);
    expect(r.ok && r.agencyId).toBe('pemkot-surabaya');
  });
});
