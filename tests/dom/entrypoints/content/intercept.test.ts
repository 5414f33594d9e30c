import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_HOLD_MS } from '@/entrypoints/content/intercept';
import type { DetectedAction, SiteAdapter } from '@/entrypoints/content/sites/types';
import { flush, installWith, interceptMocks, type InterceptMocks, user } from './intercept-fixture';

/**
 * The core with a test adapter: a like button is any [data-like]; Enter in [data-composer] sends.
 * User input is marked with `user` (intercept-fixture.ts) because happy-dom cannot create trusted events.
 */

const testAdapter: SiteAdapter = {
  id: 'x',
  hosts: ['x.com'],
  selectors: { like: ['[data-like]'], composer: ['[data-composer]'] },
  detect(event, selectors) {
    const target = event.target as Element;
    if (event.type === 'click') {
      const control = target.closest(selectors.like![0]!);
      return control ? { site: 'x', action: 'like', control, content: { text: control.getAttribute('data-text') ?? '' } } : null;
    }
    if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Enter') {
      const control = target.closest(selectors.composer![0]!);
      return control ? { site: 'x', action: 'comment', control, content: { draft: control.textContent ?? '' } } : null;
    }
    if (event.type === 'submit') {
      return { site: 'x', action: 'post', control: target as Element, content: { draft: 'x' } };
    }
    return null;
  },
};

let mocks: InterceptMocks;
let controller: InterceptMocks['controller'];
let siteLog: string[];
let present: InterceptMocks['present'];
let assess: InterceptMocks['assess'];
let onError: InterceptMocks['onError'];

function install(adapter: SiteAdapter = testAdapter) {
  return installWith(mocks, adapter, { isOwnUi: (e) => (e.target as Element | null)?.localName === 'jaga-netral-dialog' });
}

beforeEach(() => {
  mocks = interceptMocks();
  ({ controller, present, assess, onError } = mocks);
  siteLog = [];
  document.body.innerHTML = `
    <article><button id="like" data-like data-text="Ayo coblos 02"><span id="icon">♥</span></button></article>
    <button id="other">Lainnya</button>
    <div id="composer" data-composer contenteditable="true">Dukung AMIN</div>
    <form id="form"><input id="field" name="q"><button id="submit">Kirim</button></form>`;
  // The "site's own handlers", registered like a page would (bubble phase, on elements/document).
  document.getElementById('like')!.addEventListener('click', () => siteLog.push('like'));
  document.getElementById('other')!.addEventListener('click', () => siteLog.push('other'));
  document.getElementById('composer')!.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter' && (e as KeyboardEvent).keyCode === 13) siteLog.push('send');
  });
  document.getElementById('form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    siteLog.push('submit');
  });
});

afterEach(() => controller.abort());

describe('interceptor', () => {
  it('lets actions through untouched when the pipeline does not hold them', () => {
    assess.mockReturnValue({ hold: false });
    install();
    document.getElementById('icon')!.dispatchEvent(user(new MouseEvent('click', { bubbles: true })));
    expect(assess).toHaveBeenCalledOnce();
    expect(siteLog).toEqual(['like']);
  });

  it('never asks the pipeline about clicks that are not actions', () => {
    install();
    document.getElementById('other')!.dispatchEvent(user(new MouseEvent('click', { bubbles: true })));
    expect(assess).not.toHaveBeenCalled();
    expect(siteLog).toEqual(['other']);
  });

  it('holds a click, and Batal keeps the site handler from running', async () => {
    present.mockResolvedValue('cancel');
    install();
    const click = user(new MouseEvent('click', { bubbles: true, cancelable: true }));
    document.getElementById('icon')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    await flush();
    expect(present).toHaveBeenCalledOnce();
    expect(siteLog).toEqual([]);
  });

  it('replays a held click exactly once on proceed, on the original target', async () => {
    present.mockResolvedValue('proceed');
    const targets: EventTarget[] = [];
    document.getElementById('like')!.addEventListener('click', (e) => targets.push(e.target!));
    install();
    document.getElementById('icon')!.dispatchEvent(user(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: 5 })));
    await flush();
    expect(siteLog).toEqual(['like']);
    expect(targets).toEqual([document.getElementById('icon')]);
    await flush();
    expect(siteLog).toEqual(['like']);
  });

  it('raises one dialog for one action: a second click while held is swallowed', async () => {
    let resolve!: (c: 'proceed' | 'cancel') => void;
    present.mockReturnValue(new Promise((r) => (resolve = r)));
    const interceptor = install();
    const like = document.getElementById('like')!;
    like.dispatchEvent(user(new MouseEvent('click', { bubbles: true, cancelable: true })));
    const second = user(new MouseEvent('click', { bubbles: true, cancelable: true }));
    like.dispatchEvent(second);
    expect(interceptor.holding).toBe(true);
    expect(second.defaultPrevented).toBe(true);
    expect(present).toHaveBeenCalledOnce();
    resolve('proceed');
    await flush();
    expect(interceptor.holding).toBe(false);
    expect(siteLog).toEqual(['like']);
  });

  it('replays Enter in a composer with the legacy keyCode sites read', async () => {
    present.mockResolvedValue('proceed');
    install();
    const enter = user(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
    Object.defineProperty(enter, 'keyCode', { value: 13 });
    document.getElementById('composer')!.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    expect(siteLog).toEqual([]);
    await flush();
    expect(siteLog).toEqual(['send']);
  });

  it('replays a held form submit through requestSubmit, once', async () => {
    present.mockResolvedValue('proceed');
    install();
    const form = document.getElementById('form') as HTMLFormElement;
    const submit = user(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
    form.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    await flush();
    expect(siteLog).toEqual(['submit']);
  });

  it('fails open when the adapter throws', () => {
    install({ ...testAdapter, detect: () => { throw new Error('markup changed'); } });
    document.getElementById('like')!.dispatchEvent(user(new MouseEvent('click', { bubbles: true, cancelable: true })));
    expect(onError).toHaveBeenCalledWith(expect.any(Error), 'detect');
    expect(siteLog).toEqual(['like']);
  });

  it('fails open when the engine throws', () => {
    assess.mockImplementation(() => { throw new Error('bad rules'); });
    install();
    document.getElementById('like')!.dispatchEvent(user(new MouseEvent('click', { bubbles: true, cancelable: true })));
    expect(onError).toHaveBeenCalledWith(expect.any(Error), 'assess');
    expect(siteLog).toEqual(['like']);
  });

  it('lets the action happen when the dialog cannot be shown', async () => {
    present.mockRejectedValue(new Error('dialog script blocked'));
    install();
    document.getElementById('like')!.dispatchEvent(user(new MouseEvent('click', { bubbles: true, cancelable: true })));
    await flush();
    expect(onError).toHaveBeenCalledWith(expect.any(Error), 'present');
    expect(siteLog).toEqual(['like']);
  });

  it('releases a hold whose dialog never answers, within MAX_HOLD_MS, without replaying', async () => {
    vi.useFakeTimers();
    try {
      present.mockReturnValueOnce(new Promise(() => {})); // a dialog that never settles
      const interceptor = install();
      const like = document.getElementById('like')!;
      like.dispatchEvent(user(new MouseEvent('click', { bubbles: true, cancelable: true })));
      expect(interceptor.holding).toBe(true);
      await vi.advanceTimersByTimeAsync(MAX_HOLD_MS);
      expect(interceptor.holding).toBe(false);
      expect(siteLog).toEqual([]); // nobody said "proceed"
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/no answer/) }), 'present');
      // The next action is assessed again, not swallowed.
      present.mockResolvedValueOnce('proceed');
      like.dispatchEvent(user(new MouseEvent('click', { bubbles: true, cancelable: true })));
      expect(assess).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(0);
      expect(siteLog).toEqual(['like']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a present() that throws at once fails open and never leaves the page held', async () => {
    present.mockImplementationOnce(() => {
      throw new Error('dialog broke');
    });
    const interceptor = install();
    document.getElementById('like')!.dispatchEvent(user(new MouseEvent('click', { bubbles: true, cancelable: true })));
    await flush();
    expect(interceptor.holding).toBe(false);
    expect(onError).toHaveBeenCalledWith(expect.any(Error), 'present');
    expect(siteLog).toEqual(['like']);
  });

  it('page-made clicks and Enter keys while an action is held are neither held nor taken for the held one', async () => {
    let resolve!: (c: 'proceed' | 'cancel') => void;
    present.mockReturnValue(new Promise((r) => (resolve = r)));
    const interceptor = install();
    const like = document.getElementById('like')!;
    like.dispatchEvent(user(new MouseEvent('click', { bubbles: true, cancelable: true })));
    for (let i = 0; i < 500; i++) like.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    const fakeEnter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    document.getElementById('composer')!.dispatchEvent(fakeEnter);
    expect(fakeEnter.defaultPrevented).toBe(false);
    expect(assess).toHaveBeenCalledOnce();
    expect(interceptor.holding).toBe(true);
    resolve('proceed');
    await flush();
    expect(interceptor.holding).toBe(false);
    // the page's own 500 clicks reached its handlers; the held like was replayed once
    expect(siteLog.filter((x) => x === 'like')).toHaveLength(501);
  });

  it('ignores events that are not user input (page scripts, its own replays)', () => {
    install();
    document.getElementById('like')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(assess).not.toHaveBeenCalled();
    expect(siteLog).toEqual(['like']);
  });

  it('stops listening when the content-script context is invalidated', () => {
    install();
    controller.abort();
    document.getElementById('like')!.dispatchEvent(user(new MouseEvent('click', { bubbles: true, cancelable: true })));
    expect(assess).not.toHaveBeenCalled();
    expect(siteLog).toEqual(['like']);
  });
});

describe('intent', () => {
  function installWithIntent(onIntent: (d: DetectedAction) => void) {
    return installWith(mocks, testAdapter, { onIntent });
  }

  it('announces the first press on an action control, once, without holding anything', () => {
    const onIntent = vi.fn();
    installWithIntent(onIntent);
    document.getElementById('other')!.dispatchEvent(user(new PointerEvent('pointerdown', { bubbles: true })));
    expect(onIntent).not.toHaveBeenCalled();
    const press = user(new PointerEvent('pointerdown', { bubbles: true, cancelable: true }));
    document.getElementById('icon')!.dispatchEvent(press);
    expect(onIntent).toHaveBeenCalledOnce();
    expect(onIntent.mock.calls[0]![0]).toMatchObject({ action: 'like', content: { text: 'Ayo coblos 02' } });
    expect(press.defaultPrevented).toBe(false);
    expect(assess).not.toHaveBeenCalled();
    document.getElementById('icon')!.dispatchEvent(user(new PointerEvent('pointerdown', { bubbles: true })));
    expect(onIntent).toHaveBeenCalledOnce();
  });

  it('ignores presses that are not user input', () => {
    const onIntent = vi.fn();
    installWithIntent(onIntent);
    document.getElementById('icon')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(onIntent).not.toHaveBeenCalled();
  });
});
