import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { browser } from 'wxt/browser';
import { WarningDialog } from '@/components/WarningDialog';
import type { DialogRequest, DialogResult } from '@/utils/dialog-api';
import { ACTION_DETAILS, ACTION_KINDS } from '@/rules/actions';
import { headline } from '@/components/strings';
import { axeViolations, request } from './fixtures';

afterEach(cleanup);

const always = () => true;

function show(req: DialogRequest, trusted?: (e: Event) => boolean) {
  const onDone = vi.fn<(r: DialogResult) => void>();
  const view = render(
    <WarningDialog request={req} onDone={onDone} rulesUrl="chrome-extension://id/options.html#aturan" {...(trusted ? { isTrusted: trusted } : {})} />,
  );
  return { onDone, view, dialog: screen.getByRole('alertdialog') };
}

describe('WarningDialog', () => {
  it('keeps the contract: alertdialog, aria-modal, labelled, test ids', () => {
    const { dialog } = show(request());
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByTestId('jaga-cancel').textContent).toBe('Batal');
    expect(screen.getByTestId('jaga-proceed').textContent).toBe('Tetap lanjutkan');
  });

  it.each(ACTION_KINDS)('headline names the action: %s', (action) => {
    show(request({ action }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(headline('id', action));
  });

  it('uses the precise verb when the adapter gives one, in both languages', () => {
    show(request({ action: 'share', detail: 'repost' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Anda akan memposting ulang konten kampanye');
    cleanup();
    show(request({ action: 'comment', detail: 'reply', language: 'en' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('You are about to reply to campaign content');
    for (const d of ACTION_DETAILS) expect(headline('id', 'like', d)).toMatch(/^Anda akan /);
  });

  it('highlights the matched words in the excerpt', () => {
    const { dialog } = show(request());
    const marks = [...dialog.querySelectorAll('blockquote mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Prabowo', '#PrabowoGibran2024']);
  });

  it('names the contest and ballot number of what matched', () => {
    const { dialog } = show(request());
    const items = within(dialog).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain('Pilpres 2024, nomor urut 02: Prabowo Subianto');
    expect(items.join('\n')).toContain('Pilpres 2024, nomor urut 02: Prabowo Subianto – Gibran Rakabuming Raka');
    // the label that already carries the contest is not prefixed twice
    expect(items.join('\n')).not.toContain('Pilpres 2024, nomor urut 02: Pilpres 2024');
  });

  it('explains why with the SKB 2022, PP 94/2021 and UU 20/2023 and links to the rules', () => {
    const { dialog } = show(request());
    expect(dialog.textContent).toContain('SKB Netralitas ASN 2022');
    expect(dialog.textContent).toContain('PP 94/2021');
    expect(dialog.textContent).toContain('UU 20/2023');
    expect(dialog.textContent).toContain('hukuman disiplin berat');
    const link = within(dialog).getByRole('link', { name: /Pelajari aturannya/ });
    expect(link.getAttribute('href')).toContain('#aturan');
  });

  it('focuses Batal by default', () => {
    show(request());
    expect(document.activeElement).toBe(screen.getByTestId('jaga-cancel'));
  });

  it('Esc cancels', () => {
    const { dialog, onDone } = show(request(), always);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onDone).toHaveBeenCalledWith({ choice: 'cancel' });
  });

  it('ignores untrusted (scripted) clicks and keys: proceed, cancel and Esc do nothing', () => {
    const { dialog, onDone } = show(request()); // default check: event.isTrusted, false in happy-dom
    fireEvent.click(screen.getByTestId('jaga-proceed'));
    screen.getByTestId('jaga-proceed').click();
    fireEvent.click(screen.getByTestId('jaga-cancel'));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onDone).not.toHaveBeenCalled();
  });

  it('proceeds and cancels on trusted clicks', () => {
    const { onDone } = show(request(), always);
    fireEvent.click(screen.getByTestId('jaga-proceed'));
    expect(onDone).toHaveBeenLastCalledWith({ choice: 'proceed' });
    cleanup();
    const second = show(request(), always);
    fireEvent.click(screen.getByTestId('jaga-cancel'));
    expect(second.onDone).toHaveBeenLastCalledWith({ choice: 'cancel' });
  });

  it('refuses a proceed click the visibility check rejects (the dialog was hidden), and keeps the dialog open', () => {
    const onDone = vi.fn<(r: DialogResult) => void>();
    const confirmProceed = vi.fn<(event: MouseEvent, button: HTMLButtonElement) => boolean>(() => false);
    render(<WarningDialog request={request()} onDone={onDone} isTrusted={always} confirmProceed={confirmProceed} />);
    fireEvent.click(screen.getByTestId('jaga-proceed'));
    expect(confirmProceed).toHaveBeenCalledWith(expect.any(MouseEvent), screen.getByTestId('jaga-proceed'));
    expect(onDone).not.toHaveBeenCalled();
    // Batal needs no check: cancelling is always safe.
    fireEvent.click(screen.getByTestId('jaga-cancel'));
    expect(onDone).toHaveBeenCalledWith({ choice: 'cancel' });
  });

  it('warn_reason: proceed needs a reason, and "Lainnya" needs text', () => {
    const { onDone } = show(request({ mode: 'warn_reason' }), always);
    const proceed = screen.getByTestId('jaga-proceed') as HTMLButtonElement;
    expect(proceed.disabled).toBe(true);
    fireEvent.click(proceed);
    expect(onDone).not.toHaveBeenCalled();

    fireEvent.click(screen.getByLabelText('Lainnya'));
    expect(proceed.disabled).toBe(true);
    const text = screen.getByRole('textbox', { name: 'Tulis alasan Anda' });
    fireEvent.change(text, { target: { value: 'ok' } });
    expect(proceed.disabled).toBe(true);
    fireEvent.change(text, { target: { value: 'Memantau akun untuk Bawaslu' } });
    expect(proceed.disabled).toBe(false);
    fireEvent.click(proceed);
    expect(onDone).toHaveBeenCalledWith({ choice: 'proceed', reason: 'Memantau akun untuk Bawaslu' });
  });

  it('warn_reason: a listed reason is passed on', () => {
    const { onDone } = show(request({ mode: 'warn_reason', language: 'en' }), always);
    fireEvent.click(screen.getByLabelText('News or official information'));
    fireEvent.click(screen.getByTestId('jaga-proceed'));
    expect(onDone).toHaveBeenCalledWith({ choice: 'proceed', reason: 'News or official information' });
  });

  it('block mode has no proceed button and says why', () => {
    const { dialog, onDone } = show(request({ mode: 'block' }), always);
    expect(screen.queryByTestId('jaga-proceed')).toBeNull();
    expect(dialog.textContent).toContain('Instansi Anda tidak mengizinkan tindakan ini.');
    fireEvent.click(screen.getByTestId('jaga-cancel'));
    expect(onDone).toHaveBeenCalledWith({ choice: 'cancel' });
  });

  it('"Salah deteksi?" prepares a report the user reads; nothing is sent without their action', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const sendSpy = vi.spyOn(browser.runtime, 'sendMessage');
    const openSpy = vi.spyOn(window, 'open');
    const { dialog, onDone } = show(request(), always);
    const toggle = within(dialog).getByRole('button', { name: 'Salah deteksi?' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const report = within(dialog).getByRole('textbox', { name: /Isi laporan/ }) as HTMLTextAreaElement;
    expect(report.value).toContain('Laporan salah deteksi Jaga Netral');
    expect(report.value).toContain('Pilpres 2024, nomor urut 02: Prabowo Subianto');
    expect(report.value).not.toContain('https://'); // no page URL
    expect(dialog.textContent).toContain('Laporan ini belum dikirim');
    fireEvent.change(report, { target: { value: `${report.value}Ini berita resmi KPU.` } });
    const mail = within(dialog).getByRole('link', { name: 'Kirim lewat surel' });
    expect(decodeURIComponent(mail.getAttribute('href')!)).toContain('Ini berita resmi KPU.');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(sendSpy).not.toHaveBeenCalled();
    expect(openSpy).not.toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows the short form after several full explanations', () => {
    const { dialog } = show(request({ compact: true }));
    expect(dialog.textContent).toContain('dapat melanggar SKB Netralitas ASN 2022');
    expect(dialog.textContent).not.toContain('PP 94/2021');
    expect(within(dialog).queryByRole('list')).toBeNull();
    expect(dialog.textContent).toContain('Prabowo');
    expect(within(dialog).getByRole('link', { name: /Pelajari aturannya/ })).toBeTruthy();
  });

  it('looks different by severity', () => {
    for (const severity of ['high', 'medium', 'low'] as const) {
      const { dialog } = show(request({ severity }));
      expect(dialog.className).toContain(`severity-${severity}`);
      cleanup();
    }
  });

  it('traps focus: Tab from the last control goes to the first, Shift+Tab back', () => {
    const { dialog } = show(request(), always);
    const cancel = screen.getByTestId('jaga-cancel');
    const first = within(dialog).getByRole('link', { name: /Pelajari aturannya/ });
    cancel.focus();
    fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(cancel);
  });

  it('speaks English when the language setting says so', () => {
    const { dialog } = show(request({ language: 'en' }));
    expect(dialog.getAttribute('lang')).toBe('en');
    expect(screen.getByTestId('jaga-cancel').textContent).toBe('Cancel');
    expect(dialog.textContent).toContain('Pilpres 2024, ballot number 02: Prabowo Subianto');
  });

  describe('accessibility (axe-core)', () => {
    const modes = ['warn', 'warn_reason', 'block'] as const;
    for (const language of ['id', 'en'] as const) {
      for (const mode of modes) {
        for (const compact of [false, true]) {
          it(`0 violations: ${language}, ${mode}${compact ? ', short form' : ''}`, async () => {
            const { view } = show(request({ language, mode, compact }), always);
            if (mode === 'warn_reason') fireEvent.click(screen.getAllByRole('radio').at(-1)!);
            fireEvent.click(screen.getByRole('button', { name: language === 'id' ? 'Salah deteksi?' : 'Wrong detection?' }));
            expect(await axeViolations(view.container)).toEqual([]);
          });
        }
      }
    }
  });
});

describe('excerpt choice', () => {
  it('prefers the post text over the author name at equal severity', async () => {
    const { excerptFor } = await import('@/components/excerpt');
    const req = request({
      content: { text: 'Ayo coblos 02!', author: 'Relawan Garuda' },
      reasons: [
        { kind: 'party', label: 'Partai Garda Perubahan Indonesia (Garuda)', field: 'author', span: [8, 14], matched: 'Garuda', severity: 'high' },
        { kind: 'ballot-number', label: 'Nomor urut 2', field: 'text', span: [11, 13], matched: '02', severity: 'high' },
      ],
    });
    const excerpt = excerptFor(req.content, req.reasons)!;
    expect(excerpt.field).toBe('text');
    expect(excerpt.segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['02']);
  });

  it('names a photo gesture from its id alone, in the dialog language, also in the compact form', () => {
    const photo = { thumbnail: 'data:image/png;base64,iVBORw0KGgo=', photos: 1, gestures: [{ id: 'two' as const, box: [0.1, 0.1, 0.3, 0.3] as [number, number, number, number] }] };
    show(request({ photo, content: {}, severity: 'medium', reasons: [] }));
    const figure = screen.getByTestId('jaga-photo');
    expect(figure.textContent).toContain('dua jari / V');
    expect(figure.textContent).toContain('nomor urut 2');
    expect(figure.querySelector('[data-gesture="two"]')).toBeTruthy();
    cleanup();
    show(request({ photo, language: 'en' }));
    expect(screen.getByTestId('jaga-photo').textContent).toContain('two fingers / V');
    cleanup();
    show(request({ photo, compact: true, content: {}, severity: 'medium', reasons: [] }));
    expect(screen.getByRole('alertdialog').querySelector('.matched-short strong')?.textContent).toBe('dua jari / V');
  });
});
