import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // The real package throws outside a React Server Components bundle.
      'server-only': `${root}tests/support/server-only.ts`,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // CI and users run the suite on 2 shared cores: the property tests and the
          // state × event matrix need more than the default 5 seconds there.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // One database, many tests: run files one after another so that
          // tests which count rows or race two transactions see only their own work.
          fileParallelism: false,
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup.ts'],
          // Real PostgreSQL on 2 shared cores: room for a slow transaction, never a sleep. The
          // ceiling is for a machine kept busy by other builds (issue 13): at load 25 the
          // two-instance delivery test took over 60 s; a passing test is not slowed by it.
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
