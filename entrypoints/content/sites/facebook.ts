/**
 * Facebook (www.facebook.com) adapter.
 *
 * Recognises: like (the like button, not when already reacted) and reactions (the `Tanggapan`
 * flyout, a portal: mapped back to the post whose like button was last hovered or pressed), comment
 * (Enter without Shift in a post's comment editor, and the comment send button), share (the
 * dialog's "Bagikan sekarang"/"Share now"; the share button only opens the dialog), post (the
 * create-post dialog's final `Kirim`/`Post`, with the draft remembered across the `Berikutnya`/`Next`
 * step), follow a profile (`Ikuti`/`Follow`), like a page (`Sukai Halaman`/`Like Page`, unverified) and
 * join a group (`Gabung ke grup`/`Join group`, unverified). A like on a comment is a like about that
 * comment (its text and author), not about the post.
 *
 * Sources for every selector: docs/sites.md, "Where the selectors come from" (its "row" names below;
 * label traps 4, 5, 10, 11, 12). [unverified] = not seen in any source: a modelled guess, kept as a
 * late fallback. Labels are matched exactly (label trap 5: "Kirim" prefixes several unrelated labels
 * in id-ID).
 *
 * Test URLs: https://www.facebook.com/, https://www.facebook.com/<page>, https://www.facebook.com/groups/<id>.
 * m.facebook.com (the touch site): `data-sigil` hooks (story-div, ufi-inline-like, comment,
 * comment-body, m-story-view), the header h3 (author, then group) and the ._5rgt message, as seen in the
 * development real page fb-m-scraper-group-permalink-2021-06 (docs/real-pages.md); the share link
 * (share-popup) and its sheet, the comment box, the status composer and the follow / like-page links
 * from public scripts (tests/fixtures/sites/README.md, "m.facebook.com hooks"). There Enter in a
 * textarea is a newline: only the send buttons send.
 * Fixtures: tests/fixtures/sites/facebook/ (mobile-*.html for m.facebook.com).
 */
import type { ActionContent } from '../../../rules/actions';
import { defineSiteAdapter } from './define';
import type { DetectedAction, InterceptedEvent, SelectorData } from './types';
import {
  absoluteHref,
  ancestorContaining,
  composerAround,
  ariaLabel,
  cap,
  closestAny,
  closestNearest,
  compact,
  controlFor,
  draftOf,
  eventElement,
  handleFromHref,
  hashtagsIn,
  imageAlts,
  isActivation,
  isDisabled,
  isEditable,
  isKeyActivation,
  isPlainEnter,
  matchFirst,
  OpenerMemory,
  queryAllAny,
  queryAllFirst,
  queryFirst,
  safely,
  sel,
  textOf,
} from './helpers';

const FACEBOOK_SELECTORS = {
  // --- content -----------------------------------------------------------------------------------
  /** row "post container": feed unit, article (comments are articles too: see commentArticle) */
  post: ['[data-pagelet^="FeedUnit"]', 'div[role="article"]', '[aria-posinset]', '[data-testid="fbfeed_story"]' /* 2018 */, '[data-sigil~="story-div"]' /* m.facebook.com */, 'article[data-ft]' /* m.facebook.com [unverified] */],
  /** row "post container": comment/reply articles to skip (docs/sites.md, label trap 4) */
  commentArticle: [
    '[data-sigil="comment"]', // m.facebook.com
    '[role="article"][aria-label*="Komentar oleh"]',
    '[role="article"][aria-label*="Balasan oleh"]',
    '[role="article"][aria-label*="Comment by"]',
    '[role="article"][aria-label*="Reply by"]',
  ],
  /** a post opened as a dialog (comment box, photo viewer): a dialog that holds a story message */
  postDialog: ['[role="dialog"]'],
  /** row "post container": text */
  storyMessage: ['[data-ad-rendering-role="story_message"]', '[data-ad-preview="message"]', '[data-ad-comet-preview="message"]', '[data-testid="post_message"]', '.userContent' /* 2018 */, '._5rgt' /* m.facebook.com */],
  /** row "post container": author */
  profileName: ['[data-ad-rendering-role="profile_name"]', 'h5 .fwb' /* 2018 */, 'header h3 > strong:first-child' /* m.facebook.com */],
  /** author profile link (handle = its first path segment) [unverified structure] */
  profileLink: ['[data-ad-rendering-role="profile_name"] a[href]', 'h2 a[href], h3 a[href], h4 a[href], h5 a[href]'],
  /** m.facebook.com: a comment's body and author name */
  commentBody: ['[data-sigil="comment-body"]'],
  commentAuthor: ['._2b05'],
  /** group a post was made in [unverified: the header links to /groups/<id>] */
  groupLink: ['a[href*="/groups/"]'],
  /** link card [unverified: modelled on public scrapers; no source names the attribute] */
  linkTitle: ['[data-ad-rendering-role="title"]', '[data-ad-rendering-role="description"]'],
  linkUrl: ['a[href*="l.facebook.com/l.php"]', 'a[target="_blank"][href^="http"]'],
  /** post permalink [unverified] */
  permalink: ['a[href*="/posts/"]', 'a[href*="/permalink/"]', 'a[href*="story_fbid="]'],
  /** photos [unverified] */
  image: ['a[href*="/photo"] img[alt]', 'img[data-visualcompletion="media-vc-image"][alt]'],
  hashtag: ['a[href*="/hashtag/"]'],
  /** the page, profile or group name in a header (follow / like page / join group); m.facebook.com: #cover-name-root */
  pageHeading: ['[role="main"] h1', '#cover-name-root', 'h1'],
  /** m.facebook.com story page: the story-div and, after it, its comments and comment box */
  storyPage: ['[data-sigil~="m-story-view"]'],
  /** what a marker (like_button…) resolves to: the element the site listens on */
  clickable: ['[role="button"]', 'button', '[role="menuitem"]', 'a[role="link"]'],

  // --- like / react --------------------------------------------------------------------------------
  /** row "like (click)": marker (inner div → closest role=button), then exact labels (not `Suka: N orang`) */
  like: [
    '[data-ad-rendering-role="like_button"]',
    '[data-sigil~="ufi-inline-like"]', // m.facebook.com story like
    '[data-sigil="ufi-inline-comment-actions"] [data-sigil~="touchable"] >> text="Suka"', // m.facebook.com comment like
    '[data-sigil="ufi-inline-comment-actions"] [data-sigil~="touchable"] >> text="Like"',
    '[role="button"][aria-label="Suka"]',
    '[role="button"][aria-label="Like"]',
    // comment like buttons carry only the visible text [unverified]
    '[role="button"] >> text="Suka"',
    '[role="button"] >> text="Like"',
    // a comment's Like as a plain <button> (Comet as reproduced elsewhere); the 2018 reaction link
    'button >> text="Suka"',
    'button >> text="Like"',
    'a[data-testid="UFI2ReactionLink"]',
  ],
  /** row "like (click)" notes + label trap 4 (docs/sites.md): already-reacted states; clicking removes the reaction */
  likedState: [
    '[data-sigil~="ufi-inline-like"][aria-pressed="true"]', // m.facebook.com
    '[aria-label*="Hapus Suka"]',
    '[aria-label*="Batalkan suka"]',
    '[aria-label*="Ubah tanggapan"]',
    '[aria-label*="Remove Like"]',
    '[aria-label="Unlike"]',
    '[aria-label*="Change reaction"]', // [unverified]
  ],
  /** row "react (long-press / hover)": the flyout portal `Tanggapan`; en `Reactions` [unverified] */
  reactionsFlyout: ['[aria-label="Tanggapan"]', '[aria-label="Reactions"]'],
  /** a reaction in the flyout; its aria-label names it (Suka, Super, Peduli, Haha, Wow, Sedih, Marah / Like, Love…) */
  reaction: ['[role="button"][aria-label]'],

  // --- comment -------------------------------------------------------------------------------------
  /** row "comment (submit)": Lexical editor; labelled first (`Komentari sebagai`/`Comment as`), then generic */
  commentEditor: [
    '[contenteditable="true"][role="textbox"][aria-label^="Komentari sebagai"]',
    '[contenteditable="true"][role="textbox"][aria-label^="Comment as"]',
    '[contenteditable="true"][role="textbox"][aria-placeholder^="Komentari sebagai"]',
    '[contenteditable="true"][role="textbox"][aria-placeholder^="Comment as"]',
    '[contenteditable="true"][data-lexical-editor="true"]',
    '[contenteditable="true"][role="textbox"]',
  ],
  /** row "comment (submit)": the send icon, when labelled (often it is not: Enter is the main path) */
  commentSubmit: [
    '[role="button"][aria-label="Posting komentar"]',
    '[role="button"][aria-label="Kirim komentar"]',
    '[role="button"][aria-label="Komentari"]',
    '[role="button"][aria-label*="Enter untuk mengirim"]',
    '[role="button"][aria-label="Post comment"]',
    '[role="button"][aria-label="Send comment"]',
    '[role="button"][aria-label*="Press Enter to post"]',
  ],

  // --- share (two-step) -------------------------------------------------------------------------------
  /** row "share (step 1)": opens the share dialog; remembered */
  shareButton: [
    '[data-ad-rendering-role="share_button"]',
    'a[data-sigil~="share-popup"]', // m.facebook.com: opens the share sheet
    '[role="button"][aria-label="Kirim ini ke teman atau posting di profil Anda."]',
    '[role="button"][aria-label="Send this to friends or post it on your profile."]',
    '[role="button"][aria-label="Bagikan"]',
    '[role="button"][aria-label="Share"]',
  ],
  /** row "share (step 2)": `Bagikan sekarang` / `(Publik)` / `(Teman)`; en `Share now` (variants [unverified]) */
  shareNow: [
    '[data-sigil~="share-one-click-button"]', // m.facebook.com sheet
    '[role="button"][aria-label^="Bagikan sekarang"]', // [unverified: label as aria]
    '[role="button"][aria-label^="Share now"]', // [unverified]
    '[role="button"] >> text^="Bagikan sekarang"',
    '[role="menuitem"] >> text^="Bagikan sekarang"',
    '[role="button"] >> text^="Share now"',
    '[role="menuitem"] >> text^="Share now"',
  ],

  /** m.facebook.com sheet: "Tulis postingan" (#share-with-message-button) opens a box; its send shares with the message */
  shareMessageSend: ['#share_submit'],
  shareMessage: ['#share_msg_input'],

  // --- m.facebook.com composers: textareas (Enter is a newline) in forms, sent by their button -------------
  mobileCommentBox: ['textarea[name="comment_text"]', 'textarea#composerInput'],
  mobileCommentSend: ['[data-sigil~="composer-submit"]', 'button[name="submit"]', 'input[name="submit"]'],
  mobilePostEditor: ['textarea[data-sigil~="composer-textarea"]', 'textarea[name="xc_message"]'],
  mobilePostSend: ['[data-sigil~="submit_composer"]', '[name="view_post"]'],
  /** a link preview under the draft [unverified] */
  mobileLinkPreview: ['[data-sigil~="m-composer-link-preview"]'],

  // --- post (create-post dialog) ---------------------------------------------------------------------
  /** row "post (composer)": the editor, by placeholder; group composer placeholders [unverified] */
  postEditor: [
    '[contenteditable="true"][aria-placeholder*="Apa yang Anda pikirkan"]',
    '[contenteditable="true"][aria-placeholder*="What\'s on your mind"]',
    '[contenteditable="true"][aria-placeholder*="What’s on your mind"]',
    '[contenteditable="true"][aria-label*="Apa yang Anda pikirkan"]',
    '[contenteditable="true"][aria-label*="What\'s on your mind"]',
    '[contenteditable="true"][aria-placeholder^="Tulis sesuatu"]', // [unverified]
    '[contenteditable="true"][aria-placeholder^="Write something"]', // [unverified]
  ],
  /** "Foto/video" in the feed composer and the create-post dialog: start loading the photo check [unverified] */
  attachControl: ['[role="button"][aria-label="Foto/video"]', '[role="button"][aria-label="Photo/video"]'],
  /** the create-post dialog by its title [unverified]; also recognised as "a dialog holding postEditor" */
  createPostDialog: ['[role="dialog"][aria-label="Buat postingan"]', '[role="dialog"][aria-label="Create post"]'],
  /** row "post (composer)": step `Berikutnya`/`Next` → settings; the draft is remembered */
  postNext: ['[role="button"][aria-label="Berikutnya"]', '[role="button"][aria-label="Next"]'],
  /** row "post (composer)": final publish button `Kirim` (id) / `Post` (en) — exact, in the create-post dialog only */
  postSubmit: ['[role="button"][aria-label="Kirim"]', '[role="button"][aria-label="Post"]', '[role="button"][aria-label="Posting"]'],

  // --- follow / like page / join group -------------------------------------------------------------------
  /** row "follow": `Ikuti` / `Follow` (aria, then visible text) */
  follow: [
    'a[href*="/a/subscribe.php"]', // m.facebook.com, mbasic
    '[role="button"][aria-label="Ikuti"]',
    '[role="button"][aria-label="Follow"]',
    '[role="button"] >> text="Ikuti"',
    '[role="button"] >> text="Follow"',
    'a >> text="Ikuti"',
    'a >> text="Follow"',
  ],
  /** like a page [unverified: label not found in any source] */
  likePage: [
    'a[href*="/a/profile.php?fan"]', // m.facebook.com, mbasic
    '[role="button"][aria-label="Sukai Halaman"]',
    '[role="button"][aria-label="Like Page"]',
    '[role="button"] >> text="Sukai Halaman"',
    '[role="button"] >> text="Like Page"',
  ],
  /** join a group [unverified: label not found in any source] */
  joinGroup: [
    '[role="button"][aria-label="Gabung ke grup"]',
    '[role="button"][aria-label="Join group"]',
    '[role="button"] >> text="Gabung ke grup"',
    '[role="button"] >> text="Join group"',
    '[role="button"] >> text="Gabung ke Grup"',
    '[role="button"] >> text="Join Group"',
  ],
} satisfies Record<string, string[]>;

/** What the adapter remembers. */
interface Memory {
  /** the post whose like button was hovered, pressed or clicked: reactions in the flyout map back to it */
  likeOpener: OpenerMemory;
  /** the post whose share button opened the share dialog */
  shareOpener: OpenerMemory;
  /** the create-post dialog at the `Berikutnya` step, with the draft as it was then */
  postDraft: OpenerMemory<string>;
  /** documents whose hover watch is installed, and the selectors it reads (the latest bundle's) */
  watched: WeakSet<Document>;
  watchSelectors: SelectorData;
}

const LIKE_REACTIONS = new Set(['Suka', 'Like']);

function result(
  action: DetectedAction['action'],
  detail: DetectedAction['detail'],
  control: Element,
  content: ActionContent,
): DetectedAction {
  return { site: 'facebook', action, detail, control, content: compact(content) };
}

function isComment(el: Element, s: SelectorData): boolean {
  return matchFirst(el, sel(s, 'commentArticle'));
}

/** The post an element belongs to: nearest post container that is not a comment, else a post dialog. */
function postOf(el: Element, s: SelectorData): Element | null {
  const posts = sel(s, 'post');
  let cur: Element | null = el;
  while (cur) {
    const hit = closestNearest(cur, posts);
    if (!hit) break;
    if (!isComment(hit, s)) return hit;
    cur = hit.parentElement;
  }
  const dialog = closestAny(el, sel(s, 'postDialog'));
  return dialog && queryFirst(dialog, sel(s, 'storyMessage')) ? dialog : null;
}

/** The comment article an element is in, if any. */
function commentOf(el: Element, s: SelectorData): Element | null {
  return closestNearest(el, sel(s, 'commentArticle'));
}

/** Everything a post shows: story message (and a shared post's message), author, group, card, images. */
function postContent(post: Element, s: SelectorData): ActionContent {
  const comments = queryAllAny(post, sel(s, 'commentArticle'));
  const own = (el: Element) => !comments.some((c) => c.contains(el));
  const messages = queryAllFirst(post, sel(s, 'storyMessage')).filter(own);
  const text = textOf(messages[0]);
  const quoted = cap(messages.slice(1).map((m) => textOf(m)).filter(Boolean).join(' · '));
  const author = textOf(queryAllAny(post, sel(s, 'profileName')).find(own) ?? null, 300);
  const profileLink = queryAllAny(post, sel(s, 'profileLink')).find(own) ?? null;
  const handle = handleOf(profileLink);
  const group = textOf(queryAllAny(post, sel(s, 'groupLink')).find((a) => own(a) && textOf(a) && textOf(a) !== author) ?? null, 300);
  const tagLinks = queryAllAny(post, sel(s, 'hashtag')).filter(own).map((a) => textOf(a, 200).replace(/^#/, ''));
  return compact<ActionContent>({
    text,
    quoted,
    author,
    handle,
    group,
    hashtags: [...new Set([...tagLinks.filter(Boolean), ...hashtagsIn(text, quoted)])],
    linkTitle: textOf(queryAllAny(post, sel(s, 'linkTitle')).find(own) ?? null, 500),
    linkUrl: cardUrl(queryAllAny(post, sel(s, 'linkUrl')).find(own) ?? null),
    imageAlt: imageAlts(post, sel(s, 'image')),
    url: absoluteHref(queryAllAny(post, sel(s, 'permalink')).find(own) ?? null),
  });
}

/** A profile handle from its link: `/relawan.garuda` → `relawan.garuda`; `profile.php?id=` → ''. */
function handleOf(link: Element | null): string {
  return handleOfPath(link?.getAttribute('href'));
}

function handleOfPath(href: string | null | undefined): string {
  const h = handleFromHref(href);
  return /^(profile\.php|groups|pages|people|watch|photo|story\.php)$/i.test(h) ? '' : h;
}

/** Link cards go through l.facebook.com/l.php?u=<target>: report the target. */
function cardUrl(a: Element | null): string {
  const href = absoluteHref(a);
  if (!href) return '';
  try {
    const u = new URL(href);
    if (/(^|\.)facebook\.com$/.test(u.hostname) && u.pathname === '/l.php') return u.searchParams.get('u') ?? href;
  } catch {
    /* keep href */
  }
  return href;
}

function commentContent(comment: Element, s: SelectorData): ActionContent {
  const author = textOf(queryFirst(comment, sel(s, 'commentAuthor')) ?? comment.querySelector('a[href] span, a[href]'), 300);
  const label = ariaLabel(comment);
  const body = textOf(queryFirst(comment, sel(s, 'commentBody')) ?? queryFirst(comment, ['[dir="auto"]']) ?? comment);
  return compact<ActionContent>({ text: body, author: author || label.replace(/^(Komentar|Balasan|Comment|Reply) (oleh|by) /, '') });
}

/** Content about the page/profile/group whose header holds the control (or the post it is in). */
function headerContent(control: Element, s: SelectorData, doc: Document): ActionContent {
  const post = postOf(control, s);
  if (post) return postContent(post, s);
  // the header around the control: its name (h1) and whatever it shows with it (intro, category)
  const header = ancestorContaining(control, sel(s, 'pageHeading'), 8);
  const name = textOf(queryFirst(header ?? doc, sel(s, 'pageHeading')), 300);
  const text = header && header !== doc.body && header !== doc.documentElement ? textOf(header, 1000) : '';
  let handle = '';
  try {
    const path = new URL(doc.URL).pathname;
    if (!path.startsWith('/groups/')) handle = handleOfPath(path);
  } catch {
    /* about:blank and the like */
  }
  return { author: name, group: name, handle, text };
}

function draftIn(root: Element | null, editors: readonly string[]): string {
  return cap(queryAllFirst(root, editors).map((e) => textOf(e)).filter(Boolean).join('\n'));
}

// --- the reaction flyout: remember the like button that was hovered or pressed ---------------------------

/**
 * Reactions are chosen in a flyout that opens on hover or long-press over the like button, so the
 * flyout's post is known only from that hover. The core listens to clicks and keys only; this
 * passive `pointerover`/`pointerdown`/`focusin` listener (one `closest()` per event, nothing on
 * scroll) remembers the post. Installed on the first `detect` call, or earlier by calling this.
 */
function watchReactionOpeners(doc: Document, selectors: SelectorData, m: Memory): void {
  m.watchSelectors = selectors;
  if (m.watched.has(doc)) return;
  m.watched.add(doc);
  const onHover = (e: Event) => {
    safely(() => {
      const el = eventElement(e);
      const s = m.watchSelectors;
      const like = el && controlFor(el, sel(s, 'like'), sel(s, 'clickable'));
      if (like) m.likeOpener.remember(commentOf(like, s) ?? postOf(like, s));
      return null;
    });
  };
  for (const type of ['pointerover', 'pointerdown', 'focusin']) doc.addEventListener(type, onHover, { capture: true, passive: true });
}

// --- actions ----------------------------------------------------------------------------------------------

function likeAbout(control: Element, s: SelectorData): ActionContent {
  const comment = commentOf(control, s);
  if (comment) return commentContent(comment, s);
  const post = postOf(control, s);
  return post ? postContent(post, s) : {};
}

/**
 * Fallback when no hover was seen (the watch is installed on the first `detect`): the flyout opens
 * next to its like button, so take the post of the like button nearest to it on screen (within
 * 400 px). Null without layout (happy-dom) or when nothing is near.
 */
function nearestLikeTarget(flyout: Element, s: SelectorData, doc: Document): Element | null {
  const box = flyout.getBoundingClientRect();
  if (!box.width && !box.height) return null;
  let best: Element | null = null;
  let bestDistance = 400;
  for (const hit of queryAllAny(doc, sel(s, 'like'))) {
    if (flyout.contains(hit)) continue;
    const control = closestAny(hit, sel(s, 'clickable')) ?? hit;
    const r = control.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    // the gap between the two boxes (0 when they touch or overlap)
    const dx = Math.max(0, box.left - r.right, r.left - box.right);
    const dy = Math.max(0, box.top - r.bottom, r.top - box.bottom);
    const d = Math.hypot(dx, dy);
    if (d < bestDistance) {
      bestDistance = d;
      best = control;
    }
  }
  return best ? (commentOf(best, s) ?? postOf(best, s)) : null;
}

function onActivate(el: Element, event: InterceptedEvent, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
  const clickable = sel(s, 'clickable');

  // reactions flyout (portal) — before `like`: its "Suka" button carries the same label
  const flyout = closestAny(el, sel(s, 'reactionsFlyout'));
  if (flyout) {
    const reaction = closestAny(el, sel(s, 'reaction'));
    if (!reaction || !flyout.contains(reaction) || reaction === flyout || !isActivation(event, reaction)) return null;
    const name = ariaLabel(reaction);
    const about = m.likeOpener.recall() ?? nearestLikeTarget(flyout, s, doc);
    const content = !about ? {} : isComment(about, s) ? commentContent(about, s) : postContent(about, s);
    return result('like', LIKE_REACTIONS.has(name) ? 'like' : 'react', reaction, content);
  }

  const like = controlFor(el, sel(s, 'like'), clickable);
  if (like) {
    if (!isActivation(event, like) || isDisabled(like)) return null;
    if (matchFirst(like, sel(s, 'likedState')) || queryFirst(like, sel(s, 'likedState'))) return null; // un-react
    m.likeOpener.remember(commentOf(like, s) ?? postOf(like, s));
    return result('like', 'like', like, likeAbout(like, s));
  }

  const withMessage = closestAny(el, sel(s, 'shareMessageSend'));
  const shareNow = withMessage ?? closestAny(el, sel(s, 'shareNow'));
  if (shareNow) {
    if (!isActivation(event, shareNow) || isDisabled(shareNow)) return null;
    const post = m.shareOpener.recall();
    const dialog = shareNow.closest('[role="dialog"]');
    const content = post ? postContent(post, s) : dialog ? postContent(dialog, s) : {};
    const draft = withMessage ? draftOf(queryFirst(doc, sel(s, 'shareMessage'))) : dialog ? draftIn(dialog, sel(s, 'commentEditor')) : '';
    return result('share', 'share', shareNow, { ...content, draft });
  }

  const share = controlFor(el, sel(s, 'shareButton'), clickable);
  if (share) {
    if (isActivation(event, share)) m.shareOpener.remember(postOf(share, s));
    return null; // opens the share dialog
  }

  const mobile = mobileSend(el, event, s);
  if (mobile !== undefined) return mobile;

  const submit = closestAny(el, sel(s, 'commentSubmit'));
  if (submit && !isEditable(submit)) {
    if (!isActivation(event, submit) || isDisabled(submit)) return null;
    const box = ancestorContaining(submit, sel(s, 'commentEditor'), 8);
    const editor = queryFirst(box, sel(s, 'commentEditor'));
    return editor ? commentAction(editor, submit, s) : null;
  }

  const next = closestAny(el, sel(s, 'postNext'));
  if (next) {
    const dialog = createPostDialog(next, s, m);
    if (dialog && isActivation(event, next)) m.postDraft.remember(dialog, draftIn(dialog, sel(s, 'postEditor')));
    return null;
  }

  const postBtn = closestAny(el, sel(s, 'postSubmit'));
  if (postBtn) {
    if (!isActivation(event, postBtn) || isDisabled(postBtn)) return null;
    const dialog = createPostDialog(postBtn, s, m);
    if (!dialog) return null; // another "Kirim" (Messenger, share-to-chat): label trap 5 in docs/sites.md
    const live = draftIn(dialog, sel(s, 'postEditor'));
    const draft = live || (m.postDraft.recall() === dialog ? m.postDraft.recallValue() ?? '' : '');
    // the dialog holds the editor and the attached photos: their composer
    return { ...result('post', 'post', postBtn, { draft, hashtags: hashtagsIn(draft), group: groupOfComposer(dialog, doc, s) }), composer: dialog };
  }

  const follow = closestAny(el, sel(s, 'follow'));
  if (follow) {
    if (!isActivation(event, follow) || isDisabled(follow)) return null;
    return result('follow', 'follow', follow, headerContent(follow, s, doc));
  }
  const likePage = closestAny(el, sel(s, 'likePage'));
  if (likePage) {
    if (!isActivation(event, likePage) || isDisabled(likePage)) return null;
    return result('follow', 'like', likePage, headerContent(likePage, s, doc));
  }
  const join = closestAny(el, sel(s, 'joinGroup'));
  if (join) {
    if (!isActivation(event, join) || isDisabled(join)) return null;
    const c = headerContent(join, s, doc);
    return result('follow', 'join', join, { ...c, author: undefined, handle: undefined });
  }
  return null;
}

/**
 * m.facebook.com: a send button in the form of a status composer (a post of its draft and link
 * preview) or of a comment box (a comment about the story the box is under, or the story of the
 * story page). Undefined when `el` is no such button.
 */
function mobileSend(el: Element, event: InterceptedEvent, s: SelectorData): DetectedAction | null | undefined {
  for (const [send, boxes] of [
    ['mobilePostSend', 'mobilePostEditor'],
    ['mobileCommentSend', 'mobileCommentBox'],
  ] as const) {
    const button = closestAny(el, sel(s, send));
    const form = button && ancestorContaining(button, sel(s, boxes), 8);
    if (!form) continue;
    if (!isActivation(event, button) || isDisabled(button)) return null;
    const box = queryFirst(form, sel(s, boxes))!;
    const draft = draftOf(box);
    let action: DetectedAction;
    if (send === 'mobilePostSend') {
      const preview = queryFirst(form, sel(s, 'mobileLinkPreview'));
      // its title, description and domain are sibling blocks: join their texts with spaces
      const linkTitle = cap(
        queryAllAny(preview, ['*'])
          .filter((e) => !e.firstElementChild)
          .map((e) => textOf(e))
          .filter(Boolean)
          .join(' '),
        500,
      );
      action = result('post', 'post', button, {
        draft,
        linkTitle,
        linkUrl: cardUrl(preview?.querySelector('a[href]') ?? null),
        hashtags: hashtagsIn(draft, linkTitle),
      });
    } else {
      const story = postOf(form, s) ?? queryFirst(closestAny(form, sel(s, 'storyPage')), sel(s, 'post'));
      const content = story ? postContent(story, s) : {};
      action = result('comment', 'comment', button, {
        ...content,
        draft,
        hashtags: [...new Set([...(content.hashtags ?? []), ...hashtagsIn(draft)])],
      });
    }
    action.composer = box;
    if (!draft && !action.content.linkTitle) action.attachmentsOnly = true;
    return action;
  }
  return undefined;
}

/** The create-post dialog around `el`: titled so, or holding the post editor, or remembered at `Berikutnya`. */
function createPostDialog(el: Element, s: SelectorData, m: Memory): Element | null {
  const dialog = el.closest('[role="dialog"]');
  if (!dialog) return null;
  if (matchFirst(dialog, sel(s, 'createPostDialog')) || queryFirst(dialog, sel(s, 'postEditor'))) return dialog;
  return m.postDraft.recall() === dialog ? dialog : null;
}

/** On a group page the composer posts into the group: report its name. */
function groupOfComposer(_dialog: Element, doc: Document, s: SelectorData): string {
  try {
    if (!new URL(doc.URL).pathname.startsWith('/groups/')) return '';
  } catch {
    return '';
  }
  return textOf(queryFirst(doc, sel(s, 'pageHeading')), 300);
}

function commentAction(editor: Element, control: Element, s: SelectorData): DetectedAction | null {
  if (matchFirst(editor, sel(s, 'postEditor'))) return null; // Enter in the post composer is a newline
  const draft = textOf(editor);
  const dialog = editor.closest('[role="dialog"]');
  if (dialog && queryFirst(dialog, sel(s, 'shareNow'))) return null; // the share dialog's "say something" box
  const post = postOf(editor, s);
  if (!post) return null; // not under a post (Messenger chat, search…)
  const comment = commentOf(editor, s);
  const content = postContent(post, s);
  const hashtags = [...new Set([...(content.hashtags ?? []), ...hashtagsIn(draft)])];
  const action = comment
    ? result('comment', 'reply', control, { ...content, quoted: [content.quoted, commentContent(comment, s).text].filter(Boolean).join(' · '), draft, hashtags })
    : result('comment', 'comment', control, { ...content, draft, hashtags });
  action.composer = editor;
  // An empty box sends nothing, unless a photo is attached to it (a photo-only comment).
  if (!draft) action.attachmentsOnly = true;
  return action;
}

/** The composer of an attach: the create-post dialog, else the one comment box around it. */
function composerOf(el: Element, s: SelectorData, m: Memory): Element | null {
  const dialog = createPostDialog(el, s, m);
  if (dialog) return dialog;
  return composerAround(el, [...sel(s, 'commentEditor'), ...sel(s, 'mobileCommentBox'), ...sel(s, 'mobilePostEditor')]);
}

function onKeydown(el: Element, event: KeyboardEvent, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
  if (event.key !== 'Enter' && event.key !== ' ') return null;
  if (event.key === 'Enter' && isEditable(el)) {
    if (!isPlainEnter(event)) return null; // Shift+Enter is a newline
    const editor = closestAny(el, sel(s, 'commentEditor'));
    return editor ? commentAction(editor, editor, s) : null;
  }
  // Enter/Space on a focused div[role=button]: Facebook activates it from keydown
  if (isEditable(el) || !isKeyActivation(event, el)) return null;
  return onActivate(el, event, s, doc, m);
}

export default defineSiteAdapter<Memory>({
  id: 'facebook',
  hosts: ['facebook.com'],
  selectors: FACEBOOK_SELECTORS,
  memory: () => ({
    likeOpener: new OpenerMemory(2 * 60_000),
    shareOpener: new OpenerMemory(10 * 60_000),
    postDraft: new OpenerMemory<string>(30 * 60_000),
    watched: new WeakSet(),
    watchSelectors: FACEBOOK_SELECTORS,
  }),
  composerOf: (el, s, _doc, m) => composerOf(el, s, m),
  detect(event, s, doc, m) {
    watchReactionOpeners(doc, s, m);
    const el = eventElement(event);
    if (!el) return null;
    if (event.type === 'click') return onActivate(el, event, s, doc, m);
    if (event.type === 'keydown') return onKeydown(el, event as KeyboardEvent, s, doc, m);
    return null; // dblclick and submit: nothing on Facebook's desktop site
  },
});
