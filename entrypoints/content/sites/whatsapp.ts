/**
 * WhatsApp Web (web.whatsapp.com). The send button is found through its icon
 * (`span[data-icon="send"]`, newer `wds-ic-send-filled`) resolved to the surrounding button, then
 * `aria-label` Kirim/Send; Enter without Shift in the footer composer sends. Forwarding ends with
 * the forward dialog's send button (another send icon, inside the dialog). Sources: docs/sites.md,
 * "Where the selectors come from". Forward labels/icons are [unverified].
 *
 * Privacy: what is read here (the draft, forwarded message, chat name) is only returned to the
 * local engine in this tab; the adapter sends nothing anywhere.
 *
 * Actions: send (button, Enter; media caption send too), forward (the dialog's send, with the
 * text of the message(s) being forwarded). Content: the draft, the forwarded text, the chat or
 * group name from the conversation header.
 *
 * Test URL: https://web.whatsapp.com/
 */
import type { ActionContent } from '../../../rules/actions';
import {
  OpenerMemory,
  ancestorContaining,
  cap,
  closestAny,
  compact,
  composerAround,
  controlFor,
  draftOf,
  eventElement,
  hashtagsIn,
  isDisabled,
  isPlainEnter,
  queryAllAny,
  queryFirst,
  sel,
  textAt,
  textOf,
} from './helpers';
import { defineSiteAdapter } from './define';
import type { DetectedAction, InterceptedEvent, SelectorData } from './types';

const selectors: SelectorData = {
  clickable: ['button', '[role="button"]'],

  send: [
    'span[data-icon="send"]',
    'span[data-icon="wds-ic-send-filled"]',
    '[data-testid="compose-btn-send"]',
    'button[aria-label="Kirim"]',
    'div[role="button"][aria-label="Kirim"]',
    'button[aria-label="Send"]',
    'div[role="button"][aria-label="Send"]',
  ],

  /** the footer's attach button (opens the menu with the photo picker): start loading the photo check [unverified] */
  attachControl: ['span[data-icon="plus-rounded"]', 'span[data-icon="plus"]', '[role="button"][aria-label="Lampirkan"]', '[role="button"][aria-label="Attach"]'],
  /** the message composer in the conversation footer (the search box is a contenteditable too) */
  composer: [
    'footer div[contenteditable="true"][role="textbox"]',
    'footer [contenteditable="true"][data-tab]',
    'div[contenteditable="true"][aria-placeholder="Ketik pesan"]',
    'div[contenteditable="true"][aria-placeholder="Type a message"]', // [unverified]
  ],
  /** the caption box of a media preview (its send button sends the caption) — labels [unverified] */
  caption: [
    'div[contenteditable="true"][aria-placeholder="Tambahkan keterangan"]', // [unverified]
    'div[contenteditable="true"][aria-placeholder="Add a caption"]', // [unverified]
  ],

  /** the forward dialog (pick chats, then send) */
  forwardDialog: ['[role="dialog"]', '[data-animate-modal-popup="true"]'],
  /** controls that start a forward from a message (remembers the message) — [unverified] */
  forwardStart: [
    'span[data-icon="forward"]', // [unverified]
    'span[data-icon="forward-chat"]', // [unverified]
    '[role="button"][aria-label="Teruskan"]', // [unverified]
    '[role="button"][aria-label="Forward"]', // [unverified]
    '[role="application"] li >> text="Teruskan"', // [unverified]
    '[role="application"] li >> text="Forward"', // [unverified]
  ],
  /** the message menu chevron (opening it remembers the message) */
  messageMenu: ['span[data-icon="down-context"]', 'span[data-icon="ic-chevron-down-menu"]', '[aria-label="Menu konteks"]', '[aria-label="Context menu"]'],

  /** a message row, its text, and the selection checkbox in select mode */
  message: ['div[role="row"]', '[data-id]'],
  messageText: ['span.selectable-text', '.copyable-text span[dir="ltr"]', 'span[dir="ltr"]'],
  selected: ['[role="checkbox"][aria-checked="true"]', 'input[type="checkbox"]:checked'],

  /** the open conversation and its name */
  chatName: ['#main header span[dir="auto"][title]', '#main header span[title]', '#main header [title]'],
};

/** What the adapter remembers: the message whose menu or forward button was used last. */
interface Memory {
  messageOpener: OpenerMemory;
}

function chatName(s: SelectorData, doc: Document): string {
  const el = queryFirst(doc, sel(s, 'chatName'));
  return el ? (el.getAttribute('title') || textOf(el)) : '';
}

function messageText(message: Element | null, s: SelectorData): string {
  return textAt(message, sel(s, 'messageText'));
}

function found(action: DetectedAction['action'], detail: DetectedAction['detail'], control: Element, content: ActionContent): DetectedAction {
  return { site: 'whatsapp', action, detail, control, content };
}

function detect(event: InterceptedEvent, s: SelectorData, doc: Document, m: Memory): DetectedAction | null {
  const target = eventElement(event);
  if (!target) return null;

  if (event.type === 'keydown') {
    if (!isPlainEnter(event)) return null;
    const composer = closestAny(target, sel(s, 'composer'));
    if (composer) return send(composer, composer, s, doc, composer);
    const caption = closestAny(target, sel(s, 'caption'));
    return caption ? send(caption, caption, s, doc) : null;
  }
  if (event.type !== 'click') return null;

  const clickable = sel(s, 'clickable');
  const button = controlFor(target, sel(s, 'send'), clickable);
  if (button) {
    if (isDisabled(button)) return null;
    // a media preview's caption box sits right next to its send button
    const caption = queryFirst(ancestorContaining(button, sel(s, 'caption'), 3), sel(s, 'caption'));
    if (caption) return send(button, caption, s, doc);
    const dialog = closestAny(button, sel(s, 'forwardDialog'));
    if (dialog) return forward(button, dialog, s, doc, m);
    const composer = queryFirst(doc, sel(s, 'composer'));
    return send(button, composer, s, doc, composer ?? undefined);
  }

  // remember the message a forward starts from (menu chevron, hover forward icon, "Teruskan" item)
  const start = controlFor(target, sel(s, 'messageMenu'), clickable) ?? controlFor(target, sel(s, 'forwardStart'), clickable);
  if (start) {
    const message = closestAny(start, sel(s, 'message'));
    if (message) m.messageOpener.remember(message);
  }
  return null;
}

/**
 * A send from the message box (`composer` set: photos pasted or dropped into it are tied to it) or
 * from a media preview's caption (no composer: the preview shows a photo attached elsewhere, so
 * every pending photo counts). Nothing typed: the message publishes only what is attached.
 */
function send(control: Element, box: Element | null, s: SelectorData, doc: Document, composer?: Element): DetectedAction | null {
  const draft = draftOf(box);
  const action = found('post', 'send', control, compact<ActionContent>({ draft, hashtags: hashtagsIn(draft), group: chatName(s, doc) }));
  if (composer) action.composer = composer;
  if (!draft) action.attachmentsOnly = true; // a voice-note button, or Enter in an empty box: sends nothing but a photo
  return action;
}

function forward(control: Element, dialog: Element, s: SelectorData, doc: Document, m: Memory): DetectedAction {
  // select mode: every checked message (not the dialog's checked recipients); else the message
  // whose menu or forward button was used
  const checked = queryAllAny(doc, sel(s, 'message')).filter((row) => !dialog.contains(row) && queryFirst(row, sel(s, 'selected')));
  const rows = checked.length > 0 ? checked : [m.messageOpener.recall()].filter((r): r is Element => !!r);
  const quoted = cap(rows.map((r) => messageText(r, s)).filter(Boolean).join('\n'));
  return found('share', 'forward', control, compact<ActionContent>({ quoted, hashtags: hashtagsIn(quoted), group: chatName(s, doc) }));
}

export default defineSiteAdapter<Memory>({
  id: 'whatsapp',
  hosts: ['web.whatsapp.com'],
  selectors,
  memory: () => ({ messageOpener: new OpenerMemory() }),
  detect,
  // a paste or drop into the open conversation belongs to its message box
  composerOf: (el, s) => composerAround(el, sel(s, 'composer')),
});
