/**
 * `wxt/browser` in the content scripts (wxt.config.ts aliases it there; every other entrypoint
 * keeps webextension-polyfill). The polyfill is ~3 KB gzip of the content script's 40 KB budget,
 * and the content script needs little of it: Firefox has a promise-based `browser` of its own, and
 * Chrome/Edge ≥ 109 (MV3) return promises from every call the content script makes. What the
 * polyfill did for those calls on Chrome is kept here:
 * - a call that throws (the extension was reloaded: "Extension context invalidated") rejects;
 * - runtime.sendMessage turns the background's polyfill-encoded rejection back into an Error, and
 *   "no listener answered" into undefined, as Firefox does.
 * Only the members listed here exist on Chrome: `tests/unit/utils/content-browser.test.ts` checks
 * that the content scripts use no other.
 */

/** Chrome's message when no listener answered; the polyfill resolves undefined then, as Firefox does. */
export const NO_ANSWER = 'The message port closed before a response was received.';

// biome-ignore lint/suspicious/noExplicitAny: the native API is untyped here; callers see wxt/browser's types
type Api = any;

/**
 * The content script's API: the browser's own `browser` where it has one (Firefox, and the newer
 * Chromium the end-to-end tests run: 156 has it), else Chrome's `chrome` wrapped. The test is the
 * polyfill's own, so each browser takes the same path as before; the wrapper (older Chrome/Edge) is
 * covered by the unit test only.
 */
export function contentBrowser(scope: { browser?: Api; chrome?: Api }): Api {
  if (scope.browser?.runtime?.id) return scope.browser;
  const chrome = scope.chrome;
  // a synchronous throw becomes a rejection, as the polyfill's promise wrappers do
  const call = (f: () => unknown): Promise<Api> => new Promise((resolve) => resolve(f()));
  const area = (name: string) => ({
    get: (keys?: unknown) => call(() => chrome.storage[name].get(keys)),
    set: (items: unknown) => call(() => chrome.storage[name].set(items)),
  });
  return {
    runtime: {
      get id() {
        return chrome.runtime?.id;
      },
      sendMessage: (message: unknown) =>
        call(() => chrome.runtime.sendMessage(message)).then(
          (reply) => {
            // the background's polyfill answers a rejected handler with this object
            if (reply?.__mozWebExtensionPolyfillReject__) throw new Error(reply.message);
            return reply;
          },
          (error: Error) => {
            if (error?.message !== NO_ANSWER) throw error;
          },
        ),
    },
    storage: {
      local: area('local'),
      managed: area('managed'),
      get onChanged() {
        return chrome.storage.onChanged;
      },
    },
  };
}

export const browser: Api = contentBrowser(globalThis as never);
