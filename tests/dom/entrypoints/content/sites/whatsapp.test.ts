import { beforeEach, describe, expect, it } from 'vitest';
import whatsapp from '@/entrypoints/content/sites/whatsapp';
import { $, click, key, loadFixture } from './load-fixture';

function typeInto(el: Element, text: string): void {
  el.innerHTML = `<p class="selectable-text copyable-text"><span data-lexical-text="true">${text}</span></p>`;
}

describe.each([
  { lang: 'id', page: 'whatsapp/chat-id.html', group: 'Relawan 02 Kecamatan Cibinong', m1: 'Ayo coblos nomor urut 02 Prabowo-Gibran! Kumpul di posko jam 7 pagi #PrabowoGibran2024', tag: 'PrabowoGibran2024' },
  { lang: 'en', page: 'whatsapp/chat-en.html', group: 'Arisan RT 05', m1: 'Dukung AMIN nomor urut 1 ya ibu-ibu! #AMIN2024', tag: 'AMIN2024' },
])('WhatsApp Web adapter, $lang UI', (f) => {
  beforeEach(() => {
    whatsapp.reset();
    loadFixture(f.page);
  });

  it('send: Enter in the footer composer → post/send with the draft and the chat name', () => {
    const box = $('#wa-composer');
    expect(key(whatsapp, box, 'Enter')).toMatchObject({ attachmentsOnly: true, composer: box }); // empty: only a photo would go
    typeInto(box, 'Besok jangan lupa coblos 02 ya #PrabowoGibran2024');
    const r = key(whatsapp, $('span', box), 'Enter');
    expect(r).toMatchObject({ site: 'whatsapp', action: 'post', detail: 'send', control: box, content: { draft: 'Besok jangan lupa coblos 02 ya #PrabowoGibran2024', group: f.group, hashtags: ['PrabowoGibran2024'] } });
  });

  it('send: Shift+Enter (newline), other keys, Enter in the search box → null', () => {
    const box = $('#wa-composer');
    typeInto(box, 'halo');
    expect(key(whatsapp, box, 'Enter', { shiftKey: true })).toBeNull();
    expect(key(whatsapp, box, 'a')).toBeNull();
    typeInto($('#wa-search'), 'relawan');
    expect(key(whatsapp, $('#wa-search'), 'Enter')).toBeNull();
  });

  it('send: the send button (icon or padding) → post/send with the composer draft', () => {
    typeInto($('#wa-composer'), 'Rapat jam 3 sore');
    const button = $('#wa-send');
    expect(click(whatsapp, $('path', button))).toMatchObject({ action: 'post', detail: 'send', control: button, content: { draft: 'Rapat jam 3 sore', group: f.group } });
    expect(click(whatsapp, button)?.control).toBe(button);
  });

  it('send button with an empty composer (voice-note state) → photo only (passed unless a photo is attached)', () => {
    expect(click(whatsapp, $('#wa-send'))).toMatchObject({ attachmentsOnly: true });
  });

  it('non-controls → null: message text, chat list, header, emoji button, menu items other than forward', () => {
    expect(click(whatsapp, $('#wa-m1 span.selectable-text span'))).toBeNull();
    expect(click(whatsapp, $('[role="grid"] span'))).toBeNull();
    expect(click(whatsapp, $('#main header span[title]'))).toBeNull();
    expect(click(whatsapp, $('footer [aria-label="Emoji"]'))).toBeNull();
    expect(click(whatsapp, $('#wa-menu-copy'))).toBeNull();
  });
});

describe('WhatsApp Web adapter: forward', () => {
  beforeEach(() => whatsapp.reset());

  it('id: message menu → Teruskan → the dialog send → share/forward with the message text (recipients not mistaken for messages)', () => {
    loadFixture('whatsapp/chat-id.html');
    expect(click(whatsapp, $('#wa-m1-menu span'))).toBeNull();
    expect(click(whatsapp, $('#wa-menu-forward div'))).toBeNull();
    const send = $('#wa-forward-send');
    const r = click(whatsapp, $('path', send));
    expect(r).toMatchObject({ site: 'whatsapp', action: 'share', detail: 'forward', control: send, content: { quoted: 'Ayo coblos nomor urut 02 Prabowo-Gibran! Kumpul di posko jam 7 pagi #PrabowoGibran2024', hashtags: ['PrabowoGibran2024'], group: 'Relawan 02 Kecamatan Cibinong' } });
    expect(r!.content.draft).toBeUndefined();
  });

  it('id: forwarding the neutral message carries that message', () => {
    loadFixture('whatsapp/chat-id.html');
    click(whatsapp, $('#wa-m2-menu'));
    expect(click(whatsapp, $('#wa-forward-send'))?.content.quoted).toBe('Siap, saya bawa konsumsi');
  });

  it('en: select mode → the checked message(s) are what is forwarded', () => {
    loadFixture('whatsapp/chat-en.html');
    expect(click(whatsapp, $('#wa-select-forward'))).toBeNull();
    expect(click(whatsapp, $('#wa-forward-send'))).toMatchObject({ action: 'share', detail: 'forward', content: { quoted: 'Dukung AMIN nomor urut 1 ya ibu-ibu! #AMIN2024', group: 'Arisan RT 05' } });
    $('#wa-m2-check').setAttribute('aria-checked', 'true');
    expect(click(whatsapp, $('#wa-forward-send'))?.content.quoted).toBe('Dukung AMIN nomor urut 1 ya ibu-ibu! #AMIN2024\nArisan bulan depan di rumah Bu Dewi');
  });

  it('media preview: the caption box and its send button send the caption, not the footer draft', () => {
    loadFixture('whatsapp/chat-id.html');
    typeInto($('#wa-composer'), 'draft di footer');
    typeInto($('#wa-caption'), 'Foto kampanye 02');
    expect(click(whatsapp, $('#wa-media-send'))).toMatchObject({ action: 'post', detail: 'send', content: { draft: 'Foto kampanye 02' } });
    expect(key(whatsapp, $('#wa-caption'), 'Enter')).toMatchObject({ action: 'post', content: { draft: 'Foto kampanye 02' } });
  });

  it('a selector override takes effect (a new send icon name); invalid entries are skipped', () => {
    loadFixture('whatsapp/chat-id.html');
    typeInto($('#wa-composer'), 'tes');
    const icon = $('#wa-send span');
    icon.setAttribute('data-icon', 'wds-ic-send-v2');
    $('#wa-send').removeAttribute('aria-label');
    expect(click(whatsapp, icon)).toBeNull();
    expect(click(whatsapp, icon, { ...whatsapp.selectors, send: ['[[bad', 'span[data-icon="wds-ic-send-v2"]'] })?.detail).toBe('send');
  });
});
