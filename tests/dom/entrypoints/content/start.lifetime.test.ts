// @vitest-environment-options { "url": "https://x.com/home" }
/**
 * The content script's lifetime: a page can dispatch WXT's "content script started" event (the
 * extension id is public), which aborts WXT's own ctx.signal. The interceptor and the photo watch
 * must not hang on that signal; they stop only when the extension context is really gone.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '@/entrypoints/x.content';

let signals: Map<string, AbortSignal>;
let ctx: ContentScriptContext;

function pageDispatchesScriptStarted(): void {
  document.dispatchEvent(
    // the name WXT listens for (private in its types): "<runtime id>:<entrypoint>:wxt:content-script-started"
    new CustomEvent((ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE, { detail: { contentScriptName: 'x', messageId: 'x' } }),
  );
}

beforeEach(() => {
  fakeBrowser.reset();
  signals = new Map();
  const add = window.addEventListener.bind(window);
  vi.spyOn(window, 'addEventListener').mockImplementation(
    (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
      const signal = typeof options === 'object' ? options.signal : undefined;
      if (signal) signals.set(type, signal);
      add(type, listener, options);
    },
  );
  ctx = new ContentScriptContext('x');
  contentScript.main(ctx);
});

afterEach(() => {
  vi.restoreAllMocks();
  ctx.abort();
});

describe('content script lifetime', () => {
  it('installs the interceptor and the photo watch', () => {
    expect(signals.get('click')).toBeDefined();
    expect(signals.get('drop')).toBeDefined();
  });

  it("keeps intercepting after the page dispatches WXT's script-started event", () => {
    pageDispatchesScriptStarted();
    expect(ctx.signal.aborted).toBe(true); // WXT's own signal did abort
    expect(signals.get('click')!.aborted).toBe(false);
    expect(signals.get('drop')!.aborted).toBe(false);
  });

  it('stops when the extension context is really gone (the runtime id is undefined)', () => {
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    pageDispatchesScriptStarted(); // a newer copy of the script starting after an update
    expect(signals.get('click')!.aborted).toBe(true);
  });
});
