import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import { compileBundle } from '@/rules/compile';
import { devBundle } from '../../../unit/rules/helpers';

const compiled = JSON.parse(JSON.stringify(compileBundle(devBundle())));
const ENGINE = { bundleVersion: compiled.bundleVersion, compiled, sites: {}, source: 'default', issuedAt: compiled.issuedAt, expiresAt: compiled.expiresAt };

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('Options page: what is live today', () => {
  it('shows the contests per phase in the rule-set section', async () => {
    await browser.storage.local.set({ engine: ENGINE });
    render(<Options now={() => Date.parse('2024-11-20T10:00:00+07:00')} />);
    await screen.findByRole('heading', { level: 1 });
    const section = document.getElementById('status-aturan')!;
    expect(within(section).getByTestId('today-phases').textContent).toBe(
      'Hari ini: 3 kontestasi masa kampanye, 0 pemungutan suara, 0 pemungutan ulang. Nama, lambang dan akun partai politik tetap dihitung.',
    );
  });
});
