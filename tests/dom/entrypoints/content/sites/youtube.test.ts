import { beforeEach, describe, expect, it } from 'vitest';
import youtube from '@/entrypoints/content/sites/youtube';
import { $, click, key, loadFixture } from './load-fixture';

function typeInto(el: Element, text: string): void {
  el.textContent = text;
}

describe('YouTube adapter, id UI (watch page, partisan video)', () => {
  beforeEach(() => loadFixture('youtube/watch-id.html'));
  const video = {
    text: 'Kampanye Akbar Prabowo-Gibran di GBK: Ayo coblos 02! #PrabowoGibran2024\nSaksikan kampanye akbar pasangan calon nomor urut 02 di Gelora Bung Karno. Jangan lupa 14 Februari coblos 02! #IndonesiaMaju',
    author: 'Relawan Garuda TV', handle: 'relawangarudatv', group: 'Relawan Garuda TV', hashtags: ['PrabowoGibran2024', 'IndonesiaMaju'],
  };

  it('like (video): the segmented like button → like with title, channel, description, hashtags', () => {
    const r = click(youtube, $('#yt-like path'));
    expect(r).toMatchObject({ site: 'youtube', action: 'like', detail: 'like', control: $('#yt-like'), content: video });
  });

  it('dislike, the title, the channel link and the description are not actions', () => {
    expect(click(youtube, $('#yt-dislike'))).toBeNull();
    expect(click(youtube, $('ytd-watch-metadata h1'))).toBeNull();
    expect(click(youtube, $('ytd-channel-name a'))).toBeNull();
    expect(click(youtube, $('#description span'))).toBeNull();
    expect(click(youtube, $('#yt-comment-cancel'))).toBeNull();
    expect(click(youtube, $('#yt-c1-reply-open'))).toBeNull(); // opening the reply box publishes nothing
  });

  it('like (comment): the comment is what is liked; an already-liked comment → null', () => {
    const r = click(youtube, $('#yt-c1-like svg'));
    expect(r).toMatchObject({ action: 'like', detail: 'like', content: { text: 'Semoga acaranya tertib dan aman', author: '@warga.senayan', handle: 'warga.senayan', group: 'Relawan Garuda TV' } });
    expect(r!.content.quoted).toContain('Kampanye Akbar Prabowo-Gibran');
    expect(click(youtube, $('#yt-c2-like'))).toBeNull();
  });

  it('comment: the Komentar submit button → comment with the draft; empty or disabled → null', () => {
    expect(click(youtube, $('#yt-comment-submit'))).toBeNull(); // empty
    typeInto($('ytd-comments-header-renderer #contenteditable-root'), 'Semoga sukses acaranya');
    const r = click(youtube, $('#yt-comment-submit span'));
    expect(r).toMatchObject({ action: 'comment', detail: 'comment', control: $('#yt-comment-submit'), content: { ...video, draft: 'Semoga sukses acaranya' } });
    $('#yt-comment-submit').setAttribute('disabled', '');
    expect(click(youtube, $('#yt-comment-submit'))).toBeNull();
  });

  it('comment: Ctrl+Enter in the comment box [unverified] → comment; plain Enter → null (newline)', () => {
    const editor = $('ytd-comments-header-renderer #contenteditable-root');
    typeInto(editor, 'Mantap');
    expect(key(youtube, editor, 'Enter')).toBeNull();
    expect(key(youtube, editor, 'Enter', { ctrlKey: true })).toMatchObject({ action: 'comment', detail: 'comment', content: { draft: 'Mantap' } });
    expect(key(youtube, editor, 'Enter', { metaKey: true })?.action).toBe('comment');
  });

  it('reply: the reply box inside a thread → comment/reply quoting the parent comment', () => {
    const editor = $('[data-post-id="yt-c2"] #contenteditable-root');
    typeInto(editor, 'Setuju!');
    const r = click(youtube, $('#yt-c2-reply-submit'));
    expect(r).toMatchObject({ action: 'comment', detail: 'reply', control: $('#yt-c2-reply-submit'), content: { draft: 'Setuju!', quoted: 'Sudah pasti nomor 02!', author: 'Relawan Garuda TV' } });
    expect(key(youtube, editor, 'Enter', { ctrlKey: true })).toMatchObject({ detail: 'reply', content: { quoted: 'Sudah pasti nomor 02!' } });
  });

  it('share: opening the share panel → share with the video', () => {
    expect(click(youtube, $('#yt-share svg'))).toMatchObject({ action: 'share', detail: 'share', control: $('#yt-share'), content: video });
  });

  it('subscribe → follow/subscribe with the channel', () => {
    expect(click(youtube, $('#yt-subscribe span'))).toMatchObject({ action: 'follow', detail: 'subscribe', control: $('#yt-subscribe'), content: video });
  });

  it('a selector override takes effect (a new like hook), invalid entries are skipped', () => {
    const like = $('#yt-like');
    const renamed = { ...youtube.selectors, like: ['[[bad', 'button[data-like-toggle]'] };
    expect(click(youtube, like, renamed)).toBeNull();
    like.setAttribute('data-like-toggle', '');
    expect(click(youtube, like, renamed)?.action).toBe('like');
  });
});

describe('YouTube adapter, en UI (watch page, neutral video, liked and subscribed)', () => {
  beforeEach(() => loadFixture('youtube/watch-en.html'));

  it('already liked (aria-pressed) and already subscribed → null', () => {
    expect(click(youtube, $('#yt-like'))).toBeNull();
    expect(click(youtube, $('#yt-subscribe'))).toBeNull();
  });

  it('like on a partisan comment under a neutral video carries the comment text', () => {
    const r = click(youtube, $('#yt-c1-like'));
    expect(r).toMatchObject({ action: 'like', content: { text: 'Ayo coblos AMIN nomor urut 1! #AMIN2024', hashtags: ['AMIN2024'], handle: 'suara.perubahan' } });
  });

  it('comment (Comment button), reply (Reply button) and share (Share) in English', () => {
    typeInto($('ytd-comments-header-renderer #contenteditable-root'), 'Enak sekali');
    expect(click(youtube, $('#yt-comment-submit'))).toMatchObject({ action: 'comment', detail: 'comment', content: { text: expect.stringContaining('Resep Soto Betawi'), handle: 'dapurnusantara', draft: 'Enak sekali' } });
    typeInto($('[data-post-id="yt-c1"] #contenteditable-root'), 'Nomor 1!');
    expect(click(youtube, $('#yt-c1-reply-submit'))).toMatchObject({ detail: 'reply', content: { quoted: 'Ayo coblos AMIN nomor urut 1! #AMIN2024', draft: 'Nomor 1!' } });
    expect(click(youtube, $('#yt-share'))).toMatchObject({ action: 'share', content: { author: 'Dapur Nusantara' } });
  });
});

describe.each([
  { lang: 'id', page: 'youtube/shorts-id.html', handle: 'tim.pramonorano', text: 'Pilkada Jakarta: coblos nomor 3, Pramono-Rano! #PramonoRano', tag: 'PramonoRano' },
  { lang: 'en', page: 'youtube/shorts-en.html', handle: 'rido.jakarta', text: 'Jakarta Baru Menuju Jakarta Maju: coblos RK-Suswono nomor urut 1 #RIDOJakarta', tag: 'RIDOJakarta' },
])('YouTube adapter, Shorts ($lang)', (f) => {
  beforeEach(() => loadFixture(f.page));

  it('like, share and subscribe read their own Short (several are in the DOM)', () => {
    const content = { text: f.text, handle: f.handle, author: `@${f.handle}`, hashtags: [f.tag] };
    expect(click(youtube, $('#yt-s1-like svg'))).toMatchObject({ action: 'like', detail: 'like', control: $('#yt-s1-like'), content });
    expect(click(youtube, $('#yt-s1-share'))).toMatchObject({ action: 'share', content });
    expect(click(youtube, $('#yt-s1-subscribe'))).toMatchObject({ action: 'follow', detail: 'subscribe', content });
    expect(click(youtube, $('#yt-s2-subscribe'))?.content.handle).toBe('kucing.lucu');
  });

  it('an already-liked Short → null (id page); a neutral Short is recognised with its own content (en page)', () => {
    if (f.lang === 'id') expect(click(youtube, $('#yt-s2-like'))).toBeNull();
    else expect(click(youtube, $('#yt-s2-like'))?.content.handle).toBe('kucing.lucu');
  });
});

describe.each([
  { lang: 'id', page: 'youtube/live-chat-id.html' },
  { lang: 'en', page: 'youtube/live-chat-en.html' },
])('YouTube adapter, live chat ($lang)', ({ page }) => {
  beforeEach(() => loadFixture(page));

  it('Enter in the chat input and the send button → comment/send with the draft; empty → null', () => {
    const input = $('div#input[contenteditable]');
    expect(key(youtube, input, 'Enter')).toBeNull();
    expect(click(youtube, $('#yt-chat-send'))).toBeNull();
    typeInto(input, 'Coblos 02!');
    expect(key(youtube, input, 'Enter')).toMatchObject({ site: 'youtube', action: 'comment', detail: 'send', control: input, content: { draft: 'Coblos 02!' } });
    expect(key(youtube, input, 'Enter', { shiftKey: true })).toBeNull();
    expect(click(youtube, $('#yt-chat-send path'))).toMatchObject({ action: 'comment', detail: 'send', control: $('#yt-chat-send'), content: { draft: 'Coblos 02!' } });
  });
});
