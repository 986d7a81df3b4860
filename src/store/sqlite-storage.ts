/**
 * Start-up check of an SQLite database's storage, before SQLite sees it. SQLite opens a read-only file
 * read-only without a word (the bot started, then answered every write with an internal error), reports an
 * unwritable folder as "unable to open database file" without a path, and a read-only `-wal`/`-shm` file
 * (left by a run under another user) as "attempt to write a readonly database". Each case is tested here
 * with the operation SQLite will need (create a file in the folder, open the files for writing: as the
 * effective user, so it also holds for root on a read-only or immutable file), and reported with the path
 * and the fix.
 */
import { closeSync, mkdirSync, openSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";
import { messageOf, NewsbotError } from "../core/errors.ts";

/** The database's file or folder cannot be used; the message names the path and the fix. */
export class StorageAccessError extends NewsbotError {
  override name = "StorageAccessError";
}

const ELSEWHERE = "or set DATABASE_URL to a file in a folder this user can write";

function who(): string {
  const uid = process.geteuid?.();
  return uid === undefined ? "this user" : `this user (uid ${uid})`;
}

function code(err: unknown): string {
  return String((err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : err));
}

function isDenied(err: unknown): boolean {
  return ["EACCES", "EPERM", "EROFS"].includes(code(err));
}

/** Why the path cannot be written: "read-only file system" or "no permission for …". */
function reason(err: unknown): string {
  return code(err) === "EROFS" ? "the file system is read-only" : `no write permission for ${who()}`;
}

/** The nearest existing ancestor of `dir` that is not a folder, if any. */
function fileInTheWay(dir: string): string | null {
  for (let p = dir; p !== dirname(p); p = dirname(p)) {
    try {
      return statSync(p).isDirectory() ? null : p;
    } catch {
      // does not exist: look higher
    }
  }
  return null;
}

function ensureFolder(dir: string, file: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    const blocker = ["ENOTDIR", "EEXIST"].includes(code(err)) ? fileInTheWay(dir) : null;
    if (blocker) {
      throw new StorageAccessError(
        `cannot create the database ${file}: ${blocker} is a file, not a folder. Move that file away, or set ` +
          "DATABASE_URL to another path",
        { path: blocker },
        { cause: err },
      );
    }
    throw new StorageAccessError(
      `cannot create the folder ${dir} for the database ${file} (${isDenied(err) ? reason(err) : code(err)}): ` +
        `create it with write permission for ${who()}, ${ELSEWHERE}`,
      { path: dir },
      { cause: err },
    );
  }
}

/** Creates and removes a file in the folder, as SQLite will for the journal (`-wal`, `-shm`). */
function probeFolder(dir: string, file: string): void {
  const probe = join(dir, `.${basename(file)}.write-check-${process.pid}`);
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (err) {
    if (code(err) === "EEXIST") return; // a leftover of an earlier check of this very process: it was writable
    throw new StorageAccessError(
      `the folder ${dir} of the database is not writable (${reason(err)}); SQLite creates ${basename(file)}-wal ` +
        `and ${basename(file)}-shm beside the database. Make the folder writable (chmod u+w ${dir}, or chown ` +
        `it to this user), ${ELSEWHERE}`,
      { path: dir },
      { cause: err },
    );
  }
}

/** Opens an existing file for writing, without changing it. */
function probeFile(path: string, role: string): void {
  try {
    closeSync(openSync(path, "r+"));
  } catch (err) {
    if (code(err) === "ENOENT") return;
    throw new StorageAccessError(
      `the ${role} ${path} is read-only (${reason(err)}): make it writable (chmod u+w ${path}, or chown it to ` +
        `this user), ${ELSEWHERE}`,
      { path },
      { cause: err },
    );
  }
}

const open = (file: string) => new Database(file, { fileMustExist: true, timeout: 15_000 });

/** Reads the header: a file that is not an SQLite database is named here, not by a bare "file is not a database". */
function probeDatabase(file: string): void {
  let db: ReturnType<typeof open> | null = null;
  try {
    db = open(file);
    db.pragma("schema_version");
  } catch (err) {
    throw new StorageAccessError(
      `cannot use ${file} as the database: ${messageOf(err)}. Set DATABASE_URL ` +
        "to an SQLite database file, or to a new path (it is created)",
      { path: file },
      { cause: err },
    );
  } finally {
    db?.close();
  }
}

/**
 * Checks that the SQLite database `file` can be created or written, creating its folder when missing.
 * Throws StorageAccessError naming the path and the fix.
 */
export function checkSqliteStorage(file: string): void {
  const dir = dirname(file);
  ensureFolder(dir, file);
  let exists = false;
  try {
    const st = statSync(file);
    if (st.isDirectory()) {
      throw new StorageAccessError(
        `${file} is a folder, not a database file: set DATABASE_URL to a file inside it, e.g. file:${join(file, "newsbot.db")}`,
        { path: file },
      );
    }
    exists = true;
  } catch (err) {
    if (err instanceof StorageAccessError) throw err;
    if (code(err) !== "ENOENT") throw new StorageAccessError(`cannot read ${file}: ${code(err)}`, { path: file });
  }
  probeFolder(dir, file);
  if (!exists) return;
  probeFile(file, "database file");
  probeFile(`${file}-wal`, "journal file");
  probeFile(`${file}-shm`, "journal index file");
  probeDatabase(file);
}
