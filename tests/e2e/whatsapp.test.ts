/**
 * WhatsApp Web end-to-end on https://web.whatsapp.com (fixture pages): send (Enter in the composer,
 * the send button) and forward (message menu → Teruskan → the dialog's send; select mode).
 * Partisan content raises the dialog, cancel holds, proceed replays exactly once; neutral passes.
 * Nothing read from the page leaves the browser: the fixture server sees only the page load.
 */
import { describe, expect, it } from 'vitest';
import {
  expectNoDialog,
  HANDLERS_PATH,
  openFixture,
  sessionForFile,
} from './harness';
import { heldThenReplayed, passes, typeIn } from './sites-support';

const shared = sessionForFile();

describe.each(['chat-id.html', 'chat-en.html'])('WhatsApp %s', (file) => {
  const url = `https://web.whatsapp.com/${file}`;

  it('send (Enter and button): a partisan draft is held and replayed once; a neutral draft passes', async () => {
    const page = await openFixture(shared.session, url);
    await typeIn(page, '#wa-composer', 'Dukung AMIN nomor urut 1!');
    await heldThenReplayed(page, () => page.keyboard.press('Enter'), { action: 'send', postId: '' });
    const button = await openFixture(shared.session, url);
    await typeIn(button, '#wa-composer', 'Dukung AMIN nomor urut 1!');
    await heldThenReplayed(button, () => button.click('#wa-send'), { action: 'send', postId: '' });
    const other = await openFixture(shared.session, url);
    await typeIn(other, '#wa-composer', 'Rapat jam 3 sore');
    await passes(other, () => other.keyboard.press('Enter'), { action: 'send', postId: '' });
    await page.close();
    await button.close();
    await other.close();
  });

  it('nothing the adapter reads is sent anywhere: the server sees only page loads', async () => {
    const before = shared.server.requests.length;
    const page = await openFixture(shared.session, url);
    await typeIn(page, '#wa-composer', 'Rapat jam 3 sore');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    const seen = shared.server.requests.slice(before).filter((r) => r.host === 'web.whatsapp.com');
    // The page itself, its own script (the stand-in for WhatsApp's code) and a favicon: nothing else.
    expect(seen.every((r) => r.path === `/${file}` || r.path === HANDLERS_PATH || r.path === '/favicon.ico')).toBe(true);
    await page.close();
  });
});

describe('WhatsApp chat-id.html: forward via the message menu', () => {
  const url = 'https://web.whatsapp.com/chat-id.html';

  it('forwarding the partisan message is held and replayed once; the neutral message passes', async () => {
    const page = await openFixture(shared.session, url);
    await page.click('#wa-m1-menu');
    await page.click('#wa-menu-forward');
    await page.waitForSelector('#wa-forward:not([hidden])');
    await expectNoDialog(page, 300);
    await heldThenReplayed(page, () => page.click('#wa-forward-send'), { action: 'forward', postId: 'wa-m1' });
    const other = await openFixture(shared.session, url);
    await other.click('#wa-m2-menu');
    await other.click('#wa-menu-forward');
    await passes(other, () => other.click('#wa-forward-send'), { action: 'forward', postId: 'wa-m2' });
    await page.close();
    await other.close();
  });
});

describe('WhatsApp chat-en.html: forward in select mode', () => {
  it('forwarding the checked partisan message is held and replayed once', async () => {
    const page = await openFixture(shared.session, 'https://web.whatsapp.com/chat-en.html');
    await page.click('#wa-select-forward');
    await page.waitForSelector('#wa-forward:not([hidden])');
    await heldThenReplayed(page, () => page.click('#wa-forward-send'), { action: 'forward', postId: '' });
    await page.close();
  });
});
