/**
 * A tiny persisted value in the data directory (e.g. the hash of the last registered Discord commands, so an
 * unchanged restart makes no registration call). Failures to read or write are not fatal: the caller just
 * does the work again.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface StateValue {
  get(): Promise<string | null>;
  set(value: string): Promise<void>;
}

/** The data directory: next to the SQLite file, or ./data for PostgreSQL. */
export function dataDir(databaseUrl: string | undefined): string {
  const url = databaseUrl || "file:./data/newsbot.db";
  return url.startsWith("file:") ? dirname(url.slice("file:".length)) : "./data";
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
