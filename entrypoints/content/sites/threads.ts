/**
 * Threads (www.threads.net / www.threads.com). Same design system as Instagram: action icons are
 * `svg` with localised `aria-label`s resolved to the surrounding `[role="button"]`; the post is
 * `div[data-pressable-container="true"]`. Repost/quote is a two-step menu rendered as a portal,
 * follow from the feed avatar "+" opens a confirm card (also a portal): the adapter remembers the
 * post that opened them. Sources: docs/sites.md, "Where the selectors come from".
 *
 * Actions: like, repost and quote (the menu items), reply (Enter in the reply box — its send button
 * is icon-only — or the composer's Post button), post (the composer's Posting/Post button,
 * Ctrl+Enter [unverified]), follow (text button, and the "+" card's button).
 *
 * Test URLs: https://www.threads.net/, https://www.threads.net/@<user>/post/<id>, https://www.threads.net/@<user>
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

const selectors: SelectorData = {
  post: ['div[data-pressable-container="true"]', '[role="article"]', 'article'],
  clickable: ['[role="button"]', 'button'],

  like: ['svg[aria-label="Suka"]', 'svg[aria-label="Like"]'],
  liked: ['svg[aria-label="Batalkan suka"]', 'svg[aria-label="Unlike"]', '[aria-pressed="true"]'],

  /** step 1 of reply / repost / follow-from-avatar: opens a composer, a menu or a card */
  replyOpen: ['svg[aria-label="Balas"]', 'svg[aria-label="Reply"]'],
  repostOpen: ['svg[aria-label="Posting ulang"]', 'svg[aria-label="Repost"]'],
  followPlus: ['svg[aria-label="Ikuti"]', 'svg[aria-label="Follow"]'],

  /** step 2 in the repost menu (a portal); prefix match: the item's icon repeats the label in its <title>;
   *  never a bare `[role=button]`: the post's own repost icon has the same text (its <title>) */
  repostItem: [
    '[role="menuitem"] >> text^="Posting ulang"',
    '[role="dialog"] [role="button"] >> text^="Posting ulang"',
    '[role="menuitem"] >> text^="Repost"',
    '[role="dialog"] [role="button"] >> text^="Repost"',
  ],
  quoteItem: [
    '[role="menuitem"] >> text^="Kutip"',
    '[role="dialog"] [role="button"] >> text^="Kutip"',
    '[role="menuitem"] >> text^="Quote"',
    '[role="dialog"] [role="button"] >> text^="Quote"',
  ],

  /** composers: the new-thread / reply dialog and the inline reply box */
  editor: ['div[contenteditable="true"][role="textbox"]', 'div[data-lexical-editor="true"]'],
  replyEditor: [
    '[contenteditable="true"][aria-placeholder^="Balas ke"]',
    '[contenteditable="true"][aria-label^="Balas ke"]',
    '[contenteditable="true"][aria-placeholder^="Reply to"]',
    '[contenteditable="true"][aria-label^="Reply to"]',
  ],
  postButton: [
    '[role="button"] >> text="Posting"',
    '[role="button"] >> text="Post"',
    '[role="button"] >> text="Kirim"',
  ],

  follow: ['[role="button"] >> text="Ikuti"', 'button >> text="Ikuti"', '[role="button"] >> text="Follow"', 'button >> text="Follow"', '[role="button"] >> text="Ikuti balik"', '[role="button"] >> text="Follow back"'],

  /** content */
  authorLink: ['a[href^="/@"]', 'a[href*="threads.net/@"]', 'a[href*="threads.com/@"]'],
  /** the post text: `span[dir=auto]` outside links (author, time) and buttons (counts) */
  text: ['span[dir="auto"]'],
  textExclude: ['a', '[role="button"]', 'button', 'time'],
  permalink: ['a[href*="/post/"]'],
  /** profile page header (follow from a profile) */
  profileName: ['h1', 'h2'],
  profileBio: ['header span[dir="auto"]', 'span[dir="auto"]'],
};

/** What the adapter remembers: the post whose repost icon, reply icon or avatar "+" opened a portal. */
interface Memory {
  repostOpener: OpenerMemory;
  replyOpener: OpenerMemory;
  plusOpener: OpenerMemory;
}

function postText(post: Element, s: SelectorData): string {
  const exclude = sel(s, 'textExclude');
  const spans = queryAllAny(post, sel(s, 'text')).filter((el) => !closestAny(el, exclude));
  // top-level matches only (a span[dir=auto] nested in another is the same text)
  const top = spans.filter((el) => !spans.some((other) => other !== el && other.contains(el)));
  return cap(top.map((el) => textOf(el)).filter(Boolean).join(' '));
}

function postContent(post: Element | null, s: SelectorData, doc: Document): ActionContent {
  if (!post) return {};
  const link = queryFirst(post, sel(s, 'authorLink'));
  const handle = handleFromHref(link?.getAttribute('href'));
  const text = postText(post, s);
  const permalink = queryFirst(post, sel(s, 'permalink'));
  return compact<ActionContent>({
    text,
    author: handle,
    handle,
    hashtags: hashtagsIn(text),
    url: permalink ? absoluteHref(permalink) : doc.URL,
  });
}

function found(action: DetectedAction['action'], detail: DetectedAction['detail'], control: Element, content: ActionContent): DetectedAction {
  return { site: 'threads', action, detail, control, content };
}

function detect(event: InterceptedEvent, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
  const target = eventElement(event);
  if (!target) return null;
  const clickable = sel(s, 'clickable');

  if (event.type === 'keydown') {
    // the inline reply box sends on Enter (its send button is icon-only); any composer on Ctrl+Enter [unverified]
    const reply = isPlainEnter(event) ? closestAny(target, sel(s, 'replyEditor')) : null;
    if (reply) return publish(reply, s, doc, m);
    const editor = isModEnter(event) ? closestAny(target, sel(s, 'editor')) : null;
    if (editor) return publish(editor, s, doc, m);
    const control = closestAny(target, clickable);
    if (!control || !isActivation(event, control)) return null;
  } else if (event.type !== 'click') {
    return null;
  }

  const like = controlFor(target, sel(s, 'like'), clickable);
  if (like) {
    if (matchFirst(like, sel(s, 'liked')) || queryFirst(like, sel(s, 'liked'))) return null;
    return found('like', 'like', like, postContent(closestAny(like, sel(s, 'post')), s, doc));
  }

  const repost = closestAny(target, sel(s, 'repostItem'));
  if (repost) return found('share', 'repost', repost, postContent(closestAny(repost, sel(s, 'post')) ?? m.repostOpener.recall(), s, doc));
  const quote = closestAny(target, sel(s, 'quoteItem'));
  if (quote) return found('share', 'quote', quote, postContent(closestAny(quote, sel(s, 'post')) ?? m.repostOpener.recall(), s, doc));


  // step 1 controls: remember the post, publish nothing
  for (const [hook, memory] of [['repostOpen', m.repostOpener], ['replyOpen', m.replyOpener], ['followPlus', m.plusOpener]] as const) {
    const opener = controlFor(target, sel(s, hook), clickable);
    if (opener) {
      memory.remember(closestAny(opener, sel(s, 'post')));
      return null;
    }
  }

  const button = closestAny(target, sel(s, 'postButton'));
  if (button && !isDisabled(button)) {
    const result = publish(button, s, doc, m);
    if (result) return result;
  }

  const follow = closestAny(target, sel(s, 'follow'));
  if (follow) {
    const post = closestAny(follow, sel(s, 'post'));
    if (post) return found('follow', 'follow', follow, postContent(post, s, doc));
    // the avatar "+" card, a suggestion, or a hover card: the account link around the button
    const card = ancestorContaining(follow, sel(s, 'authorLink'), 6);
    const handle = handleFromHref(queryFirst(card, sel(s, 'authorLink'))?.getAttribute('href'));
    const opener = m.plusOpener.recall();
    if (opener && (!handle || handle === postContent(opener, s, doc).handle)) return found('follow', 'follow', follow, postContent(opener, s, doc));
    if (handle) return found('follow', 'follow', follow, compact<ActionContent>({ author: handle, handle, text: textAt(card, sel(s, 'profileBio')), url: doc.URL }));
    const bio = textAt(doc, sel(s, 'profileBio'));
    const name = textAt(doc, sel(s, 'profileName'));
    return found('follow', 'follow', follow, compact<ActionContent>({ author: name, handle: name, text: bio, hashtags: hashtagsIn(bio), url: doc.URL }));
  }
  return null;
}

/** A composer is published (Post button, Enter in the reply box, Ctrl+Enter): post, or reply. */
function publish(control: Element, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
  const composer = ancestorContaining(control, sel(s, 'editor'));
  if (!composer) return null;
  const editors = queryAllAny(composer, sel(s, 'editor'));
  const draft = cap(editors.map((e) => draftOf(e)).filter(Boolean).join('\n'));
  if (!draft) return null; // the Post button is inert on an empty composer
  const replyTo = queryFirst(composer, sel(s, 'replyEditor'));
  if (replyTo || matchFirst(control, sel(s, 'replyEditor'))) {
    // the post replied to: the one the box sits under, else the one whose reply icon opened the dialog
    const post =
      closestAny(composer, sel(s, 'post')) ?? queryFirst(composer, sel(s, 'post')) ?? m.replyOpener.recall() ?? queryFirst(doc, sel(s, 'post'));
    const parent = postContent(post, s, doc);
    return found('comment', 'reply', control, compact<ActionContent>({
      quoted: parent.text, author: parent.author, handle: parent.handle, hashtags: parent.hashtags, url: parent.url, draft,
    }));
  }
  return found('post', 'post', control, compact<ActionContent>({ draft, hashtags: hashtagsIn(draft), url: doc.URL }));
}

export default defineSiteAdapter<Memory>({
  id: 'threads',
  hosts: ['threads.net', 'threads.com'],
  selectors,
  memory: () => ({ repostOpener: new OpenerMemory(), replyOpener: new OpenerMemory(), plusOpener: new OpenerMemory() }),
  detect,
});
