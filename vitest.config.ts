import { defineConfig } from "vitest/config";

/**
 * `npm test`: everything under test/ that needs nothing beside the clone. Tests that read the development
 * articles in ../shared/seeds are named *.dev-set.test.ts and run with `npm run test:dev-set`
 * (vitest.dev-set.config.ts).
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/**/*.dev-set.test.ts", "**/node_modules/**"],
    // PostgreSQL tests only run when scripts/test-pg.sh provides a server (TEST_PG_URL).
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
