/**
 * A tiny persisted value in the data directory (e.g. the hash of the last registered Discord commands, so an
 * unchanged restart makes no registration call). Failures to read or write are not fatal: the caller just
 * does the work again.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { projectRoot } from "./config.ts";

export interface StateValue {
  get(): Promise<string | null>;
  set(value: string): Promise<void>;
}

/** The data directory: next to the SQLite file (config resolves its path), or the project's data/ for PostgreSQL. */
export function dataDir(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) return join(projectRoot, "data");
  return dirname(databaseUrl.slice("file:".length).split("?")[0] ?? "");
}

export function stateFile(dir: string, name: string): StateValue {
  const path = join(dir, name);
  return {
    async get() {
      try {
        return readFileSync(path, "utf8").trim() || null;
      } catch {
        return null;
      }
    },
    async set(value) {
      mkdirSync(dir, { recursive: true });
      // Write then rename: a crash never leaves a half-written file.
      writeFileSync(`${path}.tmp`, value);
      renameSync(`${path}.tmp`, path);
    },
  };
}
