/**
 * Threads end-to-end on https://www.threads.net (fixture pages): like, repost and quote (menu
 * portal), reply (Enter in the reply box, Post), post (composer), follow (avatar "+" card,
 * suggestion). Partisan content raises the dialog, cancel holds, proceed replays exactly once;
 * neutral passes.
 */
import { describe, it } from 'vitest';
import {
  expectNoDialog,
  openFixture,
  sessionForFile,
} from './harness';
import { heldThenReplayed, passes, typeIn } from './sites-support';

const shared = sessionForFile();

describe.each(['home-id.html', 'home-en.html'])('Threads %s', (file) => {
  const url = `https://www.threads.net/${file}`;

  it('like: partisan held/replayed once; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click('#th1-like'), { action: 'like', postId: 'th1' });
    const other = await openFixture(shared.session, url);
    await passes(other, () => other.click('#th2-like'), { action: 'like', postId: 'th2' });
    await page.close();
    await other.close();
  });

  it('repost and quote: the icon opens the menu without a warning; the items are held for the partisan post; neutral passes', async () => {
    for (const [item, action] of [['#th-menu-repost', 'repost'], ['#th-menu-quote', 'quote']] as const) {
      const page = await openFixture(shared.session, url);
      await page.click('#th1-repost');
      await page.waitForSelector('#th-repost-menu:not([hidden])');
      await expectNoDialog(page, 300);
      await heldThenReplayed(page, () => page.click(item), { action, postId: 'th1' });
      const other = await openFixture(shared.session, url);
      await other.click('#th2-repost');
      await passes(other, () => other.click(item), { action, postId: 'th2' });
      await page.close();
      await other.close();
    }
  });

  it('reply: Enter in the reply box and its Post button are held for the partisan post; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await page.click('#th1-reply');
    await typeIn(page, '#th-reply-editor', 'Setuju');
    await heldThenReplayed(page, () => page.keyboard.press('Enter'), { action: 'reply', postId: 'th1' });
    const button = await openFixture(shared.session, url);
    await button.click('#th1-reply');
    await typeIn(button, '#th-reply-editor', 'Setuju');
    await heldThenReplayed(button, () => button.click('#th-reply-post'), { action: 'reply', postId: 'th1' });
    const other = await openFixture(shared.session, url);
    await other.click('#th2-reply');
    await typeIn(other, '#th-reply-editor', 'Terima kasih infonya');
    await passes(other, () => other.keyboard.press('Enter'), { action: 'reply', postId: 'th2' });
    await page.close();
    await button.close();
    await other.close();
  });

  it('post: a partisan draft is held (Post button); a neutral draft passes', async () => {
    const page = await openFixture(shared.session, url);
    await page.click('#th-new-thread');
    await typeIn(page, '#th-composer-editor', 'Dukung AMIN nomor urut 1!');
    await heldThenReplayed(page, () => page.click('#th-composer-post'), { action: 'post', postId: '' });
    const other = await openFixture(shared.session, url);
    await other.click('#th-new-thread');
    await typeIn(other, '#th-composer-editor', 'Selamat pagi, semangat kerja');
    await passes(other, () => other.click('#th-composer-post'), { action: 'post', postId: '' });
    await page.close();
    await other.close();
  });

  it('follow: the avatar "+" opens the card without a warning; its button is held for the partisan author; a suggestion passes', async () => {
    const page = await openFixture(shared.session, url);
    await page.click('#th1-plus');
    await page.waitForSelector('#th-follow-card:not([hidden])');
    await expectNoDialog(page, 300);
    await heldThenReplayed(page, () => page.click('#th-card-follow'), { action: 'follow', postId: 'th1' });
    const other = await openFixture(shared.session, url);
    await passes(other, () => other.click('#th-sugg-follow'), { action: 'follow', postId: 'th-sugg' });
    await page.close();
    await other.close();
  });
});
