/**
 * YouTube (www.youtube.com, m.youtube.com; live chat at youtube.com/live_chat in an iframe — the
 * content script runs in every frame). YouTube's custom elements (`ytd-*`, `*-view-model`) are the
 * stable, language-independent hooks; labels come from server JSON in the page language and are
 * fallbacks only. State is read from `aria-pressed` / the `subscribed` attribute, never from a
 * label (docs/sites.md, label trap 6: the id-ID label with a count does not encode "liked").
 * Sources: docs/sites.md, "Where the selectors come from" (Return YouTube Dislike and others).
 *
 * Actions: like (video, Shorts, comments), comment and reply (the commentbox submit button,
 * Ctrl+Enter [unverified]), share (opening the share panel: sharing itself leaves the site),
 * subscribe, live-chat send (send button, Enter). Content: title, channel, description snippet,
 * comment text, the draft.
 *
 * m.youtube.com has its own element names (`ytm-*`: slim metadata, action bar, like, subscribe,
 * comment renderers and a textarea simplebox); no source shows their inner markup, so every
 * ytm hook below is [unverified] and follows the desktop ones.
 *
 * Test URLs: https://www.youtube.com/watch?v=<id>, https://m.youtube.com/watch?v=<id>, https://www.youtube.com/shorts/<id>,
 * https://www.youtube.com/@<channel>, https://www.youtube.com/live_chat?v=<id>
 */
import type { ActionContent } from '../../../rules/actions';
import {
  closestAny,
  compact,
  controlFor,
  draftOf,
  eventElement,
  handleFromHref,
  hashtagsIn,
  isActivation,
  isDisabled,
  isModEnter,
  isPlainEnter,
  matchFirst,
  queryAllAny,
  queryFirst,
  sel,
  textAt,
  textOf,
} from './helpers';
import { defineSiteAdapter } from './define';
import type { DetectedAction, InterceptedEvent, SelectorData } from './types';

/** The description snippet is capped shorter than other fields: it is context, not the post. */
const DESCRIPTION_MAX = 1000;

const selectors: SelectorData = {
  clickable: ['button', '[role="button"]', 'tp-yt-paper-button'],

  /** like toggles: watch page, Shorts, comments (all language-independent), then label fallbacks */
  like: [
    'like-button-view-model button',
    '#segmented-like-button button',
    'ytd-toggle-button-renderer#like-button button',
    '#like-button button',
    'ytm-like-button-renderer button', // m.youtube.com [unverified]
    'ytm-slim-video-action-bar-renderer like-button-view-model button', // m.youtube.com [unverified]
    'button[aria-label^="suka video ini"]',
    'button[aria-label^="Sukai video ini"]',
    'button[aria-label^="like this video"]',
  ],
  /** already liked: the toggle is pressed */
  liked: ['[aria-pressed="true"]'],

  /** a comment (liking it, replying to it) */
  comment: ['ytd-comment-view-model', 'ytd-comment-renderer', 'ytm-comment-renderer'],
  commentText: ['#content-text', '.comment-text' /* m.youtube.com [unverified] */],
  commentAuthor: ['#author-text', '.comment-title' /* m.youtube.com [unverified] */],
  /** the thread a reply box belongs to (its top-level comment is what is replied to) */
  thread: ['ytd-comment-thread-renderer', 'ytm-comment-thread-renderer'],

  /** the comment box and its submit button; submit labels [unverified] in id-ID */
  commentBox: ['ytd-commentbox', 'ytd-comment-simplebox-renderer', 'ytm-comment-simplebox-renderer'],
  commentEditor: ['#contenteditable-root[contenteditable="true"]', 'ytd-commentbox [contenteditable="true"]', 'ytm-comment-simplebox-renderer textarea' /* [unverified] */],
  commentSubmit: [
    'ytm-comment-simplebox-renderer button[aria-label="Komentar"]', // m.youtube.com [unverified]
    'ytm-comment-simplebox-renderer button[aria-label="Balas"]', // [unverified]
    'ytm-comment-simplebox-renderer button[aria-label="Comment"]', // [unverified]
    'ytm-comment-simplebox-renderer button[aria-label="Reply"]', // [unverified]
    'ytd-commentbox #submit-button button',
    'ytd-comment-simplebox-renderer #submit-button button',
    'ytd-commentbox button[aria-label="Komentar"]', // [unverified]
    'ytd-commentbox button[aria-label="Balas"]', // [unverified]
    'ytd-commentbox button[aria-label="Comment"]',
    'ytd-commentbox button[aria-label="Reply"]',
  ],

  /** the Share button (opens the share panel); `Bagikan` [unverified] */
  share: [
    '#top-level-buttons-computed yt-button-view-model button[aria-label="Bagikan"]', // [unverified]
    '#top-level-buttons-computed yt-button-view-model button[aria-label="Share"]',
    '#share-button button',
    'ytm-slim-video-action-bar-renderer button[aria-label="Bagikan"]', // m.youtube.com [unverified]
    'ytm-slim-video-action-bar-renderer button[aria-label="Share"]', // [unverified]
    'button[aria-label="Bagikan"]', // [unverified]
    'button[aria-label="Share"]',
  ],

  subscribe: [
    'ytd-subscribe-button-renderer button',
    'ytm-subscribe-button-renderer button', // m.youtube.com
    'yt-subscribe-button-view-model button',
    '#subscribe-button button',
    'button[aria-label^="Subscribe to"]',
    'button[aria-label^="Berlangganan"]', // [unverified]
  ],
  /** the element around the subscribe button that carries the `subscribed` state */
  subscribeRenderer: ['ytd-subscribe-button-renderer', 'yt-subscribe-button-view-model', 'ytm-subscribe-button-renderer'],
  /** already subscribed (clicking opens the notification/unsubscribe menu) */
  subscribed: [
    'ytd-subscribe-button-renderer[subscribed]',
    'yt-subscribe-button-view-model[subscribed]', // [unverified]
    'ytm-subscribe-button-renderer[subscribed]', // [unverified]
    '* >> text="Subscribed"',
    '* >> text="Disubscribe"', // [unverified]
    '* >> text="Sudah berlangganan"', // [unverified]
  ],

  /** live chat (youtube.com/live_chat, in an iframe) */
  chatInput: ['yt-live-chat-text-input-field-renderer #input[contenteditable]', 'yt-live-chat-message-input-renderer [contenteditable="true"]'],
  chatSend: [
    'yt-live-chat-message-input-renderer #send-button button',
    'yt-live-chat-message-input-renderer button[aria-label="Kirim"]',
    'yt-live-chat-message-input-renderer button[aria-label="Send"]',
  ],
  chatRoot: ['yt-live-chat-renderer', 'yt-live-chat-app'],

  /** a Short (several are in the DOM; the action's own reel is the scope) */
  reel: ['ytd-reel-video-renderer', 'ytd-shorts'],

  /** video context: watch page and Shorts variants */
  title: [
    'ytd-watch-metadata h1 yt-formatted-string',
    'ytd-watch-metadata h1',
    '#above-the-fold #title',
    'yt-shorts-video-title-view-model',
    '.ytShortsVideoTitleViewModelShortsVideoTitle',
    'ytd-reel-player-header-renderer h2',
    'ytd-video-primary-info-renderer h1', // 2018 (Polymer) layout
    'ytm-slim-video-information-renderer .slim-video-information-title', // m.youtube.com [unverified]
    'ytm-slim-video-information-renderer h2', // [unverified]
  ],
  channel: [
    'ytd-video-owner-renderer ytd-channel-name a',
    'ytd-video-owner-renderer #channel-name',
    '#owner #channel-name a',
    'yt-reel-channel-bar-view-model a',
    'ytd-channel-name a',
    'yt-page-header-view-model h1',
    '#channel-header #channel-name',
    '#owner-name a', // 2018 layout
    'ytm-slim-owner-renderer .slim-owner-channel-name', // m.youtube.com [unverified]
  ],
  channelLink: ['ytd-video-owner-renderer a[href^="/@"]', '#owner-name a[href]', 'yt-reel-channel-bar-view-model a[href^="/@"]', 'ytd-channel-name a[href^="/@"]', 'ytm-slim-owner-renderer a[href^="/@"]', 'a[href^="/@"]'],
  description: ['ytd-watch-metadata #description-inline-expander', 'ytd-text-inline-expander', '#description yt-attributed-string', '#description', 'ytm-expandable-video-description-body-renderer' /* m.youtube.com [unverified] */],
  hashtagLink: ['a[href^="/hashtag/"]'],
};

function videoContent(scope: ParentNode, s: SelectorData, doc: Document): ActionContent {
  const title = textAt(scope, sel(s, 'title'));
  const description = textAt(scope, sel(s, 'description'), DESCRIPTION_MAX);
  const link = queryFirst(scope, sel(s, 'channelLink'));
  const handle = handleFromHref(link?.getAttribute('href'));
  const channel = textAt(scope, sel(s, 'channel')) || handle;
  const tags = queryAllAny(scope, sel(s, 'hashtagLink')).map((a) => textOf(a).replace(/^#/, ''));
  return compact<ActionContent>({
    text: [title, description].filter(Boolean).join('\n'),
    author: channel,
    handle,
    group: channel,
    hashtags: [...new Set([...hashtagsIn(title, description), ...tags.filter(Boolean)])],
    url: doc.URL,
  });
}

/** Where the video an action is about lives: the control's Short, else the page. */
function scopeOf(control: Element, s: SelectorData, doc: Document): ParentNode {
  return closestAny(control, sel(s, 'reel')) ?? doc;
}

function found(action: DetectedAction['action'], detail: DetectedAction['detail'], control: Element, content: ActionContent): DetectedAction {
  return { site: 'youtube', action, detail, control, content };
}

function detect(event: InterceptedEvent, s: SelectorData, doc: Document): DetectedAction | null {
  const target = eventElement(event);
  if (!target) return null;
  const clickable = sel(s, 'clickable');

  if (event.type === 'keydown') {
    if (isPlainEnter(event)) {
      const chat = closestAny(target, sel(s, 'chatInput'));
      if (chat) return chatSend(chat, chat, s, doc);
    }
    if (isModEnter(event)) {
      const editor = closestAny(target, sel(s, 'commentEditor'));
      if (editor) return commentSubmit(editor, editor, s, doc); // Ctrl+Enter submits [unverified]
    }
    const control = closestAny(target, clickable);
    if (!control || !isActivation(event, control)) return null;
  } else if (event.type !== 'click') {
    return null;
  }

  const like = controlFor(target, sel(s, 'like'), clickable);
  if (like) {
    if (matchFirst(like, sel(s, 'liked'))) return null;
    const comment = closestAny(like, sel(s, 'comment'));
    if (comment) {
      const text = textAt(comment, sel(s, 'commentText'));
      const author = textAt(comment, sel(s, 'commentAuthor'));
      const video = videoContent(doc, s, doc);
      return found('like', 'like', like, compact<ActionContent>({
        text, author, handle: author.replace(/^@/, ''), hashtags: hashtagsIn(text), group: video.group, quoted: textAt(doc, sel(s, 'title')), url: doc.URL,
      }));
    }
    return found('like', 'like', like, videoContent(scopeOf(like, s, doc), s, doc));
  }

  const submit = closestAny(target, sel(s, 'commentSubmit'));
  if (submit) {
    if (isDisabled(submit)) return null;
    const box = closestAny(submit, sel(s, 'commentBox'));
    return commentSubmit(submit, queryFirst(box, sel(s, 'commentEditor')), s, doc);
  }

  const send = closestAny(target, sel(s, 'chatSend'));
  if (send) {
    if (isDisabled(send)) return null;
    const root = closestAny(send, sel(s, 'chatRoot')) ?? doc;
    return chatSend(send, queryFirst(root, sel(s, 'chatInput')), s, doc);
  }

  const share = controlFor(target, sel(s, 'share'), clickable);
  if (share) return found('share', 'share', share, videoContent(scopeOf(share, s, doc), s, doc));

  const subscribe = controlFor(target, sel(s, 'subscribe'), clickable);
  if (subscribe) {
    const renderer = closestAny(subscribe, sel(s, 'subscribeRenderer'));
    if (matchFirst(subscribe, sel(s, 'subscribed')) || matchFirst(renderer, sel(s, 'subscribed'))) return null;
    return found('follow', 'subscribe', subscribe, videoContent(scopeOf(subscribe, s, doc), s, doc));
  }
  return null;
}

function commentSubmit(control: Element, editor: Element | null, s: SelectorData, doc: Document): DetectedAction | null {
  const draft = draftOf(editor);
  if (!draft) return null;
  const video = videoContent(scopeOf(control, s, doc), s, doc);
  // a reply box sits inside a comment thread; the thread's top-level comment is what is replied to
  const thread = closestAny(control, sel(s, 'thread'));
  if (thread) {
    const parent = queryFirst(thread, sel(s, 'comment'));
    return found('comment', 'reply', control, compact<ActionContent>({
      ...video, quoted: textAt(parent, sel(s, 'commentText')), draft,
    }));
  }
  return found('comment', 'comment', control, compact<ActionContent>({ ...video, draft }));
}

function chatSend(control: Element, input: Element | null, s: SelectorData, doc: Document): DetectedAction | null {
  const draft = draftOf(input);
  if (!draft) return null;
  // the chat frame is same-origin with the watch page: read the video there when reachable
  let video: ActionContent = {};
  try {
    const parentDoc = doc.defaultView?.parent?.document;
    if (parentDoc && parentDoc !== doc) video = videoContent(parentDoc, s, parentDoc);
  } catch {
    /* cross-origin or detached: the chat frame alone */
  }
  if (!video.text) {
    const here = videoContent(doc, s, doc);
    video = here.text ? here : compact<ActionContent>({ url: doc.URL });
  }
  return found('comment', 'send', control, compact<ActionContent>({ ...video, draft }));
}

export default defineSiteAdapter({
  id: 'youtube',
  hosts: ['youtube.com'],
  selectors,
  detect,
});
