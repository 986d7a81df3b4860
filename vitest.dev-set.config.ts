import { defineConfig } from "vitest/config";

/**
 * `npm run test:dev-set`: the tests that read the five development articles kept beside the clone in
 * ../shared/seeds (never copied into the project). They fail, saying where they looked, when the folder is absent.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.dev-set.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
