/**
 * Tab sets end to end: without a region set (every store user), a tab holds the national part of the
 * rules and an escalation filter; a post naming a regional candidate is still warned, by the
 * background's full rule set, and a neutral post passes without asking it (rules/tab-set.ts).
 */
import { describe, expect, it } from 'vitest';
import { openFixture, readExtensionStorage, sessionForFile, waitForEngine } from './harness';
import { heldThenReplayed, passes, setSettings } from './sites-support';

// the Pilkada 2024 campaign (Pilgub Jatim is a regional race: not in a tab without a region)
const shared = sessionForFile({ prepare: (session) => setSettings(session, { simulatedDate: '2024-11-20', actionBySeverity: { high: 'warn', medium: 'warn', low: 'warn' } }) });

const post = (id: string) => `[role="article"][data-post-id="${id}"]`;
const likeButton = (id: string) => `${post(id)} [role="button"]:has(> [data-ad-rendering-role="like_button"])`;

describe('a tab without a region', () => {
  it('holds the national tab set with its escalation filter', async () => {
    // the background stores it after compiling at start-up (longer as the rule data grows): wait, bounded
    await waitForEngine(shared.session);
    const { engine } = (await readExtensionStorage(shared.session, ['engine'])) as { engine: { region?: string; tabSet?: number; compiled: { fullSet?: unknown } } };
    expect(engine.region).toBeUndefined();
    expect(engine.tabSet).toBe(1);
    expect(engine.compiled.fullSet).toBeDefined();
  });

  it("warns on a regional candidate's post (the background's full verdict); a neutral post passes", async () => {
    const url = 'https://www.facebook.com/feed-id.html';
    const page = await openFixture(shared.session, url);
    await page.evaluate((sel) => {
      document.querySelector(`${sel} [data-ad-preview="message"] [dir="auto"]`)!.textContent = 'Luluk Lukman menang!';
    }, post('f2'));
    await heldThenReplayed(page, () => page.click(likeButton('f2')), { action: 'like', postId: 'f2' });
    const neutral = await openFixture(shared.session, url);
    await passes(neutral, () => neutral.click(likeButton('f2')), { action: 'like', postId: 'f2' });
    await page.close();
    await neutral.close();
  });
});
