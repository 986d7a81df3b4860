/**
 * CLI-only workaround for prisma/prisma#27403 (Prisma 6.9+ with @prisma/adapter-pg): the schema engine
 * cannot deserialise PostgreSQL `name` (OID 19) and `"char"` (OID 18) result columns, so every
 * `migrate deploy` / `migrate status` / `db pull` fails. The values already arrive as strings, so we relabel
 * those fields as `text` (OID 25). Imported by prisma.config.ts only; the app does not need it.
 */
import pg from "pg";

type Field = { dataTypeID: number };
type Result = { fields?: Field[] } | Result[] | undefined;

function relabel(result: Result): Result {
  if (Array.isArray(result)) {
    for (const r of result) relabel(r);
    return result;
  }
  for (const f of result?.fields ?? []) if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
  return result;
}

const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown; __newsbotFix?: boolean };
if (!proto.__newsbotFix) {
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      // Callback form.
      args[args.length - 1] = (err: unknown, res: Result) =>
        (last as (e: unknown, r: Result) => void)(err, relabel(res));
      return original.apply(this, args);
    }
    const first = args[0] as { submit?: unknown; callback?: unknown } | undefined;
    if (first && typeof first.submit === "function") {
      // Submittable (pg.Query) form: wrap its callback when it has one.
      const cb = first.callback;
      if (typeof cb === "function") first.callback = (err: unknown, res: Result) => cb(err, relabel(res));
      return original.apply(this, args);
    }
    const out = original.apply(this, args) as Promise<Result> | undefined;
    return out && typeof out.then === "function" ? out.then(relabel) : out;
  };
  proto.__newsbotFix = true;
}
