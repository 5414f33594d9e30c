/** The background's one message handler: validate, check the sender, then one exhaustive switch. */
import { browser, type Browser } from 'wxt/browser';
import { CONTENT_MESSAGE_TYPES, MessageSchema } from '@/utils/messages';
import { appendLog } from './decision-log';
import { confirmEnrolment, leaveEnrolment, previewEnrolment, refreshEnrolment } from './enrolment';
import { checkPhotoAnswer, firstUncheckedNotice, warmPhoto } from './photo';
import { ensureEngine, fullVerdict } from './rules-store';
import { checkForUpdates } from './updates';

type Sender = Browser.runtime.MessageSender;

/**
 * True only for this extension's own pages (options, popup), whether opened in a tab or not.
 * Everything else — content scripts on social sites above all — counts as a content script.
 */
export function fromExtensionPage(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id || typeof sender.url !== 'string') return false;
  const origin = (browser.runtime.getURL as (path: string) => string)('/');
  return sender.url.startsWith(origin);
}

export async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
  const parsed = MessageSchema.safeParse(raw);
  if (!parsed.success) throw new Error('invalid message');
  const message = parsed.data;
  if (!fromExtensionPage(sender) && !CONTENT_MESSAGE_TYPES.has(message.type)) throw new Error('not allowed');

  switch (message.type) {
    case 'inject-dialog': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('inject-dialog needs a tab');
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: ['/dialog.js'],
      });
      return true;
    }
    case 'log-decision':
      await appendLog(message.entry);
      return true;
    case 'ensure-engine':
      await ensureEngine();
      return true;
    case 'update-now':
      return checkForUpdates();
    case 'photo-check':
      return checkPhotoAnswer(message.image);
    case 'photo-warm':
      await warmPhoto();
      return true;
    case 'enrol-preview':
      return previewEnrolment(message.link);
    case 'enrol-confirm':
      return confirmEnrolment(message.link, message.envelope);
    case 'enrol-check':
      return refreshEnrolment();
    case 'enrol-leave':
      await leaveEnrolment();
      return true;
    case 'photo-unchecked':
      return firstUncheckedNotice(message.site);
    case 'full-verdict':
      return fullVerdict(message.content, message.context);
    default: {
      const unreachable: never = message;
      throw new Error(`unhandled message ${JSON.stringify(unreachable)}`);
    }
  }
}
