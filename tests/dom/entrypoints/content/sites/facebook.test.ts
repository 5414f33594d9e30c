import { beforeEach, describe, expect, it } from 'vitest';
import facebook from '@/entrypoints/content/sites/facebook';
import { $, byText, click, fire, key, loadFixture } from './load-fixture';

const post = (id: string) => $(`[role="article"][data-post-id="${id}"]`);
const inPost = (id: string, sel: string) => $(sel, post(id));
const likeOf = (id: string) => inPost(id, '[data-ad-rendering-role="like_button"]').closest('[role="button"]')!;

describe.each([
  { lang: 'id', page: 'facebook/feed-id.html', reactions: 'Tanggapan', love: 'Super', like: 'Suka', shareNow: 'Bagikan sekarang (Publik)', shareFriends: 'Bagikan sekarang (Teman)', send: 'Kirim' },
  { lang: 'en', page: 'facebook/feed-en.html', reactions: 'Reactions', love: 'Love', like: 'Like', shareNow: 'Share now (Public)', shareFriends: 'Share now (Friends)', send: 'Send' },
])('Facebook adapter, $lang UI', (t) => {
  beforeEach(() => {
    facebook.reset();
    loadFixture(t.page);
  });

  it('like: the inner like_button marker resolves to the role=button; content = story, author, handle, hashtags, image alt, permalink', () => {
    const r = click(facebook, $('span', likeOf('f1')));
    expect(r).toMatchObject({ site: 'facebook', action: 'like', detail: 'like' });
    expect(r!.control).toBe(likeOf('f1'));
    expect(r!.content).toMatchObject({
      text: 'Ayo coblos 02! #PrabowoGibran2024 Indonesia Maju, lanjutkan!',
      author: 'Relawan Garuda Nusantara',
      handle: 'relawan.garuda',
      hashtags: ['PrabowoGibran2024'],
      imageAlt: ['Poster Prabowo-Gibran nomor urut 2'],
    });
    expect(r!.content.url).toMatch(/\/relawan\.garuda\/posts\//);
    // comments are not part of the post's text
    expect(r!.content.text).not.toMatch(/satu putaran/);
  });

  it('like: exact aria-label fallback when the marker is gone; the count widget "Suka: N orang" is not a like', () => {
    const btn = likeOf('f2');
    btn.querySelector('[data-ad-rendering-role]')!.removeAttribute('data-ad-rendering-role');
    expect(click(facebook, btn)?.content.author).toBe('Sari Dewi');
    expect(click(facebook, inPost('f2', '[aria-label*=":"]'))).toBeNull();
  });

  it('like: link card title and l.php target URL; a shared post is the quoted text', () => {
    const r = click(facebook, likeOf('f3'));
    expect(r!.content).toMatchObject({
      linkTitle: 'Visi misi Anies–Muhaimin untuk Indonesia adil makmur',
      linkUrl: 'https://example.org/visi-misi-amin',
      hashtags: ['AMIN2024'],
    });
    const s = click(facebook, likeOf('f6'));
    expect(s!.content).toMatchObject({ author: 'Andi Pratama', quoted: 'Anies–Muhaimin nomor urut 1, pilih perubahan!' });
  });

  it('already reacted ("Hapus Suka"/"Remove Like") returns null', () => {
    expect(click(facebook, likeOf('f4'))).toBeNull();
    expect(click(facebook, $('span', likeOf('f4')))).toBeNull();
  });

  it('non-controls return null: story text, post menu, comment-open button, body; dblclick and submit', () => {
    expect(click(facebook, inPost('f1', '[data-ad-rendering-role="story_message"]'))).toBeNull();
    expect(click(facebook, inPost('f1', '[aria-haspopup="menu"]'))).toBeNull();
    expect(click(facebook, inPost('f1', '[data-ad-rendering-role="comment_button"]'))).toBeNull();
    expect(click(facebook, document.body)).toBeNull();
    expect(fire(facebook, likeOf('f1'), 'dblclick')).toBeNull();
    expect(fire(facebook, document.body, 'submit')).toBeNull();
    expect(key(facebook, post('f1'), 'a')).toBeNull();
  });

  it('Enter/Space on a focused like button (div role=button) is a like; Shift+Enter is not', () => {
    expect(key(facebook, likeOf('f1'), 'Enter')?.action).toBe('like');
    expect(key(facebook, likeOf('f1'), ' ')?.action).toBe('like');
    expect(key(facebook, likeOf('f1'), 'Enter', { shiftKey: true })).toBeNull();
  });

  it('like on a comment is about the comment, not the post', () => {
    const c = $('[data-fixture-comment="c1"]');
    const r = click(facebook, byText('[role="button"]', t.like, c));
    expect(r).toMatchObject({ action: 'like', detail: 'like' });
    expect(r!.content).toMatchObject({ text: 'Siap, 02 menang satu putaran!', author: 'Budi Santoso' });
  });

  it('react: a reaction in the flyout portal maps back to the post whose like button was hovered', () => {
    fire(facebook, document.body, 'click'); // first detect call installs the hover watch
    fire(facebook, $('span', likeOf('f3')), 'pointerover');
    const flyout = $(`[aria-label="${t.reactions}"]`);
    const r = click(facebook, $(`[aria-label="${t.love}"]`, flyout));
    expect(r).toMatchObject({ site: 'facebook', action: 'like', detail: 'react' });
    expect(r!.control).toBe($(`[aria-label="${t.love}"]`, flyout));
    expect(r!.content.author).toBe('Suara Perubahan');
    // hovering another post's like button re-targets; the flyout's own "Like" is detail "like"
    fire(facebook, likeOf('f5'), 'pointerdown');
    const l = click(facebook, $(`[aria-label="${t.like}"]`, flyout));
    expect(l).toMatchObject({ action: 'like', detail: 'like' });
    expect(l!.content.author).toBe('Kuliner Jakarta');
    // the flyout container itself is not a reaction
    expect(click(facebook, flyout)).toBeNull();
  });

  it('comment: Enter without Shift in the post\'s editor → comment with the draft and the post', () => {
    const editor = inPost('f1', '[contenteditable="true"][role="textbox"]');
    editor.innerHTML = '<p>Mantap, 02 pasti menang!</p>';
    const r = key(facebook, $('p', editor), 'Enter');
    expect(r).toMatchObject({ site: 'facebook', action: 'comment', detail: 'comment' });
    expect(r!.control).toBe(editor);
    expect(r!.content).toMatchObject({ draft: 'Mantap, 02 pasti menang!', author: 'Relawan Garuda Nusantara', text: expect.stringContaining('Ayo coblos 02!') });
    expect(key(facebook, editor, 'Enter', { shiftKey: true })).toBeNull();
    expect(key(facebook, editor, 'Enter', { isComposing: true })).toBeNull();
    editor.innerHTML = '<p><br></p>';
    // an empty box sends nothing but an attached photo: the pipeline passes it unless one is attached
    expect(key(facebook, editor, 'Enter')).toMatchObject({ attachmentsOnly: true, composer: editor });
  });

  it('comment: the send button (Posting komentar / Post comment) with a draft; without a draft → photo only', () => {
    const editor = inPost('f5', '[contenteditable="true"][role="textbox"]');
    const send = inPost('f5', '.comment-composer [role="button"]');
    expect(click(facebook, send)).toMatchObject({ attachmentsOnly: true });
    editor.innerHTML = '<p>Harganya berapa?</p>';
    const r = click(facebook, send);
    expect(r).toMatchObject({ action: 'comment', detail: 'comment' });
    expect(r!.content).toMatchObject({ draft: 'Harganya berapa?', author: 'Kuliner Jakarta' });
  });

  it('comment: Enter in the post dialog\'s editor (post opened as a dialog)', () => {
    const r = key(facebook, $('#post-dialog [contenteditable="true"]'), 'Enter');
    expect(r).toMatchObject({ action: 'comment', detail: 'comment' });
    expect(r!.content).toMatchObject({ author: 'Suara Perubahan', text: expect.stringContaining('Dukung AMIN'), draft: expect.stringMatching(/AMIN/) });
  });

  it('Enter in a Messenger chat box or the share dialog\'s text box is not a comment', () => {
    expect(key(facebook, $('[aria-label="Messenger"] [contenteditable="true"]'), 'Enter')).toBeNull();
    const say = $('#share-dialog [contenteditable="true"]');
    say.innerHTML = '<p>lihat ini</p>';
    expect(key(facebook, say, 'Enter')).toBeNull();
  });

  it('share: step 1 only opens the dialog (null); "share now" (both variants) maps back to that post', () => {
    expect(click(facebook, inPost('f1', '[data-ad-rendering-role="share_button"]'))).toBeNull();
    const r = click(facebook, byText('#share-dialog span', t.shareNow));
    expect(r).toMatchObject({ site: 'facebook', action: 'share', detail: 'share' });
    expect(r!.control).toBe(byText('#share-dialog [role="button"]', t.shareNow));
    expect(r!.content).toMatchObject({ author: 'Relawan Garuda Nusantara', hashtags: ['PrabowoGibran2024'] });
    click(facebook, inPost('f2', '[role="button"][aria-label*="."]')); // share by its aria-label
    expect(click(facebook, byText('#share-dialog [role="button"]', t.shareFriends))?.content.author).toBe('Sari Dewi');
  });

  it('share dialog: the Messenger "Kirim"/"Send" is not a post (docs/sites.md, label trap 5)', () => {
    click(facebook, inPost('f1', '[data-ad-rendering-role="share_button"]'));
    expect(click(facebook, $(`#share-dialog .messenger [aria-label="${t.send}"]`))).toBeNull();
  });

  it('post: the create-post dialog\'s final button → post with the draft and hashtags', () => {
    const r = click(facebook, $('#create-post .step2 [role="button"] span'));
    expect(r).toMatchObject({ site: 'facebook', action: 'post', detail: 'post' });
    expect(r!.content.draft).toMatch(/AMIN nomor 1/);
    expect(r!.content.hashtags).toEqual(['AMIN2024']);
  });

  it('post: two-step composer — the draft captured at "Berikutnya"/"Next" is used when the editor is gone', () => {
    expect(click(facebook, $('#create-post .step1 [role="button"]'))).toBeNull();
    $('#create-post .step1').remove(); // the settings step replaces the editor
    const r = click(facebook, $('#create-post .step2 [role="button"]'));
    expect(r?.action).toBe('post');
    expect(r!.content.draft).toMatch(/#AMIN2024/);
  });

  it('post: Enter in the post composer is a newline, not a comment', () => {
    expect(key(facebook, $('#create-post [contenteditable="true"]'), 'Enter')).toBeNull();
  });

  it('follow in a post header → follow about the post\'s author', () => {
    const r = click(facebook, $('span', inPost('f1', 'h4 [role="button"]')));
    expect(r).toMatchObject({ site: 'facebook', action: 'follow', detail: 'follow' });
    expect(r!.content).toMatchObject({ author: 'Relawan Garuda Nusantara', text: expect.stringContaining('coblos 02') });
    expect(click(facebook, inPost('f2', 'h4 [role="button"]'))?.content.author).toBe('Sari Dewi');
  });

  it('a rule-bundle override replaces a selector (renamed like marker)', () => {
    const marker = inPost('f1', '[data-ad-rendering-role="like_button"]');
    const btn = likeOf('f1');
    marker.setAttribute('data-ad-rendering-role', 'like_button_v2');
    btn.setAttribute('aria-label', 'x');
    marker.querySelector('span')!.textContent = 'x';
    expect(click(facebook, marker)).toBeNull();
    const overridden = { ...facebook.selectors, like: ['[data-ad-rendering-role="like_button_v2"]'] };
    const r = click(facebook, marker, overridden);
    expect(r?.control).toBe(btn);
    expect(r?.content.author).toBe('Relawan Garuda Nusantara');
  });

  it('never throws on broken selectors; the label layer still finds the like in its post', () => {
    const broken = Object.fromEntries(Object.keys(facebook.selectors).map((k) => [k, ['[[[']]));
    const r = click(facebook, likeOf('f1'), broken);
    expect(r).toMatchObject({ action: 'like', byLabel: true, read: 'container' });
    expect(r?.content.text).toContain('Ayo coblos 02!');
    expect(key(facebook, inPost('f1', '[contenteditable="true"]'), 'Enter', {}, broken)).toBeNull();
  });
});

describe.each([
  { lang: 'id', page: 'facebook/page-id.html', likePage: 'Sukai Halaman', follow: 'Ikuti' },
  { lang: 'en', page: 'facebook/page-en.html', likePage: 'Like Page', follow: 'Follow' },
])('Facebook page header, $lang UI', (t) => {
  beforeEach(() => loadFixture(t.page));
  it('like page → follow/like about the page name; follow → follow/follow', () => {
    const r = click(facebook, byText('.page-header span', t.likePage));
    expect(r).toMatchObject({ site: 'facebook', action: 'follow', detail: 'like', content: { author: 'Tim Digital Prabowo Gibran', group: 'Tim Digital Prabowo Gibran' } });
    expect(r!.content.text).toContain('Akun resmi tim kampanye Prabowo–Gibran');
    const f = click(facebook, $(`.page-header [aria-label="${t.follow}"]`));
    expect(f).toMatchObject({ action: 'follow', detail: 'follow', content: { author: 'Tim Digital Prabowo Gibran' } });
  });
});

describe.each([
  { lang: 'id', page: 'facebook/group-id.html', join: 'Gabung ke grup' },
  { lang: 'en', page: 'facebook/group-en.html', join: 'Join group' },
])('Facebook group, $lang UI', (t) => {
  beforeEach(() => loadFixture(t.page));
  it('join group → follow/join with the group name', () => {
    const r = click(facebook, byText('.group-header span', t.join));
    expect(r).toMatchObject({ site: 'facebook', action: 'follow', detail: 'join', content: { group: 'Relawan Ganjar–Mahfud Jawa Tengah' } });
    expect(r!.content.author).toBeUndefined();
    expect(r!.content.text).toContain('Grup relawan pemenangan Ganjar–Mahfud');
  });
  it('a post in a group names the group', () => {
    const r = click(facebook, likeOf('g1'));
    expect(r!.content).toMatchObject({ author: 'Barisan Tiga', group: 'Relawan Ganjar–Mahfud Jawa Tengah' });
  });
});
