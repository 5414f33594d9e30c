import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import { Popup } from '@/components/popup/Popup';
import { compileBundle } from '@/rules/compile';
import { SettingsSchema } from '@/utils/settings';
import { devBundle } from '../../../unit/rules/helpers';
import { axeViolations } from '../fixtures';

/** Training mode: the simulated date is set in the options page and announced in the popup. */
const NOW = new Date('2026-11-23T10:00:00+07:00').getTime(); // no campaign running
const now = () => NOW;
const compiled = JSON.parse(JSON.stringify(compileBundle(devBundle())));
const ENGINE = { bundleVersion: compiled.bundleVersion, compiled, sites: {}, source: 'default' };

async function stored() {
  return SettingsSchema.parse((await browser.storage.local.get('settings')).settings ?? {});
}

beforeEach(async () => {
  fakeBrowser.reset();
  await browser.storage.local.set({ engine: ENGINE });
});
afterEach(cleanup);

describe('training mode', () => {
  it('saves a simulated date from the options page and clears it again', async () => {
    render(<Options now={now} />);
    const input = await screen.findByLabelText('Mode latihan (tanggal simulasi)');
    fireEvent.change(input, { target: { value: '2024-01-20' } });
    await waitFor(async () => expect((await stored()).simulatedDate).toBe('2024-01-20'));
    fireEvent.click(await screen.findByRole('button', { name: 'Pakai tanggal hari ini' }));
    await waitFor(async () => expect((await stored()).simulatedDate).toBeUndefined());
  });

  it('makes "Coba teks" judge as on the simulated date', async () => {
    await browser.storage.local.set({ settings: { simulatedDate: '2024-01-20' } });
    const { container } = render(<Options now={now} />);
    await screen.findByRole('heading', { level: 1 });
    const box = await waitFor(() => {
      const el = container.querySelector('.try-text textarea');
      if (!el) throw new Error('no Coba teks box yet');
      return el;
    });
    fireEvent.change(box, { target: { value: 'Ayo coblos 02! #PrabowoGibran2024' } });
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    await waitFor(() => expect(container.querySelector('.try-result .sev')?.className).toContain('sev-high'));
  });

  it('is announced in the popup while on, and absent otherwise', async () => {
    const view = render(<Popup now={now} />);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText(/Mode latihan/)).toBeNull();
    view.unmount();
    await browser.storage.local.set({ settings: { simulatedDate: '2024-01-20' } });
    const { container } = render(<Popup now={now} />);
    expect(await screen.findByText(/Mode latihan: konten dinilai seperti pada/)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });
});
