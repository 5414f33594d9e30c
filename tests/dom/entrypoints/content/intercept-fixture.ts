/**
 * What the interception-core tests share (intercept.test.ts, intercept.touch.test.ts): user input
 * marked in a WeakSet (happy-dom cannot create trusted events), the pipeline's mocks, and the core
 * installed on `window` with a test adapter.
 */
import { vi } from 'vitest';
import { installInterceptor, type Assessment, type Interceptor, type InterceptorOptions } from '@/entrypoints/content/intercept';
import type { DetectedAction, SiteAdapter } from '@/entrypoints/content/sites/types';

const userEvents = new WeakSet<Event>();

/** Marks an event as the user's (what `isTrusted` says in a real browser). */
export function user<E extends Event>(event: E): E {
  userEvents.add(event);
  return event;
}

/** One turn of the task queue: lets a resolved dialog choice reach the replay. */
export const flush = () => new Promise((r) => setTimeout(r, 0));

/** A fresh set of pipeline mocks: every action is held and presented; `present` is set per test. */
export function interceptMocks() {
  const present = vi.fn<() => Promise<'proceed' | 'cancel'>>();
  return {
    controller: new AbortController(),
    present,
    assess: vi.fn<(d: DetectedAction) => Assessment>(() => ({ hold: true, present })),
    onError: vi.fn<(error: unknown, stage: string) => void>(),
  };
}
export type InterceptMocks = ReturnType<typeof interceptMocks>;

/** The core on `window` with `adapter`, the mocks, and user input as marked by `user`. */
export function installWith(mocks: InterceptMocks, adapter: SiteAdapter, options: Partial<InterceptorOptions> = {}): Interceptor {
  return installInterceptor(
    window,
    {
      adapter,
      selectors: () => adapter.selectors,
      assess: mocks.assess,
      isOwnUi: () => false,
      onError: mocks.onError,
      isUserInput: (e) => userEvents.has(e),
      ...options,
    },
    mocks.controller.signal,
  );
}
