/**
 * Helpers for raw SQL results, which differ between providers.
 */

/** Numbers from $queryRaw: SQLite gives BigInt for integers, PostgreSQL numbers (or strings for bigint). */
export function num(v: unknown): number {
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return v;
  if (typeof v === "string") return Number(v);
  return 0;
}

/** Dates from $queryRaw: Date objects on PostgreSQL; ISO text or epoch numbers on SQLite. */
export function date(v: unknown): Date | null {
  if (v == null) return null;
  if (v instanceof Date) return v;
  if (typeof v === "bigint" || typeof v === "number") return new Date(Number(v));
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Strings from $queryRaw (null stays null). */
export function str(v: unknown): string | null {
  return v == null ? null : String(v);
}

/** `timestamp(3)` literal for raw PostgreSQL (cast with `::timestamp`): the columns hold UTC without a zone. */
export function pgTimestamp(d: Date): string {
  return d.toISOString().replace("Z", "");
}
