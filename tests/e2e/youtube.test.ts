/**
 * YouTube end-to-end on https://www.youtube.com (fixture pages): like (video, Shorts, comments),
 * comment and reply (submit button, Ctrl+Enter), share, subscribe and live-chat send (Enter, button).
 * Partisan content raises the dialog, cancel holds, proceed replays exactly once; neutral passes.
 */
import { describe, it } from 'vitest';
import {
  openFixture,
  sessionForFile,
} from './harness';
import { heldThenReplayed, passes, typeIn } from './sites-support';

const shared = sessionForFile();

const yt = (file: string) => `https://www.youtube.com/${file}`;


describe('YouTube watch-id.html (partisan video)', () => {
  const url = yt('watch-id.html');

  it('like, share and subscribe on the partisan video are held and replayed once', async () => {
    for (const [sel, action] of [['#yt-like', 'like'], ['#yt-share', 'share'], ['#yt-subscribe', 'subscribe']] as const) {
      const page = await openFixture(shared.session, url);
      await heldThenReplayed(page, () => page.click(sel), { action, postId: 'yt-v-id' });
      await page.close();
    }
  });

  it('comment: the Komentar button and Ctrl+Enter [unverified] are held and replayed once', async () => {
    const page = await openFixture(shared.session, url);
    await typeIn(page, 'ytd-comments-header-renderer #contenteditable-root', 'Semoga sukses');
    await heldThenReplayed(page, () => page.click('#yt-comment-submit'), { action: 'comment', postId: 'yt-v-id' });
    const keyed = await openFixture(shared.session, url);
    await typeIn(keyed, 'ytd-comments-header-renderer #contenteditable-root', 'Semoga sukses');
    await heldThenReplayed(keyed, () => keyed.keyboard.press('Control+Enter'), { action: 'comment', postId: 'yt-v-id' });
    await page.close();
    await keyed.close();
  });

  it('reply: the reply box under a comment is held and replayed once', async () => {
    const page = await openFixture(shared.session, url);
    await page.click('#yt-c1-reply-open');
    await page.waitForSelector('#yt-c1-reply-dialog:not([hidden])');
    await typeIn(page, '#yt-c1-reply-dialog #contenteditable-root', 'Setuju');
    await heldThenReplayed(page, () => page.click('#yt-c1-reply-submit'), { action: 'reply', postId: 'yt-c1' });
    await page.close();
  });
});

describe('YouTube watch-en.html (neutral video)', () => {
  const url = yt('watch-en.html');

  it('comment and a neutral comment like pass; liking the partisan comment is held', async () => {
    const page = await openFixture(shared.session, url);
    await typeIn(page, 'ytd-comments-header-renderer #contenteditable-root', 'Looks delicious');
    await passes(page, () => page.click('#yt-comment-submit'), { action: 'comment', postId: 'yt-v-en' });
    const like = await openFixture(shared.session, url);
    await passes(like, () => like.click('#yt-c2-like'), { action: 'like', postId: 'yt-c2' });
    const partisan = await openFixture(shared.session, url);
    await heldThenReplayed(partisan, () => partisan.click('#yt-c1-like'), { action: 'like', postId: 'yt-c1' });
    await page.close();
    await like.close();
    await partisan.close();
  });
});

describe.each(['shorts-id.html', 'shorts-en.html'])('YouTube %s', (file) => {
  it('Shorts like is held for the partisan Short; share and subscribe on the neutral Short pass', async () => {
    const page = await openFixture(shared.session, yt(file));
    await heldThenReplayed(page, () => page.click('#yt-s1-like'), { action: 'like', postId: 'yt-s1' });
    const share = await openFixture(shared.session, yt(file));
    await passes(share, () => share.click('#yt-s2-share'), { action: 'share', postId: 'yt-s2' });
    const sub = await openFixture(shared.session, yt(file));
    await passes(sub, () => sub.click('#yt-s2-subscribe'), { action: 'subscribe', postId: 'yt-s2' });
    const sub1 = await openFixture(shared.session, yt(file));
    await heldThenReplayed(sub1, () => sub1.click('#yt-s1-subscribe'), { action: 'subscribe', postId: 'yt-s1' });
    await page.close();
    await share.close();
    await sub.close();
    await sub1.close();
  });
});

describe.each(['live-chat-id.html', 'live-chat-en.html'])('YouTube %s', (file) => {
  it('live chat: a partisan message (Enter, send button) is held and replayed once; a neutral one passes', async () => {
    const postId = file.includes('-id') ? 'yt-live-id' : 'yt-live-en';
    const page = await openFixture(shared.session, yt(file));
    await typeIn(page, 'div#input[contenteditable]', 'Dukung AMIN nomor urut 1!');
    await heldThenReplayed(page, () => page.keyboard.press('Enter'), { action: 'send', postId });
    const button = await openFixture(shared.session, yt(file));
    await typeIn(button, 'div#input[contenteditable]', 'Dukung AMIN nomor urut 1!');
    await heldThenReplayed(button, () => button.click('#yt-chat-send'), { action: 'send', postId });
    const other = await openFixture(shared.session, yt(file));
    await typeIn(other, 'div#input[contenteditable]', 'Halo dari Surabaya');
    await passes(other, () => other.keyboard.press('Enter'), { action: 'send', postId });
    await page.close();
    await button.close();
    await other.close();
  });
});
