/**
 * Prisma CLI configuration (Prisma 6.19, offline): the bundled WASM schema engine (`engine: "js"`) with a
 * driver adapter, so nothing is downloaded. DATABASE_URL picks the provider (SQLite by default), hence the
 * schema file and the migrations folder.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig } from "prisma/config";

process.env.CHECKPOINT_DISABLE ||= "1";
// Any existing file: makes schema errors show as P1012 instead of a query-engine download attempt.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ||= new URL("./package.json", import.meta.url).pathname;

// `||`, not `??`: an empty DATABASE_URL must fall back to the default too.
const url = process.env.DATABASE_URL || "file:./data/newsbot.db";
const provider = /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  adapter: async () => {
    if (provider === "postgresql") {
      await import("./prisma/pg-migrate-fix.ts");
      const { PrismaPg } = await import("@prisma/adapter-pg");
      // Explicit fields, not connectionString: the adapter's shadow-DB code would otherwise reuse the main DB.
      const u = new URL(url);
      return new PrismaPg({
        host: u.hostname,
        port: Number(u.port || 5432),
        database: decodeURIComponent(u.pathname.slice(1)),
        user: decodeURIComponent(u.username),
        password: decodeURIComponent(u.password) || undefined,
      });
    }
    const file = url.replace(/^file:/, "");
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url });
  },
});
