/**
 * Instagram (www.instagram.com). Instagram has almost no test ids: its hooks are the localised
 * `aria-label` on the action icons (`svg[aria-label="Suka"]`), resolved to the surrounding button,
 * so in id-ID the Indonesian label is effectively the primary hook. Sources: docs/sites.md,
 * "Where the selectors come from". Labels marked [unverified] were not found in any
 * source and are fallbacks to confirm on a live id-ID / en-US session.
 *
 * Actions: like (icon button, and double-tap on the media), comment (Enter in the comment box, the
 * Post/Kirim button), share (the share dialog's Send, mapped back to the post whose share icon
 * opened it), follow, story reply (Enter / Send in the story reply box), post (a new post's or
 * reel's final Bagikan/Share, with the caption, location and alt text; a new story's "Bagikan ke
 * cerita Anda"). The steps before the last one (Berikutnya/Next) publish nothing and are never held.
 *
 * On a phone a post has no comment box: comments are sent from /p/<id>/comments/, a page whose form
 * sits outside any <article> and whose first list item is the post's caption [unverified].
 *
 * Test URLs: https://www.instagram.com/ (feed), https://www.instagram.com/p/<id>/ (post dialog),
 * https://www.instagram.com/<user>/ (profile), https://www.instagram.com/stories/<user>/<id>/,
 * https://www.instagram.com/p/<id>/comments/ (phone)
 */
import type { ActionContent } from '../../../rules/actions';
import {
  OpenerMemory,
  absoluteHref,
  ancestorContaining,
  cap,
  closestAny,
  compact,
  controlFor,
  draftOf,
  eventElement,
  firstText,
  handleFromHref,
  hashtagsIn,
  imageAlts,
  isActivation,
  isDisabled,
  isPlainEnter,
  matchFirst,
  queryAllAny,
  queryFirst,
  sel,
  textAt,
  textOf,
  textsAt,
} from './helpers';
import { defineSiteAdapter } from './define';
import type { DetectedAction, InterceptedEvent, SelectorData } from './types';

const selectors: SelectorData = {
  /** a post: feed item, or the post opened as a dialog over the feed (also an `article`) */
  post: ['article'],
  /** what the site listens on; icon hooks resolve outwards to it */
  clickable: ['button', '[role="button"]'],

  like: ['svg[aria-label="Suka"]', 'svg[aria-label="Like"]'],
  /** already liked: the icon's label flips; the id-ID strings are [unverified] guesses */
  liked: ['svg[aria-label="Unlike"]', 'svg[aria-label="Batal suka"]', 'svg[aria-label="Batalkan suka"]'],
  /** the post media, where a double-tap likes; `._aagv`/`._aatk` are Instagram's media wrapper classes [unverified] */
  media: ['video', '._aagv', '._aatk', 'img[sizes]'],
  /** parts of a post where a double-click is not a double-tap on the media */
  mediaExclude: ['header', 'section', 'form', 'a[href]', 'button'],

  /** the comment box: language-independent first; labels [unverified] in id-ID */
  commentInput: [
    'article form textarea',
    'textarea[aria-label="Tambahkan komentar…"]', // [unverified]
    'textarea[placeholder="Tambahkan komentar…"]', // [unverified]
    'textarea[aria-label="Add a comment…"]',
    'textarea[placeholder="Add a comment…"]',
  ],
  /** the comment box's submit control (a text button); `Kirim` [unverified] */
  commentSubmit: [
    'article form button[type="submit"]',
    'article form [role="button"] >> text="Kirim"', // [unverified]
    'article form [role="button"] >> text="Post"',
    'article form button >> text="Kirim"', // [unverified]
    'article form button >> text="Post"',
  ],
  /** the comment box's submit on the phone's comments page (/p/<id>/comments/), where no <article> is around
   *  the form; counted only in a form holding a `commentInput` (story reply forms hold none) [unverified] */
  commentPageSubmit: ['form [role="button"] >> text="Kirim"', 'form [role="button"] >> text="Post"', 'form button[type="submit"]'],
  /** the comments page's first list item: the post's caption by its author (an h1, as in the desktop post view) [unverified] */
  commentPageCaption: ['main ul li:has(h1)'],
  captionAuthorLink: ['a[href^="/"]:not([href*="/explore/"]):not([href*="/p/"]):not([href*="/reel/"])'],
  /** a comment row in the post dialog (liking a comment is about the comment, not the post) */
  commentItem: ['ul ul li', 'ul li'],
  /** the comment's text (the first match outside the author link) */
  commentText: ['span[dir="auto"]'],

  /** the post's share (paper-plane) icon — opens the share dialog; labels [unverified] except `Share Post` */
  share: [
    'svg[aria-label="Bagikan"]', // [unverified]
    'svg[aria-label="Bagikan Postingan"]', // [unverified]
    'svg[aria-label="Share Post"]',
    'svg[aria-label="Share"]',
  ],
  shareDialog: ['[role="dialog"]'],
  /** the share dialog's send button (`Kirim` [unverified]) */
  shareSend: [
    '[role="dialog"] [role="button"] >> text="Kirim"', // [unverified]
    '[role="dialog"] [role="button"] >> text="Send"',
    '[role="dialog"] button >> text="Kirim"', // [unverified]
    '[role="dialog"] button >> text="Send"',
  ],

  /** follow buttons (post header, suggestions, profile); `Mengikuti`/`Following` never match */
  follow: [
    'button >> text="Ikuti"',
    '[role="button"] >> text="Ikuti"',
    'button >> text="Follow"',
    '[role="button"] >> text="Follow"',
    'button >> text="Ikuti balik"', // [unverified]
    'button >> text="Follow Back"', // [unverified]
  ],

  /** story reply box: labels only, none verified in id-ID */
  storyReplyInput: [
    'textarea[placeholder^="Balas ke"]', // [unverified]
    'textarea[aria-label^="Balas ke"]', // [unverified]
    'textarea[placeholder^="Reply to"]',
    'textarea[aria-label^="Reply to"]',
  ],
  storyReplySend: [
    'form [role="button"] >> text="Kirim"', // [unverified]
    'form [role="button"] >> text="Send"',
    'form button >> text="Kirim"', // [unverified]
    'form button >> text="Send"',
  ],
  /** the story viewer around the reply box, and the story's author link */
  storyRoot: ['section'],
  storyAuthor: ['header a[href^="/"]'],

  /** post content */
  authorLink: ['header a[href^="/"]:not([href*="/explore/"])'],
  /** the author's name as shown (links wrapping only the avatar are skipped) */
  authorName: ['header a[href^="/"]:not([href*="/explore/"]) span[dir="auto"]', 'header a[href^="/"]:not([href*="/explore/"]):not(:has(img))'],
  caption: ['h1[dir="auto"]', 'h1', 'span._ap3a[dir="auto"]' /* class [unverified] */],
  location: ['header a[href*="/explore/locations/"]'],
  tagLink: ['a[href*="/explore/tags/"]'],
  mediaImage: ['._aagv img[alt]', 'img[sizes][alt]'],
  /** the post's own link (the one around its timestamp), not "liked by" */
  permalink: ['a[href*="/p/"]:has(time)', 'a[href*="/reel/"]:has(time)', 'a[href*="/p/"]:not([href*="/liked_by"])', 'a[href*="/reel/"]'],

  /**
   * A new post or reel: the caption editor of its last step, a Lexical contenteditable in the
   * desktop dialog and a textarea on the phone's /create/details/ page. Label sources:
   * tests/fixtures/sites/README.md, "Create and upload flows"; the Indonesian ones [unverified].
   */
  captionEditor: [
    '[contenteditable="true"][aria-label^="Tulis keterangan"]', // [unverified]
    'textarea[aria-label^="Tulis keterangan"]', // [unverified]
    '[contenteditable="true"][aria-label^="Write a caption"]',
    'textarea[aria-label^="Write a caption"]',
    'textarea[placeholder^="Write a caption"]',
  ],
  /** the last step's publish button; counted only next to a caption editor and outside any post
   *  (a feed post's share icon carries the same word) — `Bagikan` [unverified] */
  postShare: ['[role="button"] >> text="Bagikan"', 'button >> text="Bagikan"', '[role="button"] >> text="Share"', 'button >> text="Share"'],
  /** the location and alt-text fields of the last step, read when filled; placeholders in id-ID [unverified] */
  postLocation: ['input[name="creation-location-input"]', 'input[placeholder="Tambahkan lokasi"]', 'input[placeholder="Add location"]'],
  postAltText: ['input[placeholder^="Tulis teks alt"]', 'input[placeholder^="Write alt text"]'],
  /** a new story's publish button [unverified]; never the story tray's "Cerita Anda" / "Your story" (label trap) */
  storyShare: [
    'button >> text="Bagikan ke cerita Anda"',
    '[role="button"] >> text="Bagikan ke cerita Anda"',
    'button >> text="Add to your story"',
    '[role="button"] >> text="Add to your story"',
  ],

  /** profile page header (follow from a profile) */
  profileHeader: ['main header'],
  profileHandle: ['h2', 'h1'],
  profileBio: ['section span[dir="auto"]', 'span[dir="auto"]'],
  /** a suggestion or hover card's link to the account */
  profileLink: ['a[href^="/"][role="link"]', 'a[href^="/"]'],
};

/** What the adapter remembers: the post whose share icon opened the share dialog (a portal outside the article). */
interface Memory {
  shareOpener: OpenerMemory;
}

function postContent(post: Element, s: SelectorData, doc: Document): ActionContent {
  const authorLink = queryFirst(post, sel(s, 'authorLink'));
  const handle = handleFromHref(authorLink?.getAttribute('href'));
  const text = textAt(post, sel(s, 'caption'));
  const tagLinks = queryAllAny(post, sel(s, 'tagLink')).map((a) => textOf(a).replace(/^#/, ''));
  const permalink = queryFirst(post, sel(s, 'permalink'));
  return compact<ActionContent>({
    text,
    author: firstText(post, sel(s, 'authorName')) || handle,
    handle,
    hashtags: [...new Set([...hashtagsIn(text), ...tagLinks.filter(Boolean)])],
    // the location tag ("Posko Pemenangan …") is the place the post is about
    group: textAt(post, sel(s, 'location')),
    imageAlt: imageAlts(post, sel(s, 'mediaImage')),
    url: permalink ? absoluteHref(permalink) : doc.URL,
  });
}

/** Content for a follow outside any post: the profile header. */
function profileContent(control: Element, s: SelectorData, doc: Document): ActionContent {
  let header = closestAny(control, sel(s, 'profileHeader'));
  if (!header) {
    // a suggestion card or hover card: the nearest profile link around the button
    const card = ancestorContaining(control, sel(s, 'profileLink'), 5);
    const link = queryFirst(card, sel(s, 'profileLink'));
    const handle = handleFromHref(link?.getAttribute('href'));
    if (handle) return compact<ActionContent>({ author: firstText(card, sel(s, 'profileLink')) || handle, handle, url: doc.URL });
    header = queryFirst(doc, sel(s, 'profileHeader'));
  }
  if (!header) return {};
  const handle = textAt(header, sel(s, 'profileHandle'));
  const bio = textsAt(header, sel(s, 'profileBio'));
  return compact<ActionContent>({ author: handle, handle, text: bio, hashtags: hashtagsIn(bio), url: doc.URL });
}

function detect(event: InterceptedEvent, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
  const target = eventElement(event);
  if (!target) return null;
  const type = event.type;
  const clickable = sel(s, 'clickable');

  // Keyboard: only Enter in a comment / story-reply box matters (buttons get a click).
  if (type === 'keydown') {
    if (isPlainEnter(event)) {
      const story = closestAny(target, sel(s, 'storyReplyInput'));
      if (story) return storyReply(story, story, s, doc);
      const input = closestAny(target, sel(s, 'commentInput'));
      if (input) return comment(input, input, s, doc);
    }
    // custom controls activated from the keyboard fall through to the click path
    const control = closestAny(target, clickable);
    if (!control || !isActivation(event, control)) return null;
  } else if (type === 'submit') {
    const story = queryFirst(target, sel(s, 'storyReplyInput'));
    if (story) return storyReply(target, story, s, doc);
    const input = queryFirst(target, sel(s, 'commentInput'));
    return input ? comment(target, input, s, doc) : null;
  } else if (type === 'dblclick') {
    return doubleTap(target, s, doc);
  } else if (type !== 'click') {
    return null;
  }

  const like = controlFor(target, sel(s, 'like'), clickable);
  if (like) {
    if (matchFirst(like, sel(s, 'liked')) || queryFirst(like, sel(s, 'liked'))) return null;
    const post = closestAny(like, sel(s, 'post'));
    const item = post ? closestAny(like, sel(s, 'commentItem')) : null;
    if (item && post?.contains(item)) {
      // a comment's heart: the comment is what is liked, the post is context
      const authorLink = queryFirst(item, ['a[href^="/"]']);
      const handle = handleFromHref(authorLink?.getAttribute('href'));
      const text = textOf(queryAllAny(item, sel(s, 'commentText')).find((el) => !el.closest('a')));
      return {
        site: 'instagram', action: 'like', detail: 'like', control: like,
        content: compact<ActionContent>({ text, author: handle, handle, hashtags: hashtagsIn(text), quoted: textAt(post, sel(s, 'caption')), url: doc.URL }),
      };
    }
    return { site: 'instagram', action: 'like', detail: 'like', control: like, content: post ? postContent(post, s, doc) : {} };
  }

  const submit = closestAny(target, sel(s, 'commentSubmit')) ?? commentPageSubmit(target, s);
  if (submit) {
    if (isDisabled(submit)) return null;
    const form = ancestorContaining(submit, sel(s, 'commentInput'));
    return comment(submit, queryFirst(form, sel(s, 'commentInput')), s, doc);
  }

  const storySend = closestAny(target, sel(s, 'storyReplySend'));
  if (storySend) {
    const form = ancestorContaining(storySend, sel(s, 'storyReplyInput'), 6);
    if (form && !isDisabled(storySend)) return storyReply(storySend, queryFirst(form, sel(s, 'storyReplyInput')), s, doc);
  }

  const published = newPost(target, s, doc);
  if (published !== undefined) return published;

  const share = controlFor(target, sel(s, 'share'), clickable);
  if (share) {
    // opening the share dialog publishes nothing; remember the post for the dialog's Send
    m.shareOpener.remember(closestAny(share, sel(s, 'post')));
    return null;
  }

  const send = closestAny(target, sel(s, 'shareSend'));
  if (send && !closestAny(send, sel(s, 'post'))) {
    if (isDisabled(send)) return null;
    const post = m.shareOpener.recall();
    return { site: 'instagram', action: 'share', detail: 'share', control: send, content: post ? postContent(post, s, doc) : {} };
  }

  const follow = closestAny(target, sel(s, 'follow'));
  if (follow) {
    const post = closestAny(follow, sel(s, 'post'));
    return { site: 'instagram', action: 'follow', detail: 'follow', control: follow, content: post ? postContent(post, s, doc) : profileContent(follow, s, doc) };
  }
  return null;
}

/**
 * The last step of a new post, reel or story: its publish button, with what it publishes (the
 * caption, its hashtags, the location, the alt texts). Undefined when the press is on no such
 * button; null when it is but publishes nothing (disabled).
 */
function newPost(target: Element, s: SelectorData, doc: Document): DetectedAction | null | undefined {
  const story = closestAny(target, sel(s, 'storyShare'));
  if (story && !closestAny(story, sel(s, 'post'))) {
    if (isDisabled(story)) return null;
    // a story has no caption: only the photo check can find something in it
    return { site: 'instagram', action: 'post', detail: 'post', control: story, content: { url: doc.URL }, attachmentsOnly: true };
  }
  const control = closestAny(target, sel(s, 'postShare'));
  if (!control || closestAny(control, sel(s, 'post'))) return undefined;
  // the create dialog on the desktop; the page around the top bar on the phone
  const root = control.closest('[role="dialog"]') ?? ancestorContaining(control, sel(s, 'captionEditor'), 8);
  if (!root || root === doc.body || root === doc.documentElement || !queryFirst(root, sel(s, 'captionEditor'))) return undefined;
  if (isDisabled(control)) return null;
  const draft = cap(queryAllAny(root, sel(s, 'captionEditor')).map((e) => draftOf(e)).filter(Boolean).join('\n'));
  const content = compact<ActionContent>({
    draft,
    hashtags: hashtagsIn(draft),
    group: draftOf(queryFirst(root, sel(s, 'postLocation'))),
    imageAlt: queryAllAny(root, sel(s, 'postAltText')).map((e) => draftOf(e)).filter(Boolean),
    url: doc.URL,
  });
  const found: DetectedAction = { site: 'instagram', action: 'post', detail: 'post', control, content };
  // nothing typed: the post publishes only its media, which the photo check looks at
  if (!content.draft && !content.group && !content.imageAlt) found.attachmentsOnly = true;
  return found;
}

/** The submit control of a comment form outside any post (the phone's comments page). */
function commentPageSubmit(target: Element, s: SelectorData): Element | null {
  const control = closestAny(target, sel(s, 'commentPageSubmit'));
  const form = control?.closest('form');
  return form && queryFirst(form, sel(s, 'commentInput')) ? control : null;
}

/** The post a comments page is about: the caption item at its head (author link, caption, tags). */
function commentPageContent(doc: Document, s: SelectorData): ActionContent {
  const item = queryFirst(doc, sel(s, 'commentPageCaption'));
  if (!item) return {};
  const handle = handleFromHref(queryFirst(item, sel(s, 'captionAuthorLink'))?.getAttribute('href'));
  const text = textAt(item, sel(s, 'caption'));
  const tagLinks = queryAllAny(item, sel(s, 'tagLink')).map((a) => textOf(a).replace(/^#/, ''));
  return compact<ActionContent>({ text, author: handle, handle, hashtags: [...new Set([...hashtagsIn(text), ...tagLinks.filter(Boolean)])], url: doc.URL });
}

function comment(control: Element, input: Element | null, s: SelectorData, doc: Document): DetectedAction | null {
  const draft = draftOf(input);
  if (!draft) return null; // an empty comment box sends nothing
  const post = closestAny(control, sel(s, 'post')) ?? closestAny(input, sel(s, 'post'));
  return {
    site: 'instagram', action: 'comment', detail: 'comment', control,
    content: compact<ActionContent>({ ...(post ? postContent(post, s, doc) : commentPageContent(doc, s)), draft }),
  };
}

function storyReply(control: Element, input: Element | null, s: SelectorData, doc: Document): DetectedAction | null {
  const draft = draftOf(input);
  if (!draft) return null;
  const root = input ? closestAny(input, sel(s, 'storyRoot')) : null;
  const authorLink = queryFirst(root, sel(s, 'storyAuthor'));
  const handle = handleFromHref(authorLink?.getAttribute('href'));
  return {
    site: 'instagram', action: 'comment', detail: 'reply', control,
    content: compact<ActionContent>({
      author: textOf(authorLink) || handle,
      handle,
      imageAlt: imageAlts(root, sel(s, 'mediaImage')),
      draft,
      url: doc.URL,
    }),
  };
}

function doubleTap(target: Element, s: SelectorData, doc: Document): DetectedAction | null {
  const post = closestAny(target, sel(s, 'post'));
  if (!post) return null;
  const media = closestAny(target, sel(s, 'media'));
  if (!media || !post.contains(media)) return null;
  const excluded = closestAny(target, sel(s, 'mediaExclude'));
  if (excluded && post.contains(excluded)) return null;
  // a double-tap on an already-liked post changes nothing (comment hearts do not count)
  const items = sel(s, 'commentItem');
  if (queryAllAny(post, sel(s, 'liked')).some((el) => !closestAny(el, items))) return null;
  return { site: 'instagram', action: 'like', detail: 'like', control: media, content: postContent(post, s, doc) };
}

export default defineSiteAdapter<Memory>({
  id: 'instagram',
  hosts: ['instagram.com'],
  selectors,
  memory: () => ({ shareOpener: new OpenerMemory() }),
  detect,
});
