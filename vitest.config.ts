import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/**/*.test.ts'],
    // The packaging run needs the built app, so `npm test` runs it after the build (`test:pack`).
    exclude: process.env['STACKWISE_PACK'] === '1' ? [] : ['tests/packaging/pack.test.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    environment: 'node',
    // Database and web-host tests use real files and sockets; keep the 2-core machine calm.
    maxWorkers: 2,
    setupFiles: ['tests/setup/fastCheck.ts'],
    // A test waits for what it waits for; its time limit only stops one that hangs, so it is not
    // a guess of how fast a busy machine is (property tests take seconds on two loaded cores).
    testTimeout: 120_000,
  },
});
