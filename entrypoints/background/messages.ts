/** The background's one message handler: validate, check the sender, then one exhaustive switch. */
import { browser, type Browser } from 'wxt/browser';
import { CONTENT_MESSAGE_TYPES, MessageSchema } from '@/utils/messages';
import { appendLog } from './decision-log';
import { ensureEngine } from './rules-store';

type Sender = Browser.runtime.MessageSender;

function fromContentScript(sender: Sender): boolean {
  return sender.tab?.id !== undefined;
}

export async function handleMessage(raw: unknown, sender: Sender): Promise<unknown> {
  const parsed = MessageSchema.safeParse(raw);
  if (!parsed.success) throw new Error('invalid message');
  const message = parsed.data;
  if (fromContentScript(sender) && !CONTENT_MESSAGE_TYPES.has(message.type)) throw new Error('not allowed');

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
    default: {
      const unreachable: never = message;
      throw new Error(`unhandled message ${JSON.stringify(unreachable)}`);
    }
  }
}
