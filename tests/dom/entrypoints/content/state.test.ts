import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createContentState, READY_WAIT_MS, RULES_BUILD_WAIT_MS, selectorsFor, type ContentState } from '@/entrypoints/content/state';
import type { SiteAdapter } from '@/entrypoints/content/sites/types';
import { ENROLMENT_KEYS } from '@/utils/enrolment-store';
import { DEFAULT_SETTINGS } from '@/utils/settings';

// The engine itself is tested elsewhere; here any stored engine loads.
vi.mock('@/rules/engine-core', () => ({ loadEngine: () => ({ bundleVersion: 1, evaluate: () => ({ severity: 'none', reasons: [] }) }) }));

const adapter: SiteAdapter = {
  id: 'x',
  hosts: ['x.com'],
  selectors: { like: ['[data-testid="like"]'], reply: ['[data-testid="reply"]'] },
  detect: () => null,
};

const state = (siteSelectors: ContentState['siteSelectors']): ContentState => ({
  settings: DEFAULT_SETTINGS,
  engine: null,
  siteSelectors,
  fullExplanations: 0,
  ready: true,
  whenReady: Promise.resolve(),
});

describe('selectorsFor', () => {
  it('uses the adapter built-ins when the bundle overrides nothing for the site', () => {
    expect(selectorsFor(adapter, state({ facebook: { like: ['x'] } }))).toBe(adapter.selectors);
  });

  it('replaces the overridden keys only, and merges once per bundle', () => {
    const overrides = { like: ['[aria-label="Suka"]'] };
    const s = state({ x: overrides });
    const merged = selectorsFor(adapter, s);
    expect(merged).toEqual({ like: ['[aria-label="Suka"]'], reply: ['[data-testid="reply"]'] });
    expect(selectorsFor(adapter, s)).toBe(merged);
    // A new bundle brings new overrides: merged afresh.
    const next = selectorsFor(adapter, state({ x: { reply: ['[aria-label="Balas"]'] } }));
    expect(next).toEqual({ like: ['[data-testid="like"]'], reply: ['[aria-label="Balas"]'] });
  });
});

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
const storedEngine = { engine: { bundleVersion: 1, compiled: {} } };
const userWarns = { settings: { ...DEFAULT_SETTINGS, actionBySeverity: { high: 'warn', medium: 'warn', low: 'log' } } };
const agencyBlocks = { actionBySeverity: { high: 'block', medium: 'block' } };

/** A managed read that answers when the test says so. */
function heldManagedRead() {
  let answer!: (value: Record<string, unknown>) => void;
  let fail!: (error: Error) => void;
  vi.spyOn(browser.storage.managed, 'get').mockReturnValue(
    new Promise<Record<string, unknown>>((resolve, reject) => {
      answer = resolve;
      fail = reject;
    }) as never,
  );
  return { answer, fail };
}

describe('content state readiness', () => {
  let onError: ReturnType<typeof vi.fn<(error: unknown) => void>>;
  beforeEach(() => {
    fakeBrowser.reset();
    onError = vi.fn<(error: unknown) => void>();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("lays the agency's managed policy over the user's settings before the background republishes it", async () => {
    await fakeBrowser.storage.local.set({ ...storedEngine, ...userWarns }); // no stored policy yet
    await fakeBrowser.storage.managed.set(agencyBlocks);
    const state = createContentState(onError);
    await state.whenReady;
    expect(state.ready).toBe(true);
    expect(state.settings.actionBySeverity).toMatchObject({ high: 'block', medium: 'block' });
    expect(onError).not.toHaveBeenCalled();
  });

  it('is not ready until the managed read has answered, even with the rules loaded', async () => {
    const managed = heldManagedRead();
    await fakeBrowser.storage.local.set({ ...storedEngine, ...userWarns });
    const state = createContentState(onError);
    await flush();
    expect(state.engine).not.toBeNull();
    expect(state.ready).toBe(false);
    managed.answer(agencyBlocks);
    await flush();
    expect(state.ready).toBe(true);
    expect(state.settings.actionBySeverity.high).toBe('block');
  });

  it('is not ready until the rules are loaded', async () => {
    await fakeBrowser.storage.local.set(userWarns);
    const state = createContentState(onError);
    await flush();
    expect(state.ready).toBe(false);
    await fakeBrowser.storage.local.set(storedEngine); // the background stores the engine
    await flush();
    expect(state.ready).toBe(true);
  });

  it('a managed read that never answers: ready after READY_WAIT_MS with the stored policy, and recorded', async () => {
    vi.useFakeTimers();
    heldManagedRead();
    await fakeBrowser.storage.local.set({ ...storedEngine, ...userWarns, policy: agencyBlocks });
    const state = createContentState(onError);
    await vi.advanceTimersByTimeAsync(READY_WAIT_MS - 1);
    expect(state.ready).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.ready).toBe(true);
    expect(state.settings.actionBySeverity.high).toBe('block');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'not ready: policy false, rules true' }));
  });

  describe('while the background builds the rules (a fresh install: storage holds no engine)', () => {
    /** the background's answer to `ensure-engine`, when the test says so */
    function heldBuild() {
      let answer!: () => void;
      let fail!: (error: Error) => void;
      const sent = vi.spyOn(browser.runtime, 'sendMessage').mockReturnValue(
        new Promise<unknown>((resolve, reject) => {
          answer = () => resolve(true);
          fail = reject;
        }) as never,
      );
      return { answer, fail, sent };
    }

    it('keeps holding past READY_WAIT_MS, and is ready with the rules when they are stored', async () => {
      vi.useFakeTimers();
      const build = heldBuild();
      await fakeBrowser.storage.local.set(userWarns);
      const state = createContentState(onError);
      await vi.advanceTimersByTimeAsync(READY_WAIT_MS + 4_000);
      expect(build.sent).toHaveBeenCalledWith({ type: 'ensure-engine' });
      expect(state.ready).toBe(false);
      await fakeBrowser.storage.local.set(storedEngine); // the background stores the engine, then answers
      build.answer();
      await vi.advanceTimersByTimeAsync(0);
      expect(state.ready).toBe(true);
      expect(state.engine).not.toBeNull();
      expect(onError).not.toHaveBeenCalled();
    });

    it('a build that never answers: ready (unchecked, recorded) at RULES_BUILD_WAIT_MS', async () => {
      vi.useFakeTimers();
      heldBuild();
      await fakeBrowser.storage.local.set(userWarns);
      const state = createContentState(onError);
      await vi.advanceTimersByTimeAsync(RULES_BUILD_WAIT_MS - 1);
      expect(state.ready).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(state.ready).toBe(true);
      expect(state.engine).toBeNull();
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'not ready: policy true, rules false' }));
    });

    it('a build that fails before READY_WAIT_MS: ready at READY_WAIT_MS, as without a build', async () => {
      vi.useFakeTimers();
      const build = heldBuild();
      await fakeBrowser.storage.local.set(userWarns);
      const state = createContentState(onError);
      await vi.advanceTimersByTimeAsync(100);
      build.fail(new Error('bundle broken'));
      await vi.advanceTimersByTimeAsync(READY_WAIT_MS - 101);
      expect(state.ready).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(state.ready).toBe(true);
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'bundle broken' }));
    });

    it('a build that fails after READY_WAIT_MS ends the wait a moment later, not at RULES_BUILD_WAIT_MS', async () => {
      vi.useFakeTimers();
      const build = heldBuild();
      await fakeBrowser.storage.local.set(userWarns);
      const state = createContentState(onError);
      await vi.advanceTimersByTimeAsync(READY_WAIT_MS + 2_000);
      build.fail(new Error('bundle broken'));
      await vi.advanceTimersByTimeAsync(999);
      expect(state.ready).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(state.ready).toBe(true);
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'not ready: policy true, rules false' }));
    });

    it('the policy still unknown at READY_WAIT_MS: no longer wait for the build (the policy read is what hangs)', async () => {
      vi.useFakeTimers();
      heldManagedRead();
      heldBuild();
      await fakeBrowser.storage.local.set(userWarns);
      const state = createContentState(onError);
      await vi.advanceTimersByTimeAsync(READY_WAIT_MS);
      expect(state.ready).toBe(true);
    });
  });

  it('a managed read that fails falls back to the stored policy and records it', async () => {
    const managed = heldManagedRead();
    await fakeBrowser.storage.local.set({ ...storedEngine, ...userWarns, policy: agencyBlocks });
    const state = createContentState(onError);
    managed.fail(new Error('managed storage broke'));
    await state.whenReady;
    expect(state.settings.actionBySeverity.high).toBe('block');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'managed storage broke' }));
  });

  it('storage.local reads that reject: ready after READY_WAIT_MS, with what is known, and recorded', async () => {
    vi.useFakeTimers();
    vi.spyOn(browser.storage.local, 'get').mockRejectedValue(new Error('storage unavailable'));
    const state = createContentState(onError);
    await vi.advanceTimersByTimeAsync(READY_WAIT_MS);
    expect(state.ready).toBe(true);
    expect(state.engine).toBeNull();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'storage unavailable' }));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/not ready/) }));
  });

  it('applies a managed policy change live', async () => {
    await fakeBrowser.storage.local.set({ ...storedEngine, ...userWarns });
    const state = createContentState(onError);
    await state.whenReady;
    expect(state.settings.actionBySeverity.high).toBe('warn');
    await fakeBrowser.storage.managed.set(agencyBlocks);
    await flush();
    expect(state.settings.actionBySeverity.high).toBe('block');
  });

  describe('agency enrolment (no storage.managed policy)', () => {
    const future = () => Date.now() + 3_600_000;

    it('lays the enrolled policy over the settings when storage.managed is empty', async () => {
      await fakeBrowser.storage.local.set({
        ...storedEngine,
        ...userWarns,
        [ENROLMENT_KEYS.enrolledPolicy]: { policy: agencyBlocks, expiresAt: future() },
      });
      const state = createContentState(onError);
      await state.whenReady;
      expect(state.settings.actionBySeverity.high).toBe('block');
    });

    it('where storage.managed does not exist (Firefox for Android)', async () => {
      const managed = browser.storage.managed;
      Object.defineProperty(browser.storage, 'managed', { value: undefined, configurable: true });
      try {
        await fakeBrowser.storage.local.set({
          ...storedEngine,
          ...userWarns,
          [ENROLMENT_KEYS.enrolledPolicy]: { policy: agencyBlocks, expiresAt: future() },
        });
        const state = createContentState(onError);
        await state.whenReady;
        expect(state.settings.actionBySeverity.high).toBe('block');
        expect(onError).not.toHaveBeenCalled();
      } finally {
        Object.defineProperty(browser.storage, 'managed', { value: managed, configurable: true });
      }
    });

    it('a real managed policy wins over the enrolled one', async () => {
      await fakeBrowser.storage.managed.set({ actionBySeverity: { high: 'warn_reason' } });
      await fakeBrowser.storage.local.set({
        ...storedEngine,
        ...userWarns,
        [ENROLMENT_KEYS.enrolledPolicy]: { policy: agencyBlocks, expiresAt: future() },
      });
      const state = createContentState(onError);
      await state.whenReady;
      expect(state.settings.actionBySeverity.high).toBe('warn_reason');
    });

    it('an expired enrolled policy does not apply', async () => {
      await fakeBrowser.storage.local.set({
        ...storedEngine,
        ...userWarns,
        [ENROLMENT_KEYS.enrolledPolicy]: { policy: agencyBlocks, expiresAt: Date.now() - 1 },
      });
      const state = createContentState(onError);
      await state.whenReady;
      expect(state.settings.actionBySeverity.high).toBe('warn');
    });

    it('applies an enrolment live', async () => {
      await fakeBrowser.storage.local.set({ ...storedEngine, ...userWarns });
      const state = createContentState(onError);
      await state.whenReady;
      expect(state.settings.actionBySeverity.high).toBe('warn');
      await fakeBrowser.storage.local.set({ [ENROLMENT_KEYS.enrolledPolicy]: { policy: agencyBlocks, expiresAt: future() } });
      await flush();
      expect(state.settings.actionBySeverity.high).toBe('block');
    });
  });
});
