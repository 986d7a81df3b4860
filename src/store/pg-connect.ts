/**
 * Time limits for talking to PostgreSQL. node-postgres waits forever by default: a server (or a firewall, or
 * a wrong port forwarded to something else) that accepts the TCP connection and never answers hung
 * `npm start` and `newsbot db migrate` with no word. Every connection now has a limit on its start-up
 * (TCP, TLS, authentication), the migrator's statements have one too, and the error names the server that
 * did not answer.
 *
 * `connect_timeout` in DATABASE_URL (seconds, as libpq and Prisma spell it) changes the connection limit;
 * node-postgres itself ignores that parameter.
 */
import { messageOf, NewsbotError } from "../core/errors.ts";

/** Connection start-up limit when the URL does not set connect_timeout. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Start-up statements of the migrator (lock, bookkeeping); waiting for another process's migration included. */
export const STARTUP_STATEMENT_TIMEOUT_MS = 120_000;
/** One migration script: schema changes on a large archive can take minutes, but not forever. */
export const MIGRATION_STATEMENT_TIMEOUT_MS = 30 * 60_000;

/** The database server did not answer in time, or refused the connection. */
export class DatabaseUnreachableError extends NewsbotError {
  override name = "DatabaseUnreachableError";
}

/** The connect_timeout of the URL in milliseconds, or the default. */
export function connectTimeoutMs(url: string): number {
  const raw = parsed(url)?.searchParams.get("connect_timeout");
  const s = raw == null ? Number.NaN : Number(raw);
  // libpq: 0 (or negative) means wait forever; we keep a limit anyway, the default one.
  return Number.isFinite(s) && s > 0 ? Math.round(s * 1000) : DEFAULT_CONNECT_TIMEOUT_MS;
}

/** "host:port/database" of a PostgreSQL URL, without user or password: safe for messages and logs. */
export function pgTarget(url: string): string {
  const u = parsed(url);
  if (!u) return "the PostgreSQL server of DATABASE_URL";
  const host = u.hostname || u.searchParams.get("host") || "localhost";
  return `${host}:${u.port || "5432"}${u.pathname.length > 1 ? u.pathname : ""}`;
}

/** node-postgres options for `url` with the connection limit (for pg.Client and pg.Pool alike). */
export function pgOptions(url: string): { connectionString: string; connectionTimeoutMillis: number } {
  return { connectionString: url, connectionTimeoutMillis: connectTimeoutMs(url) };
}

/** True for node-postgres' own timeout errors (connection start-up or a query read timeout). */
function isTimeout(err: unknown): boolean {
  const msg = messageOf(err);
  return /timeout expired|connection timeout|Query read timeout|timeout exceeded when trying to connect/i.test(msg);
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * `err` as a DatabaseUnreachableError naming the server when it is a timeout or a network failure; other
 * errors (bad password, missing database, SQL errors) are returned unchanged: their own message is clearer.
 */
export function explainPgError(err: unknown, url: string, what: string, limitMs: number): unknown {
  const target = pgTarget(url);
  const code = (err as { code?: unknown } | null)?.code;
  if (isTimeout(err)) {
    return new DatabaseUnreachableError(
      `the PostgreSQL server at ${target} did not answer ${what} within ${Math.round(limitMs / 1000)} s: ` +
        "check that DATABASE_URL names a running PostgreSQL server (connect_timeout=SECONDS in the URL changes the wait)",
      { target },
      { cause: err },
    );
  }
  if (typeof code === "string" && NETWORK_CODES.has(code)) {
    return new DatabaseUnreachableError(
      `cannot reach the PostgreSQL server at ${target} (${code}): check DATABASE_URL and that the server is running`,
      { target, code },
      { cause: err },
    );
  }
  return err;
}

function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
