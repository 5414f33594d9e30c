/**
 * Imported first by compile-child.ts, and only there (it changes the process it runs in): the
 * extension's background has no Node `Buffer`, so its compile packs the buffer through a UTF-16LE
 * TextDecoder (rules/compile-buffer.ts `packCompiled`, which reads `globalThis.Buffer` when it loads),
 * not through Node's latin1 encoder.
 */
delete (globalThis as { Buffer?: unknown }).Buffer;
