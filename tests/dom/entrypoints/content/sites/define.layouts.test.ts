/**
 * Layouts the adapters were not first written against (issue #18): each page's action is
 * recognised, its content is read (not blind) and holds the partisan text placed in it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import facebook from '@/entrypoints/content/sites/facebook';
import instagram from '@/entrypoints/content/sites/instagram';
import tiktok from '@/entrypoints/content/sites/tiktok';
import youtube from '@/entrypoints/content/sites/youtube';
import type { DefinedSiteAdapter } from '@/entrypoints/content/sites/define';
import { $, click, loadFixture } from './load-fixture';

const ADAPTERS = { facebook, instagram, tiktok, youtube } as Record<string, DefinedSiteAdapter>;

describe.each([
  // Instagram 2026 home feed: no h1, no header
  { page: 'instagram/feed-2026-id.html', control: '#ig26-1-like path', action: 'like', text: 'Dukung AMIN, Anies–Muhaimin nomor urut 1!', handle: 'relawan.amin' },
  { page: 'instagram/feed-2026-en.html', control: '#ig26-1-like path', action: 'like', text: 'Dukung AMIN, Anies–Muhaimin nomor urut 1!', handle: 'relawan.amin' },
  { page: 'instagram/feed-2026-id.html', control: '#ig26-follow', action: 'follow', text: '', handle: 'posko.amin' },
  { page: 'instagram/feed-2026-en.html', control: '#ig26-follow', action: 'follow', text: '', handle: 'posko.amin' },
  // Facebook Comet as reproduced elsewhere: a comment's Like is a <button>
  { page: 'facebook/comet-comment-id.html', control: '#fbc-1-c1-like', action: 'like', text: 'Menangkan Ganjar-Mahfud nomor urut 3!', handle: '' },
  // Facebook 2018: story and sponsored story
  { page: 'facebook/story-2018-id.html', control: '#fb18-1-like', action: 'like', text: 'Ayo coblos 02! Prabowo-Gibran', handle: 'relawan.prabowo' },
  { page: 'facebook/story-2018-en.html', control: '#fb18-2-like', action: 'like', text: 'Pilih Anies-Muhaimin nomor urut 1', handle: 'partai.contoh' },
  // TikTok 2022 video page: a comment's like
  { page: 'tiktok/video-2022-id.html', control: '#tt22-c1-like path', action: 'like', text: 'Coblos Ganjar-Mahfud nomor 3', handle: 'relawan.ganjar' },
  // YouTube 2018 layout: the video's like
  { page: 'youtube/watch-2018-en.html', control: 'button[aria-label^="like this video"]', action: 'like', text: 'Prabowo-Gibran lanjutkan! Coblos 02', handle: '' },
])('$page: $control', (t) => {
  const adapter = ADAPTERS[t.page.split('/')[0]!]!;
  beforeEach(() => {
    adapter.reset();
    loadFixture(t.page);
  });

  it(`is a ${t.action}, read from the page (not blind), with the post's text`, () => {
    const r = click(adapter, $(t.control));
    expect(r).toMatchObject({ site: adapter.id, action: t.action });
    expect(r!.read).not.toBe('blind');
    const c = r!.content;
    if (t.text) expect([c.text, c.quoted].join(' ')).toContain(t.text);
    if (t.handle) expect(c.handle).toBe(t.handle);
  });
});

describe('content fallback and blind actions', () => {
  it('a neutral post in the 2026 Instagram feed is read as its own text, not its neighbour', () => {
    loadFixture('instagram/feed-2026-id.html');
    const r = click(instagram, $('#ig26-2-like path'));
    expect(r?.content.text).toContain('Nasi goreng kampung');
    expect(r?.content.text).not.toContain('AMIN');
  });

  it('the fallback leaves out the action bar, the comment list and the composer', () => {
    loadFixture('facebook/story-2018-id.html');
    const story = $('#hyperfeed_story_id_1 .userContentWrapper');
    story.insertAdjacentHTML('beforeend', '<ul><li>Komentar: pilih 01 saja</li></ul><form><textarea>draf saya</textarea></form>');
    $('[data-testid="post_message"]', story).removeAttribute('data-testid');
    $('.userContent', story).classList.remove('userContent');
    const r = click(facebook, $('#fb18-1-like'));
    expect(r?.read).toBe('container');
    expect(r?.content.text).toContain('Ayo coblos 02!');
    expect(r?.content.text).not.toMatch(/Suka|pilih 01|draf saya/);
  });

  it('an action with no content and no post is checked on the text around it and marked blind', () => {
    loadFixture('youtube/watch-2018-en.html');
    document.querySelector('ytd-video-primary-info-renderer h1')!.remove();
    document.querySelector('ytd-video-secondary-info-renderer')!.remove();
    $('#top-level-buttons').insertAdjacentHTML('beforebegin', '<span>Coblos 02 sekarang juga, kawan-kawan semua</span>');
    const r = click(youtube, $('button[aria-label^="like this video"]'));
    expect(r).toMatchObject({ action: 'like', read: 'blind' });
    expect(r?.content.text).toContain('Coblos 02');
  });

  it('a label-like control outside any post is not acted on, but reported as unrecognised', () => {
    loadFixture('facebook/story-2018-en.html');
    document.body.insertAdjacentHTML('beforeend', '<div id="side"><button type="button" id="lonely">Follow</button></div>');
    expect(click(facebook, $('#lonely'))).toBeNull();
    const event = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(event, 'target', { value: $('#lonely') });
    expect(facebook.unrecognised(event, facebook.selectors)).toBe('follow');
    // a control a hook knows (a liked state, an opener) is not "unrecognised"
    const liked = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(liked, 'target', { value: $('#fb18-1-like') });
    expect(facebook.unrecognised(liked, facebook.selectors)).toBeNull();
  });
});
