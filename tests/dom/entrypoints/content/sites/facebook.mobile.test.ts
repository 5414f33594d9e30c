import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import facebook from '@/entrypoints/content/sites/facebook';
import { $, byText, click, key, loadFixture } from './load-fixture';

/** m.facebook.com: data-sigil hooks (story-div, ufi-inline-like, comment-body), the ._5rgt message. */
const story = (id: string) => $(`[data-post-id="${id}"]`);
const likeOf = (id: string) => $('[data-sigil~="ufi-inline-like"]', story(id));

describe('Facebook adapter, m.facebook.com layout', () => {
  beforeEach(() => {
    facebook.reset();
    loadFixture('facebook/mobile-feed-id.html');
  });

  it('like (ufi-inline-like): content = the ._5rgt message, author and group from the header, permalink', () => {
    const r = click(facebook, likeOf('m1'));
    expect(r).toMatchObject({ site: 'facebook', action: 'like', detail: 'like' });
    expect(r!.control).toBe(likeOf('m1'));
    expect(r!.byLabel).toBeUndefined();
    expect(r!.content).toMatchObject({
      text: 'Ayo coblos 02! #PrabowoGibran2024 Indonesia Maju, lanjutkan!',
      author: 'Relawan Garuda Nusantara',
      handle: 'relawan.garuda',
      group: 'Relawan 02 Jawa Barat',
      hashtags: ['PrabowoGibran2024'],
    });
    expect(r!.content.url).toMatch(/\/groups\/relawan02\/permalink\/1001\//);
    // the comment under the story is not the story's text
    expect(r!.content.text).not.toMatch(/AMIN/);
  });

  it('a neutral story is read as its own text', () => {
    expect(click(facebook, likeOf('m2'))!.content).toMatchObject({ text: 'Cuaca Bandung hari ini cerah, cocok untuk bersepeda ke Dago.', author: 'Sari Dewi' });
  });

  it('already liked (aria-pressed="true") is an unlike: null', () => {
    expect(click(facebook, likeOf('m3'))).toBeNull();
  });

  it('a like on a comment is about the comment: its comment-body and author', () => {
    const commentLike = $('[data-sigil="ufi-inline-comment-actions"] a', story('m1'));
    const r = click(facebook, commentLike);
    expect(r).toMatchObject({ action: 'like', detail: 'like' });
    expect(r!.control).toBe(commentLike);
    expect(r!.content).toMatchObject({ text: 'Dukung AMIN, Anies–Muhaimin nomor urut 1!', author: 'Budi Santoso' });
  });

  it('the story text, the header and the permalink are no actions', () => {
    expect(click(facebook, $('._5rgt', story('m1')))).toBeNull();
    expect(click(facebook, $('header h3', story('m1')))).toBeNull();
    expect(click(facebook, $('[data-sigil="m-feed-voice-subtitle"] a', story('m1')))).toBeNull();
  });
});

/** happy-dom's page address, set for a test that reads the profile handle from it. */
const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

/** A textarea's typed text lives in its value, not in its markup. */
function type(el: Element, text: string): void {
  (el as HTMLTextAreaElement).value = text;
}

describe('Facebook adapter, m.facebook.com: comment send (the composer under a story)', () => {
  beforeEach(() => facebook.reset());

  it('story page: the send button (composer-submit) is a comment about the story, with the draft', () => {
    loadFixture('facebook/mobile-comment-id.html');
    const send = $('[data-sigil~="composer-submit"]');
    const r = click(facebook, send);
    expect(r).toMatchObject({ site: 'facebook', action: 'comment', detail: 'comment' });
    expect(r!.control).toBe(send);
    expect(r!.byLabel).toBeUndefined();
    expect(r!.read).toBeUndefined();
    expect(r!.content).toMatchObject({
      text: 'Tanggal 14 Februari, ayo coblos 02! #PrabowoGibran2024',
      author: 'Relawan Garuda Nusantara',
      handle: 'relawan.garuda',
      draft: 'Setuju, mantap!',
      hashtags: ['PrabowoGibran2024'],
    });
    // the comments already under the story are not the story
    expect(r!.content.text).not.toMatch(/dicatat/);
    expect(r!.composer).toBe($('textarea[name="comment_text"]'));
  });

  it("the draft is the textarea's value as typed, and its hashtags count", () => {
    loadFixture('facebook/mobile-comment-en.html');
    const box = $('textarea', story('mce2'));
    type(box, 'Coblos 02 ya! #PrabowoGibran2024');
    const r = click(facebook, $('[data-sigil~="composer-submit"]', story('mce2')));
    expect(r!.content).toMatchObject({
      text: 'Tried the new noodle place near Braga today. Worth the queue.',
      author: 'Rina Kusuma',
      draft: 'Coblos 02 ya! #PrabowoGibran2024',
      hashtags: ['PrabowoGibran2024'],
    });
  });

  it('feed (en): the box under each story is about that story; a neutral one reads as neutral', () => {
    loadFixture('facebook/mobile-comment-en.html');
    const partisan = click(facebook, $('[data-sigil~="composer-submit"]', story('mce1')));
    expect(partisan).toMatchObject({ action: 'comment', detail: 'comment' });
    expect(partisan!.content).toMatchObject({
      text: 'Vote for change: Anies–Muhaimin, ballot number 1! #AMIN2024',
      author: 'AMIN Volunteers',
      draft: 'Great, see you there',
    });
    const neutral = click(facebook, $('[data-sigil~="composer-submit"]', story('mce2')));
    expect(neutral!.content).toMatchObject({
      text: 'Tried the new noodle place near Braga today. Worth the queue.',
      draft: 'Looks delicious!',
    });
  });

  it('Enter in the m-site comment box is a newline, not a send', () => {
    loadFixture('facebook/mobile-comment-id.html');
    expect(key(facebook, $('textarea[name="comment_text"]'), 'Enter')).toBeNull();
  });

  it('an empty box sends nothing unless a photo is attached: attachmentsOnly', () => {
    loadFixture('facebook/mobile-comment-id.html');
    type($('textarea[name="comment_text"]'), '');
    $('textarea[name="comment_text"]').textContent = '';
    expect(click(facebook, $('[data-sigil~="composer-submit"]'))!.attachmentsOnly).toBe(true);
  });

  it('the comment link (feed-ufi-trigger) only opens the box', () => {
    loadFixture('facebook/mobile-comment-en.html');
    expect(click(facebook, $('[data-sigil~="feed-ufi-trigger"]', story('mce1')))).toBeNull();
  });
});

describe('Facebook adapter, m.facebook.com: post (the full-screen status composer)', () => {
  beforeEach(() => facebook.reset());

  it('Posting (submit_composer): a post of the draft and the link preview under it', () => {
    loadFixture('facebook/mobile-composer-id.html');
    const send = $('[data-sigil~="submit_composer"]');
    const r = click(facebook, send);
    expect(r).toMatchObject({ site: 'facebook', action: 'post', detail: 'post' });
    expect(r!.control).toBe(send);
    expect(r!.byLabel).toBeUndefined();
    expect(r!.content).toMatchObject({
      draft: 'Info penting untuk warga, simak di tautan ini',
      linkTitle: 'Ayo coblos 02 tanggal 14 Februari #PrabowoGibran2024 relawan-nusantara.example',
      linkUrl: 'https://relawan-nusantara.example/coblos-02',
      hashtags: ['PrabowoGibran2024'],
    });
    expect(r!.composer).toBe($('textarea[name="xc_message"]'));
  });

  it('a photo picked in the composer belongs to that composer (the photo check holds its post only)', () => {
    loadFixture('facebook/mobile-composer-id.html');
    const editor = $('textarea[name="xc_message"]');
    expect(facebook.composerOf!($('input[type="file"]'), facebook.selectors, document)).toBe(editor);
    expect(click(facebook, $('[data-sigil~="submit_composer"]'))!.composer).toBe(editor);
    expect(click(facebook, $('[data-sigil~="photo-button"]'))).toBeNull();
  });

  it('English UI: Post is a post of the (neutral) draft', () => {
    loadFixture('facebook/mobile-composer-en.html');
    const r = click(facebook, $('button[value="Post"]'));
    expect(r).toMatchObject({
      action: 'post',
      detail: 'post',
      content: { draft: 'Lovely morning run around Dago, then coffee with the team.' },
    });
    expect(r!.content.text).toBeUndefined();
  });

  it('Enter in the composer is a newline; the audience and back controls are no actions', () => {
    loadFixture('facebook/mobile-composer-id.html');
    expect(key(facebook, $('textarea[name="xc_message"]'), 'Enter')).toBeNull();
    expect(click(facebook, byText('a[role="button"]', 'Publik'))).toBeNull();
    expect(click(facebook, $('[aria-label="Kembali"]'))).toBeNull();
  });
});

describe('Facebook adapter, m.facebook.com: share (share-popup → the share sheet)', () => {
  beforeEach(() => {
    facebook.reset();
    loadFixture('facebook/mobile-share-id.html');
  });
  const popupOf = (id: string) => $('[data-sigil~="share-popup"]', story(id));

  it('the share link only opens the sheet: no action, not even by its label', () => {
    expect(click(facebook, popupOf('ms1'))).toBeNull();
  });

  it('"Bagikan sekarang" (share-one-click-button) shares the story whose share link opened the sheet', () => {
    click(facebook, popupOf('ms1'));
    const now = $('#share-one-click-button');
    const r = click(facebook, now);
    expect(r).toMatchObject({ site: 'facebook', action: 'share', detail: 'share' });
    expect(r!.control).toBe(now);
    expect(r!.byLabel).toBeUndefined();
    expect(r!.read).toBeUndefined();
    expect(r!.content).toMatchObject({
      text: 'Ayo coblos 02! #PrabowoGibran2024 Indonesia Maju, lanjutkan!',
      author: 'Relawan Garuda Nusantara',
      hashtags: ['PrabowoGibran2024'],
    });
  });

  it('the sheet opened from a neutral story shares that story', () => {
    click(facebook, popupOf('ms1'));
    click(facebook, popupOf('ms2'));
    expect(click(facebook, $('#share-one-click-button'))!.content).toMatchObject({
      text: 'Resep rendang padang yang empuk, dimasak tiga jam dengan api kecil.',
      author: 'Sari Dewi',
    });
  });

  it('"Tulis postingan" opens the write step; its submit (#share_submit) shares the story with the draft', () => {
    click(facebook, popupOf('ms1'));
    expect(click(facebook, $('#share-with-message-button'))).toBeNull();
    type($('#share_msg_input'), 'Wajib dibaca #AMIN2024');
    const r = click(facebook, $('#share_submit'));
    expect(r).toMatchObject({ action: 'share', detail: 'share' });
    expect(r!.byLabel).toBeUndefined();
    expect(r!.content).toMatchObject({
      text: 'Ayo coblos 02! #PrabowoGibran2024 Indonesia Maju, lanjutkan!',
      draft: 'Wajib dibaca #AMIN2024',
    });
  });

  it('"Kirim di Messenger" is no share (it opens a chat picker)', () => {
    click(facebook, popupOf('ms1'));
    expect(click(facebook, byText('#share-sheet a', 'Kirim di Messenger'))).toBeNull();
  });
});

describe('Facebook adapter, m.facebook.com: follow and like page', () => {
  const startURL = window.location.href;
  beforeEach(() => facebook.reset());
  afterEach(() => happyDOM.setURL(startURL));

  it('page header: Ikuti (a /a/subscribe.php link) is a follow about the page: its name, intro and handle', () => {
    loadFixture('facebook/mobile-profile-id.html');
    happyDOM.setURL('https://m.facebook.com/timdigital.0202');
    const follow = byText('#m-timeline-cover-section a', 'Ikuti');
    const r = click(facebook, follow);
    expect(r).toMatchObject({ site: 'facebook', action: 'follow', detail: 'follow' });
    expect(r!.control).toBe(follow);
    expect(r!.content).toMatchObject({ author: 'Tim Digital Prabowo Gibran', handle: 'timdigital.0202' });
    expect(r!.content.text).toMatch(/#PrabowoGibran2024/);
  });

  it('page header: Sukai Halaman (a /a/profile.php?fan link) is a follow/like about the page', () => {
    loadFixture('facebook/mobile-profile-id.html');
    const r = click(facebook, byText('#m-timeline-cover-section a', 'Sukai Halaman'));
    expect(r).toMatchObject({ action: 'follow', detail: 'like', content: { author: 'Tim Digital Prabowo Gibran' } });
  });

  it('the link hooks come first: a follow link in another UI language is still a follow', () => {
    loadFixture('facebook/mobile-profile-id.html');
    const follow = byText('#m-timeline-cover-section a', 'Ikuti');
    follow.textContent = 'Seguir';
    follow.removeAttribute('role');
    expect(click(facebook, follow)).toMatchObject({
      action: 'follow',
      detail: 'follow',
      content: { author: 'Tim Digital Prabowo Gibran' },
    });
  });

  it("Ikuti in a story header: a follow about the story's author, found by its hook, not its label", () => {
    loadFixture('facebook/mobile-profile-id.html');
    const partisan = click(facebook, $('header a[href*="/a/subscribe.php"]', story('mf1')));
    expect(partisan).toMatchObject({ action: 'follow', detail: 'follow' });
    expect(partisan!.byLabel).toBeUndefined();
    expect(partisan!.content).toMatchObject({
      author: 'Relawan Garuda Nusantara',
      handle: 'relawan.garuda',
      text: 'Ayo coblos 02 tanggal 14 Februari! #PrabowoGibran2024',
    });
    const neutral = click(facebook, $('header a[href*="/a/subscribe.php"]', story('mf2')));
    expect(neutral!.content).toMatchObject({
      author: 'Kebun Raya Bogor',
      text: 'Bunga bangkai mekar lagi minggu ini, kunjungi kami pagi hari.',
    });
  });

  it('English UI: Follow and Like Page on a (neutral) page header', () => {
    loadFixture('facebook/mobile-profile-en.html');
    expect(click(facebook, byText('a', 'Follow'))).toMatchObject({
      action: 'follow',
      detail: 'follow',
      content: { author: 'Warung Kopi Dago' },
    });
    expect(click(facebook, byText('a', 'Like Page'))).toMatchObject({
      action: 'follow',
      detail: 'like',
      content: { author: 'Warung Kopi Dago' },
    });
  });

  it("the header's message link is no action", () => {
    loadFixture('facebook/mobile-profile-id.html');
    expect(click(facebook, byText('#m-timeline-cover-section a', 'Kirim Pesan'))).toBeNull();
  });
});
