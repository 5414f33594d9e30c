/**
 * The warning dialog as an unlisted script: injected by the background with
 * scripting.executeScript only when a first warning is needed, so React never loads on pages
 * where nothing matches. It runs in the same isolated world as the content script and publishes
 * `globalThis.__jagaDialog`.
 */
import { Component, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DIALOG_ANSWER_MS, DIALOG_HOST_TAG, type DialogRequest, type DialogResult } from '@/components/dialog-api';
import { WarningDialog } from '@/components/WarningDialog';
import css from '@/components/dialog.css?inline';

/** Events that must not leak from the dialog to the page's own listeners. */
const ISOLATED_EVENTS = [
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'click', 'dblclick', 'mousedown', 'mouseup',
  'pointerdown', 'pointerup', 'touchstart', 'touchend', 'focusin', 'focusout', 'wheel', 'contextmenu',
] as const;

/** A dialog that throws while rendering reports it (and renders nothing) instead of leaving an empty overlay. */
class DialogErrorBoundary extends Component<{ onError: (error: unknown) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function show(request: DialogRequest, onError: (error: unknown) => void = () => {}): Promise<DialogResult> {
  return new Promise((resolve, reject) => {
    const host = document.createElement(DIALOG_HOST_TAG);
    host.style.cssText = 'position:fixed;inset:0;z-index:2147483647;display:block;';
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = css;
    const mount = document.createElement('div');
    shadow.append(style, mount);
    for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());

    const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = createRoot(mount);
    let settled = false;
    // Every way out goes through here once: the user's answer, a crash, the host taken out of the
    // page, or no answer in time. Each one releases the held action.
    const settle = (outcome: DialogResult | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      watchdog.disconnect();
      try {
        root.unmount();
      } catch {
        // unmounting a root that failed to render: nothing left to clean up in React
      }
      host.remove();
      previousFocus?.focus({ preventScroll: true });
      if (outcome instanceof Error) {
        onError(outcome);
        reject(outcome);
      } else resolve(outcome);
    };
    // React reports a render error during its commit: settle (and unmount) after it.
    const fail = (error: unknown) =>
      queueMicrotask(() => settle(error instanceof Error ? error : new Error(`dialog failed: ${String(error)}`)));
    const timer = setTimeout(() => {
      onError(new Error(`no answer in ${DIALOG_ANSWER_MS / 60_000} min: closed as Batal`));
      settle({ choice: 'cancel' });
    }, DIALOG_ANSWER_MS);
    // The page may take the host out of the document (or replace the document element): then
    // nobody can answer, so the dialog has failed.
    const watchdog = new MutationObserver(() => {
      if (!host.isConnected) settle(new Error('the page removed the dialog'));
    });

    // Attach, then render synchronously in the same task: the dialog is complete in the first
    // frame it appears in (never an empty overlay), and Batal can take focus as it mounts.
    document.documentElement.append(host);
    watchdog.observe(document, { childList: true, subtree: true });
    try {
      flushSync(() =>
        root.render(
          <DialogErrorBoundary onError={fail}>
            <WarningDialog request={request} onDone={settle} rulesUrl={rulesPage()} />
          </DialogErrorBoundary>,
        ),
      );
    } catch (error) {
      fail(error);
    }
  });
}

export default defineUnlistedScript(() => {
  globalThis.__jagaDialog ??= { show };
});

/** The rules explainer in the options page (typed loosely: PublicPath does not know URL fragments). */
function rulesPage(): string {
  return (browser.runtime.getURL as (path: string) => string)('/options.html#aturan');
}
