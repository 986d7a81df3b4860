/**
 * The boundary between Prisma and the database drivers: every query of every connection and transaction goes
 * through here, for SQLite and PostgreSQL alike. It
 * - removes NUL characters from query arguments (clean-text.ts), so both databases store the same text;
 * - turns "disk full" driver errors into StorageFullError naming the database (the dispatcher answers
 *   "storage full", ingestion stops with that message);
 * - always ends a transaction whose COMMIT or ROLLBACK failed. Prisma only releases the driver's connection
 *   (the SQLite adapter's transaction lock) after those statements succeed; but SQLite rolls a transaction back
 *   by itself on SQLITE_FULL, so Prisma's ROLLBACK then fails ("no transaction is active") and the lock stayed
 *   taken: every later write waited forever, and a full disk froze the whole bot.
 */
import { messageOf, StorageFullError } from "../core/errors.ts";
import { cleanText } from "./clean-text.ts";

interface Query {
  sql: string;
  args: unknown[];
}

interface TransactionLike {
  executeRaw(q: Query): Promise<number>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

function cleanArg(v: unknown): unknown {
  if (typeof v === "string") return cleanText(v);
  if (Array.isArray(v)) return v.map(cleanArg);
  return v;
}

/** True for SQLite's SQLITE_FULL and PostgreSQL's disk_full (53100), however the adapter wrapped them. */
export function isStorageFull(err: unknown): boolean {
  if (err instanceof StorageFullError) return true;
  const e = err as { code?: unknown; message?: unknown; cause?: { originalCode?: unknown; code?: unknown } } | null;
  const codes = [e?.code, e?.cause?.originalCode, e?.cause?.code];
  if (codes.includes("SQLITE_FULL") || codes.includes("53100")) return true;
  return typeof e?.message === "string" && /database or disk is full|No space left on device/i.test(e.message);
}

/** "No transaction is active": SQLite already rolled the transaction back by itself. */
function noTransaction(err: unknown): boolean {
  return /no transaction is active/i.test(messageOf(err));
}

const QUERY_METHODS = new Set<PropertyKey>(["queryRaw", "executeRaw", "executeScript"]);
const OPENING_METHODS = new Set<PropertyKey>(["connect", "connectToShadowDb", "startTransaction"]);

/**
 * Wraps a driver adapter factory (`new PrismaPg(…)`, `new PrismaBetterSQLite3(…)`). `database` names the
 * database in error messages: a file path or host, never credentials.
 */
export function guardDriver<F extends object>(factory: F, database: string): F {
  const storageError = (err: unknown) => (isStorageFull(err) ? new StorageFullError(database, { cause: err }) : err);

  function wrap<T extends object>(target: T, isTransaction: boolean): T {
    return new Proxy(target, {
      get(obj, prop) {
        const value = Reflect.get(obj, prop, obj) as unknown;
        if (typeof value !== "function") return value;
        if (QUERY_METHODS.has(prop)) {
          return async (q: Query | string, ...rest: unknown[]) => {
            const query = typeof q === "string" ? q : { ...q, args: q.args.map(cleanArg) };
            try {
              return await value.call(obj, query, ...rest);
            } catch (err) {
              if (isTransaction && typeof q !== "string") return endAfterFailure(obj as TransactionLike, q, err);
              throw storageError(err);
            }
          };
        }
        if (OPENING_METHODS.has(prop)) {
          return async (...a: unknown[]) => {
            const opened = (await value.apply(obj, a)) as unknown;
            return opened && typeof opened === "object" ? wrap(opened, prop === "startTransaction") : opened;
          };
        }
        return value.bind(obj);
      },
    });
  }

  /** A statement of a transaction failed: when it was COMMIT or ROLLBACK, the transaction is ended here. */
  async function endAfterFailure(tx: TransactionLike, q: Query, err: unknown): Promise<number> {
    const sql = q.sql.trim().toUpperCase();
    if (sql === "ROLLBACK" && noTransaction(err)) return 0; // already rolled back; Prisma then releases it
    if (sql === "COMMIT" || sql === "ROLLBACK") {
      // Prisma will not call commit()/rollback() after this throw: undo what is left and release it now.
      if (sql === "COMMIT") await tx.executeRaw({ ...q, sql: "ROLLBACK", args: [] }).catch(() => 0);
      await tx.rollback().catch(() => {});
    }
    throw storageError(err);
  }

  return wrap(factory, false);
}
