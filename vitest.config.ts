import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Three projects, cheapest first:
 * - engine: the pure rule engine and CLI in plain Node (proves rules/ needs no browser APIs);
 * - dom: adapters, background and components in happy-dom with WXT's fake browser;
 * - e2e: the built extension in real Chromium, and in Firefox (tests/e2e/firefox.test.ts), one
 *   file at a time.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'engine',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // Whole-rule-set tests load 13,000 persons: a few seconds alone, 20–70 s on a loaded 2-core
          // machine; a timeout is a hang guard, not a speed target (those are benches).
          testTimeout: 120_000,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
