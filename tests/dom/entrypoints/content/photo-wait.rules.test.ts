/** The status bar's two notices for the rules at start (entrypoints/content/photo-wait.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PHOTO_STATUS_TAG, PHOTO_UNCHECKED_SHOW_MS, showRulesUnchecked, showRulesWait } from '@/entrypoints/content/photo-wait';
import { RULES_BUILD_WAIT_MS } from '@/entrypoints/content/state';

const notices = () => [...document.querySelectorAll(PHOTO_STATUS_TAG)];

/** the closed roots, caught as they are made */
function catchRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  for (const n of notices()) n.remove();
});

describe('the rules notices', () => {
  it('"preparing the rules": a status with a spinner, Indonesian first, the longest wait named; stays until removed', () => {
    vi.useFakeTimers();
    const roots = catchRoots();
    const before = document.activeElement;
    const hide = showRulesWait(document, 'id');
    const hideEn = showRulesWait(document, 'en');
    const [id, en] = roots.map((r) => r.querySelector('[role="status"]'));
    expect(id?.textContent).toContain('Jaga Netral sedang menyiapkan aturan pemeriksaan…');
    expect(id?.textContent).toContain(`paling lama ${RULES_BUILD_WAIT_MS / 1000} detik`);
    expect(en?.textContent).toContain('Jaga Netral is preparing its rules…');
    expect(id?.getAttribute('data-testid')).toBe('jaga-rules-wait');
    expect(id?.querySelector('.spin')).not.toBeNull();
    expect(document.activeElement).toBe(before);
    vi.advanceTimersByTime(RULES_BUILD_WAIT_MS);
    expect(notices()).toHaveLength(2);
    hide();
    hideEn();
    expect(notices()).toHaveLength(0);
  });

  it('"went ahead unchecked": says so, no spinner, gone after PHOTO_UNCHECKED_SHOW_MS', () => {
    vi.useFakeTimers();
    const roots = catchRoots();
    showRulesUnchecked(document, 'id');
    const bar = roots[0]!.querySelector('[role="status"]');
    expect(bar?.textContent).toBe('Aturan Jaga Netral belum siap; tindakan ini dilanjutkan tanpa pemeriksaan.');
    expect(bar?.getAttribute('data-testid')).toBe('jaga-rules-unchecked');
    expect(bar?.querySelector('.spin')).toBeNull();
    vi.advanceTimersByTime(PHOTO_UNCHECKED_SHOW_MS - 1);
    expect(notices()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(notices()).toHaveLength(0);
  });
});
