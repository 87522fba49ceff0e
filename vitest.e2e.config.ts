import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real Chromium against the simulator. One browser at a time
// (the machine has two cores), generous timeouts (alarms revive a stopped worker after up to 30 s).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/e2e/harness/build-extension.ts'],
  },
});
