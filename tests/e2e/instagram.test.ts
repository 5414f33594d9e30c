/**
 * Instagram end-to-end: the built extension in Chromium on https://www.instagram.com (fixture pages,
 * see tests/fixtures/sites/README.md). For each action kind: partisan content raises the dialog and
 * neutral content does not; cancel holds (the page's own handler never runs); proceed replays exactly
 * once. Keyboard (Enter in the comment and story-reply boxes) and double-tap paths included, and a
 * new post through the create dialog.
 */
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import {
  expectNoDialog,
  openFixture,
  sessionForFile,
} from './harness';
import { heldThenReplayed, passes, typeIn } from './sites-support';

const shared = sessionForFile();

const post = (id: string) => `[data-post-id="${id}"]`;

describe.each([
  { file: 'feed-id.html', partisan: 'ig-p1', neutral: 'ig-p2' },
  { file: 'feed-en.html', partisan: 'ig-e1', neutral: 'ig-e2' },
])('Instagram $file', ({ file, partisan, neutral }) => {
  const url = `https://www.instagram.com/${file}`;

  it('like (button): partisan → dialog, cancel holds, proceed replays once; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click(`${post(partisan)} ._aamw [role="button"]`), { action: 'like', postId: partisan });
    const other = await openFixture(shared.session, url);
    await passes(other, () => other.click(`${post(neutral)} ._aamw [role="button"]`), { action: 'like', postId: neutral });
    await page.close();
    await other.close();
  });

  it('like (double-tap on the media): partisan held and replayed once; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.dblclick(`${post(partisan)} ._aagv img`), { action: 'like', postId: partisan });
    const other = await openFixture(shared.session, url);
    await passes(other, () => other.dblclick(`${post(neutral)} ._aagv img`), { action: 'like', postId: neutral });
    await page.close();
    await other.close();
  });

  it('comment (Enter in the box, and the Post/Kirim button): partisan post held; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await page.fill(`${post(partisan)} form textarea`, 'Setuju!');
    await heldThenReplayed(
      page,
      async () => {
        await page.focus(`${post(partisan)} form textarea`);
        await page.keyboard.press('Enter');
      },
      { action: 'comment', postId: partisan },
    );
    const byButton = await openFixture(shared.session, url);
    await byButton.fill(`${post(partisan)} form textarea`, 'Setuju!');
    await heldThenReplayed(byButton, () => byButton.click(`${post(partisan)} form [role="button"]`), { action: 'comment', postId: partisan });
    const other = await openFixture(shared.session, url);
    await other.fill(`${post(neutral)} form textarea`, 'Terima kasih infonya');
    await passes(
      other,
      async () => {
        await other.focus(`${post(neutral)} form textarea`);
        await other.keyboard.press('Enter');
      },
      { action: 'comment', postId: neutral },
    );
    await page.close();
    await byButton.close();
    await other.close();
  });

  it('share: the icon opens the dialog without a warning; its Send is held for the partisan post; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await page.click(`${post(partisan)} ._aamy [role="button"]`);
    await page.waitForSelector('#ig-share:not([hidden])');
    await expectNoDialog(page, 300);
    await heldThenReplayed(page, () => page.click('#share-send'), { action: 'share', postId: partisan });
    const other = await openFixture(shared.session, url);
    await other.click(`${post(neutral)} ._aamy [role="button"]`);
    await other.waitForSelector('#ig-share:not([hidden])');
    await passes(other, () => other.click('#share-send'), { action: 'share', postId: neutral });
    await page.close();
    await other.close();
  });

  it('follow: partisan author held; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click(`${post(partisan)} header [data-fixture-action="follow"]`), { action: 'follow', postId: partisan });
    const other = await openFixture(shared.session, url);
    await passes(other, () => other.click(`${post(neutral)} header [data-fixture-action="follow"]`), { action: 'follow', postId: neutral });
    await page.close();
    await other.close();
  });
});

describe.each(['story-id.html', 'story-en.html'])('Instagram %s', (file) => {
  const url = `https://www.instagram.com/${file}`;

  it('story reply (Enter and Send): partisan story held; neutral story passes', async () => {
    const page = await openFixture(shared.session, url);
    await page.fill('#s1-reply', 'Siap!');
    await heldThenReplayed(
      page,
      async () => {
        await page.focus('#s1-reply');
        await page.keyboard.press('Enter');
      },
      { action: 'story-reply', postId: 'ig-s1' },
    );
    const byButton = await openFixture(shared.session, url);
    await byButton.fill('#s1-reply', 'Siap!');
    await heldThenReplayed(byButton, () => byButton.click('#s1-send'), { action: 'story-reply', postId: 'ig-s1' });
    const other = await openFixture(shared.session, url);
    await other.fill('#s2-reply', 'Enak banget');
    await passes(other, () => other.click('#s2-send'), { action: 'story-reply', postId: 'ig-s2' });
    await page.close();
    await byButton.close();
    await other.close();
  });
});

describe.each(['create-id.html', 'create-en.html'])('Instagram %s (new post)', (file) => {
  const url = `https://www.instagram.com/${file}`;

  /** Create → (media picked) → Next: no warning on the way; then the caption step is shown. */
  async function toCaptionStep(page: Page): Promise<void> {
    await page.click('#ig-create-open');
    await page.click('#ig-next');
    await page.waitForSelector('#ig-create:not([hidden])');
    await expectNoDialog(page, 300);
  }

  it('post: Create and Next pass without a warning; Share with a partisan caption is held, replayed once; a neutral caption passes', async () => {
    const page = await openFixture(shared.session, url);
    await toCaptionStep(page);
    await typeIn(page, '#ig-caption', 'Dukung AMIN nomor urut 1! Perubahan untuk Indonesia. #AMIN2024');
    await heldThenReplayed(page, () => page.click('#ig-share'), { action: 'post', postId: 'ig-new' });
    const other = await openFixture(shared.session, url);
    await toCaptionStep(other);
    await typeIn(other, '#ig-caption', 'Sunday market haul: mangoes and fresh tempeh.');
    await passes(other, () => other.click('#ig-share'), { action: 'post', postId: 'ig-new' });
    await page.close();
    await other.close();
  });
});
