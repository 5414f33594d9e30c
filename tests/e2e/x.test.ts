/**
 * X end-to-end: the built extension in Chromium on https://x.com (fixture pages, see
 * tests/fixtures/sites/README.md). For each action kind: partisan content raises the dialog and
 * neutral content does not; cancel holds (the page's own handler never runs); proceed replays
 * exactly once; keyboard paths (l, t → menu, Ctrl/Cmd+Enter, Enter in DMs) are caught too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clickDialogButton,
  expectNoDialog,
  launch,
  openFixture,
  siteLog,
  startFixtureServer,
  waitForDialog,
  type FixtureServer,
  type Session,
} from './harness';
import { setSettings, snapshotExtension } from './sites-support';

let server: FixtureServer;
let session: Session;
let snapshot: { dir: string; remove(): void };

beforeAll(async () => {
  server = await startFixtureServer();
  snapshot = snapshotExtension();
  session = await launch({ server, extensionDir: snapshot.dir });
  // These tests are about the adapter and the hold/replay path, not the calendar: the fixtures'
  // Pemilu 2024 content is "low" after the election, so low severity warns here too.
  await setSettings(session, { actionBySeverity: { high: 'warn', medium: 'warn', low: 'warn' } });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  snapshot?.remove();
});

const actions = async (page: Page) => (await siteLog(page)).map(({ action, postId }) => ({ action, postId }));

/** The action raises the dialog; cancel leaves the site untouched; doing it again and proceeding reaches the site once. */
async function heldThenReplayed(page: Page, act: () => Promise<void>, expected: { action: string; postId: string }) {
  await act();
  await waitForDialog(page);
  await clickDialogButton(page, 'jaga-cancel');
  await page.waitForTimeout(200);
  expect(await actions(page)).toEqual([]);
  await act();
  await waitForDialog(page);
  await clickDialogButton(page, 'jaga-proceed');
  await expect.poll(() => actions(page)).toEqual([expected]);
  await page.waitForTimeout(300);
  expect(await actions(page)).toEqual([expected]); // exactly once
}

/** A neutral action: no dialog, and the site handles it immediately, once. */
async function passes(page: Page, act: () => Promise<void>, expected: { action: string; postId: string }) {
  await act();
  await expectNoDialog(page);
  expect(await actions(page)).toEqual([expected]);
}

const tweet = (id: string) => `article[data-post-id="${id}"]`;

describe.each(['home-id.html', 'home-en.html'])('X %s', (file) => {
  const url = `https://x.com/${file}`;

  it('like: partisan → dialog, cancel holds, proceed replays once; neutral passes', async () => {
    const page = await openFixture(session, url);
    await heldThenReplayed(page, () => page.click(`${tweet('x1')} [data-testid="like"]`), { action: 'like', postId: 'x1' });
    const neutral = await openFixture(session, url);
    await passes(neutral, () => neutral.click(`${tweet('x5')} [data-testid="like"]`), { action: 'like', postId: 'x5' });
    await page.close();
    await neutral.close();
  });

  it('like by keyboard: `l` on the focused partisan tweet', async () => {
    const page = await openFixture(session, url);
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
    const page = await openFixture(session, url);
    const openMenu = async (id: string) => {
      await page.click(`${tweet(id)} [data-testid="retweet"]`);
      await page.waitForSelector('#repost-menu:not([hidden])');
    };
    await openMenu('x3');
    await expectNoDialog(page, 300);
    await heldThenReplayed(page, () => page.click('[data-testid="retweetConfirm"]'), { action: 'repost', postId: 'x3' });
    const neutral = await openFixture(session, url);
    await neutral.click(`${tweet('x2')} [data-testid="retweet"]`);
    await passes(neutral, () => neutral.click('[data-testid="retweetConfirm"]'), { action: 'repost', postId: 'x2' });
    await page.close();
    await neutral.close();
  });

  it('repost by keyboard: `t` opens the menu, Enter on the focused confirm item is held', async () => {
    const page = await openFixture(session, url);
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
    const page = await openFixture(session, url);
    await page.click(`${tweet('x3')} [data-testid="retweet"]`);
    await page.click('#repost-menu a[role="menuitem"]');
    await page.waitForSelector('#quote-dialog:not([hidden])');
    await heldThenReplayed(page, () => page.click('#quote-dialog [data-testid="tweetButton"]'), { action: 'quote', postId: 'x3' });
    await page.close();
  });

  it('reply: the reply dialog send is held for a partisan tweet; Ctrl+Enter in the inline reply box too', async () => {
    const page = await openFixture(session, url);
    await page.click(`${tweet('x1')} [data-testid="reply"]`);
    await page.waitForSelector('#reply-dialog:not([hidden])');
    await heldThenReplayed(page, () => page.click('#reply-dialog [data-testid="tweetButton"]'), { action: 'reply', postId: 'x1' });
    const inline = await openFixture(session, url);
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
    const page = await openFixture(session, url);
    await heldThenReplayed(page, () => page.click('#home-composer [data-testid="tweetButtonInline"]'), { action: 'post', postId: 'compose-home' });
    const keyed = await openFixture(session, url);
    await heldThenReplayed(
      keyed,
      async () => {
        await keyed.focus('#home-composer [data-testid="tweetTextarea_0"]');
        await keyed.keyboard.press('Control+Enter');
      },
      { action: 'post', postId: 'compose-home' },
    );
    const neutral = await openFixture(session, url);
    await neutral.evaluate(() => {
      document.querySelector('#home-composer [data-testid="tweetTextarea_0"]')!.textContent = 'Selamat pagi, semoga harimu menyenangkan';
    });
    await passes(neutral, () => neutral.click('#home-composer [data-testid="tweetButtonInline"]'), { action: 'post', postId: 'compose-home' });
    for (const p of [page, keyed, neutral]) await p.close();
  });

  it('follow: a partisan account is held; a neutral one passes', async () => {
    const page = await openFixture(session, url);
    await heldThenReplayed(page, () => page.click('[data-testid="1720000001-follow"]'), { action: 'follow', postId: 'u-timnas' });
    const neutral = await openFixture(session, url);
    await passes(neutral, () => neutral.click('[data-testid="1720000002-follow"]'), { action: 'follow', postId: 'u-resep' });
    await page.close();
    await neutral.close();
  });

  it('DM: Enter and the send button with a partisan message are held', async () => {
    const page = await openFixture(session, url);
    await heldThenReplayed(
      page,
      async () => {
        await page.focus('[data-testid="dmComposerTextInput"]');
        await page.keyboard.press('Enter');
      },
      { action: 'send', postId: 'dm-alumni' },
    );
    const button = await openFixture(session, url);
    await heldThenReplayed(button, () => button.click('[data-testid="dmComposerSendButton"]'), { action: 'send', postId: 'dm-alumni' });
    await page.close();
    await button.close();
  });
});
