import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import { logToCsv, logToJson } from '@/components/options/log-export';
import { compileBundle } from '@/rules/compile';
import type { LogEntry } from '@/utils/messages';
import { SettingsSchema } from '@/utils/settings';
import { devBundle } from '../../../unit/rules/helpers';
import { axeViolations } from '../fixtures';

const NOW = new Date('2024-01-20T10:00:00+07:00').getTime(); // Pilpres 2024 campaign period
const now = () => NOW;

const compiled = JSON.parse(JSON.stringify(compileBundle(devBundle())));
const ENGINE = { bundleVersion: compiled.bundleVersion, compiled, sites: {}, source: 'default', issuedAt: compiled.issuedAt, expiresAt: compiled.expiresAt };

const LOG: LogEntry[] = [
  { time: NOW - 60_000, site: 'x', action: 'like', severity: 'high', entities: ['Pilpres 2024, nomor urut 02: Prabowo Subianto – Gibran Rakabuming Raka'], decision: 'cancelled', text: 'Ayo coblos 02' },
  { time: NOW - 30_000, site: 'instagram', action: 'share', detail: 'repost', severity: 'medium', entities: ['Partai Gerindra'], decision: 'proceeded', reason: 'Bukan konten kampanye' },
];

async function stored() {
  return SettingsSchema.parse((await browser.storage.local.get('settings')).settings ?? {});
}

async function mount(props: Parameters<typeof Options>[0] = {}) {
  const view = render(<Options now={now} {...props} />);
  await screen.findByRole('heading', { level: 1 });
  return view;
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('Options page', () => {
  it('turns a site off and saves validated settings', async () => {
    await mount();
    const tiktok = screen.getByRole('checkbox', { name: 'TikTok' });
    expect((tiktok as HTMLInputElement).checked).toBe(true);
    fireEvent.click(tiktok);
    await waitFor(async () => expect((await stored()).sites.tiktok).toBe(false));
  });

  it('sets a threshold per action kind and the action per severity', async () => {
    await mount();
    fireEvent.change(screen.getByRole('combobox', { name: 'Menyukai' }), { target: { value: 'high' } });
    await waitFor(async () => expect((await stored()).minSeverityByAction.like).toBe('high'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Sedang' }), { target: { value: 'warn_reason' } });
    await waitFor(async () => expect((await stored()).actionBySeverity.medium).toBe('warn_reason'));
  });

  it('switches the language to English, and picks a province', async () => {
    await mount();
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    await screen.findByRole('heading', { level: 1, name: 'Jaga Netral settings' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Work region (Kemendagri code)' }), { target: { value: '35' } });
    await waitFor(async () => expect((await stored()).region).toBe('35'));
    const detail = await screen.findByRole('textbox', { name: 'Regency/city code (optional)' });
    fireEvent.change(detail, { target: { value: '36.01' } });
    expect(detail.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(detail, { target: { value: '35.78' } });
    fireEvent.blur(detail);
    await waitFor(async () => expect((await stored()).region).toBe('35.78'));
  });

  it('shows policy-managed settings read-only with a lock, and the policy warnings', async () => {
    await browser.storage.local.set({
      policy: { enabledSites: ['x', 'facebook'], actionBySeverity: { high: 'block' }, allowUserDisable: false, language: 'id' },
      policyWarnings: ['updateIntervalHours: expected number — ignored'],
    });
    await mount();
    expect((screen.getByRole('checkbox', { name: 'Aktifkan peringatan' }) as HTMLInputElement).disabled).toBe(true);
    const tiktok = screen.getByRole('checkbox', { name: 'TikTok' }) as HTMLInputElement;
    expect(tiktok.disabled).toBe(true);
    expect(tiktok.checked).toBe(false);
    const high = screen.getByRole('combobox', { name: 'Tinggi' }) as HTMLSelectElement;
    expect(high.disabled).toBe(true);
    expect(high.value).toBe('block');
    expect((screen.getByRole('radio', { name: 'English' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getAllByText('Dikunci oleh kebijakan instansi').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByText('updateIntervalHours: expected number — ignored')).toBeTruthy();
  });

  it('under a policy, the thresholds and the training date are shown locked with the policy\'s values', async () => {
    await browser.storage.local.set({
      settings: { minSeverityByAction: { like: 'high', follow: 'high' }, simulatedDate: '2000-01-01' },
      policy: { allowUserDisable: false, actionBySeverity: { high: 'block', medium: 'block' } },
    });
    await mount();
    for (const name of ['Menyukai', 'Mengikuti / bergabung', 'Membagikan']) {
      const select = screen.getByRole('combobox', { name }) as HTMLSelectElement;
      expect(select.disabled).toBe(true);
      expect(select.value).toBe('low');
    }
    const date = screen.getByLabelText('Mode latihan (tanggal simulasi)') as HTMLInputElement;
    expect(date.disabled).toBe(true);
    expect(date.value).toBe('');
    expect(screen.queryByRole('button', { name: 'Pakai tanggal hari ini' })).toBeNull();
    const actions = within(document.getElementById('tindakan')!);
    expect(actions.getAllByText('Dikunci oleh kebijakan instansi').length).toBeGreaterThanOrEqual(2);
    expect(within(document.getElementById('bahasa')!).getByText('Dikunci oleh kebijakan instansi')).toBeTruthy();
    const policy = within(document.getElementById('kebijakan')!);
    expect(policy.getByText('Ambang per tindakan')).toBeTruthy();
    expect(policy.getByText('Mode latihan tidak diizinkan')).toBeTruthy();
  });

  it('where switching off is forbidden, a severity cannot be set weaker than the default', async () => {
    await browser.storage.local.set({ policy: { allowUserDisable: false } });
    await mount();
    const high = screen.getByRole('combobox', { name: 'Tinggi' }) as HTMLSelectElement;
    expect(high.disabled).toBe(false);
    const disabled = [...high.options].filter((o) => o.disabled).map((o) => o.value);
    expect(disabled).toEqual(['off', 'log']);
    const low = screen.getByRole('combobox', { name: 'Rendah' }) as HTMLSelectElement;
    expect([...low.options].filter((o) => o.disabled).map((o) => o.value)).toEqual(['off']);
    // every site stays on, locked
    expect((screen.getByRole('checkbox', { name: 'TikTok' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('an agency that allows them leaves thresholds and the training date to the user', async () => {
    await browser.storage.local.set({ policy: { allowUserThresholds: true, allowTrainingMode: true, allowPause: false } });
    await mount();
    expect((screen.getByRole('combobox', { name: 'Menyukai' }) as HTMLSelectElement).disabled).toBe(false);
    const date = screen.getByLabelText('Mode latihan (tanggal simulasi)') as HTMLInputElement;
    expect(date.disabled).toBe(false);
    fireEvent.change(date, { target: { value: '2024-01-20' } });
    await waitFor(async () => expect((await stored()).simulatedDate).toBe('2024-01-20'));
  });

  it('shows the rule-set status and sends update-now, showing the result and the last error', async () => {
    await browser.storage.local.set({ engine: ENGINE, updateStatus: { time: NOW - 5000, url: 'https://rules.example/b.json', result: 'error', reason: 'signature invalid' } });
    const onMessage = vi.fn(() => Promise.resolve({ result: 'updated' }));
    fakeBrowser.runtime.onMessage.addListener(onMessage);
    await mount();
    const section = within(document.getElementById('status-aturan')!);
    expect(section.getByText(`Versi ${ENGINE.bundleVersion}`)).toBeTruthy();
    expect(section.getByText(/Pembaruan terakhir/).textContent).toContain('gagal');
    expect(section.getByText(/signature invalid/)).toBeTruthy();
    fireEvent.click(section.getByRole('button', { name: 'Perbarui sekarang' }));
    await waitFor(() => expect(section.getByRole('status').textContent).toBe('Aturan baru sudah dipasang.'));
    expect(onMessage).toHaveBeenCalledWith({ type: 'update-now' }, expect.anything());
    await browser.storage.local.set({ updateStatus: { time: NOW, result: 'updated' } });
    await waitFor(() => expect(section.getByText(/Pembaruan terakhir/).textContent).toContain('berhasil'));
  });

  it('says so when the background cannot update yet', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.reject(new Error('invalid message')));
    await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Perbarui sekarang' }));
    await waitFor(() => expect(screen.getByText('Pembaruan dari server belum tersedia di versi ini.')).toBeTruthy());
  });

  it('"Coba teks" runs the stored engine on pasted text and highlights what matched', async () => {
    await browser.storage.local.set({ engine: ENGINE });
    await mount();
    const section = within(document.getElementById('coba')!);
    fireEvent.change(section.getByRole('textbox', { name: 'Teks untuk diperiksa' }), {
      target: { value: 'Ayo menangkan Prabowo Gibran! #PrabowoGibran2024' },
    });
    fireEvent.click(section.getByRole('button', { name: 'Periksa' }));
    expect(await section.findByText('Tinggi')).toBeTruthy();
    const marks = [...document.querySelectorAll('#coba mark')].map((m) => m.textContent);
    expect(marks.join(' ')).toContain('Prabowo');
    expect(section.getAllByRole('listitem').map((li) => li.textContent).join('\n')).toContain('nomor urut 02');
  });

  it('"Coba teks" says nothing was found in neutral text', async () => {
    await browser.storage.local.set({ engine: ENGINE });
    await mount();
    const section = within(document.getElementById('coba')!);
    fireEvent.change(section.getByRole('textbox', { name: 'Teks untuk diperiksa' }), { target: { value: 'Selamat pagi, rapat dinas jam 9.' } });
    fireEvent.click(section.getByRole('button', { name: 'Periksa' }));
    expect(await section.findByText('Tidak ada yang terdeteksi.')).toBeTruthy();
  });

  it('shows the decision log without post text unless the user opts in', async () => {
    await browser.storage.local.set({ decisionLog: LOG });
    await mount();
    const log = within(document.getElementById('catatan')!);
    const rows = log.getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.textContent).toContain('Instagram'); // newest first
    expect(rows[1]!.textContent).toContain('Bukan konten kampanye');
    expect(log.queryByText('Ayo coblos 02')).toBeNull();
    fireEvent.click(log.getByRole('checkbox', { name: /Simpan juga teks postingan/ }));
    await waitFor(async () => expect((await stored()).logContent).toBe(true));
    expect(await log.findByText('Ayo coblos 02')).toBeTruthy();
  });

  it('exports CSV and JSON and clears the log after confirmation', async () => {
    await browser.storage.local.set({ decisionLog: LOG });
    const download = vi.fn();
    await mount({ download });
    const log = within(document.getElementById('catatan')!);
    fireEvent.click(log.getByRole('button', { name: 'Ekspor CSV' }));
    fireEvent.click(log.getByRole('button', { name: 'Ekspor JSON' }));
    expect(download.mock.calls.map((c) => c[0])).toEqual([expect.stringMatching(/\.csv$/), expect.stringMatching(/\.json$/)]);
    const csv = download.mock.calls[0]![2] as string;
    expect(csv.split('\r\n')[0]).toBe('time,site,action,detail,severity,entities,decision,reason');
    expect(csv).not.toContain('Ayo coblos 02');
    expect(JSON.parse(download.mock.calls[1]![2] as string).entries).toHaveLength(2);

    fireEvent.click(log.getByRole('button', { name: 'Hapus catatan' }));
    expect((await browser.storage.local.get('decisionLog')).decisionLog).toHaveLength(2);
    fireEvent.click(log.getByRole('button', { name: 'Ya, hapus semua' }));
    await waitFor(async () => expect((await browser.storage.local.get('decisionLog')).decisionLog).toEqual([]));
    expect(await log.findByText('Catatan masih kosong.')).toBeTruthy();
  });

  it('exports text only with the opt-in, and defuses spreadsheet formulas', () => {
    const withText = logToCsv(LOG, true);
    expect(withText.split('\r\n')[0]).toMatch(/,text$/);
    expect(withText).toContain('"Ayo coblos 02"');
    expect(logToCsv([{ ...LOG[1]!, reason: '=HYPERLINK("x")' }], false)).toContain(`"'=HYPERLINK(""x"")"`);
    expect(logToJson(LOG, false)).not.toContain('Ayo coblos 02');
  });

  it('has an "Aturan" section with sources (the dialog links to #aturan)', async () => {
    await mount();
    const rules = within(document.getElementById('aturan')!);
    expect(rules.getByRole('heading', { name: 'SKB Netralitas ASN 2022' })).toBeTruthy();
    expect(rules.getByRole('heading', { name: 'PP 94/2021 tentang Disiplin PNS' })).toBeTruthy();
    expect(rules.getByRole('heading', { name: 'UU 20/2023 tentang ASN' })).toBeTruthy();
    expect(rules.getAllByRole('link').length).toBeGreaterThanOrEqual(3);
  });

  describe('accessibility (axe-core)', () => {
    for (const language of ['id', 'en'] as const) {
      it(`0 violations (${language}), with rules, log, policy and a checked text`, async () => {
        await browser.storage.local.set({
          settings: { language, region: '35', logContent: true },
          engine: ENGINE,
          decisionLog: LOG,
          policy: { allowPause: false, enabledSites: ['x'] },
          policyWarnings: ['foo: unknown policy key, ignored'],
          errors: [{ time: NOW, stage: 'content', message: 'TypeError: x' }],
        });
        const { container } = await mount();
        const box = screen.getByRole('textbox', { name: language === 'id' ? 'Teks untuk diperiksa' : 'Text to check' });
        fireEvent.change(box, { target: { value: 'Coblos Prabowo Gibran' } });
        fireEvent.click(screen.getByRole('button', { name: language === 'id' ? 'Periksa' : 'Check' }));
        await screen.findByText(language === 'id' ? 'Tingkat risiko:' : 'Risk level:');
        expect(await axeViolations(container)).toEqual([]);
      });
    }
  });
});
