/**
 * TikTok end-to-end on https://www.tiktok.com (fixture pages): for each action kind, partisan content
 * raises the dialog, cancel holds, proceed replays exactly once; neutral content passes. Includes
 * double-tap, Enter in the comment box, the share panel's Repost (a portal mapped to its video) and
 * the upload page's Posting/Post.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  clickDialogButton,
  expectNoDialog,
  openFixture,
  sessionForFile,
  waitForDialog,
} from './harness';
import { actions, heldThenReplayed, passes } from './sites-support';

const shared = sessionForFile();

describe.each(['feed-id.html', 'feed-en.html'])('TikTok %s', (file) => {
  const url = `https://www.tiktok.com/${file}`;

  it('like (heart and double-tap): partisan held/replayed once; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click('#tt-1-like'), { action: 'like', postId: 'tt-1' });
    const tap = await openFixture(shared.session, url);
    await heldThenReplayed(tap, () => tap.dblclick('#tt-1-video'), { action: 'like', postId: 'tt-1' });
    const other = await openFixture(shared.session, url);
    await passes(other, () => other.click('#tt-2-like'), { action: 'like', postId: 'tt-2' });
    await page.close();
    await tap.close();
    await other.close();
  });

  it('comment (Enter and Post) in the drawer opened from the partisan video is held; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await page.click('#tt-1-comment');
    await page.waitForSelector('#tt-comments:not([hidden])');
    await page.click('#tt-comment-box');
    await page.keyboard.type('Setuju!');
    await heldThenReplayed(page, () => page.keyboard.press('Enter'), { action: 'comment', postId: 'tt-1' });
    const byButton = await openFixture(shared.session, url);
    await byButton.click('#tt-1-comment');
    await byButton.click('#tt-comment-box');
    await byButton.keyboard.type('Setuju!');
    await heldThenReplayed(byButton, () => byButton.click('#tt-comment-post'), { action: 'comment', postId: 'tt-1' });
    const other = await openFixture(shared.session, url);
    await other.click('#tt-2-comment');
    await other.click('#tt-comment-box');
    await other.keyboard.type('Mantap');
    await passes(other, () => other.keyboard.press('Enter'), { action: 'comment', postId: 'tt-2' });
    await page.close();
    await byButton.close();
    await other.close();
  });

  it('share: partisan held/replayed once; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click('#tt-1-share'), { action: 'share', postId: 'tt-1' });
    const other = await openFixture(shared.session, url);
    await passes(other, () => other.click('#tt-2-share'), { action: 'share', postId: 'tt-2' });
    await page.close();
    await other.close();
  });

  it('repost in the share panel: held for the partisan video (after its share was allowed), replayed once; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await page.click('#tt-1-share');
    await waitForDialog(page);
    await clickDialogButton(page, 'jaga-proceed');
    await page.waitForSelector('#tt-share:not([hidden])');
    const allowedShare = { action: 'share', postId: 'tt-1' };
    await expect.poll(() => actions(page)).toEqual([allowedShare]);
    await page.click('#tt-repost');
    await waitForDialog(page);
    await clickDialogButton(page, 'jaga-cancel');
    await page.waitForTimeout(200);
    expect(await actions(page)).toEqual([allowedShare]);
    await page.click('#tt-repost');
    await waitForDialog(page);
    await clickDialogButton(page, 'jaga-proceed');
    await expect.poll(() => actions(page)).toEqual([allowedShare, { action: 'repost', postId: 'tt-1' }]);
    await page.waitForTimeout(300);
    expect(await actions(page)).toEqual([allowedShare, { action: 'repost', postId: 'tt-1' }]);
    const other = await openFixture(shared.session, url);
    await other.click('#tt-2-share');
    await expectNoDialog(other);
    await other.click('#tt-repost');
    // a fresh page may hold an action until its rules are read (see passes() in sites-support.ts)
    await expect.poll(() => actions(other), { timeout: 8_000 }).toEqual([{ action: 'share', postId: 'tt-2' }, { action: 'repost', postId: 'tt-2' }]);
    await expectNoDialog(other);
    expect(await actions(other)).toEqual([{ action: 'share', postId: 'tt-2' }, { action: 'repost', postId: 'tt-2' }]);
    await page.close();
    await other.close();
  });

  it('follow ("+" on the avatar): partisan held/replayed once; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click('#tt-1-plus'), { action: 'follow', postId: 'tt-1' });
    const other = await openFixture(shared.session, url);
    await passes(other, () => other.click('#tt-2-plus'), { action: 'follow', postId: 'tt-2' });
    await page.close();
    await other.close();
  });
});

describe('TikTok video-id.html (detail page)', () => {
  it('follow-button and browse-like-icon on a partisan video are held and replayed once', async () => {
    const url = 'https://www.tiktok.com/video-id.html';
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click('#tt-detail-follow'), { action: 'follow', postId: 'tt-v-id' });
    const like = await openFixture(shared.session, url);
    await heldThenReplayed(like, () => like.click('#tt-detail-like'), { action: 'like', postId: 'tt-v-id' });
    await page.close();
    await like.close();
  });
});

describe.each(['upload-id.html', 'upload-en.html'])('TikTok %s (TikTok Studio upload)', (file) => {
  const url = `https://www.tiktok.com/${file}`;

  /** Replace the prefilled file name in the caption with real keystrokes. */
  async function caption(page: Page, text: string): Promise<void> {
    await page.click('#tt-caption');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(text);
  }

  it('post: a partisan caption holds the post button, replayed once; a neutral caption passes', async () => {
    const page = await openFixture(shared.session, url);
    await caption(page, 'Dukung AMIN nomor urut 1! Perubahan untuk Indonesia. #AMIN2024');
    await heldThenReplayed(page, () => page.click('#tt-post'), { action: 'post', postId: 'tt-new' });
    const other = await openFixture(shared.session, url);
    await caption(other, 'Resep sambal matah rumahan #resep');
    await passes(other, () => other.click('#tt-post'), { action: 'post', postId: 'tt-new' });
    await page.close();
    await other.close();
  });
});
