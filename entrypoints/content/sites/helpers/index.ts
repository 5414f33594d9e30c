/**
 * Helpers shared by the site adapters, split by purpose. DOM-only, no browser-extension APIs, no
 * `@/` imports (the `jaga doctor` CLI runs adapters under tsx in a happy-dom Window, with no global
 * `document`). Everything in here never throws, never uses `instanceof` with DOM classes or the
 * global `document` (use `el.ownerDocument`), and reads text with `textContent`, not `innerText`.
 */
export * from './text';
export * from './selectors';
export * from './events';
export * from './memory';
export * from './diagnostics';
