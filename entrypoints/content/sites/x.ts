/**
 * X (x.com, twitter.com) adapter.
 *
 * Recognises: like (button and the `l` shortcut), repost (the menu's confirm item; the first click on
 * the repost button and the `t` shortcut only open the menu), quote (the composer's send button or
 * Ctrl/Cmd+Enter when the composer holds a quoted tweet — the quote menu item only opens the
 * composer, and cancelling there publishes nothing, so the warning comes when it would publish),
 * reply and post (the composer's send buttons, Ctrl/Cmd+Enter), follow, DM send (button, Enter).
 *
 * Sources for every selector: docs/sites.md, "Where the selectors come from" ("row" names below;
 * Control Panel for Twitter for the test ids). [unverified] = not seen in any source: a modelled guess.
 * Labels: X's own id-ID/en locale bundles (DzikStar/X-SCRAPER i18n, 2025-07-01), keys in brackets
 * are the message keys of those bundles (docs/sites.md, "Sources").
 *
 * Test URLs: https://x.com/home, https://x.com/<handle>/status/<id>, https://x.com/<handle>,
 * https://x.com/messages/<id>. Fixtures: tests/fixtures/sites/x/.
 */
import type { ActionContent } from '../../../rules/actions';
import { defineSiteAdapter } from './define';
import type { DetectedAction, InterceptedEvent, SelectorData } from './types';
import {
  absoluteHref,
  ancestorContaining,
  closestAny,
  compact,
  composerAround,
  eventElement,
  hashtagsIn,
  imageAlts,
  isActivation,
  isDisabled,
  isEditable,
  isKeyActivation,
  isModEnter,
  isPlainEnter,
  isShortcutKey,
  matchFirst,
  OpenerMemory,
  queryAllAny,
  queryAllFirst,
  queryFirst,
  sel,
  sortInDocumentOrder,
  textOf,
  cap,
} from './helpers';

const X_SELECTORS = {
  // --- content -----------------------------------------------------------------------------
  /** row "post container": CPFT `[data-testid="tweet"]`; `article[role="article"]` fallback */
  tweet: ['article[data-testid="tweet"]', 'article[role="article"]'],
  /** row "post container": tweet text */
  tweetText: ['[data-testid="tweetText"]', 'div[lang][dir="auto"]' /* 2021: no test id (a real capture) */],
  /** row "post container": author block (display name + @handle + time) */
  userName: ['[data-testid="User-Name"]'],
  /** row "post container": permalink (the one wrapping <time>) */
  permalink: ['a[href*="/status/"]:has(time)', 'a[href*="/status/"]'],
  /** quoted tweet inside a tweet or a quote composer [unverified: structure, no source names it] */
  quotedTweet: ['[data-testid="quoteTweet"]', 'div[role="link"][tabindex="0"]'],
  /** link card [unverified: test ids from common scrapers, not in our sources] */
  card: ['[data-testid="card.wrapper"]'],
  cardTitle: ['[data-testid="card.layoutLarge.detail"]', '[data-testid="card.layoutSmall.detail"]'],
  cardLink: ['[data-testid="card.wrapper"] a[href]'],
  /** images [unverified: `tweetPhoto` from common scrapers] */
  image: ['[data-testid="tweetPhoto"] img[alt]'],
  /** hashtag links (X links them to /hashtag/…) */
  hashtag: ['a[href^="/hashtag/"]'],

  // --- like ----------------------------------------------------------------------------------
  /** row "like": test id, then aria (en `N Likes. Like`/`Like`; id `Suka`, `N Suka. Menyukai`) */
  like: [
    '[data-testid="like"]',
    'button[aria-label$=". Like"]',
    'button[aria-label="Like"]',
    'button[aria-label="Suka"]',
    // id-ID uses the same label for liked and not liked (docs/sites.md, label trap 1): `liked` below is checked first
    'button[aria-label$=" Suka. Menyukai"]',
  ],
  /** row "like": already-liked state — clicking it unlikes, not an engagement */
  liked: ['[data-testid="unlike"]', '[aria-label$=". Liked"]', '[aria-label="Unlike"]', '[aria-label="Batalkan suka"]'],

  // --- repost / quote (two-step, portal menu in #layers) ------------------------------------------
  /** row "repost (step 1)": opens the menu; remembered, not an action */
  repost: [
    '[data-testid="retweet"]',
    'button[aria-label$=". Repost"]',
    'button[aria-label$=" posting ulang. Posting ulang"]',
  ],
  /** row "repost (step 2, menu)": CPFT ids, then menu item text `Posting ulang` [g062295e] / `Repost` */
  repostConfirm: [
    '#layers [data-testid="retweetConfirm"]',
    '#layers [data-testid="repostConfirm"]',
    '[data-testid="Dropdown"] [role="menuitem"] >> text="Posting ulang"',
    '[data-testid="Dropdown"] [role="menuitem"] >> text="Repost"',
  ],
  /** row "quote (step 2, menu)": `Kutipan` [bb5c5864] / `Quote` (never "Kutip", label trap 3); opens the composer */
  quoteMenuItem: [
    '#layers [data-testid="Dropdown"] a[role="menuitem"][href*="/compose/"]', // [unverified]
    '[data-testid="Dropdown"] [role="menuitem"] >> text="Kutipan"',
    '[data-testid="Dropdown"] [role="menuitem"] >> text="Quote"',
  ],

  // --- reply / post (composer) -------------------------------------------------------------------
  /** row "reply": opens a composer; remembered as the tweet being replied to */
  reply: ['[data-testid="reply"]', 'button[aria-label$=". Reply"]', 'button[aria-label$=" Balasan. Balas"]'],
  /** the composer's media button (opens the file picker): a photo is coming, start loading the photo check [unverified: labels] */
  attachControl: ['button[aria-label="Tambahkan foto atau video"]', 'button[aria-label="Add photos or video"]', '[data-testid="fileInput"]'],
  /** row "post / send (composer)": the editor (`tweetTextarea_0`; `_label` is its wrapper) */
  composerEditor: [
    '[data-testid^="tweetTextarea_"][contenteditable="true"]',
    '[data-testid^="tweetTextarea_"][role="textbox"]',
    '[data-testid^="tweetTextarea_"]:not([data-testid$="_label"])',
  ],
  /** row "post / send (composer)": send buttons, then button text `Posting`/`Balas`/`Posting semua` (id), `Post`/`Reply`/`Post all` (en) */
  composerSend: [
    '[data-testid="tweetButton"]',
    '[data-testid="tweetButtonInline"]',
    'button >> text="Posting"',
    'button >> text="Posting semua"',
    'button >> text="Balas"',
    'button >> text="Post"',
    'button >> text="Post all"',
    'button >> text="Reply"',
  ],
  /** a send button labelled "Reply"/"Balas" [hdf7226a] marks an inline reply composer (status page) */
  replySend: ['button >> text="Balas"', 'button >> text="Reply"', '[role="button"] >> text="Balas"', '[role="button"] >> text="Reply"'],
  /** the quoted tweet shown in a quote composer [unverified: structure] */
  composerQuote: ['[data-testid="attachments"] [data-testid="quoteTweet"]', '[data-testid="attachments"] div[role="link"]', '[data-testid="quoteTweet"]'],

  // --- DM ---------------------------------------------------------------------------------------------
  /** row "DM send" */
  dmSend: ['[data-testid="dmComposerSendButton"]', 'button[aria-label="Kirim"]', 'button[aria-label="Send"]'],
  dmInput: ['[data-testid="dmComposerTextInput"]'],

  // --- follow -----------------------------------------------------------------------------------------
  /** row "follow": `<userid>-follow` (unfollow is `-unfollow`), aria `Follow @x` / `Ikuti @x` [c66afdc3] (label trap 8) */
  follow: [
    '[data-testid$="-follow"]',
    'button[aria-label^="Follow @"]',
    'button[aria-label^="Ikuti @"]',
    '[role="menuitem"] >> text^="Ikuti @"', // tweet "More" menu item [unverified]
    '[role="menuitem"] >> text^="Follow @"', // [unverified]
  ],
  /** where a follow button sits: user cells ("Who to follow", lists), hover card */
  userCell: ['[data-testid="UserCell"]', '[data-testid="HoverCard"]'],
  /** profile header name block (`UserName`, no hyphen) and bio */
  profileName: ['[data-testid="UserName"]'],
  userDescription: ['[data-testid="UserDescription"]'],
  /** the tweet's "More" (caret) button: remembered so its menu's follow item maps back to the tweet */
  caret: ['[data-testid="caret"]'],
} satisfies Record<string, string[]>;

/** What the adapter remembers. */
interface Memory {
  /** the tweet whose repost button (or `t`) opened the #layers menu; also used by the quote composer */
  repostOpener: OpenerMemory;
  /** the tweet whose reply button (or `r`) opened a composer */
  replyOpener: OpenerMemory;
  /** the tweet whose caret opened the "More" menu */
  caretOpener: OpenerMemory;
}

const HANDLE = /@([A-Za-z0-9_]{1,15})\b/;

/** Everything a tweet shows: text, quoted tweet, author, handle, card, images, hashtags, permalink. */
function tweetContent(article: Element, s: SelectorData): ActionContent {
  const quotedEl = queryFirst(article, sel(s, 'quotedTweet'));
  const outside = (el: Element) => !quotedEl?.contains(el);
  const textEl = queryAllAny(article, sel(s, 'tweetText')).find(outside) ?? null;
  const text = textOf(textEl);
  const quoted = quotedEl ? textOf(queryFirst(quotedEl, sel(s, 'tweetText')) ?? quotedEl) : '';
  const { author, handle } = nameAndHandle(queryAllAny(article, sel(s, 'userName')).find(outside) ?? null);
  const card = queryFirst(article, sel(s, 'card'));
  const linkTitle = card ? textOf(queryFirst(card, sel(s, 'cardTitle')) ?? card, 500) : '';
  const linkUrl = card ? absoluteHref(queryFirst(article, sel(s, 'cardLink'))) : '';
  const tagLinks = queryAllAny(article, sel(s, 'hashtag')).map((a) => textOf(a, 200).replace(/^#/, ''));
  const hashtags = [...new Set([...tagLinks.filter(Boolean), ...hashtagsIn(text, quoted)])];
  const permalink = queryAllAny(article, sel(s, 'permalink')).find(outside) ?? null;
  return compact<ActionContent>({
    text,
    quoted,
    author,
    handle,
    hashtags,
    linkTitle,
    linkUrl,
    imageAlt: imageAlts(article, sel(s, 'image')),
    url: absoluteHref(permalink),
  });
}

/** Display name and @handle from a `User-Name`/`UserName` block. */
function nameAndHandle(block: Element | null): { author: string; handle: string } {
  if (!block) return { author: '', handle: '' };
  const full = textOf(block, 500);
  const handle = HANDLE.exec(full)?.[1] ?? '';
  // the display name is the first link's (or first line's) text that is not the @handle
  let author = '';
  for (const el of Array.from(block.querySelectorAll('a, span'))) {
    const t = textOf(el, 200);
    if (t && !t.startsWith('@') && t !== '·') {
      author = t;
      break;
    }
  }
  if (!author) author = full.split(' @')[0] ?? '';
  return { author: cap(author.trim(), 200), handle };
}

function result(
  action: DetectedAction['action'],
  detail: DetectedAction['detail'],
  control: Element,
  content: ActionContent,
): DetectedAction {
  return { site: 'x', action, detail, control, content: compact(content) };
}

function tweetOf(el: Element, s: SelectorData): Element | null {
  return closestAny(el, sel(s, 'tweet'));
}

/** The focused tweet for keyboard shortcuts: the event target's tweet, else the active element's. */
function focusedTweet(el: Element, s: SelectorData, doc: Document): Element | null {
  return tweetOf(el, s) ?? (doc.activeElement ? tweetOf(doc.activeElement, s) : null);
}

function joinDraft(editors: Element[]): string {
  return cap(editors.map((e) => textOf(e)).filter(Boolean).join('\n'));
}

/**
 * A send from a composer (button click or Ctrl/Cmd+Enter in the editor): post, reply or quote.
 * - quote: the composer (a dialog) shows a quoted tweet → share/quote about that tweet;
 * - reply: a dialog holding the tweet replied to, or an inline composer whose send button says
 *   "Reply"/"Balas" (the tweet is the one whose reply button was used, else the tweet above);
 * - otherwise a new post.
 */
function composerAction(control: Element, s: SelectorData, doc: Document, m: Memory): DetectedAction {
  const editors = sel(s, 'composerEditor');
  const dialog = control.closest('[role="dialog"]');
  const root =
    dialog ??
    (matchFirst(control, editors)
      ? ancestorContaining(control.parentElement, sel(s, 'composerSend'), 12)
      : ancestorContaining(control, editors, 12)) ??
    control;
  const draftEls = queryAllFirst(root, editors);
  const draft = joinDraft(draftEls);
  const hashtags = hashtagsIn(draft);
  const base: ActionContent = { draft, hashtags };
  // the composer its photos were attached in: the editor (a thread has several: the dialog)
  const composer = draftEls.length === 1 ? draftEls[0] : draftEls.length > 1 ? root : undefined;
  const action = composerKind(control, s, doc, root, dialog, base, hashtags, m);
  if (composer) action.composer = composer;
  return action;
}

function composerKind(
  control: Element,
  s: SelectorData,
  doc: Document,
  root: Element,
  dialog: Element | null,
  base: ActionContent,
  hashtags: string[],
  m: Memory,
): DetectedAction {
  if (dialog) {
    const tweets = queryAllAny(dialog, sel(s, 'tweet'));
    const quoteCard = queryAllAny(dialog, sel(s, 'composerQuote')).find((q) => !tweets.some((t) => t.contains(q)));
    if (quoteCard) {
      const fromCard = tweetContent(quoteCard, s);
      const opener = m.repostOpener.recall();
      const about = fromCard.text || !opener ? fromCard : tweetContent(opener, s);
      return result('share', 'quote', control, mergeTags({ ...about, ...base }, about.hashtags, hashtags));
    }
    const repliedTo = tweets[0];
    if (repliedTo) {
      const about = tweetContent(repliedTo, s);
      return result('comment', 'reply', control, mergeTags({ ...about, ...base }, about.hashtags, hashtags));
    }
  } else {
    const send = matchFirst(control, sel(s, 'composerSend')) ? control : queryFirst(root, sel(s, 'composerSend'));
    if (send && matchFirst(send, sel(s, 'replySend'))) {
      // the phone's full-screen reply composer shows the tweet replied to inside the page, under its send button
      const repliedTo = m.replyOpener.recall() ?? queryFirst(root, sel(s, 'tweet')) ?? tweetAbove(root, s, doc);
      const about = repliedTo ? tweetContent(repliedTo, s) : {};
      return result('comment', 'reply', control, mergeTags({ ...about, ...base }, about.hashtags, hashtags));
    }
  }
  return result('post', 'post', control, base);
}

function mergeTags(content: ActionContent, a: string[] | undefined, b: string[]): ActionContent {
  return { ...content, hashtags: [...new Set([...(a ?? []), ...b])] };
}

/** The last tweet before `root` in document order (the focal tweet above an inline reply box). */
function tweetAbove(root: Element, s: SelectorData, doc: Document): Element | null {
  const before = sortInDocumentOrder(queryAllAny(doc, sel(s, 'tweet'))).filter(
    (t) => !t.contains(root) && !root.contains(t) && (t.compareDocumentPosition(root) & 4) !== 0,
  );
  return before[before.length - 1] ?? null;
}

function followAction(control: Element, s: SelectorData, doc: Document, m: Memory): DetectedAction {
  const label = control.getAttribute('aria-label') ?? textOf(control, 200);
  let handle = HANDLE.exec(label)?.[1] ?? '';
  const cell = closestAny(control, sel(s, 'userCell'));
  if (cell) {
    const { author, handle: h } = nameAndHandle(cell);
    return result('follow', 'follow', control, { author, handle: handle || h, text: textOf(cell) });
  }
  const inMenu = control.closest('[role="menu"], [data-testid="Dropdown"], #layers');
  let tweet = tweetOf(control, s) ?? (inMenu ? m.caretOpener.recall() : null);
  // a menu item names its account: ignore a remembered tweet by someone else
  if (tweet && inMenu && handle && nameAndHandle(queryFirst(tweet, sel(s, 'userName'))).handle !== handle) tweet = null;
  if (tweet) {
    const c = tweetContent(tweet, s);
    return result('follow', 'follow', control, { ...c, handle: handle || c.handle });
  }
  // profile header: the follow button and the name block share the primary column
  const header = queryFirst(doc, sel(s, 'profileName'));
  const { author, handle: h } = nameAndHandle(header);
  handle ||= h;
  return result('follow', 'follow', control, { author, handle, text: textOf(queryFirst(doc, sel(s, 'userDescription'))) });
}

function dmAction(control: Element, s: SelectorData, doc: Document): DetectedAction | null {
  const root = ancestorContaining(control, sel(s, 'dmInput'), 12);
  const input = queryFirst(root ?? doc, sel(s, 'dmInput'));
  const draft = textOf(input);
  const composer = input ? { composer: input } : {};
  // X ignores Enter / send on an empty message, unless a photo is attached
  if (!draft) return { ...result('post', 'send', control, {}), ...composer, attachmentsOnly: true };
  return { ...result('post', 'send', control, { draft, hashtags: hashtagsIn(draft) }), ...composer };
}

/** Clicks, and Enter/Space on custom controls (menu items). */
function onActivate(el: Element, event: InterceptedEvent, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
  // like (checked against the liked state first: id-ID labels do not encode state)
  const liked = closestAny(el, sel(s, 'liked'));
  if (liked) return null;
  const like = closestAny(el, sel(s, 'like'));
  if (like) {
    if (!isActivation(event, like) || isDisabled(like)) return null;
    const tweet = tweetOf(like, s);
    return result('like', 'like', like, tweet ? tweetContent(tweet, s) : {});
  }

  const repost = closestAny(el, sel(s, 'repost'));
  if (repost) {
    if (isActivation(event, repost)) m.repostOpener.remember(tweetOf(repost, s));
    return null; // only opens the menu
  }
  const confirm = closestAny(el, sel(s, 'repostConfirm'));
  if (confirm) {
    if (!isActivation(event, confirm)) return null;
    const tweet = m.repostOpener.recall();
    return result('share', 'repost', confirm, tweet ? tweetContent(tweet, s) : {});
  }
  if (closestAny(el, sel(s, 'quoteMenuItem'))) return null; // opens the quote composer; caught at send

  const reply = closestAny(el, sel(s, 'reply'));
  if (reply) {
    if (isActivation(event, reply)) m.replyOpener.remember(tweetOf(reply, s));
    return null; // opens a composer; caught at send
  }

  const send = closestAny(el, sel(s, 'composerSend'));
  if (send) {
    if (!isActivation(event, send) || isDisabled(send)) return null;
    return composerAction(send, s, doc, m);
  }

  const dm = closestAny(el, sel(s, 'dmSend'));
  if (dm && ancestorContaining(dm, sel(s, 'dmInput'), 12)) {
    if (!isActivation(event, dm) || isDisabled(dm)) return null;
    return dmAction(dm, s, doc);
  }

  const follow = closestAny(el, sel(s, 'follow'));
  if (follow) {
    if (!isActivation(event, follow) || isDisabled(follow)) return null;
    return followAction(follow, s, doc, m);
  }

  const caret = closestAny(el, sel(s, 'caret'));
  if (caret && isActivation(event, caret)) m.caretOpener.remember(tweetOf(caret, s));
  return null;
}

function onKeydown(el: Element, event: KeyboardEvent, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
  const key = event.key;
  if (key === 'Enter') {
    if (isModEnter(event)) {
      const editor = closestAny(el, sel(s, 'composerEditor'));
      if (editor) {
        const action = composerAction(editor, s, doc, m);
        // an empty composer posts only what is attached (X ignores the key when nothing is)
        if (action && !textOf(editor) && !queryFirst(editor.closest('[role="dialog"]') ?? editor, sel(s, 'composerQuote'))) action.attachmentsOnly = true;
        return action;
      }
    }
    if (isPlainEnter(event)) {
      const input = closestAny(el, sel(s, 'dmInput'));
      if (input) return dmAction(input, s, doc);
    }
  }
  if (key === 'Enter' || key === ' ') {
    // keyboard activation of custom controls (menu items); native buttons produce a click instead
    if (!isKeyActivation(event, el) || isEditable(el)) return null;
    return onActivate(el, event, s, doc, m);
  }
  if (key.length !== 1 || isEditable(el)) return null;
  if (isShortcutKey(event, 'l')) {
    const tweet = focusedTweet(el, s, doc);
    if (!tweet || queryFirst(tweet, sel(s, 'liked'))) return null; // `l` on a liked tweet unlikes
    const control = tweet.contains(el) ? el : tweet;
    return result('like', 'like', control, tweetContent(tweet, s));
  }
  if (isShortcutKey(event, 't')) m.repostOpener.remember(focusedTweet(el, s, doc)); // opens the menu
  else if (isShortcutKey(event, 'r')) m.replyOpener.remember(focusedTweet(el, s, doc)); // opens a composer
  return null;
}

/** The composer of an attach: the composer dialog, else the editor (post, reply or DM) around it. */
function composerOf(el: Element, s: SelectorData): Element | null {
  return el.closest('[role="dialog"]') ?? composerAround(el, sel(s, 'composerEditor')) ?? composerAround(el, sel(s, 'dmInput'));
}

export default defineSiteAdapter<Memory>({
  id: 'x',
  hosts: ['x.com', 'twitter.com'],
  selectors: X_SELECTORS,
  memory: () => ({ repostOpener: new OpenerMemory(60_000), replyOpener: new OpenerMemory(10 * 60_000), caretOpener: new OpenerMemory(60_000) }),
  composerOf: (el, s) => composerOf(el, s),
  detect(event, s, doc, m) {
    const el = eventElement(event);
    if (!el) return null;
    if (event.type === 'click') return onActivate(el, event, s, doc, m);
    if (event.type === 'keydown') return onKeydown(el, event as KeyboardEvent, s, doc, m);
    return null; // dblclick and submit do nothing on X
  },
});
