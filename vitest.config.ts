import { defineConfig } from 'vitest/config';

// Four projects: fast unit tests of pure code, integration tests that run the server on the
// embedded database and on PostgreSQL, browser journeys in Chromium, and system tests that run
// real server processes (several at once, under load, killed, with the database restarted).
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/*.test.ts', 'eval/**/*.test.ts', 'content/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        // The calendar's rules once more in a zone with daylight-saving time, to prove that no
        // result depends on the process's own zone.
        test: {
          name: 'unit-new-york',
          include: ['src/core/calendar/*.test.ts'],
          env: { TZ: 'America/New_York' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'system',
          include: ['test/system/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // After every other project, alone: load figures and kill timings need the machine.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
