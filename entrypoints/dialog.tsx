/**
 * The warning dialog as an unlisted script: injected by the background with
 * scripting.executeScript only when a first warning is needed, so React never loads on pages
 * where nothing matches. It runs in the same isolated world as the content script and publishes
 * `globalThis.__jagaDialog`.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DIALOG_HOST_TAG, type DialogRequest, type DialogResult } from '@/components/dialog-api';
import { WarningDialog } from '@/components/WarningDialog';
import css from '@/components/dialog.css?inline';

/** Events that must not leak from the dialog to the page's own listeners. */
const ISOLATED_EVENTS = [
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'click', 'dblclick', 'mousedown', 'mouseup',
  'pointerdown', 'pointerup', 'touchstart', 'touchend', 'focusin', 'focusout', 'wheel', 'contextmenu',
] as const;

function show(request: DialogRequest): Promise<DialogResult> {
  return new Promise((resolve) => {
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
    const done = (result: DialogResult) => {
      root.unmount();
      host.remove();
      previousFocus?.focus({ preventScroll: true });
      resolve(result);
    };
    // Attach, then render synchronously in the same task: the dialog is complete in the first
    // frame it appears in (never an empty overlay), and Batal can take focus as it mounts.
    document.documentElement.append(host);
    flushSync(() => root.render(<WarningDialog request={request} onDone={done} rulesUrl={rulesPage()} />));
  });
}

export default defineUnlistedScript(() => {
  globalThis.__jagaDialog ??= { show };
});

/** The rules explainer in the options page (typed loosely: PublicPath does not know URL fragments). */
function rulesPage(): string {
  return (browser.runtime.getURL as (path: string) => string)('/options.html#aturan');
}
