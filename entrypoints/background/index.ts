import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from './messages';
import { ensureEngine } from './rules-store';

export default defineBackground(() => {
  const start = () => void ensureEngine().catch((e: unknown) => console.error('Jaga Netral: rules not loaded', e));
  browser.runtime.onInstalled.addListener(start);
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
});
