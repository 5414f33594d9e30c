import { beforeEach, describe, expect, it } from 'vitest';
import tiktok from '@/entrypoints/content/sites/tiktok';
import { $, click, fire, key, loadFixture } from './load-fixture';

const item = (id: string) => $(`[data-post-id="${id}"]`);
const inItem = (id: string, sel: string) => $(sel, item(id));
function typeInto(el: Element, text: string): void {
  $('span', el).textContent = text;
}

describe.each([
  {
    lang: 'id', page: 'tiktok/feed-id.html',
    text: 'Ayo coblos 02! Prabowo-Gibran lanjutkan pembangunan #PrabowoGibran2024 #Indonesia2024',
    handle: 'relawan.garuda02', author: 'Relawan Garuda 02', hashtags: ['PrabowoGibran2024', 'Indonesia2024'], sound: 'suara asli - Relawan Garuda 02',
  },
  {
    lang: 'en', page: 'tiktok/feed-en.html',
    text: 'Pilkada Jatim: coblos nomor 2, Khofifah-Emil lanjut! #KhofifahEmil2024 #JatimBerlari',
    handle: 'jatim.berlari', author: 'Jatim Berlari', hashtags: ['KhofifahEmil2024', 'JatimBerlari'], sound: 'original sound - Jatim Berlari',
  },
])('TikTok adapter, $lang UI (For You feed)', (f) => {
  beforeEach(() => {
    tiktok.reset();
    loadFixture(f.page);
  });

  it('like: the heart (like-icon) → like with description, author, handle, hashtags, sound, permalink', () => {
    const r = click(tiktok, $('path', inItem('tt-1', '[data-e2e="like-icon"]')));
    expect(r).toMatchObject({ site: 'tiktok', action: 'like', detail: 'like', control: $('#tt-1-like') });
    expect(r!.content).toMatchObject({ text: f.text, handle: f.handle, author: f.author, hashtags: f.hashtags, group: f.sound });
    expect(r!.content.url).toMatch(new RegExp(`/@${f.handle}/video/\\d+$`));
    // the count under the icon is part of the same button
    expect(click(tiktok, inItem('tt-1', '[data-e2e="like-count"]'))?.action).toBe('like');
  });

  it('like: neutral video is recognised with its own content; already-liked (aria-pressed) → null', () => {
    expect(click(tiktok, inItem('tt-2', '[data-e2e="like-icon"]'))?.content.text).not.toBe(f.text);
    expect(click(tiktok, inItem('tt-3', '[data-e2e="like-icon"]'))).toBeNull();
  });

  it('like: double-tap on the video → like; not on an already-liked video', () => {
    const r = fire(tiktok, $('#tt-1-video'), 'dblclick');
    expect(r).toMatchObject({ action: 'like', detail: 'like', content: { text: f.text, handle: f.handle } });
    expect(fire(tiktok, $('#tt-3-video'), 'dblclick')).toBeNull();
    expect(fire(tiktok, inItem('tt-1', '[data-e2e="video-desc"]'), 'dblclick')).toBeNull();
  });

  it('comment: the drawer maps back to the video whose comment icon opened it; Post and Enter → comment', () => {
    expect(click(tiktok, inItem('tt-2', '[data-e2e="comment-icon"]'))).toBeNull();
    expect(click(tiktok, inItem('tt-1', '[data-e2e="comment-icon"]'))).toBeNull();
    const box = $('#tt-comment-box');
    expect(key(tiktok, box, 'Enter')).toBeNull(); // empty box
    typeInto(box, 'Setuju, lanjutkan!');
    const byKey = key(tiktok, $('span[data-offset-key]', box), 'Enter');
    expect(byKey).toMatchObject({ site: 'tiktok', action: 'comment', detail: 'comment', control: box, content: { draft: 'Setuju, lanjutkan!', text: f.text, handle: f.handle } });
    expect(key(tiktok, box, 'Enter', { shiftKey: true })).toBeNull();
    const byButton = click(tiktok, $('#tt-comment-post'));
    expect(byButton).toMatchObject({ action: 'comment', control: $('#tt-comment-post'), content: { draft: 'Setuju, lanjutkan!', handle: f.handle } });
  });

  it('comment: a disabled Post button → null', () => {
    typeInto($('#tt-comment-box'), 'x');
    $('#tt-comment-post').setAttribute('aria-disabled', 'true');
    expect(click(tiktok, $('#tt-comment-post'))).toBeNull();
  });

  it('share: opening the share panel → share; Repost in the panel → share/repost for the same video', () => {
    const r = click(tiktok, $('svg', inItem('tt-1', '[data-e2e="share-icon"]')));
    expect(r).toMatchObject({ site: 'tiktok', action: 'share', detail: 'share', control: $('#tt-1-share'), content: { text: f.text, handle: f.handle } });
    const repost = click(tiktok, $('#tt-repost span'));
    expect(repost).toMatchObject({ action: 'share', detail: 'repost', control: $('#tt-repost'), content: { text: f.text, handle: f.handle, hashtags: f.hashtags } });
    click(tiktok, inItem('tt-2', '[data-e2e="share-icon"]'));
    expect(click(tiktok, $('#tt-repost'))?.content.handle).not.toBe(f.handle);
    expect(click(tiktok, $('#tt-copy'))).toBeNull();
  });

  it('follow: the "+" on the avatar (feed-follow) → follow with the author', () => {
    const r = click(tiktok, $('span', $('#tt-1-plus')));
    expect(r).toMatchObject({ site: 'tiktok', action: 'follow', detail: 'follow', control: $('#tt-1-plus'), content: { handle: f.handle, author: f.author, text: f.text } });
  });

  it('non-controls → null: description, favourites, author link, page', () => {
    expect(click(tiktok, inItem('tt-1', '[data-e2e="video-desc"] span'))).toBeNull();
    expect(click(tiktok, $('#tt-1-fav'))).toBeNull();
    expect(click(tiktok, inItem('tt-1', '[data-e2e="video-author-uniqueid"]'))).toBeNull();
    expect(click(tiktok, $('main'))).toBeNull();
    expect(key(tiktok, $('main'), 'l')).toBeNull();
  });
});

describe('TikTok adapter: video page, profile, overrides', () => {
  beforeEach(() => tiktok.reset());

  it('video page (id): browse-like-icon, dblclick, comment, share, follow-button read the browse-* fields', () => {
    loadFixture('tiktok/video-id.html');
    const content = {
      text: 'Pilgub Jatim 27 November: coblos nomor 2! Jatim Berlari bersama Khofifah-Emil #KhofifahEmil2024 #PilgubJatim',
      handle: 'relawan.khofifahemil', author: 'Relawan Khofifah-Emil', hashtags: ['KhofifahEmil2024', 'PilgubJatim'],
      group: 'suara asli - Relawan Khofifah-Emil',
    };
    expect(click(tiktok, $('[data-e2e="browse-like-icon"] svg'))).toMatchObject({ action: 'like', control: $('#tt-detail-like'), content });
    expect(fire(tiktok, $('#tt-detail-video'), 'dblclick')).toMatchObject({ action: 'like', content });
    typeInto($('#tt-detail-box'), 'Nomor 2!');
    expect(key(tiktok, $('#tt-detail-box'), 'Enter')).toMatchObject({ action: 'comment', content: { ...content, draft: 'Nomor 2!' } });
    expect(click(tiktok, $('#tt-detail-post'))).toMatchObject({ action: 'comment', content: { draft: 'Nomor 2!' } });
    expect(click(tiktok, $('#tt-detail-share'))).toMatchObject({ action: 'share', detail: 'share', content });
    expect(click(tiktok, $('#tt-detail-follow'))).toMatchObject({ action: 'follow', detail: 'follow', control: $('#tt-detail-follow'), content });
  });

  it('video page (en): already liked and already following → null; comment still works', () => {
    loadFixture('tiktok/video-en.html');
    expect(click(tiktok, $('[data-e2e="browse-like-icon"]'))).toBeNull();
    expect(fire(tiktok, $('#tt-detail-video'), 'dblclick')).toBeNull();
    expect(click(tiktok, $('#tt-detail-follow'))).toBeNull();
    click(tiktok, $('#tt-detail-share'));
    expect(click(tiktok, $('#tt-unrepost span'))).toBeNull(); // "Remove repost"
    typeInto($('#tt-detail-box'), 'Mantap kopinya');
    expect(click(tiktok, $('#tt-detail-post'))).toMatchObject({ action: 'comment', content: { handle: 'warung.kopi.pak.min', draft: 'Mantap kopinya' } });
  });

  it('profile page follow reads handle, name and bio', () => {
    loadFixture('tiktok/profile-id.html');
    const r = click(tiktok, $('#tt-prof-follow'));
    expect(r).toMatchObject({ action: 'follow', content: { handle: 'tkn.prabowogibran', author: 'TKN Prabowo-Gibran', hashtags: ['PrabowoGibran2024'] } });
    expect(r!.content.text).toContain('Coblos nomor 2!');
  });

  it('a selector override from a rule bundle takes effect; invalid selectors are skipped', () => {
    loadFixture('tiktok/feed-id.html');
    const like = inItem('tt-1', '[data-e2e="like-icon"]');
    // the overridden hook misses the old id; the label layer still finds the like
    expect(click(tiktok, like, { ...tiktok.selectors, like: ['[data-e2e="heart-icon"]'] })).toMatchObject({ action: 'like', byLabel: true });
    like.setAttribute('data-e2e', 'heart-icon');
    // the built-in aria-label fallback still catches the renamed hook…
    expect(click(tiktok, like)?.action).toBe('like');
    // …until the label changes too
    $('#tt-1-like').setAttribute('aria-label', 'Sukai 12.3K');
    expect(click(tiktok, like)).toBeNull();
    expect(click(tiktok, like, { ...tiktok.selectors, like: ['[[bad', '[data-e2e="heart-icon"]'] })?.action).toBe('like');
  });
});
