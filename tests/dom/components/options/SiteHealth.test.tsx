/** The options page's site-health panel and its report (no post text). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { SiteHealth, siteHealthReport } from '@/components/options/SiteHealth';
import { emptyCounts } from '@/entrypoints/content/health';
import { siteHealthItem } from '@/utils/storage-items';

const NOW = Date.UTC(2024, 0, 20);
const HEALTH = {
  instagram: { ...emptyCounts(), detected: 7, container: 3, blind: 1, byLabel: 2, unrecognised: 4, labels: { suka: 4 }, hooks: { 'like:like': 5, 'like:post': 5 }, at: NOW },
};

describe('SiteHealth panel', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('shows the stored counters per site and exports a report without post text', async () => {
    await browser.storage.local.set({ [siteHealthItem.key]: HEALTH });
    const download = vi.fn();
    render(<SiteHealth lang="id" download={download} now={() => NOW} />);
    const row = await screen.findByRole('row', { name: /instagram/ });
    expect(row.textContent).toBe('instagram7312400'); // the last two columns: photos sent unchecked, actions without the full rules
    fireEvent.click(screen.getByRole('button', { name: 'Laporkan masalah situs' }));
    expect(download).toHaveBeenCalledTimes(1);
    const [name, mime, text] = download.mock.calls[0]!;
    expect(name).toBe('jaga-netral-situs-2024-01-20.json');
    expect(mime).toBe('application/json');
    const report = JSON.parse(text as string);
    expect(report.sites[0]).toMatchObject({ site: 'instagram', readBlind: 1, unrecognisedLabels: { suka: 4 }, selectorsMatched: { 'like:like': 5 } });
    expect(text).not.toMatch(/"text"|"draft"/);
  });

  it('unreadable stored data shows nothing recorded and disables the report', async () => {
    await browser.storage.local.set({ [siteHealthItem.key]: { instagram: 'broken' } });
    render(<SiteHealth lang="en" />);
    await waitFor(() => expect(screen.getByText('No actions recorded yet.')).toBeTruthy());
    expect((screen.getByRole('button', { name: 'Report a site problem' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('the report names the format and every site', () => {
    const report = JSON.parse(siteHealthReport(HEALTH, NOW));
    expect(report).toMatchObject({ format: 'jaga-netral-site-health/1', createdAt: '2024-01-20T00:00:00.000Z' });
    expect(report.sites.map((s: { site: string }) => s.site)).toEqual(['instagram']);
  });
});

describe('SiteHealth: photos sent unchecked', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('shows the count per site and puts it in the report', async () => {
    await browser.storage.local.set({ [siteHealthItem.key]: { x: { ...emptyCounts(), detected: 1, photoUnchecked: 3, at: NOW } } });
    const download = vi.fn();
    render(<SiteHealth lang="id" download={download} now={() => NOW} />);
    expect(await screen.findByRole('columnheader', { name: 'Foto tak diperiksa' })).toBeTruthy();
    const row = await screen.findByRole('row', { name: /^x/ });
    expect(row.textContent).toBe('x1000030');
    fireEvent.click(screen.getByRole('button', { name: 'Laporkan masalah situs' }));
    expect(JSON.parse(download.mock.calls[0]![2] as string).sites[0]).toMatchObject({ photosUnchecked: 3 });
  });
});

describe('SiteHealth: actions the full rule set could not judge', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('shows how often the background did not answer in time, and puts it in the report', async () => {
    await browser.storage.local.set({ [siteHealthItem.key]: { tiktok: { ...emptyCounts(), detected: 4, rulesUnchecked: 2, at: NOW } } });
    const download = vi.fn();
    render(<SiteHealth lang="id" download={download} now={() => NOW} />);
    expect(await screen.findByRole('columnheader', { name: 'Tanpa aturan lengkap' })).toBeTruthy();
    const row = await screen.findByRole('row', { name: /^tiktok/ });
    expect(row.textContent).toBe('tiktok4000002');
    fireEvent.click(screen.getByRole('button', { name: 'Laporkan masalah situs' }));
    expect(JSON.parse(download.mock.calls[0]![2] as string).sites[0]).toMatchObject({ rulesUnchecked: 2 });
  });
});

