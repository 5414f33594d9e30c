/**
 * Hostile pages, end to end in Chromium: a page that tries to switch the extension off, to make
 * its dialog hang or disappear, to hide it while its proceed button stays clickable, or to drown
 * the interceptor in fake input. After each attack the next real partisan like (real mouse input)
 * is still warned, and a neutral like still passes at once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  clickDialogButton,
  expectNoDialog,
  EXTENSION_ID,
  openFixture,
  readDialog,
  readExtensionStorage,
  siteLog,
  sessionForFile,
  waitForDialog,
} from './harness';
import { setSettings } from './sites-support';

const FEED = 'https://x.com/home-id.html';
const like = (id: string) => `article[data-post-id="${id}"] [data-testid="like"]`;

// the fixtures' 2024 campaign content is "low" after the election: low warns here too
const shared = sessionForFile({ prepare: (session) => setSettings(session, { actionBySeverity: { high: 'warn', medium: 'warn', low: 'warn' } }) });

const countOf = async (page: Page, action: string, postId: string) =>
  (await siteLog(page)).filter((e) => e.action === action && e.postId === postId).length;

async function errorMessages(): Promise<string[]> {
  const { errors } = await readExtensionStorage(shared.session, ['errors']);
  return ((errors as { message: string }[] | undefined) ?? []).map((e) => e.message);
}

/** The next real partisan like is warned (Batal keeps it from the site); a neutral like passes at once. */
async function stillGuards(page: Page): Promise<void> {
  const partisan = await countOf(page, 'like', 'x1');
  await page.click(like('x1'));
  const dialog = await waitForDialog(page);
  expect(dialog.testIds).toEqual(expect.arrayContaining(['jaga-cancel', 'jaga-proceed']));
  await clickDialogButton(page, 'jaga-cancel');
  await page.waitForTimeout(200);
  expect(await countOf(page, 'like', 'x1')).toBe(partisan);
  const neutral = await countOf(page, 'like', 'x5');
  await page.click(like('x5'));
  await expectNoDialog(page);
  expect(await countOf(page, 'like', 'x5')).toBe(neutral + 1);
}

/** The page's view of our host element's computed style. */
const hostStyle = (page: Page, property: string) =>
  page.evaluate((p) => {
    const host = document.querySelector('jaga-netral-dialog');
    return host ? getComputedStyle(host).getPropertyValue(p) : null;
  }, property);

/** The element the user sees at the centre of a dialog button (pointer-events:none layers included). */
async function topmostAtButton(page: Page, testId: string): Promise<{ inDialog: boolean }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const button = [...walk(root)].find((n) => attr(n, 'data-testid') === testId);
    if (!button) throw new Error(`no ${testId}`);
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    const hit = (await cdp.send('DOM.getNodeForLocation', {
      x: Math.round((x1 + x3) / 2),
      y: Math.round((y1 + y3) / 2),
      ignorePointerEventsNone: true,
    })) as { backendNodeId: number };
    const inside = new Set([...walk(button)].map((n) => n.backendNodeId));
    return { inDialog: inside.has(hit.backendNodeId) };
  } finally {
    await cdp.detach();
  }
}

interface CdpNode {
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}
function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}
function attr(node: CdpNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

describe('hostile pages', () => {
  it("WXT's script-started event (the extension id is public) does not switch the extension off", async () => {
    const page = await openFixture(shared.session, FEED);
    // one content script per site ("x" here); the page does not need to know which, it can send them all
    await page.evaluate((id) => {
      for (const name of ['x', 'facebook', 'instagram', 'tiktok', 'youtube', 'threads', 'whatsapp', 'content']) {
        document.dispatchEvent(
          new CustomEvent(`${id}:${name}:wxt:content-script-started`, { detail: { contentScriptName: name, messageId: 'x' } }),
        );
      }
    }, EXTENSION_ID);
    await stillGuards(page);
    await page.close();
  });

  it('a page that removes the open dialog: the hold is released (warn fails open, recorded), the next like is warned', async () => {
    const page = await openFixture(shared.session, FEED);
    await page.click(like('x1'));
    await waitForDialog(page);
    await page.evaluate(() => {
      for (const host of document.querySelectorAll('jaga-netral-dialog')) host.remove();
    });
    await expect.poll(() => countOf(page, 'like', 'x1'), { timeout: 5000 }).toBe(1);
    expect(await readDialog(page)).toBeNull();
    await expect.poll(errorMessages, { timeout: 5000 }).toContainEqual(expect.stringMatching(/removed the dialog/));
    await stillGuards(page);
    await page.close();
  });

  it.each([
    ['opacity', 'opacity:0!important', '1'],
    ['visibility', 'visibility:hidden!important', 'visible'],
    ['display', 'display:none!important', 'block'],
    ['transform', 'transform:translateX(-9999px)!important', 'none'],
  ])('page CSS (%s) cannot hide the dialog: it shows, and a click on it is a click on what the user sees', async (property, rule, expected) => {
    const page = await openFixture(shared.session, FEED);
    await page.addStyleTag({ content: `jaga-netral-dialog{${rule}} html jaga-netral-dialog[style]{${rule}}` });
    await page.click(like('x1'));
    await waitForDialog(page);
    expect(await hostStyle(page, property)).toBe(expected);
    expect(await topmostAtButton(page, 'jaga-proceed')).toEqual({ inDialog: true });
    await clickDialogButton(page, 'jaga-cancel');
    await stillGuards(page);
    await page.close();
  });

  it('a page layer over the dialog (z-index, pointer-events:none) stays below it', async () => {
    const page = await openFixture(shared.session, FEED);
    await page.click(like('x1'));
    await waitForDialog(page);
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none';
      document.body.append(cover);
    });
    expect(await topmostAtButton(page, 'jaga-proceed')).toEqual({ inDialog: true });
    await clickDialogButton(page, 'jaga-cancel');
    await stillGuards(page);
    await page.close();
  });

  it("a page popover over the dialog (top layer, click-through): proceed is refused, recorded, and the like is never replayed", async () => {
    const page = await openFixture(shared.session, FEED);
    await page.click(like('x1'));
    await waitForDialog(page);
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.setAttribute('popover', 'manual');
      cover.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:#fff;pointer-events:none';
      document.body.append(cover);
      cover.showPopover();
    });
    expect(await topmostAtButton(page, 'jaga-proceed')).toEqual({ inDialog: false }); // the user sees the page's cover
    // the user clicks where the page's fake button would be: exactly on our hidden proceed button
    const cdp = await page.context().newCDPSession(page);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const proceed = [...walk(root)].find((n) => attr(n, 'data-testid') === 'jaga-proceed')!;
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: proceed.backendNodeId })) as { model: { content: number[] } };
    await cdp.detach();
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    await page.waitForTimeout(500);
    expect(await countOf(page, 'like', 'x1')).toBe(0);
    expect(await readDialog(page)).not.toBeNull(); // still asking
    await expect.poll(errorMessages, { timeout: 5000 }).toContainEqual(expect.stringMatching(/proceed refused/));
    // the dialog went back on top of the page's layer
    expect(await topmostAtButton(page, 'jaga-proceed')).toEqual({ inDialog: true });
    await clickDialogButton(page, 'jaga-cancel');
    await page.evaluate(() => document.getElementById('cover')?.remove());
    await stillGuards(page);
    await page.close();
  });

  it('page-made clicks and Enter keys are never held nor replayed, and do not consume a held action', async () => {
    const page = await openFixture(shared.session, FEED);
    // page-made input on a partisan like and a partisan DM: the page's own business, no dialog
    await page.evaluate(() => {
      document.querySelector<HTMLElement>('article[data-post-id="x1"] [data-testid="like"]')!.click();
      const dm = document.querySelector('[data-testid="dmComposerTextInput"]')!;
      dm.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true } as KeyboardEventInit));
    });
    await expectNoDialog(page);
    expect(await countOf(page, 'like', 'x1')).toBe(1); // the page's own click, once: not held, not replayed
    // while a real like is held, page-made clicks on the same button go to the page, not to our hold
    await page.click(like('x1'));
    await waitForDialog(page);
    await page.evaluate(() => {
      for (let i = 0; i < 3; i++) document.querySelector<HTMLElement>('article[data-post-id="x1"] [data-testid="like"]')!.click();
    });
    expect(await countOf(page, 'like', 'x1')).toBe(4);
    await clickDialogButton(page, 'jaga-cancel');
    await page.waitForTimeout(300);
    expect(await countOf(page, 'like', 'x1')).toBe(4); // the held like was not replayed
    await stillGuards(page);
    await page.close();
  });

  it('a flood of 500 page-made clicks and key presses leaves the interceptor working', async () => {
    const page = await openFixture(shared.session, FEED);
    await page.evaluate(() => {
      const buttons = [...document.querySelectorAll<HTMLElement>('[data-testid="like"]')];
      const dm = document.querySelector('[data-testid="dmComposerTextInput"]')!;
      for (let i = 0; i < 500; i++) {
        buttons[i % buttons.length]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
        dm.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      }
    });
    await expectNoDialog(page);
    await stillGuards(page);
    await page.close();
  });
});
