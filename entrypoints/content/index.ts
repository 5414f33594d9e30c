/**
 * Content script: wiring only. Picks the site adapter for this host and installs the interception
 * core at document_start; everything else lives in the modules it wires.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { DIALOG_HOST_TAG } from '@/components/dialog-api';
import { SUPPORTED_MATCHES } from '@/utils/hosts';
import { STORAGE_KEYS } from '@/utils/storage-keys';
import { preloadDialog, showDialog } from './dialog-client';
import { storeHealth, withHealth } from './health';
import { installInterceptor } from './intercept';
import { installPhotoWatch } from './photo';
import { showPhotoWait } from './photo-wait';
import { closestAny, sel } from './sites/helpers';
import { assessAction } from './pipeline';
import type { PhotoResult } from '@/utils/messages';
import { adapterForHost } from './sites';
import { createContentState, selectorsFor } from './state';

const MAX_ERRORS = 20;

/** Errors stay on this device: a small ring in storage.local, shown in the options page. */
function recordError(error: unknown, stage = 'content'): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const key = STORAGE_KEYS.errors;
  void browser.storage.local
    .get(key)
    .then((items) => {
      const errors = Array.isArray(items[key]) ? (items[key] as unknown[]) : [];
      return browser.storage.local.set({
        [key]: [...errors, { time: Date.now(), stage, host: location.hostname, message: message.slice(0, 300) }].slice(-MAX_ERRORS),
      });
    })
    .catch(() => {});
}

export default defineContentScript({
  matches: [...SUPPORTED_MATCHES],
  runAt: 'document_start',
  allFrames: true,
  main(ctx) {
    const site = adapterForHost(location.hostname);
    if (!site) return;
    // counts what the adapter detects and misses, batched into storage.local (health.ts)
    const adapter = withHealth(site, { save: storeHealth(browser.storage.local) });
    const state = createContentState((e) => recordError(e, 'state'));
    // Attached photos are checked as soon as they are attached, outside the page (offscreen), and
    // tied to the composer they were attached in (the adapter knows the site's composers).
    const photos = installPhotoWatch(
      window,
      {
        // the background checked the analysis page's answer (parsePhotoResult)
        analyse: (image) => browser.runtime.sendMessage({ type: 'photo-check', image }) as Promise<PhotoResult>,
        onError: (e) => recordError(e, 'photo'),
        composerOf: adapter.composerOf ? (el) => adapter.composerOf!(el, selectorsFor(adapter, state), document) : undefined,
        // The analysis page and its model load at the first press on an attach control or the first
        // drag of files over the page, seconds before the photo is picked; not on composer focus
        // (most posts and messages carry no photo).
        warm: () => void browser.runtime.sendMessage({ type: 'photo-warm' }).catch((e: unknown) => recordError(e, 'photo')),
        isAttachControl: (el) => !!closestAny(el, sel(selectorsFor(adapter, state), 'attachControl')),
      },
      ctx.signal,
    );

    installInterceptor(
      window,
      {
        adapter,
        selectors: () => selectorsFor(adapter, state),
        assess: (detected) => {
          // The user engages on this page: load the dialog script now (once), so a later warning
          // opens within a frame. Pages where nobody likes, shares or comments never load React.
          preloadDialog();
          return assessAction(detected, state, {
            showDialog,
            now: Date.now,
            photos,
            showPhotoWait: (language) => showPhotoWait(document, language),
            log: (entry) => void browser.runtime.sendMessage({ type: 'log-decision', entry }).catch(() => {}),
            countFullExplanation: () => {
              state.fullExplanations += 1;
              void browser.storage.local
                .set({ [STORAGE_KEYS.dialogStats]: { fullExplanations: state.fullExplanations } })
                .catch(() => {});
            },
          });
        },
        // The first press on an action control starts loading the dialog script, before the click.
        onIntent: (detected) => {
          if (!detected.attachmentsOnly) preloadDialog();
        },
        isOwnUi: (event) => (event.target as Element | null)?.localName === DIALOG_HOST_TAG,
        onError: (error, stage) => recordError(error, stage),
      },
      ctx.signal,
    );
  },
});
