import { defineConfig } from 'vitest/config';

/**
 * Three projects, run in this order: unit (pure logic, parallel), integration (supertest on createApp against
 * a real Neo4j started by test/support/global-neo4j.ts), e2e (Debian's Chromium via playwright-core against
 * the real server). The database projects run one file at a time: files reset and re-seed the database.
 */
const dbProject = {
  globalSetup: ['test/support/global-neo4j.ts'],
  fileParallelism: false,
  testTimeout: 60_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    reporters: ['default'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], ...dbProject, sequence: { groupOrder: 1 } },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          ...dbProject,
          globalSetup: [...dbProject.globalSetup, 'test/support/global-client-build.ts'],
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
