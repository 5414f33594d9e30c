import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/components/options/Options';

// The release's channel as the build put it in (none by default).
const channel = vi.hoisted(() => ({ updateUrls: [] as string[], trustedPublicKeys: [] as string[] }));
vi.mock('@/utils/trusted-keys', () => ({
  RELEASE_CHANNEL: channel,
  BUILT_IN_PUBLIC_KEYS: channel.trustedPublicKeys,
  DEFAULT_UPDATE_URLS: channel.updateUrls,
  LOST_PUBLIC_KEYS: [],
}));

async function channelText(lang: 'id' | 'en' = 'id'): Promise<string> {
  if (lang === 'en') await fakeBrowser.storage.local.set({ settings: { language: 'en' } });
  render(<Options now={() => Date.UTC(2026, 0, 10)} />);
  await screen.findByRole('heading', { level: 1 });
  return (await screen.findByTestId('update-channel')).textContent ?? '';
}

beforeEach(() => {
  fakeBrowser.reset();
  channel.updateUrls.length = 0;
  channel.trustedPublicKeys.length = 0;
});
afterEach(cleanup);

describe('where rule updates come from (options page)', () => {
  it('says that a build without a release channel takes updates only from the agency policy', async () => {
    expect(await channelText()).toMatch(/tidak punya alamat pembaruan bawaan.*hanya dari kebijakan instansi/);
    cleanup();
    expect(await channelText('en')).toMatch(/has no built-in update address.*only from your agency's policy/);
  });

  it("lists the agency's update URLs when the policy sets them", async () => {
    await fakeBrowser.storage.local.set({ policy: { updateSources: [{ url: 'https://rules.agency.go.id/b.json', publicKeys: ['A'.repeat(43) + '='] }] } });
    expect(await channelText()).toContain('https://rules.agency.go.id/b.json');
  });

  it("names the release's update URL when the build has one", async () => {
    channel.updateUrls.push('https://example.github.io/jaga/bundle.json');
    channel.trustedPublicKeys.push('B'.repeat(43) + '=');
    const text = await channelText();
    expect(text).toContain('https://example.github.io/jaga/bundle.json');
    expect(text).not.toMatch(/hanya dari kebijakan/);
  });
});
