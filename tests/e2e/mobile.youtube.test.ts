/**
 * m.youtube.com's comments panel (issue #21): comment send, reply send and a comment's like (its action
 * menu, a bottom sheet opened by "More options"), tapped in Chromium's mobile emulation on
 * tests/fixtures/sites/youtube/mobile-comments-*.html. Each partisan action: the tap opens the dialog,
 * Batal holds (the page's own handler did not run), Tetap lanjutkan replays exactly once; the same
 * control on neutral content passes at once; a swipe that starts on the partisan comment is never held.
 * Also the live_chat page's send at phone width. The video's like, share and subscribe are in mobile.test.ts.
 */
import { mobileSiteSuite, type PhoneCase } from './mobile-support';

const M = 'https://m.youtube.com';
const ID = `${M}/mobile-comments-id.html`;
const EN = `${M}/mobile-comments-en.html`;
const SIMPLEBOX = 'ytm-comment-simplebox-renderer textarea';
const CHAT = 'div#input[contenteditable]';
const replyBox = (id: string) => `[data-post-id="${id}"] ytm-comment-reply-dialog-renderer textarea`;

/** action → the partisan cases (held) and the neutral one (passes) */
const ACTIONS: Record<string, { held: PhoneCase[]; neutral: PhoneCase }> = {
  'comment send (the panel comment box)': {
    held: [
      [ID, '#ytm-comment-send', { action: 'comment', postId: 'mv1' }, { [SIMPLEBOX]: 'Mantap, sampai jumpa di TPS' }],
      [EN, '#ytm-comment-send', { action: 'comment', postId: 'mve1' }, { [SIMPLEBOX]: 'Ayo coblos 02! #PrabowoGibran2024' }],
    ],
    neutral: [EN, '#ytm-comment-send', { action: 'comment', postId: 'mve1' }, { [SIMPLEBOX]: 'Looks tasty, thanks for the recipe' }],
  },
  'reply send (the reply dialog under a comment)': {
    held: [
      [ID, '#mc1-reply-send', { action: 'reply', postId: 'mc1' }, { [replyBox('mc1')]: 'Setuju' }],
      [EN, '#mce1-reply-send', { action: 'reply', postId: 'mce1' }, { [replyBox('mce1')]: 'Agreed' }],
    ],
    neutral: [EN, '#mce2-reply-send', { action: 'reply', postId: 'mce2' }, { [replyBox('mce2')]: 'Same, with sambal' }],
  },
  'comment like (More options, then Suka / Like)': {
    held: [
      [ID, ['#mc1-menu', '#sheet-like'], { action: 'like', postId: 'mc1' }],
      [EN, ['#mce1-menu', '#sheet-like'], { action: 'like', postId: 'mce1' }],
    ],
    neutral: [EN, ['#mce2-menu', '#sheet-like'], { action: 'like', postId: 'mce2' }],
  },
  // Whether the phone web shows a stream's chat is unverified (docs/mobile.md); where the live_chat page
  // opens on a phone, its send is held by the desktop hooks: the page at 360 px, the send button tapped.
  'live chat send (the live_chat page at phone width)': {
    held: [
      [`${M}/live-chat-id.html`, '#yt-chat-send', { action: 'send', postId: 'yt-live-id' }, { [CHAT]: 'Dukung AMIN nomor urut 1!' }],
      [
        `${M}/live-chat-en.html`,
        '#yt-chat-send',
        { action: 'send', postId: 'yt-live-en' },
        { [CHAT]: 'Ayo coblos 02! #PrabowoGibran2024' },
      ],
    ],
    neutral: [`${M}/live-chat-en.html`, '#yt-chat-send', { action: 'send', postId: 'yt-live-en' }, { [CHAT]: 'Hello from Surabaya' }],
  },
};

const lang = (url: string) => (url.endsWith('-id.html') ? 'id' : 'en');
const [first, ...rest] = Object.entries(ACTIONS);

mobileSiteSuite({
  name: 'm.youtube.com comments panel',
  held: Object.fromEntries(Object.entries(ACTIONS).flatMap(([name, { held }]) => held.map((c) => [`${name}, ${lang(c[0])}`, c]))),
  neutral: first![1].neutral,
  alsoPasses: Object.fromEntries(rest.map(([name, { neutral }]) => [`${name}, neutral`, neutral])),
  // a control of the partisan comment (or the box under it), with what is typed first
  swipe: [ID, '#mc1-menu'],
  alsoSwipes: {
    'the reply send under the partisan comment, with a draft': [ID, '#mc1-reply-send', { [replyBox('mc1')]: 'Setuju' }],
    'the comment send, with a draft': [ID, '#ytm-comment-send', { [SIMPLEBOX]: 'Mantap' }],
  },
});
