/**
 * X end-to-end: the built extension in Chromium on https://x.com (fixture pages, see
 * tests/fixtures/sites/README.md). For each action kind: partisan content raises the dialog and
 * neutral content does not; cancel holds (the page's own handler never runs); proceed replays
 * exactly once; keyboard paths (l, t → menu, Ctrl/Cmd+Enter, Enter in DMs) are caught too.
 */
import { describe, it } from 'vitest';
import {
  expectNoDialog,
  openFixture,
  sessionForFile,
} from './harness';
import { heldThenReplayed, passes, setSettings } from './sites-support';

// These tests are about the adapter and the hold/replay path, not the calendar: the fixtures'
// Pemilu 2024 content is "low" after the election, so low severity warns here too.
const shared = sessionForFile({ prepare: (session) => setSettings(session, { actionBySeverity: { high: 'warn', medium: 'warn', low: 'warn' } }) });

const tweet = (id: string) => `article[data-post-id="${id}"]`;

describe.each(['home-id.html', 'home-en.html'])('X %s', (file) => {
  const url = `https://x.com/${file}`;

  it('like: partisan → dialog, cancel holds, proceed replays once; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click(`${tweet('x1')} [data-testid="like"]`), { action: 'like', postId: 'x1' });
    const neutral = await openFixture(shared.session, url);
    await passes(neutral, () => neutral.click(`${tweet('x5')} [data-testid="like"]`), { action: 'like', postId: 'x5' });
    await page.close();
    await neutral.close();
  });

  it('like by keyboard: `l` on the focused partisan tweet', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(
      page,
      async () => {
        await page.focus(tweet('x1'));
        await page.keyboard.press('l');
      },
      { action: 'like', postId: 'x1' },
    );
    await page.close();
  });

  it('repost: the menu opens without a dialog; its confirm is held for the partisan tweet; neutral passes', async () => {
    const page = await openFixture(shared.session, url);
    const openMenu = async (id: string) => {
      await page.click(`${tweet(id)} [data-testid="retweet"]`);
      await page.waitForSelector('#repost-menu:not([hidden])');
    };
    await openMenu('x3');
    await expectNoDialog(page, 300);
    await heldThenReplayed(page, () => page.click('[data-testid="retweetConfirm"]'), { action: 'repost', postId: 'x3' });
    const neutral = await openFixture(shared.session, url);
    await neutral.click(`${tweet('x2')} [data-testid="retweet"]`);
    await passes(neutral, () => neutral.click('[data-testid="retweetConfirm"]'), { action: 'repost', postId: 'x2' });
    await page.close();
    await neutral.close();
  });

  it('repost by keyboard: `t` opens the menu, Enter on the focused confirm item is held', async () => {
    const page = await openFixture(shared.session, url);
    await page.focus(tweet('x1'));
    await page.keyboard.press('t');
    await page.waitForSelector('#repost-menu:not([hidden])');
    await expectNoDialog(page, 300);
    await heldThenReplayed(
      page,
      async () => {
        await page.focus('[data-testid="retweetConfirm"]');
        await page.keyboard.press('Enter');
      },
      { action: 'repost', postId: 'x1' },
    );
    await page.close();
  });

  it('quote: the composer send with a quoted partisan tweet is held', async () => {
    const page = await openFixture(shared.session, url);
    await page.click(`${tweet('x3')} [data-testid="retweet"]`);
    await page.click('#repost-menu a[role="menuitem"]');
    await page.waitForSelector('#quote-dialog:not([hidden])');
    await heldThenReplayed(page, () => page.click('#quote-dialog [data-testid="tweetButton"]'), { action: 'quote', postId: 'x3' });
    await page.close();
  });

  it('reply: the reply dialog send is held for a partisan tweet; Ctrl+Enter in the inline reply box too', async () => {
    const page = await openFixture(shared.session, url);
    await page.click(`${tweet('x1')} [data-testid="reply"]`);
    await page.waitForSelector('#reply-dialog:not([hidden])');
    await heldThenReplayed(page, () => page.click('#reply-dialog [data-testid="tweetButton"]'), { action: 'reply', postId: 'x1' });
    const inline = await openFixture(shared.session, url);
    await heldThenReplayed(
      inline,
      async () => {
        await inline.focus('#inline-reply [data-testid="tweetTextarea_0"]');
        await inline.keyboard.press('Control+Enter');
      },
      { action: 'reply', postId: 'x6' },
    );
    await page.close();
    await inline.close();
  });

  it('post: a partisan draft is held (button and Ctrl+Enter); a neutral draft passes', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click('#home-composer [data-testid="tweetButtonInline"]'), { action: 'post', postId: 'compose-home' });
    const keyed = await openFixture(shared.session, url);
    await heldThenReplayed(
      keyed,
      async () => {
        await keyed.focus('#home-composer [data-testid="tweetTextarea_0"]');
        await keyed.keyboard.press('Control+Enter');
      },
      { action: 'post', postId: 'compose-home' },
    );
    const neutral = await openFixture(shared.session, url);
    await neutral.evaluate(() => {
      document.querySelector('#home-composer [data-testid="tweetTextarea_0"]')!.textContent = 'Selamat pagi, semoga harimu menyenangkan';
    });
    await passes(neutral, () => neutral.click('#home-composer [data-testid="tweetButtonInline"]'), { action: 'post', postId: 'compose-home' });
    for (const p of [page, keyed, neutral]) await p.close();
  });

  it('follow: a partisan account is held; a neutral one passes', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(page, () => page.click('[data-testid="1720000001-follow"]'), { action: 'follow', postId: 'u-timnas' });
    const neutral = await openFixture(shared.session, url);
    await passes(neutral, () => neutral.click('[data-testid="1720000002-follow"]'), { action: 'follow', postId: 'u-resep' });
    await page.close();
    await neutral.close();
  });

  it('DM: Enter and the send button with a partisan message are held', async () => {
    const page = await openFixture(shared.session, url);
    await heldThenReplayed(
      page,
      async () => {
        await page.focus('[data-testid="dmComposerTextInput"]');
        await page.keyboard.press('Enter');
      },
      { action: 'send', postId: 'dm-alumni' },
    );
    const button = await openFixture(shared.session, url);
    await heldThenReplayed(button, () => button.click('[data-testid="dmComposerSendButton"]'), { action: 'send', postId: 'dm-alumni' });
    await page.close();
    await button.close();
  });
});
