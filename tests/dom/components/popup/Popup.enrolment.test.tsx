import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/popup/Popup';
import { ENROLMENT_KEYS, type EnrolmentRecord } from '@/utils/enrolment-store';

const record: EnrolmentRecord = {
  policyUrl: 'https://jaga.example.go.id/kebijakan.json',
  publicKey: `${'A'.repeat(43)}=`,
  agencyName: 'Pemerintah Kota Contoh',
  agencyId: 'pemkot-contoh',
  issuedAt: '2026-12-01T00:00:00Z',
  expiresAt: '2099-01-01T00:00:00Z',
  policy: { allowPause: false },
  warnings: [],
  envelope: '{}',
  enrolledAt: Date.UTC(2026, 11, 2),
};

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('the popup under an enrolled agency policy', () => {
  it("names the agency next to 'Dikelola oleh instansi'", async () => {
    await fakeBrowser.storage.local.set({
      policy: { allowPause: false },
      [ENROLMENT_KEYS.enrolment]: record,
      [ENROLMENT_KEYS.policySource]: 'enrolled',
    });
    render(<Popup />);
    expect((await screen.findByText(/Dikelola oleh instansi/)).textContent).toBe('Dikelola oleh instansi: Pemerintah Kota Contoh');
  });

  it('does not name it when a managed policy applies instead', async () => {
    await fakeBrowser.storage.local.set({
      policy: { allowPause: true },
      [ENROLMENT_KEYS.enrolment]: record,
      [ENROLMENT_KEYS.policySource]: 'managed',
    });
    render(<Popup />);
    expect((await screen.findByText(/Dikelola oleh instansi/)).textContent).toBe('Dikelola oleh instansi');
  });
});
