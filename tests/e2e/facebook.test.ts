/**
 * Facebook end-to-end: the built extension in Chromium on https://www.facebook.com (fixture pages,
 * see tests/fixtures/sites/README.md). For each action kind: partisan content raises the dialog and
 * neutral content does not; cancel holds (the page's own handler never runs); proceed replays
 * exactly once; keyboard paths (Enter in a comment box, Enter on a focused like button) too.
 */
import { describe, it } from 'vitest';
import {
  expectNoDialog,
  openFixture,
  sessionForFile,
} from './harness';
import { heldThenReplayed, passes, setSettings } from './sites-support';

// About the adapter and hold/replay, not the calendar: Pemilu 2024 content is "low" after the election.
const shared = sessionForFile({ prepare: (session) => setSettings(session, { actionBySeverity: { high: 'warn', medium: 'warn', low: 'warn' } }) });

const post = (id: string) => `[role="article"][data-post-id="${id}"]`;
const likeButton = (id: string) => `${post(id)} [role="button"]:has(> [data-ad-rendering-role="like_button"])`;

describe.each([
  { file: 'feed-id.html', react: 'Super', shareNow: 'Bagikan sekarang (Publik)', send: 'Kirim', next: 'Berikutnya', postBtn: 'Kirim' },
  { file: 'feed-en.html', react: 'Love', shareNow: 'Share now (Public)', send: 'Send', next: 'Next', postBtn: 'Post' },
])('Facebook $file', (t) => {
  const url = `https://www.facebook.com/${t.file}`;

  it('like: partisan → dialog, cancel holds, proceed replays once; neutral passes; Enter on the focused button too', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click(likeButton('f1')), { action: 'like', postId: 'f1' });
    const neutral = await openFixture(shared.session, url);
    await passes(neutral, () => neutral.click(likeButton('f2')), { action: 'like', postId: 'f2' });
    const keyed = await openFixture(shared.session, url);
    await heldThenReplayed(
      keyed,
      async () => {
        await keyed.focus(likeButton('f3'));
        await keyed.keyboard.press('Enter');
      },
      { action: 'like', postId: 'f3' },
    );
    for (const p of [page, neutral, keyed]) await p.close();
  });

  it('react: a reaction in the hover flyout is held for the partisan post it opened from', async () => {
    const page = await openFixture(shared.session, url);
    const react = async () => {
      await page.hover(likeButton('f3'));
      await page.waitForSelector('#reactions-flyout:not([hidden])');
      await page.click(`#reactions-flyout [aria-label="${t.react}"]`);
    };
    await heldThenReplayed(page, react, { action: `react:${t.react}`, postId: 'f3' });
    const neutral = await openFixture(shared.session, url);
    await passes(
      neutral,
      async () => {
        await neutral.hover(likeButton('f5'));
        await neutral.waitForSelector('#reactions-flyout:not([hidden])');
        await neutral.click(`#reactions-flyout [aria-label="${t.react}"]`);
      },
      { action: `react:${t.react}`, postId: 'f5' },
    );
    await page.close();
    await neutral.close();
  });

  it('comment: Enter in the comment box under a partisan post is held; Shift+Enter is not; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    const box = `${post('f1')} [contenteditable="true"][role="textbox"]`;
    await page.click(box);
    await page.keyboard.type('Siap menangkan!');
    await page.keyboard.press('Shift+Enter');
    await expectNoDialog(page, 300);
    await heldThenReplayed(page, () => page.keyboard.press('Enter'), { action: 'comment', postId: 'f1' });
    const neutral = await openFixture(shared.session, url);
    await neutral.click(`${post('f5')} [contenteditable="true"][role="textbox"]`);
    await neutral.keyboard.type('Harganya berapa?');
    await passes(neutral, () => neutral.keyboard.press('Enter'), { action: 'comment', postId: 'f5' });
    await page.close();
    await neutral.close();
  });

  it('comment: the send button is held too', async () => {
    const page = await openFixture(shared.session, url);
    await page.click(`${post('f3')} [contenteditable="true"][role="textbox"]`);
    await page.keyboard.type('Setuju!');
    await heldThenReplayed(page, () => page.click(`${post('f3')} .comment-composer [role="button"]`), { action: 'comment', postId: 'f3' });
    await page.close();
  });

  it('share: the share button opens the dialog without a warning; "share now" is held for the partisan post; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await page.click(`${post('f1')} [data-ad-rendering-role="share_button"]`);
    await page.waitForSelector('#share-dialog:not([hidden])');
    await expectNoDialog(page, 300);
    await heldThenReplayed(page, () => page.click(`#share-dialog [role="button"]:has-text("${t.shareNow}")`), { action: 'share', postId: 'f1' });
    const neutral = await openFixture(shared.session, url);
    await neutral.click(`${post('f2')} [data-ad-rendering-role="share_button"]`);
    await passes(neutral, () => neutral.click(`#share-dialog [role="button"]:has-text("${t.shareNow}")`), { action: 'share', postId: 'f2' });
    await page.close();
    await neutral.close();
  });

  it('share dialog: sending in Messenger ("Kirim"/"Send") is not mistaken for a post', async () => {
    const page = await openFixture(shared.session, url);
    await page.click(`${post('f1')} [data-ad-rendering-role="share_button"]`);
    await passes(page, () => page.click(`#share-dialog .messenger [aria-label="${t.send}"]`), { action: 'messenger-send', postId: 'f1' });
    await page.close();
  });

  it('post: the create-post dialog\'s final button is held for a partisan draft (after Next); a neutral draft passes', async () => {
    const page = await openFixture(shared.session, url);
    await page.click('#composer-entry [role="button"]');
    await page.waitForSelector('#create-post:not([hidden])');
    await page.click(`#create-post [aria-label="${t.next}"]`);
    await expectNoDialog(page, 300);
    await heldThenReplayed(page, () => page.click(`#create-post .step2 [aria-label="${t.postBtn}"]`), { action: 'post', postId: 'compose' });
    const neutral = await openFixture(shared.session, url);
    await neutral.click('#composer-entry [role="button"]');
    await neutral.evaluate(() => {
      document.querySelector('#create-post [contenteditable="true"]')!.textContent = 'Selamat ulang tahun, Ibu!';
    });
    await passes(neutral, () => neutral.click(`#create-post .step2 [aria-label="${t.postBtn}"]`), { action: 'post', postId: 'compose' });
    await page.close();
    await neutral.close();
  });

  it('follow: following a partisan author from the post header is held; a neutral one passes', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click(`${post('f1')} h4 [role="button"]`), { action: 'follow', postId: 'f1' });
    const neutral = await openFixture(shared.session, url);
    await passes(neutral, () => neutral.click(`${post('f2')} h4 [role="button"]`), { action: 'follow', postId: 'f2' });
    await page.close();
    await neutral.close();
  });
});

describe.each([
  { lang: 'id', likePage: 'Sukai Halaman', join: 'Gabung ke grup' },
  { lang: 'en', likePage: 'Like Page', join: 'Join group' },
])('Facebook page and group headers, $lang', (t) => {
  it('like page and follow on a partisan page are held', async () => {
    const page = await openFixture(shared.session, `https://www.facebook.com/page-${t.lang}.html`);
    await heldThenReplayed(page, () => page.click(`.page-header [aria-label="${t.likePage}"]`), { action: 'like-page', postId: 'page-tkd' });
    await page.close();
  });

  it('join group on a partisan group is held', async () => {
    const page = await openFixture(shared.session, `https://www.facebook.com/group-${t.lang}.html`);
    await heldThenReplayed(page, () => page.click(`.group-header [aria-label="${t.join}"]`), { action: 'join', postId: 'group-relawan3' });
    await page.close();
  });
});
