/**
 * Read-only storage is found at start-up, with the path and the fix: a read-only database file (SQLite
 * would open it read-only and the bot would fail every write later), a folder where SQLite cannot create its
 * journal, a read-only `-shm` left by another user, a file where a folder is expected, a folder where the
 * file is expected.
 *
 * chmod does not stop root: run as root, each check switches the effective user to `nobody` (and gives it
 * the files) around the call, so the permission bits apply as they do for any other user.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { createStore, type Store } from "../../src/store/index.ts";

const NOBODY = 65534;
const isRoot = process.geteuid?.() === 0;
const dirs: string[] = [];

/** A fresh folder, owned by the user the checks run as. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "newsbot-ro-"));
  dirs.push(dir);
  if (isRoot) chownSync(dir, NOBODY, NOBODY);
  return dir;
}

/** Gives `path` to the user the checks run as (nobody when we are root). */
function own(path: string): void {
  if (isRoot) chownSync(path, NOBODY, NOBODY);
}

/** Runs `fn` as an ordinary user: `nobody` when we are root, ourselves otherwise. */
async function asUser<T>(fn: () => Promise<T>): Promise<T> {
  if (!isRoot) return fn();
  process.setegid?.(NOBODY);
  process.seteuid?.(NOBODY);
  try {
    return await fn();
  } finally {
    process.seteuid?.(0);
    process.setegid?.(0);
  }
}

/** Opens the store as an ordinary user; returns the error it fails with (closing it if it opened). */
async function openError(file: string): Promise<Error | null> {
  return asUser(async () => {
    let store: Store | null = null;
    try {
      store = await createStore(`file:${file}`, silentLogger);
      return null;
    } catch (err) {
      return err as Error;
    } finally {
      await store?.close();
    }
  });
}

/** A migrated database file, owned by the user the checks run as. */
async function database(dir: string): Promise<string> {
  const file = join(dir, "bot.db");
  const store = await createStore(`file:${file}`, silentLogger);
  await store.close();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      own(f);
    } catch {
      // no journal left after close
    }
  }
  return file;
}

describe("read-only storage, checked at start-up", () => {
  beforeAll(async () => {
    // loads every module the store needs while we can read everything
    await database(folder());
  });
  afterAll(() => {
    for (const d of dirs) {
      chmodSync(d, 0o755);
      rmSync(d, { recursive: true, force: true });
    }
  });

  it("a read-only database file: refused at start-up, with the path and chmod", async () => {
    const file = await database(folder());
    expect(await openError(file)).toBeNull(); // writable: opens
    chmodSync(file, 0o444);
    const err = await openError(file);
    expect(err?.name).toBe("StorageAccessError");
    expect(err?.message).toContain(`the database file ${file} is read-only`);
    expect(err?.message).toContain(`chmod u+w ${file}`);
  });

  it("a folder where the database cannot be created: names the folder, not 'unable to open database file'", async () => {
    const dir = folder();
    chmodSync(dir, 0o555);
    const err = await openError(join(dir, "bot.db"));
    expect(err?.message).toContain(`the folder ${dir} of the database is not writable`);
    expect(err?.message).toContain(`chmod u+w ${dir}`);
    expect(err?.message).not.toMatch(/unable to open database file/);
  });

  it("a writable database in a read-only folder: names the folder (SQLite needs its journal beside the file)", async () => {
    const dir = folder();
    const file = await database(dir);
    chmodSync(dir, 0o555);
    const err = await openError(file);
    expect(err?.message).toContain(`the folder ${dir} of the database is not writable`);
    expect(err?.message).toContain("bot.db-wal");
    expect(err?.message).not.toMatch(/readonly database/);
  });

  it("a read-only -shm file left by another user: names that file", async () => {
    const dir = folder();
    const file = await database(dir);
    writeFileSync(`${file}-shm`, "");
    own(`${file}-shm`);
    chmodSync(`${file}-shm`, 0o444);
    const err = await openError(file);
    expect(err?.message).toContain(`the journal index file ${file}-shm is read-only`);
  });

  it("a file where a folder is expected, and a folder where the file is expected", async () => {
    const dir = folder();
    writeFileSync(join(dir, "data"), "not a folder");
    own(join(dir, "data"));
    const under = await openError(join(dir, "data", "sub", "bot.db"));
    expect(under?.message).toContain(`${join(dir, "data")} is a file, not a folder`);
    mkdirSync(join(dir, "bot.db"));
    own(join(dir, "bot.db"));
    const folderAsFile = await openError(join(dir, "bot.db"));
    expect(folderAsFile?.message).toContain(`${join(dir, "bot.db")} is a folder, not a database file`);
  });

  it("a file that is not an SQLite database: names it", async () => {
    const dir = folder();
    writeFileSync(join(dir, "notes.db"), "Ceci n'est pas une base de données, seulement des notes.\n".repeat(20));
    own(join(dir, "notes.db"));
    const err = await openError(join(dir, "notes.db"));
    expect(err?.message).toContain(`cannot use ${join(dir, "notes.db")} as the database`);
  });
});
