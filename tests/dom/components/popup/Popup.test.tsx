import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { Popup, PAUSE_MS } from '@/components/popup/Popup';
import { weekStats } from '@/components/shared/store';
import type { LogEntry } from '@/utils/messages';
import { axeViolations } from '../fixtures';
import { installFakePermissions } from '../fake-permissions';
import { matchesForHosts } from '@/utils/hosts';

const NOW = new Date('2026-02-11T10:00:00+07:00').getTime();
const DAY = 86_400_000;
const now = () => NOW;

function entry(daysAgo: number, decision: LogEntry['decision']): LogEntry {
  return { time: NOW - daysAgo * DAY, site: 'x', action: 'like', severity: 'high', entities: ['Pilpres 2024, nomor urut 02: …'], decision };
}

const ENGINE = { bundleVersion: 7, compiled: {}, sites: {}, source: 'update', issuedAt: '2026-01-20T00:00:00Z', expiresAt: '2026-07-01T00:00:00Z' };

async function settings() {
  return (await browser.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
}

async function mount() {
  const view = render(<Popup now={now} />);
  await screen.findByRole('heading', { level: 1 });
  return view;
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('Popup', () => {
  it('switches protection off and on through storage.local settings', async () => {
    await mount();
    const toggle = screen.getByRole('switch', { name: 'Perlindungan' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(async () => expect((await settings())?.enabled).toBe(false));
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    fireEvent.click(toggle);
    await waitFor(async () => expect((await settings())?.enabled).toBe(true));
  });

  it('shows "Dikelola oleh instansi" with a lock and no switch when policy forbids disabling', async () => {
    await browser.storage.local.set({ policy: { allowUserDisable: false, allowPause: false }, settings: { enabled: false } });
    await mount();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.getByText('Dikelola oleh instansi')).toBeTruthy();
    expect(screen.getByText('Dikunci oleh kebijakan instansi')).toBeTruthy();
    // the policy keeps it on, and pausing is hidden
    expect(screen.getByText('Aktif')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Jeda 1 jam' })).toBeNull();
  });

  it('pauses for one hour and resumes', async () => {
    await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Jeda 1 jam' }));
    await waitFor(async () => expect((await settings())?.pausedUntil).toBe(NOW + PAUSE_MS));
    const resume = await screen.findByRole('button', { name: 'Lanjutkan sekarang' });
    expect(screen.getByText(/Dijeda sampai/)).toBeTruthy();
    fireEvent.click(resume);
    await waitFor(async () => expect((await settings())?.pausedUntil).toBe(0));
  });

  it('shows the rule-set version, date and the last update result', async () => {
    await browser.storage.local.set({ engine: ENGINE, updateStatus: { time: NOW - 3600_000, url: 'https://rules.example/b.json', result: 'updated' } });
    await mount();
    expect(screen.getByText('Versi 7')).toBeTruthy();
    expect(screen.getByText(/terbit/).textContent).toContain('2026');
    expect(screen.getByText(/Pembaruan terakhir/).textContent).toContain('berhasil');
    expect(screen.queryByText('kedaluwarsa')).toBeNull();
  });

  it('marks an expired rule set "kedaluwarsa"', async () => {
    await browser.storage.local.set({ engine: { ...ENGINE, expiresAt: '2026-01-31T00:00:00Z' } });
    await mount();
    expect(screen.getByText('kedaluwarsa')).toBeTruthy();
  });

  it('counts this week’s warnings, cancelled vs proceeded, from the decision log', async () => {
    const log = [entry(0, 'cancelled'), entry(0, 'proceeded'), entry(2, 'cancelled'), entry(6, 'blocked'), entry(9, 'cancelled'), entry(1, 'logged')];
    await browser.storage.local.set({ decisionLog: log });
    await mount();
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/^4 peringatan dalam 7 hari/);
    const counts = within(document.querySelector('dl.counts') as HTMLElement);
    expect(counts.getByText('Dibatalkan').closest('div')!.querySelector('dd')!.textContent).toBe('2');
    expect(counts.getByText('Dilanjutkan').closest('div')!.querySelector('dd')!.textContent).toBe('1');
    const stats = weekStats(log, NOW);
    expect([stats.cancelled, stats.proceeded, stats.blocked, stats.logged]).toEqual([2, 1, 1, 1]);
    expect(stats.days.map((d) => d.shown)).toEqual([1, 0, 0, 0, 1, 0, 2]);
  });

  it('picks up changes live and speaks English when the language setting says so', async () => {
    await mount();
    await browser.storage.local.set({ settings: { language: 'en' } });
    expect(await screen.findByRole('button', { name: 'Pause for 1 hour' })).toBeTruthy();
    expect(screen.getByText('No warnings this week.')).toBeTruthy();
  });

  describe('accessibility (axe-core)', () => {
    for (const language of ['id', 'en'] as const) {
      it(`0 violations (${language}), with data`, async () => {
        await browser.storage.local.set({ settings: { language }, engine: ENGINE, decisionLog: [entry(0, 'cancelled'), entry(1, 'proceeded')] });
        const { container } = await mount();
        expect(await axeViolations(container)).toEqual([]);
      });
    }
    it('0 violations when managed and paused state', async () => {
      await browser.storage.local.set({ policy: { allowUserDisable: false }, settings: { pausedUntil: NOW + 1000 } });
      const { container } = await mount();
      expect(await axeViolations(container)).toEqual([]);
    });
  });

  describe('host access', () => {
    const ALL = ['facebook.com', 'instagram.com', 'x.com', 'twitter.com', 'tiktok.com', 'youtube.com', 'threads.net', 'threads.com', 'web.whatsapp.com'];
    const X = matchesForHosts(['x.com', 'twitter.com']);

    it('warns when an enabled site lacks access, with a link to the options step', async () => {
      installFakePermissions(matchesForHosts(ALL).filter((o) => !X.includes(o)));
      const created: string[] = [];
      browser.tabs.create = (async (props: { url?: string }) => {
        created.push(props.url ?? '');
        return {} as never;
      }) as typeof browser.tabs.create;
      await mount();
      const warning = await screen.findByTestId('host-access-warning');
      expect(warning.getAttribute('role')).toBe('status');
      expect(warning.textContent).toContain('X (Twitter)');
      fireEvent.click(within(warning).getByRole('button', { name: 'Izinkan di situs-situs ini' }));
      await waitFor(() => expect(created).toEqual([expect.stringMatching(/\/options\.html#izin$/)]));
    });

    it('says nothing when every enabled site has access (a site switched off does not count)', async () => {
      installFakePermissions(matchesForHosts(ALL).filter((o) => !X.includes(o)));
      await browser.storage.local.set({ settings: { sites: { x: false } } });
      await mount();
      // the status has been read (one contains per site) and rendered
      await waitFor(() => expect(browser.permissions.contains).toHaveBeenCalledTimes(7));
      await act(async () => {});
      expect(screen.queryByTestId('host-access-warning')).toBeNull();
    });
  });

  it('shows what is live today: no campaign in December 2026, parties still count', async () => {
    const { compileBundle } = await import('@/rules/compile');
    const { devBundle } = await import('../../../unit/rules/helpers');
    const compiled = JSON.parse(JSON.stringify(compileBundle(devBundle())));
    await browser.storage.local.set({ engine: { ...ENGINE, compiled } });
    render(<Popup now={() => Date.parse('2026-12-06T09:00:00+07:00')} />);
    const line = await screen.findByTestId('today-phases');
    expect(line.textContent).toContain('Hari ini: 0 kontestasi masa kampanye, 0 pemungutan suara, 0 pemungutan ulang.');
    expect(line.textContent).toContain('partai politik tetap dihitung');
  });
});
