/**
 * On install, a browser that withheld host access (Firefox, Firefox for Android) gets the options
 * page opened at its "Izinkan di situs-situs ini" step; where access was granted at install
 * (Chromium), or on an update, nothing opens.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { openAccessStepIfMissing } from '@/entrypoints/background/host-access';
import { SUPPORTED_MATCHES } from '@/utils/hosts';
import { installFakePermissions } from '../../components/fake-permissions';

let opened: string[];

beforeEach(() => {
  fakeBrowser.reset();
  opened = [];
  browser.tabs.create = (async (props: { url?: string }) => {
    opened.push(props.url ?? '');
    return {} as never;
  }) as typeof browser.tabs.create;
});

describe('openAccessStepIfMissing (runtime.onInstalled)', () => {
  it('opens the options page at #izin after an install without host access', async () => {
    installFakePermissions();
    await openAccessStepIfMissing({ reason: 'install' });
    expect(opened).toEqual([expect.stringMatching(/\/options\.html#izin$/)]);
  });

  it('opens it too when only one site is missing', async () => {
    installFakePermissions(SUPPORTED_MATCHES.filter((o) => !o.includes('tiktok')));
    await openAccessStepIfMissing({ reason: 'install' });
    expect(opened).toHaveLength(1);
  });

  it('opens nothing when every site was granted at install (Chromium)', async () => {
    installFakePermissions(SUPPORTED_MATCHES);
    await openAccessStepIfMissing({ reason: 'install' });
    expect(opened).toEqual([]);
  });

  it('opens nothing on an update or a browser update', async () => {
    installFakePermissions();
    await openAccessStepIfMissing({ reason: 'update' });
    await openAccessStepIfMissing({ reason: 'browser_update' });
    expect(opened).toEqual([]);
  });

  it('opens nothing, and does not throw, where the permissions API is missing', async () => {
    // as WXT's fake browser does before any test replaces it: an API this platform lacks
    Object.assign(browser.permissions, {
      contains: () => {
        throw new Error('Browser.permissions.contains not implemented.');
      },
    });
    await expect(openAccessStepIfMissing({ reason: 'install' })).resolves.toBeUndefined();
    expect(opened).toEqual([]);
  });
});
