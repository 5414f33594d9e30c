/** Short-lived memories an adapter owns (one per adapter instance, never module-level). */

/**
 * Remembers one element (typically the post whose button opened a portal menu) for a short
 * time, without keeping it alive: a WeakRef, forgotten after `ttlMs` or when detached from the
 * document. Also carries an optional value (e.g. a draft captured at step 1 of a two-step flow).
 *
 *   const opener = new OpenerMemory();      // one per adapter and purpose
 *   opener.remember(article);               // on the first click (menu opens)
 *   opener.recall();                        // on the confirm click in the portal → article | null
 */
export class OpenerMemory<V = undefined> {
  private ref: WeakRef<Element> | null = null;
  private value: V | undefined;
  private at = 0;

  constructor(
    private readonly ttlMs = 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  remember(el: Element | null | undefined, value?: V): void {
    if (!el) return;
    this.ref = new WeakRef(el);
    this.value = value;
    this.at = this.now();
  }

  /** The remembered element if still fresh and attached, else null. */
  recall(): Element | null {
    const el = this.ref?.deref() ?? null;
    if (!el || this.now() - this.at > this.ttlMs || !el.isConnected) {
      if (this.ref && this.now() - this.at > this.ttlMs) this.clear();
      return null;
    }
    return el;
  }

  /** The value stored with the element, under the same freshness rule (the element may be detached). */
  recallValue(): V | undefined {
    if (!this.ref || this.now() - this.at > this.ttlMs) return undefined;
    return this.value;
  }

  clear(): void {
    this.ref = null;
    this.value = undefined;
    this.at = 0;
  }
}
