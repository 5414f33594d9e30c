import { beforeEach, describe, expect, it } from 'vitest';
import threads from '@/entrypoints/content/sites/threads';
import { $, click, key, loadFixture } from './load-fixture';

function typeInto(el: Element, text: string): void {
  el.innerHTML = `<p><span data-lexical-text="true">${text}</span></p>`;
}

describe.each([
  {
    lang: 'id', page: 'threads/home-id.html', handle: 'relawan.prabowogibran', neutral: 'cuaca.jabar', sugg: 'kpu.go.id',
    text: 'Ayo coblos nomor urut 02 Prabowo-Gibran! Lanjutkan Indonesia Maju #PrabowoGibran2024', tag: 'PrabowoGibran2024',
  },
  {
    lang: 'en', page: 'threads/home-en.html', handle: 'jakarta.pramonorano', neutral: 'kopi.senja', sugg: 'bawaslu.ri',
    text: 'Pilkada Jakarta: coblos nomor 3, Pramono-Rano untuk Jakarta! #PramonoRano', tag: 'PramonoRano',
  },
])('Threads adapter, $lang UI', (f) => {
  beforeEach(() => {
    threads.reset();
    loadFixture(f.page);
  });
  const content = () => ({ text: f.text, handle: f.handle, author: f.handle, hashtags: [f.tag] });

  it('like → like with the post text (not author, time or counts), handle, hashtags, permalink', () => {
    const r = click(threads, $('#th1-like path'));
    expect(r).toMatchObject({ site: 'threads', action: 'like', detail: 'like', control: $('#th1-like'), content: content() });
    expect(r!.content.url).toMatch(new RegExp(`/@${f.handle}/post/Cth1xyz$`));
    expect(click(threads, $('#th2-like'))?.content.handle).toBe(f.neutral);
  });

  it('already liked (Batalkan suka / Unlike) → null', () => {
    expect(click(threads, $('#th3-like svg'))).toBeNull();
  });

  it('repost: the icon only opens the menu; the menu item (a portal) → share/repost for that post', () => {
    expect(click(threads, $('#th2-repost svg'))).toBeNull();
    expect(click(threads, $('#th1-repost svg'))).toBeNull();
    const r = click(threads, $('#th-menu-repost span'));
    expect(r).toMatchObject({ action: 'share', detail: 'repost', control: $('#th-menu-repost'), content: content() });
  });

  it('quote: the menu item → share/quote for the post that opened the menu', () => {
    click(threads, $('#th1-repost'));
    expect(click(threads, $('#th-menu-quote'))).toMatchObject({ action: 'share', detail: 'quote', content: content() });
    click(threads, $('#th2-repost'));
    expect(click(threads, $('#th-menu-quote'))?.content.handle).toBe(f.neutral);
  });

  it('reply: Enter in the reply box (icon-only send) and the Post button → comment/reply quoting the post', () => {
    expect(click(threads, $('#th1-reply svg'))).toBeNull();
    const editor = $('#th-reply-editor');
    expect(key(threads, editor, 'Enter')).toBeNull(); // empty
    typeInto(editor, 'Setuju sekali');
    const byKey = key(threads, $('span', editor), 'Enter');
    expect(byKey).toMatchObject({ action: 'comment', detail: 'reply', control: editor, content: { draft: 'Setuju sekali', quoted: f.text, handle: f.handle } });
    expect(key(threads, editor, 'Enter', { shiftKey: true })).toBeNull();
    expect(click(threads, $('#th-reply-post div'))).toMatchObject({ action: 'comment', detail: 'reply', control: $('#th-reply-post'), content: { quoted: f.text } });
  });

  it('post: the composer Post button and Ctrl+Enter [unverified] → post with the draft; empty → null; Enter alone → null', () => {
    expect(click(threads, $('#th-new-thread'))).toBeNull();
    expect(click(threads, $('#th-composer-post'))).toBeNull();
    const editor = $('#th-composer-editor');
    typeInto(editor, 'Ayo ke TPS 14 Februari, coblos 02! #PrabowoGibran2024');
    expect(click(threads, $('#th-composer-post div'))).toMatchObject({ action: 'post', detail: 'post', control: $('#th-composer-post'), content: { draft: 'Ayo ke TPS 14 Februari, coblos 02! #PrabowoGibran2024', hashtags: ['PrabowoGibran2024'] } });
    expect(key(threads, editor, 'Enter')).toBeNull();
    expect(key(threads, editor, 'Enter', { ctrlKey: true })?.action).toBe('post');
  });

  it('follow: the avatar "+" only opens the card; the card button → follow for that author', () => {
    expect(click(threads, $('#th1-plus svg'))).toBeNull();
    const r = click(threads, $('#th-card-follow div'));
    expect(r).toMatchObject({ action: 'follow', detail: 'follow', control: $('#th-card-follow'), content: content() });
  });

  it('follow: a suggestion card reads the account from the card', () => {
    expect(click(threads, $('#th-sugg-follow'))).toMatchObject({ action: 'follow', content: { handle: f.sugg } });
  });

  it('non-controls → null: post text, author, More, Share, Add to thread', () => {
    expect(click(threads, $('[data-post-id="th1"] .x1a6qonq span'))).toBeNull();
    expect(click(threads, $('[data-post-id="th1"] a[href^="/@"] span'))).toBeNull();
    expect(click(threads, $('[data-post-id="th1"] .x6s0dn4 [role="button"]'))).toBeNull();
    expect(click(threads, $('#th1-share'))).toBeNull();
    expect(click(threads, $('#th-composer [role="button"] span'))).toBeNull();
  });

  it('a selector override takes effect; invalid entries are skipped', () => {
    const like = $('#th1-like svg');
    const renamed = { ...threads.selectors, like: ['[[bad', 'svg[aria-label="Sukai"]'] };
    expect(click(threads, like, renamed)).toBeNull();
    like.setAttribute('aria-label', 'Sukai');
    expect(click(threads, like)).toBeNull();
    expect(click(threads, like, renamed)?.action).toBe('like');
  });
});

describe('Threads adapter: profile page', () => {
  it('follow reads the name and bio', () => {
    threads.reset();
    loadFixture('threads/profile-id.html');
    const r = click(threads, $('#th-prof-follow'));
    expect(r).toMatchObject({ action: 'follow', content: { handle: 'timkampanye.amin', hashtags: ['AMIN2024'] } });
    expect(r!.content.text).toContain('Dukung AMIN nomor urut 1!');
  });
});
