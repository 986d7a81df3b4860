/**
 * One rule for text that the two databases would treat differently: PostgreSQL refuses U+0000 (NUL) in text
 * (`invalid byte sequence for encoding "UTF8": 0x00`, which reached users as an internal error), SQLite
 * stores it. NUL never means anything in news text or a chat argument, so it is removed from every string
 * before it reaches either database: here, at the driver boundary, whatever the text came from (chat
 * argument, feed, OPML, command line) and whatever the query (model or raw, read or write). Lookups and
 * writes then agree: `/pausesource a<NUL>b` looks for "ab", `/addevent … a<NUL>b` stores "ab".
 */

/** `s` without NUL characters. */
export function cleanText(s: string): string {
  return s.includes("\0") ? s.replaceAll("\0", "") : s;
}

function cleanArg(v: unknown): unknown {
  if (typeof v === "string") return cleanText(v);
  if (Array.isArray(v)) return v.map(cleanArg);
  return v;
}

interface Query {
  args: unknown[];
}

const QUERY_METHODS = new Set<PropertyKey>(["queryRaw", "executeRaw"]);
const OPENING_METHODS = new Set<PropertyKey>(["connect", "connectToShadowDb", "startTransaction"]);

/** Wraps a driver adapter, a connection or a transaction so that every query's arguments are cleaned. */
function wrap<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== "function") return value;
      if (QUERY_METHODS.has(prop))
        return (q: Query, ...rest: unknown[]) => value.call(obj, { ...q, args: q.args.map(cleanArg) }, ...rest);
      if (OPENING_METHODS.has(prop))
        return async (...a: unknown[]) => {
          const opened = (await value.apply(obj, a)) as unknown;
          return opened && typeof opened === "object" ? wrap(opened) : opened;
        };
      return value.bind(obj);
    },
  });
}

/**
 * The Prisma driver adapter factory `factory`, with NUL removed from every query argument of every
 * connection and transaction it opens.
 */
export function withCleanText<F extends object>(factory: F): F {
  return wrap(factory);
}
