/**
 * m.youtube.com's comments panel (issue #21): comment send, reply send and a comment's like (its action
 * menu, a bottom sheet opened by "More options"), tapped in Chromium's mobile emulation on
 * tests/fixtures/sites/youtube/mobile-comments-*.html. Each partisan action: the tap opens the dialog,
 * Batal holds (the page's own handler did not run), Tetap lanjutkan replays exactly once; the same
 * control on neutral content passes at once; a swipe that starts on the partisan comment is never held.
 * Also the live_chat page's send at phone width. The video's like, share and subscribe are in mobile.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sessionForFile } from './harness';
import { median, phone, swipeNeverHeld, tapHeldThenReplayed, tapPasses, tapToDialogTimes, type Phone, type Taps } from './mobile-support';
import { setSettings, type Expected } from './sites-support';

const M = 'https://m.youtube.com';
const ID = `${M}/mobile-comments-id.html`;
const EN = `${M}/mobile-comments-en.html`;
const SIMPLEBOX = 'ytm-comment-simplebox-renderer textarea';
const CHAT = 'div#input[contenteditable]';
const replyBox = (id: string) => `[data-post-id="${id}"] ytm-comment-reply-dialog-renderer textarea`;

/** [page url, what is typed first (box → text), taps, what the site's own handler records] */
type Case = [url: string, typed: Record<string, string>, taps: Taps, expected: Expected];

/** action → the partisan cases (held) and the neutral one (passes) */
const ACTIONS: Record<string, { held: Case[]; neutral: Case }> = {
  'comment send (the panel comment box)': {
    held: [
      [ID, { [SIMPLEBOX]: 'Mantap, sampai jumpa di TPS' }, '#ytm-comment-send', { action: 'comment', postId: 'mv1' }],
      [EN, { [SIMPLEBOX]: 'Ayo coblos 02! #PrabowoGibran2024' }, '#ytm-comment-send', { action: 'comment', postId: 'mve1' }],
    ],
    neutral: [EN, { [SIMPLEBOX]: 'Looks tasty, thanks for the recipe' }, '#ytm-comment-send', { action: 'comment', postId: 'mve1' }],
  },
  'reply send (the reply dialog under a comment)': {
    held: [
      [ID, { [replyBox('mc1')]: 'Setuju' }, '#mc1-reply-send', { action: 'reply', postId: 'mc1' }],
      [EN, { [replyBox('mce1')]: 'Agreed' }, '#mce1-reply-send', { action: 'reply', postId: 'mce1' }],
    ],
    neutral: [EN, { [replyBox('mce2')]: 'Same, with sambal' }, '#mce2-reply-send', { action: 'reply', postId: 'mce2' }],
  },
  'comment like (More options, then Suka / Like)': {
    held: [
      [ID, {}, ['#mc1-menu', '#sheet-like'], { action: 'like', postId: 'mc1' }],
      [EN, {}, ['#mce1-menu', '#sheet-like'], { action: 'like', postId: 'mce1' }],
    ],
    neutral: [EN, {}, ['#mce2-menu', '#sheet-like'], { action: 'like', postId: 'mce2' }],
  },
  // Whether the phone web shows a stream's chat is unverified (docs/mobile.md); where the live_chat page
  // opens on a phone, its send is held by the desktop hooks: the page at 360 px, the send button tapped.
  'live chat send (the live_chat page at phone width)': {
    held: [
      [`${M}/live-chat-id.html`, { [CHAT]: 'Dukung AMIN nomor urut 1!' }, '#yt-chat-send', { action: 'send', postId: 'yt-live-id' }],
      [`${M}/live-chat-en.html`, { [CHAT]: 'Ayo coblos 02! #PrabowoGibran2024' }, '#yt-chat-send', { action: 'send', postId: 'yt-live-en' }],
    ],
    neutral: [`${M}/live-chat-en.html`, { [CHAT]: 'Hello from Surabaya' }, '#yt-chat-send', { action: 'send', postId: 'yt-live-en' }],
  },
};

/** a control of the partisan comment (or the box under it) where a swipe starts, with what is typed first */
const SWIPES: [name: string, url: string, typed: Record<string, string>, selector: string][] = [
  ["the partisan comment's More options", ID, {}, '#mc1-menu'],
  ['the reply send under it, with a draft', ID, { [replyBox('mc1')]: 'Setuju' }, '#mc1-reply-send'],
  ['the comment send, with a draft', ID, { [SIMPLEBOX]: 'Mantap' }, '#ytm-comment-send'],
];

async function typeAll(p: Phone, typed: Record<string, string>): Promise<void> {
  for (const [box, text] of Object.entries(typed)) await p.page.fill(box, text);
}

// About taps and hold/replay, not the calendar: Pemilu 2024 content is "low" after the election.
const shared = sessionForFile({
  prepare: (session) => setSettings(session, { actionBySeverity: { high: 'warn', medium: 'warn', low: 'warn' } }),
});
const cold: number[] = [];
const warm: number[] = [];

const heldCases = Object.entries(ACTIONS).flatMap(([name, { held }]) =>
  held.map((c) => [`${name}, ${c[0].endsWith('-id.html') ? 'id' : 'en'}`, c] as const),
);

describe('m.youtube.com comments panel, tapped on a phone', () => {
  it.each(heldCases)('%s: partisan → dialog; Batal holds; Tetap lanjutkan replays once', async (_name, [url, typed, taps, expected]) => {
    const p = await phone(shared.session, url);
    await typeAll(p, typed);
    await tapHeldThenReplayed(p, taps, expected);
    const seen = await tapToDialogTimes(p);
    expect(seen.length).toBe(2); // one per dialog
    cold.push(seen[0]!);
    warm.push(seen[1]!);
    await p.page.close();
  });

  it.each(Object.entries(ACTIONS))('%s: neutral content passes at once, once', async (_name, { neutral: [url, typed, taps, expected] }) => {
    const p = await phone(shared.session, url);
    await typeAll(p, typed);
    await tapPasses(p, taps, expected);
    await p.page.close();
  });

  it.each(SWIPES)('a swipe that starts on %s is never held', async (_name, url, typed, selector) => {
    const p = await phone(shared.session, url);
    await typeAll(p, typed);
    await swipeNeverHeld(p, selector);
    await p.page.close();
  });
});

afterAll(() => {
  if (cold.length === 0) return;
  const line = (list: number[]) => `${list.map((t) => t.toFixed(1)).join(', ')} (median ${median(list).toFixed(1)})`;
  console.log(
    `m.youtube.com comments: tap-to-dialog ms (touchstart → dialog), ${cold.length} actions\n` +
      `  first tap on a fresh page (loads the dialog script): ${line(cold)}\n  second tap on the same page: ${line(warm)}`,
  );
});
