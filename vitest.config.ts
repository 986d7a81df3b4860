import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // PostgreSQL tests only run when scripts/test-pg.sh provides a server (TEST_PG_URL).
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
