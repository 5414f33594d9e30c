/**
 * TikTok (www.tiktok.com). TikTok's web client carries `data-e2e` test hooks on every action
 * control, and all 2024–26 automation code seen relies on them; the action buttons are icon-only
 * (with counts), so Indonesian/English labels are only fallbacks, none verified in any source
 * (docs/sites.md, "Where the selectors come from").
 *
 * Actions: like (the heart, and double-tap on the video), comment (the Post button, Enter in the
 * comment box), share (opening the share panel), repost (in the share panel, mapped back to the
 * video that opened it), follow (profile/detail button and the "+" on the feed avatar), post (the
 * upload page's Posting/Post button, with the caption typed above it).
 * Content: video description, author name and handle, hashtags, sound title (as `group`).
 *
 * Upload (www.tiktok.com/tiktokstudio/upload, and the older /upload): the caption is a DraftJS
 * editor in `[data-e2e="caption_container"]` and the publish button is
 * `[data-e2e="post_video_button"]`, as public uploaders drive them (tests/fixtures/sites/README.md,
 * "Create and upload flows"). Phones have no upload on the web (docs/mobile.md).
 *
 * Mobile web (a phone on www.tiktok.com / m.tiktok.com): the video swiper's own tags (`video-slide-*`,
 * `video-like-button`, `video-comment-button`, `video-share-button`, `video-follow`, `video-username`),
 * from TikTok's mobile bundle mirrored in gyp-programmer/my-app (tiktok/video-swiper.js, 2025-02-15).
 *
 * Test URLs: https://www.tiktok.com/foryou, https://www.tiktok.com/@<user>/video/<id>,
 * https://www.tiktok.com/tiktokstudio/upload
 */
import type { ActionContent } from '../../../rules/actions';
import {
  OpenerMemory,
  absoluteHref,
  ancestorContaining,
  closestAny,
  compact,
  controlFor,
  draftOf,
  eventElement,
  firstText,
  handleFromHref,
  hashtagsIn,
  isActivation,
  isDisabled,
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

const selectors: SelectorData = {
  /** one video in the For You / Following feed; the detail page has none (the document is the scope) */
  item: [
    '[data-e2e="recommend-list-item-container"]' /* [unverified] */,
    'article[data-scroll-index]' /* [unverified] */,
    // mobile web: the swiper's slides (`video-slide-active`, `video-slide-<n>`), TikTok's mobile bundle 2025-02-15
    '[data-e2e^="video-slide"]',
  ],
  clickable: ['button', '[role="button"]'],

  like: [
    '[data-e2e="like-icon"]',
    '[data-e2e="browse-like-icon"]',
    '[data-e2e="video-like-button"]', // mobile web (a plain div, no role or label)
    'button[aria-label^="Suka video"]', // [unverified]
    'button[aria-label^="Like video"]', // [unverified]
  ],
  /** a comment's like (2022 video page: a wrapper holding the icon and the count, no label) */
  commentLike: ['[data-e2e="comment-like-icon"]' /* [unverified] */, '[data-e2e="comment-like-count"]'],
  /** a comment, its author and text (liking it is about the comment; the video is context) */
  comment: ['[data-e2e="comment-item"]' /* [unverified] */, '[class*="CommentItemContainer"]'],
  commentText: ['[data-e2e^="comment-level-"]'],
  commentAuthor: ['[data-e2e^="comment-username-"]'],
  /** what a comment's like wrapper is when it is not a button */
  commentClickable: ['button', '[role="button"]', '[class*="LikeWrapper"]'],
  /** already liked: TikTok marks the toggle pressed [unverified] */
  liked: ['[aria-pressed="true"]'],
  /** the playing video, where a double-tap likes */
  video: ['[data-e2e="browse-video"]', '[data-e2e="feed-video"]', 'video'],

  /** opening the comments panel (remembers which video the panel is about) */
  commentOpen: ['[data-e2e="comment-icon"]', '[data-e2e="browse-comment-icon"]' /* [unverified] */, '[data-e2e="video-comment-button"]' /* mobile web */],
  /** the comment box: a DraftJS contenteditable inside the `comment-input` wrapper */
  commentInput: ['[data-e2e="comment-input"] [contenteditable="true"]', '[data-e2e="comment-input"]'],
  commentPost: [
    '[data-e2e="comment-post"]',
    '[data-e2e="comment-input"] ~ [role="button"] >> text="Posting"', // [unverified]
    '[data-e2e="comment-input"] ~ [role="button"] >> text="Post"',
  ],

  share: ['[data-e2e="share-icon"]', '[data-e2e="browse-share-icon"]' /* [unverified] */, '[data-e2e="video-share-button"]' /* mobile web */],
  /** "Repost" in the share panel (a portal) — hook and labels [unverified] */
  repost: [
    '[data-e2e="share-repost"]', // [unverified]
    '[data-e2e="repost-icon"]', // [unverified]
    '[role="button"] >> text="Posting ulang"', // [unverified]
    'button >> text="Posting ulang"', // [unverified]
    '[role="button"] >> text="Repost"', // [unverified]
    'button >> text="Repost"', // [unverified]
  ],
  /** a repost that was already made: the panel offers "Remove repost" [unverified] */
  reposted: ['* >> text="Hapus posting ulang"', '* >> text="Remove repost"'],

  follow: [
    '[data-e2e="follow-button"]',
    '[data-e2e="feed-follow"]', // [unverified]
    '[data-e2e="browse-follow"]', // [unverified]
    '[data-e2e="video-follow"]', // mobile web: the "+" on the avatar
    'button >> text="Ikuti"', // [unverified]
    'button >> text="Follow"',
  ],
  /** the follow button's text once following (clicking it unfollows) — id-ID [unverified] */
  following: ['* >> text="Mengikuti"', '* >> text="Following"', '* >> text="Teman"', '* >> text="Friends"'],

  /** content */
  desc: ['[data-e2e="browse-video-desc"]', '[data-e2e="video-desc"]'],
  handle: ['[data-e2e="browse-username"]', '[data-e2e="video-author-uniqueid"]' /* [unverified] */, '[data-e2e="video-username"]' /* mobile web */],
  authorName: ['[data-e2e="browse-user-nickname"]' /* [unverified] */, '[data-e2e="video-author-nickname"]' /* [unverified] */],
  authorLink: ['a[href^="/@"]', 'a[href*="tiktok.com/@"]'],
  sound: ['[data-e2e="browse-music"]', '[data-e2e="video-music"]', '[data-e2e="video-music-info"]' /* mobile web */],
  tagLink: ['a[href*="/tag/"]'],
  permalink: ['a[href*="/video/"]'],
  /** the upload page's caption editor (DraftJS); the last entry is the older /upload page's */
  uploadCaption: [
    '[data-e2e="caption_container"] .public-DraftEditor-content',
    '[data-e2e="caption_container"] [contenteditable="true"]',
    '.public-DraftEditor-content[contenteditable="true"]',
  ],
  /** the upload page's publish button, counted only next to an upload caption; `.btn-post` is the older
   *  /upload page's; the labels are fallbacks (`Posting`, `Jadwalkan` [unverified]) */
  uploadPost: [
    '[data-e2e="post_video_button"]',
    '.btn-post',
    'button >> text="Posting"',
    'button >> text="Post"',
    'button >> text="Jadwalkan"',
    'button >> text="Schedule"',
  ],

  /** profile page header (follow from a profile) */
  profileHandle: ['[data-e2e="user-title"]'],
  profileName: ['[data-e2e="user-subtitle"]'],
  profileBio: ['[data-e2e="user-bio"]'],
};

/** What the adapter remembers: the video whose comment icon or share icon opened a panel outside its feed item. */
interface Memory {
  panelOpener: OpenerMemory;
}

function videoContent(scope: ParentNode, s: SelectorData, doc: Document): ActionContent {
  const desc = textAt(scope, sel(s, 'desc'));
  const handleText = textAt(scope, sel(s, 'handle')).replace(/^@/, '');
  const link = queryFirst(scope, sel(s, 'authorLink'));
  const handle = handleText || handleFromHref(link?.getAttribute('href'));
  const tags = queryAllAny(scope, sel(s, 'tagLink')).map((a) => textOf(a).replace(/^#/, ''));
  const permalink = queryFirst(scope, sel(s, 'permalink'));
  return compact<ActionContent>({
    text: desc,
    author: firstText(scope, sel(s, 'authorName')) || handle,
    handle,
    hashtags: [...new Set([...hashtagsIn(desc), ...tags.filter(Boolean)])],
    group: textAt(scope, sel(s, 'sound')),
    url: permalink ? absoluteHref(permalink) : doc.URL,
  });
}

/** The video an action is about: its feed item, else the video that opened the panel, else the page. */
function scopeOf(control: Element, s: SelectorData, doc: Document, m: Memory): ParentNode {
  return closestAny(control, sel(s, 'item')) ?? m.panelOpener.recall() ?? doc;
}

function found(action: 'like' | 'comment' | 'share' | 'follow' | 'post', detail: DetectedAction['detail'], control: Element, content: ActionContent): DetectedAction {
  return { site: 'tiktok', action, detail, control, content };
}

function detect(event: InterceptedEvent, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
  const target = eventElement(event);
  if (!target) return null;
  const clickable = sel(s, 'clickable');

  if (event.type === 'keydown') {
    if (isPlainEnter(event)) {
      const input = closestAny(target, sel(s, 'commentInput'));
      if (input) return comment(input, input, s, doc, m);
    }
    const control = closestAny(target, clickable);
    if (!control || !isActivation(event, control)) return null;
  } else if (event.type === 'dblclick') {
    const video = closestAny(target, sel(s, 'video'));
    if (!video) return null;
    const scope = closestAny(video, sel(s, 'item')) ?? doc;
    // a double-tap on an already-liked video changes nothing
    const like = queryFirst(scope, sel(s, 'like'));
    const button = like ? (closestAny(like, clickable) ?? like) : null;
    if (button && matchFirst(button, sel(s, 'liked'))) return null;
    return found('like', 'like', video, videoContent(scope, s, doc));
  } else if (event.type !== 'click') {
    return null;
  }

  const like = controlFor(target, sel(s, 'like'), clickable);
  if (like) {
    if (matchFirst(like, sel(s, 'liked'))) return null;
    return found('like', 'like', like, videoContent(scopeOf(like, s, doc, m), s, doc));
  }

  const commentLike = controlFor(target, sel(s, 'commentLike'), sel(s, 'commentClickable'));
  const likedComment = commentLike && closestAny(commentLike, sel(s, 'comment'));
  if (likedComment) {
    if (matchFirst(commentLike, sel(s, 'liked'))) return null;
    const text = textAt(likedComment, sel(s, 'commentText'));
    const link = queryFirst(likedComment, sel(s, 'authorLink'));
    return found('like', 'like', commentLike, compact<ActionContent>({
      text,
      author: textAt(likedComment, sel(s, 'commentAuthor')),
      handle: handleFromHref(link?.getAttribute('href')),
      hashtags: hashtagsIn(text),
      quoted: textAt(doc, sel(s, 'desc')),
      url: doc.URL,
    }));
  }

  const post = closestAny(target, sel(s, 'commentPost'));
  if (post) {
    if (isDisabled(post)) return null;
    const area = ancestorContaining(post, sel(s, 'commentInput'), 6);
    return comment(post, queryFirst(area ?? doc, sel(s, 'commentInput')), s, doc, m);
  }

  const upload = closestAny(target, sel(s, 'uploadPost'));
  if (upload) {
    const published = uploadPost(upload, s, doc);
    if (published !== undefined) return published;
  }

  const open = controlFor(target, sel(s, 'commentOpen'), clickable);
  if (open) {
    m.panelOpener.remember(closestAny(open, sel(s, 'item')));
    return null;
  }

  const share = controlFor(target, sel(s, 'share'), clickable);
  if (share) {
    m.panelOpener.remember(closestAny(share, sel(s, 'item')));
    return found('share', 'share', share, videoContent(scopeOf(share, s, doc, m), s, doc));
  }

  const repost = controlFor(target, sel(s, 'repost'), clickable);
  if (repost) {
    if (matchFirst(repost, sel(s, 'reposted')) || isDisabled(repost)) return null;
    return found('share', 'repost', repost, videoContent(scopeOf(repost, s, doc, m), s, doc));
  }

  const follow = controlFor(target, sel(s, 'follow'), clickable);
  if (follow) {
    if (matchFirst(follow, sel(s, 'following')) || isDisabled(follow)) return null;
    const item = closestAny(follow, sel(s, 'item'));
    if (item || queryFirst(doc, sel(s, 'desc'))) return found('follow', 'follow', follow, videoContent(item ?? doc, s, doc));
    // a profile page: the account itself
    const handle = textAt(doc, sel(s, 'profileHandle')).replace(/^@/, '');
    const bio = textAt(doc, sel(s, 'profileBio'));
    return found('follow', 'follow', follow, compact<ActionContent>({
      author: textAt(doc, sel(s, 'profileName')) || handle, handle, text: bio, hashtags: hashtagsIn(bio), url: doc.URL,
    }));
  }
  return null;
}

/**
 * The upload page's publish button: the caption above it is what is published. Undefined when the
 * button has no upload caption near it (another "Post"); null when disabled (still uploading).
 */
function uploadPost(control: Element, s: SelectorData, doc: Document): DetectedAction | null | undefined {
  const area = ancestorContaining(control, sel(s, 'uploadCaption'), 8);
  // a DraftJS comment box is no caption
  const editors = queryAllAny(area, sel(s, 'uploadCaption')).filter((e) => !closestAny(e, sel(s, 'commentInput')));
  if (!area || area === doc.body || editors.length === 0) return undefined;
  if (isDisabled(control)) return null;
  const draft = editors.map((e) => draftOf(e)).filter(Boolean).join('\n');
  const action = found('post', 'post', control, compact<ActionContent>({ draft, hashtags: hashtagsIn(draft), url: doc.URL }));
  // an empty caption publishes only the video, which the photo check cannot read either
  if (!draft) action.attachmentsOnly = true;
  return action;
}

function comment(control: Element, input: Element | null, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
  const draft = draftOf(input);
  if (!draft) return null; // TikTok disables Post on an empty box
  return found('comment', 'comment', control, compact<ActionContent>({ ...videoContent(scopeOf(control, s, doc, m), s, doc), draft }));
}

export default defineSiteAdapter<Memory>({
  id: 'tiktok',
  hosts: ['tiktok.com'],
  selectors,
  memory: () => ({ panelOpener: new OpenerMemory() }),
  detect,
});
