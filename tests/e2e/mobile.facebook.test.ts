/**
 * m.facebook.com beyond the like (issue #21): comment send, post, share from the share sheet, follow and
 * like page, tapped in Chromium's mobile emulation on tests/fixtures/sites/facebook/mobile-*.html. Each
 * partisan action: the tap opens the dialog, Batal holds (the page's own handler did not run), Tetap
 * lanjutkan replays exactly once; the same control on neutral content passes at once; a swipe that
 * starts on the partisan story is never held. The like itself is in mobile.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sessionForFile } from './harness';
import { median, phone, swipeNeverHeld, tapHeldThenReplayed, tapPasses, tapToDialogTimes, type Taps } from './mobile-support';
import { setSettings, type Expected } from './sites-support';

const M = 'https://m.facebook.com';
const SHARE = `${M}/mobile-share-id.html`;
const PROFILE = `${M}/mobile-profile-id.html`;
const popup = (id: string) => `[data-post-id="${id}"] [data-sigil~="share-popup"]`;

type Case = [url: string, taps: Taps, expected: Expected];

/** action → the partisan case (held) and the neutral one (passes) */
const ACTIONS: Record<string, { held: Case; neutral: Case }> = {
  'comment send (story page, composer-submit)': {
    held: [`${M}/mobile-comment-id.html`, '[data-sigil~="composer-submit"]', { action: 'comment', postId: 'mc1' }],
    neutral: [
      `${M}/mobile-comment-en.html`,
      '[data-post-id="mce2"] [data-sigil~="composer-submit"]',
      { action: 'comment', postId: 'mce2' },
    ],
  },
  'comment send (the box under a feed story, en)': {
    held: [`${M}/mobile-comment-en.html`, '[data-post-id="mce1"] [data-sigil~="composer-submit"]', { action: 'comment', postId: 'mce1' }],
    neutral: [
      `${M}/mobile-comment-en.html`,
      '[data-post-id="mce2"] [data-sigil~="composer-submit"]',
      { action: 'comment', postId: 'mce2' },
    ],
  },
  'post (the full-screen status composer)': {
    held: [`${M}/mobile-composer-id.html`, '[data-sigil~="submit_composer"]', { action: 'post', postId: 'mp-compose' }],
    neutral: [`${M}/mobile-composer-en.html`, '[data-sigil~="submit_composer"]', { action: 'post', postId: 'mp-compose-en' }],
  },
  'share (the sheet: Bagikan sekarang)': {
    held: [SHARE, [popup('ms1'), '#share-one-click-button'], { action: 'share', postId: 'ms1' }],
    neutral: [SHARE, [popup('ms2'), '#share-one-click-button'], { action: 'share', postId: 'ms2' }],
  },
  'share (the sheet: Tulis postingan, then its send)': {
    held: [SHARE, [popup('ms1'), '#share-with-message-button', '#share_submit'], { action: 'share', postId: 'ms1' }],
    neutral: [SHARE, [popup('ms2'), '#share-with-message-button', '#share_submit'], { action: 'share', postId: 'ms2' }],
  },
  'follow (page header, Ikuti)': {
    held: [PROFILE, '#m-timeline-cover-section a[href*="/a/subscribe.php"]', { action: 'follow', postId: 'mf-page' }],
    neutral: [`${M}/mobile-profile-en.html`, 'a[href*="/a/subscribe.php"]', { action: 'follow', postId: 'mf-page-en' }],
  },
  'like page (page header, Sukai Halaman)': {
    held: [PROFILE, '#m-timeline-cover-section a[href*="/a/profile.php?fan"]', { action: 'like-page', postId: 'mf-page' }],
    neutral: [`${M}/mobile-profile-en.html`, 'a[href*="/a/profile.php?fan"]', { action: 'like-page', postId: 'mf-page-en' }],
  },
  'follow (story header, Ikuti)': {
    held: [PROFILE, '[data-post-id="mf1"] header a[href*="/a/subscribe.php"]', { action: 'follow', postId: 'mf1' }],
    neutral: [PROFILE, '[data-post-id="mf2"] header a[href*="/a/subscribe.php"]', { action: 'follow', postId: 'mf2' }],
  },
};

/** a control on (or of) a partisan story or header where a swipe starts */
const SWIPES: [url: string, selector: string][] = [
  [`${M}/mobile-comment-id.html`, '[data-sigil~="composer-submit"]'],
  [SHARE, popup('ms1')],
  [PROFILE, '[data-post-id="mf1"] header a[href*="/a/subscribe.php"]'],
];

// About taps and hold/replay, not the calendar: Pemilu 2024 content is "low" after the election.
const shared = sessionForFile({
  prepare: (session) => setSettings(session, { actionBySeverity: { high: 'warn', medium: 'warn', low: 'warn' } }),
});
const cold: number[] = [];
const warm: number[] = [];

describe('m.facebook.com beyond the like, tapped on a phone', () => {
  it.each(Object.entries(ACTIONS))(
    '%s: partisan → dialog; Batal holds; Tetap lanjutkan replays once',
    async (_name, { held: [url, taps, expected] }) => {
      const p = await phone(shared.session, url);
      await tapHeldThenReplayed(p, taps, expected);
      const seen = await tapToDialogTimes(p);
      expect(seen.length).toBe(2); // one per dialog
      cold.push(seen[0]!);
      warm.push(seen[1]!);
      await p.page.close();
    },
  );

  it.each(Object.entries(ACTIONS))('%s: neutral content passes at once, once', async (_name, { neutral: [url, taps, expected] }) => {
    const p = await phone(shared.session, url);
    await tapPasses(p, taps, expected);
    await p.page.close();
  });

  it.each(SWIPES)('a swipe that starts on %s %s is never held', async (url, selector) => {
    const p = await phone(shared.session, url);
    await swipeNeverHeld(p, selector);
    await p.page.close();
  });
});

afterAll(() => {
  if (cold.length === 0) return;
  const line = (list: number[]) => `${list.map((t) => t.toFixed(1)).join(', ')} (median ${median(list).toFixed(1)})`;
  console.log(
    `m.facebook.com: tap-to-dialog ms (touchstart → dialog), ${cold.length} actions\n` +
      `  first tap on a fresh page (loads the dialog script): ${line(cold)}\n  second tap on the same page: ${line(warm)}`,
  );
});
