/**
 * A stand-in for browser.permissions (WXT's fake browser throws "not implemented"): host origins
 * granted so far, what `request` answers (the user's choice in the browser's prompt), every call
 * recorded, and onAdded/onRemoved fired as a browser fires them.
 */
import { vi } from 'vitest';
import { browser } from 'wxt/browser';

type Listener = (permissions: { origins?: string[] }) => void;

export interface FakePermissions {
  granted: Set<string>;
  /** what the next `request` answers: the user allows or refuses */
  answer: boolean;
  request: ReturnType<typeof vi.fn>;
  /** the browser (or the user in the add-ons manager) grants or revokes, outside the page */
  grant(origins: readonly string[]): void;
  revoke(origins: readonly string[]): void;
}

export function installFakePermissions(granted: readonly string[] = []): FakePermissions {
  const added = new Set<Listener>();
  const removed = new Set<Listener>();
  const fake: FakePermissions = {
    granted: new Set(granted),
    answer: true,
    request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      if (!fake.answer) return false;
      fake.grant(origins);
      return true;
    }),
    grant(origins) {
      for (const o of origins) fake.granted.add(o);
      for (const l of added) l({ origins: [...origins] });
    },
    revoke(origins) {
      for (const o of origins) fake.granted.delete(o);
      for (const l of removed) l({ origins: [...origins] });
    },
  };
  const event = (set: Set<Listener>) => ({
    addListener: (l: Listener) => void set.add(l),
    removeListener: (l: Listener) => void set.delete(l),
    hasListener: (l: Listener) => set.has(l),
  });
  Object.assign(browser.permissions, {
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => fake.granted.has(o))),
    request: fake.request,
    onAdded: event(added),
    onRemoved: event(removed),
  });
  return fake;
}
