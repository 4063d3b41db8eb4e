import { defineConfig } from 'vitest/config';

/** End-to-end tests: a real Chromium against the built web shell (`npx electron-vite build` first). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
