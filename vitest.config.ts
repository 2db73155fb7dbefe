import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests of pure code, and end-to-end tests that build the site once and
// drive Debian's Chromium against it.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          // One browser, one built site: run e2e files one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
