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
 * comment renderers and a textarea simplebox). Its comments panel (2026) is documented by public
 * code (tests/fixtures/sites/README.md, "m.youtube.com comments"): the comment box's textarea and
 * send button in `ytm-comment-simplebox-renderer`, comments as `ytm-comment-renderer` with
 * `Ytm*` classes, and a comment's like and reply only in its action menu, a bottom sheet opened by
 * its "More options" button; the adapter remembers which comment opened the sheet. Hooks marked
 * m.youtube.com without a source are [unverified] and follow the desktop ones.
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
  OpenerMemory,
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
  commentText: ['#content-text', '.YtmCommentRendererText' /* m.youtube.com 2026 */, '.comment-text' /* m.youtube.com [unverified] */],
  commentAuthor: ['#author-text', '.YtmCommentRendererTitle' /* m.youtube.com 2026 */, '.comment-title' /* m.youtube.com [unverified] */],
  /** m.youtube.com: a comment's "More options" button, which opens its action menu (a bottom sheet) */
  commentMenu: ['button.YtmCommentRendererMenu'],
  /** m.youtube.com: the action menu's Like and Reply items (labels: en seen, id-ID [unverified]) */
  commentMenuLike: [
    'bottom-sheet-container ytm-menu-item button >> text="Suka"',
    'bottom-sheet-container ytm-menu-item button >> text="Like"',
  ],
  commentMenuReply: [
    'bottom-sheet-container ytm-menu-item button >> text="Balas"',
    'bottom-sheet-container ytm-menu-item button >> text="Reply"',
  ],
  /** m.youtube.com: the comment's first action icon (the like) is selected when the viewer liked it */
  commentLiked: ['.YtmCommentRendererIcons:first-child .YtmCommentRendererActionIcon[data-selected="true"]'],
  /** the thread a reply box belongs to (its top-level comment is what is replied to) */
  thread: ['ytd-comment-thread-renderer', 'ytm-comment-thread-renderer'],

  /** the comment box and its submit button; submit labels [unverified] in id-ID */
  commentBox: [
    'ytd-commentbox',
    'ytd-comment-simplebox-renderer',
    'ytm-comment-simplebox-renderer',
    'ytm-comment-reply-dialog-renderer' /* [unverified] */,
  ],
  /** m.youtube.com: the reply dialog (commentReplyDialogRenderer; its tag [unverified]) */
  replyBox: ['ytm-comment-reply-dialog-renderer'],
  commentEditor: [
    '#contenteditable-root[contenteditable="true"]',
    'ytd-commentbox [contenteditable="true"]',
    'textarea.YtmCommentSimpleboxRendererReply', // m.youtube.com 2026
    'ytm-comment-simplebox-renderer textarea',
    'ytm-comment-reply-dialog-renderer textarea', // [unverified]
  ],
  commentSubmit: [
    'ytm-comment-simplebox-renderer button[aria-label="Komentar"]', // m.youtube.com [unverified]
    'ytm-comment-simplebox-renderer button[aria-label="Balas"]', // [unverified]
    'ytm-comment-simplebox-renderer button[aria-label="Comment"]', // [unverified]
    'ytm-comment-simplebox-renderer button[aria-label="Reply"]', // [unverified]
    'ytm-comment-reply-dialog-renderer button[aria-label="Balas"]', // [unverified]
    'ytm-comment-reply-dialog-renderer button[aria-label="Reply"]', // label seen, tag [unverified]
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

/** What the adapter remembers. */
interface Memory {
  /** m.youtube.com: the comment whose "More options" opened the action menu (its Like, its Reply) */
  commentMenu: OpenerMemory;
}

/** A like on a comment: the comment's text and author, on the page's video. */
function commentLike(control: Element, comment: Element, s: SelectorData, doc: Document): DetectedAction {
  const text = textAt(comment, sel(s, 'commentText'));
  const author = textAt(comment, sel(s, 'commentAuthor'));
  const video = videoContent(doc, s, doc);
  return found('like', 'like', control, compact<ActionContent>({
    text, author, handle: author.replace(/^@/, ''), hashtags: hashtagsIn(text), group: video.group, quoted: textAt(doc, sel(s, 'title')), url: doc.URL,
  }));
}

function detect(event: InterceptedEvent, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
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
      if (editor) return commentSubmit(editor, editor, s, doc, m); // Ctrl+Enter submits [unverified]
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
    if (comment) return commentLike(like, comment, s, doc);
    return found('like', 'like', like, videoContent(scopeOf(like, s, doc), s, doc));
  }

  // m.youtube.com: "More options" on a comment opens its action menu; the menu acts on that comment
  const menu = closestAny(target, sel(s, 'commentMenu'));
  if (menu) {
    m.commentMenu.remember(closestAny(menu, sel(s, 'comment')));
    return null;
  }
  const menuLike = controlFor(target, sel(s, 'commentMenuLike'), clickable);
  if (menuLike) {
    const comment = m.commentMenu.recall();
    // no comment known, or already liked (the item then unlikes): nothing to hold
    if (!comment || queryFirst(comment, sel(s, 'commentLiked'))) return null;
    return commentLike(menuLike, comment, s, doc);
  }
  if (controlFor(target, sel(s, 'commentMenuReply'), clickable)) return null; // opens the reply dialog

  const submit = closestAny(target, sel(s, 'commentSubmit'));
  if (submit) {
    if (isDisabled(submit)) return null;
    const box = closestAny(submit, sel(s, 'commentBox'));
    return commentSubmit(submit, queryFirst(box, sel(s, 'commentEditor')), s, doc, m);
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

function commentSubmit(control: Element, editor: Element | null, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
  const draft = draftOf(editor);
  if (!draft) return null;
  const video = videoContent(scopeOf(control, s, doc), s, doc);
  // a reply box sits inside a comment thread; the thread's top-level comment is what is replied to.
  // m.youtube.com's reply dialog outside a thread replies to the comment whose menu opened it.
  const thread = closestAny(control, sel(s, 'thread'));
  const menuComment = thread ? null : closestAny(control, sel(s, 'replyBox')) && m.commentMenu.recall();
  if (thread || menuComment) {
    const parent = menuComment || queryFirst(thread, sel(s, 'comment'));
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
  memory: () => ({ commentMenu: new OpenerMemory(2 * 60_000) }),
  detect,
});
