import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_ANSWER, contentBrowser } from '../../../utils/content-browser';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A Chrome `chrome` whose sendMessage answers with `answer` (a function: its result or its throw). */
function fakeChrome(answer: () => unknown, id: string | null = 'ext') {
  const calls: unknown[] = [];
  const store = (name: string) => ({
    get: (keys: unknown) => {
      calls.push([name, 'get', keys]);
      return Promise.resolve({ [String(keys)]: name });
    },
    set: (items: unknown) => {
      calls.push([name, 'set', items]);
      return Promise.resolve();
    },
  });
  const onChanged = { addListener() {} };
  return {
    calls,
    chrome: {
      runtime: { id: id ?? undefined, sendMessage: () => answer() },
      storage: { local: store('local'), managed: store('managed'), onChanged },
    },
  };
}

describe('the content scripts’ browser API', () => {
  it('is Firefox’s own browser where it has one', () => {
    const firefox = { runtime: { id: 'ext' } };
    expect(contentBrowser({ browser: firefox, chrome: fakeChrome(() => 1).chrome })).toBe(firefox);
  });

  it('passes Chrome’s answers through and reads storage areas', async () => {
    const { chrome, calls } = fakeChrome(() => Promise.resolve({ ok: 1 }));
    const api = contentBrowser({ chrome });
    expect(api.runtime.id).toBe('ext');
    await expect(api.runtime.sendMessage({ type: 'x' })).resolves.toEqual({ ok: 1 });
    await expect(api.storage.local.get('engine')).resolves.toEqual({ engine: 'local' });
    await expect(api.storage.managed.get('policy')).resolves.toEqual({ policy: 'managed' });
    await api.storage.local.set({ a: 1 });
    expect(calls).toEqual([
      ['local', 'get', 'engine'],
      ['managed', 'get', 'policy'],
      ['local', 'set', { a: 1 }],
    ]);
    expect(api.storage.onChanged).toBe(chrome.storage.onChanged);
  });

  it('turns the background polyfill’s encoded rejection into an Error', async () => {
    const api = contentBrowser({
      chrome: fakeChrome(() => Promise.resolve({ __mozWebExtensionPolyfillReject__: true, message: 'boom' })).chrome,
    });
    await expect(api.runtime.sendMessage({})).rejects.toThrow('boom');
  });

  it('answers undefined when no listener answered, and rejects other errors', async () => {
    const silent = contentBrowser({ chrome: fakeChrome(() => Promise.reject(new Error(NO_ANSWER))).chrome });
    await expect(silent.runtime.sendMessage({})).resolves.toBeUndefined();
    const failing = contentBrowser({ chrome: fakeChrome(() => Promise.reject(new Error('Could not establish connection'))).chrome });
    await expect(failing.runtime.sendMessage({})).rejects.toThrow('Could not establish connection');
  });

  it('rejects, not throws, once the extension context is gone', async () => {
    const { chrome } = fakeChrome(() => {
      throw new Error('Extension context invalidated.');
    }, null);
    chrome.storage.local.get = () => {
      throw new Error('Extension context invalidated.');
    };
    const api = contentBrowser({ chrome });
    expect(api.runtime.id).toBeUndefined();
    const sent = api.runtime.sendMessage({});
    await expect(sent).rejects.toThrow('invalidated');
    await expect(api.storage.local.get('x')).rejects.toThrow('invalidated');
  });

  it('has every member the content scripts use (on Chrome it has only those)', () => {
    const files = [
      ...readdirSync(join(ROOT, 'entrypoints'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && (f.startsWith('content') || f.endsWith('.content.ts')))
        .map((f) => join('entrypoints', f)),
      // the one shared module the content script reads storage through
      'utils/storage-items.ts',
    ];
    const api = contentBrowser({ chrome: fakeChrome(() => undefined).chrome });
    const used = new Set<string>();
    for (const file of files) {
      const code = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (!/from 'wxt\/browser'/.test(code)) continue;
      for (const m of code.matchAll(/\bbrowser((?:\s*\??\.\s*\w+)+)/g)) used.add(m[1]!.replace(/[\s?]/g, ''));
    }
    expect(used.size).toBeGreaterThan(3);
    for (const path of used) {
      let value = api;
      for (const key of path.split('.').slice(1)) {
        // the last member may be a method of a native object (onChanged.addListener): look it up there
        expect(value?.[key], `browser${path}`).toBeDefined();
        value = value[key];
      }
    }
  });
});
