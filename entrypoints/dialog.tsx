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
import { DIALOG_ANSWER_MS, DIALOG_HOST_TAG, type DialogRequest, type DialogResult } from '@/utils/dialog-api';
import { WarningDialog } from '@/components/WarningDialog';
import css from '@/components/dialog.css?inline';
import { visibleForClick } from '@/components/dialog-visibility';

/**
 * The host's inline styles, each !important and put back whenever the page changes them (the
 * shadow's :host rules win anyway; these also cover engines with weaker :host support).
 */
const HOST_STYLE: [string, string][] = [
  ['display', 'block'], ['position', 'fixed'], ['inset', '0'], ['z-index', '2147483647'], ['opacity', '1'],
  ['visibility', 'visible'], ['filter', 'none'], ['transform', 'none'], ['clip-path', 'none'], ['pointer-events', 'auto'],
];

function assertHostStyle(host: HTMLElement): void {
  for (const [property, value] of HOST_STYLE) {
    if (host.style.getPropertyValue(property) !== value || host.style.getPropertyPriority(property) !== 'important') {
      host.style.setProperty(property, value, 'important');
    }
  }
  for (const attribute of ['hidden', 'inert', 'popover']) host.removeAttribute(attribute);
}

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

/**
 * Keep the page behind the dialog from scrolling (a modal dialog makes the page inert, but a
 * swipe still scrolls it on a phone): `overflow: hidden` on the document element and no
 * overscroll on the body, inline and !important, while the dialog shows. Returns the undo, which
 * puts back exactly the page's own inline values.
 */
function lockPageScroll(): () => void {
  const saved: [CSSStyleDeclaration, string, string, string][] = [];
  const set = (style: CSSStyleDeclaration | undefined, property: string, value: string) => {
    if (!style) return;
    saved.push([style, property, style.getPropertyValue(property), style.getPropertyPriority(property)]);
    style.setProperty(property, value, 'important');
  };
  set(document.documentElement.style, 'overflow', 'hidden');
  set(document.body?.style, 'overscroll-behavior', 'none');
  return () => {
    for (const [style, property, value, priority] of saved.reverse()) {
      if (value) style.setProperty(property, value, priority);
      else style.removeProperty(property);
    }
    for (const el of [document.documentElement, document.body]) if (el?.getAttribute('style') === '') el.removeAttribute('style');
  };
}

function show(request: DialogRequest, onError: (error: unknown) => void = () => {}): Promise<DialogResult> {
  return new Promise((resolve, reject) => {
    const host = document.createElement(DIALOG_HOST_TAG);
    assertHostStyle(host);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = css;
    // A modal <dialog> puts the warning in the top layer, above anything the page stacks, and
    // makes the page behind it inert.
    const top = document.createElement('dialog');
    top.className = 'top';
    // Esc is the dialog's own "Batal" (WarningDialog); the browser must not close it behind React's back.
    top.addEventListener('cancel', (e) => e.preventDefault());
    const mount = document.createElement('div');
    top.append(mount);
    shadow.append(style, top);
    for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
    // The page changes the host's styles or attributes: put ours back (only when they differ, so no loop).
    const guard = new MutationObserver(() => assertHostStyle(host));
    guard.observe(host, { attributes: true });

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
      guard.disconnect();
      try {
        root.unmount();
      } catch {
        // unmounting a root that failed to render: nothing left to clean up in React
      }
      host.remove();
      unlockPageScroll();
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
    // A proceed click counts only if the user could see the dialog; otherwise it is refused,
    // recorded, and the dialog is put back on top (styles re-asserted, shown modal again).
    const confirmProceed = (event: MouseEvent, button: HTMLButtonElement): boolean => {
      if (visibleForClick(host, shadow, top, button, event)) return true;
      onError(new Error('proceed refused: the dialog was not fully visible'));
      assertHostStyle(host);
      if (!host.isConnected) return false;
      top.close();
      top.showModal();
      return false;
    };
    document.documentElement.append(host);
    const unlockPageScroll = lockPageScroll();
    watchdog.observe(document, { childList: true, subtree: true });
    try {
      // Modal before the first render: showModal() focuses the dialog, then Batal takes focus as it mounts.
      top.showModal();
      flushSync(() =>
        root.render(
          <DialogErrorBoundary onError={fail}>
            <WarningDialog request={request} onDone={settle} rulesUrl={rulesPage()} confirmProceed={confirmProceed} />
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
