import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/components/options/Options';
import { linkFromHash } from '@/components/options/Enrolment';
import { confirmEnrolment, leaveEnrolment, previewEnrolment, refreshEnrolment } from '@/entrypoints/background/enrolment';
import { resetPolicyState } from '@/entrypoints/background/policy';
import { generateKeys } from '@/rules/signing';
import { buildEnrolmentLink, signAgencyPolicy, type AgencyPolicyPayload } from '@/utils/enrolment';
import { ENROLMENT_KEYS } from '@/utils/enrolment-store';

const URL_ = 'https://jaga.example.go.id/kebijakan.json';
const DAY = 86_400_000;
const agency = await generateKeys();
const stranger = await generateKeys();
const LINK = buildEnrolmentLink({ policyUrl: URL_, publicKey: agency.publicKey, agencyName: 'Pemkot Contoh' });

function payload(overrides: Partial<AgencyPolicyPayload> = {}): AgencyPolicyPayload {
  return {
    agencyName: 'Pemerintah Kota Contoh',
    agencyId: 'pemkot-contoh',
    issuedAt: new Date(Date.now() - DAY).toISOString(),
    expiresAt: new Date(Date.now() + 90 * DAY).toISOString(),
    policy: { actionBySeverity: { high: 'block' }, allowUserDisable: false },
    ...overrides,
  };
}

/** The agency's server (mocked) and the background's real enrolment handlers behind sendMessage. */
let served = '';
const fetchMock = (async (input: RequestInfo | URL) =>
  String(input) === URL_ ? new Response(served) : new Response('not found', { status: 404 })) as typeof fetch;

beforeEach(async () => {
  fakeBrowser.reset();
  resetPolicyState();
  served = await signAgencyPolicy(payload(), agency.privateKeyPem);
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string; link: string; envelope: string }) => {
    if (m.type === 'enrol-preview') return previewEnrolment(m.link, { fetch: fetchMock });
    if (m.type === 'enrol-confirm') return confirmEnrolment(m.link, m.envelope);
    if (m.type === 'enrol-check') return refreshEnrolment({ fetch: fetchMock });
    if (m.type === 'enrol-leave') return leaveEnrolment().then(() => true);
    throw new Error(`unexpected ${m.type}`);
  }) as never);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function openOptions() {
  render(<Options />);
  await screen.findByRole('heading', { level: 1 });
  return within(document.getElementById('daftar') as HTMLElement);
}

async function pasteAndCheck(section: ReturnType<typeof within>, text: string) {
  fireEvent.change(section.getByLabelText('Tautan pendaftaran'), { target: { value: text } });
  fireEvent.click(section.getByRole('button', { name: 'Periksa tautan' }));
}

describe('agency enrolment in the options page', () => {
  it('paste the link, see the agency and what it sets, confirm: the agency is shown as enrolled', async () => {
    const section = await openOptions();
    await pasteAndCheck(section, LINK);
    const preview = await section.findByTestId('enrol-preview');
    expect(within(preview).getByRole('heading', { name: 'Ikuti kebijakan Pemerintah Kota Contoh?' })).toBeTruthy();
    expect(preview.textContent).toContain('Tindakan per tingkat risiko');
    expect(preview.textContent).toContain('"block"');
    expect(await fakeBrowser.storage.local.get(ENROLMENT_KEYS.enrolment)).toEqual({});

    fireEvent.click(within(preview).getByRole('button', { name: 'Ya, ikuti' }));
    const status = await section.findByTestId('enrol-status');
    expect(status.textContent).toContain('Terdaftar di Pemerintah Kota Contoh');
    // applied as a managed policy: the header says so, and switching off is locked
    await waitFor(() => expect(screen.getAllByText('Dikelola oleh instansi: Pemerintah Kota Contoh').length).toBeGreaterThan(0));
    expect((screen.getByRole('checkbox', { name: 'Aktifkan peringatan' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('a refused policy shows why, in Indonesian and with the technical reason, and enrols nothing', async () => {
    served = await signAgencyPolicy(payload(), stranger.privateKeyPem);
    const section = await openOptions();
    await pasteAndCheck(section, LINK);
    const refused = await section.findByTestId('enrol-refused');
    expect(refused.textContent).toContain('ditandatangani kunci lain');
    expect(refused.textContent).toMatch(/signed by key [0-9a-f]{16}/);
    expect(section.queryByTestId('enrol-preview')).toBeNull();
    expect(section.queryByTestId('enrol-status')).toBeNull();
  });

  it('a link with a plain-http policy URL is refused before any download', async () => {
    const section = await openOptions();
    await pasteAndCheck(section, LINK.replace('https%3A', 'http%3A'));
    expect((await section.findByTestId('enrol-refused')).textContent).toContain('harus memakai https');
  });

  it('a later refused check keeps the policy and shows the reason', async () => {
    const section = await openOptions();
    await pasteAndCheck(section, LINK);
    fireEvent.click(within(await section.findByTestId('enrol-preview')).getByRole('button', { name: 'Ya, ikuti' }));
    await section.findByTestId('enrol-status');
    served = await signAgencyPolicy(payload({ issuedAt: new Date(Date.now() - 10 * DAY).toISOString() }), agency.privateKeyPem);
    fireEvent.click(section.getByRole('button', { name: 'Periksa sekarang' }));
    const refused = await section.findByTestId('enrol-refused');
    expect(refused.textContent).toContain('lebih lama daripada kebijakan');
    expect(section.getByTestId('enrol-status').textContent).toContain('kebijakan sah terakhir tetap berlaku');
  });

  it('leaving a policy that forbids switching off asks first, saying the agency is told nothing', async () => {
    const section = await openOptions();
    await pasteAndCheck(section, LINK);
    fireEvent.click(within(await section.findByTestId('enrol-preview')).getByRole('button', { name: 'Ya, ikuti' }));
    await section.findByTestId('enrol-status');
    fireEvent.click(section.getByRole('button', { name: 'Keluar dari instansi' }));
    const ask = section.getByRole('alertdialog');
    expect(ask.textContent).toContain('instansi tidak diberi tahu apa pun');
    fireEvent.click(within(ask).getByRole('button', { name: 'Ya, keluar' }));
    await waitFor(() => expect(section.queryByTestId('enrol-status')).toBeNull());
    expect(await fakeBrowser.storage.local.get(ENROLMENT_KEYS.enrolment)).toEqual({});
  });

  it('an expired enrolment says it no longer applies', async () => {
    const section = await openOptions();
    await pasteAndCheck(section, LINK);
    fireEvent.click(within(await section.findByTestId('enrol-preview')).getByRole('button', { name: 'Ya, ikuti' }));
    await section.findByTestId('enrol-status');
    cleanup();
    render(<Options now={() => Date.now() + 100 * DAY} />);
    const status = await screen.findByTestId('enrol-status');
    expect(status.textContent).toContain('kedaluwarsa');
    expect(status.textContent).toContain('tidak berlaku lagi');
  });

  it('takes the link from the address the protocol handler opens', () => {
    expect(linkFromHash(`#daftar=${encodeURIComponent(LINK)}`)).toBe(LINK);
    expect(linkFromHash('#aturan')).toBe('');
  });
});
