/**
 * The content script's wiring, shared by the per-site entrypoints (`entrypoints/<site>.content.ts`):
 * installs the interception core for one site adapter at document_start; everything else lives in
 * the modules it wires.
 *
 * One content script per site, not one for all: a page loads the core and its own site's adapter
 * only, so the adapters' code (a quarter of the bytes) is not paid seven times over on every page,
 * and a new site or layout adds nothing to the others' budget.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { DIALOG_HOST_TAG } from '@/utils/dialog-api';
import { matchesForHosts } from '@/utils/hosts';
import { dialogStatsItem, errorsItem, siteHealthItem } from '@/utils/storage-items';
import { preloadDialog, showDialog } from './dialog-client';
import { storeHealth, withHealth } from './health';
import { installInterceptor } from './intercept';
import { installPhotoWatch } from './photo';
import { showPhotoUnchecked, showPhotoWait, showRulesUnchecked, showRulesWait, uncheckedNotice } from './photo-wait';
import { closestAny, sel } from './sites/helpers';
import { assessAction } from './pipeline';
import type { PhotoCheckAnswer } from '@/utils/messages';
import type { Verdict } from '@/rules/engine-core';
import type { DefinedSiteAdapter } from './sites/define';
import { createContentState, selectorsFor } from './state';

const MAX_ERRORS = 20;

/** Checks whether the extension context is gone; set by main (a failed storage call may mean it is). */
let onGone = (): unknown => 0;

/** Errors stay on this device: a small ring in storage.local, shown in the options page. */
function recordError(error: unknown, stage = 'content'): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  void errorsItem
    .getValue()
    .then((errors) =>
      errorsItem.setValue([...errors, { time: Date.now(), stage, host: location.hostname, message: message.slice(0, 300) }].slice(-MAX_ERRORS)),
    )
    .catch(() => onGone());
}

/** The content script for one site: its adapter's hosts are its matches. */
export function siteContentScript(adapter: DefinedSiteAdapter) {
  return defineContentScript({
    matches: matchesForHosts(adapter.hosts),
    runAt: 'document_start',
    allFrames: true,
    main: (ctx) => start(ctx, adapter),
  });
}

function start(ctx: ContentScriptContext, site: DefinedSiteAdapter): void {
  // counts what the adapter detects and misses, batched into storage.local (health.ts)
  const adapter = withHealth(site, { save: storeHealth(siteHealthItem) });
  // Our own lifetime, not WXT's ctx.signal: WXT aborts that on a document event any page can
  // dispatch (the extension id is public). We stop only when the extension context is really gone,
  // which shows as an undefined runtime id: checked when WXT says so, on the next detected action
  // and when a runtime call fails; never polled.
  const alive = new AbortController();
  const isAlive = (): boolean => {
    if (!browser.runtime?.id) alive.abort();
    return !alive.signal.aborted;
  };
  ctx.onInvalidated(isAlive);
  onGone = isAlive;
  const state = createContentState((e) => recordError(e, 'state'));
  // Attached photos are checked as soon as they are attached, outside the page (offscreen), and
  // tied to the composer they were attached in (the adapter knows the site's composers).
  const photos = installPhotoWatch(
    window,
    {
      // the background checked the analysis page's answer (parsePhotoResult), or says why there is none
      analyse: (image) => browser.runtime.sendMessage({ type: 'photo-check', image }) as Promise<PhotoCheckAnswer>,
      onError: (e) => recordError(e, 'photo'),
      composerOf: adapter.composerOf ? (el) => adapter.composerOf!(el, selectorsFor(adapter, state), document) : undefined,
      // The analysis page and its model load at the first press on an attach control or the first
      // drag of files over the page, seconds before the photo is picked; not on composer focus
      // (most posts and messages carry no photo).
      warm: () => void browser.runtime.sendMessage({ type: 'photo-warm' }).catch((e: unknown) => recordError(e, 'photo')),
      isAttachControl: (el) => !!closestAny(el, sel(selectorsFor(adapter, state), 'attachControl')),
    },
    alive.signal,
  );

  // A photo went out unchecked: counted in the site health, and said once per browser session per
  // site (the background remembers across tabs; without an answer, once on this page).
  const photoUnchecked = uncheckedNotice({
    first: () => browser.runtime.sendMessage({ type: 'photo-unchecked', site: site.id }) as Promise<boolean>,
    show: () => void showPhotoUnchecked(document, state.settings.language),
    count: () => adapter.countPhotoUnchecked(),
  });

  // An action went through without rules (they never came within the wait): counted, and said once on this page.
  const rulesUnchecked = uncheckedNotice({
    first: async () => true,
    show: () => void showRulesUnchecked(document, state.settings.language),
    count: () => adapter.countRulesUnchecked(),
  });

  installInterceptor(
    window,
    {
      adapter,
      selectors: () => selectorsFor(adapter, state),
      assess: (detected) => {
        if (!isAlive()) return { hold: false };
        // The user engages on this page: load the dialog script now (once), so a later warning
        // opens within a frame. Pages where nobody likes, shares or comments never load React.
        preloadDialog();
        return assessAction(detected, state, {
          showDialog: (request) => showDialog(request, (e) => recordError(e, 'dialog')),
          now: Date.now,
          photos,
          showPhotoWait: (language) => showPhotoWait(document, language),
          photoUnchecked,
          // a name the tab's rule set does not hold: the background's full set decides (bounded)
          fullVerdict: (content, context) => browser.runtime.sendMessage({ type: 'full-verdict', content, context }) as Promise<Verdict>,
          fullSetUnchecked: () => adapter.countRulesUnchecked(),
          showRulesWait: (language) => showRulesWait(document, language),
          rulesUnchecked,
          log: (entry) => void browser.runtime.sendMessage({ type: 'log-decision', entry }).catch(() => {}),
          countFullExplanation: () => {
            state.fullExplanations += 1;
            void dialogStatsItem.setValue({ fullExplanations: state.fullExplanations }).catch(() => {});
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
    alive.signal,
  );
}
