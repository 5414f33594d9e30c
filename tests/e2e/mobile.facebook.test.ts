/**
 * m.facebook.com beyond the like (issue #21): comment send, post, share from the share sheet, follow and
 * like page, tapped in Chromium's mobile emulation on tests/fixtures/sites/facebook/mobile-*.html. Each
 * partisan action: the tap opens the dialog, Batal holds (the page's own handler did not run), Tetap
 * lanjutkan replays exactly once; the same control on neutral content passes at once; a swipe that
 * starts on the partisan story is never held. The like itself is in mobile.test.ts.
 */
import { mobileSiteSuite, type PhoneCase } from './mobile-support';

const M = 'https://m.facebook.com';
const SHARE = `${M}/mobile-share-id.html`;
const PROFILE = `${M}/mobile-profile-id.html`;
const popup = (id: string) => `[data-post-id="${id}"] [data-sigil~="share-popup"]`;

/** action → the partisan case (held) and the neutral one (passes) */
const ACTIONS: Record<string, { held: PhoneCase; neutral: PhoneCase }> = {
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

const [first, ...rest] = Object.entries(ACTIONS);

mobileSiteSuite({
  name: 'm.facebook.com beyond the like',
  held: Object.fromEntries(Object.entries(ACTIONS).map(([name, { held }]) => [name, held])),
  neutral: first![1].neutral,
  alsoPasses: Object.fromEntries(rest.map(([name, { neutral }]) => [`${name}, neutral`, neutral])),
  // a control on (or of) a partisan story or header
  swipe: [`${M}/mobile-comment-id.html`, '[data-sigil~="composer-submit"]'],
  alsoSwipes: {
    'the share link of a partisan story': [SHARE, popup('ms1')],
    "a partisan story header's Ikuti": [PROFILE, '[data-post-id="mf1"] header a[href*="/a/subscribe.php"]'],
  },
});
