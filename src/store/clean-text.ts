/**
 * One rule for text that the two databases would treat differently: PostgreSQL refuses U+0000 (NUL) in text
 * (`invalid byte sequence for encoding "UTF8": 0x00`, which reached users as an internal error), SQLite
 * stores it. NUL never means anything in news text or a chat argument, so it is removed from every string
 * before it reaches either database: at the driver boundary (driver.ts), whatever the text came from (chat
 * argument, feed, OPML, command line) and whatever the query (model or raw, read or write). Lookups and
 * writes then agree: `/pausesource a<NUL>b` looks for "ab", `/addevent … a<NUL>b` stores "ab".
 */

/** `s` without NUL characters. */
export function cleanText(s: string): string {
  return s.includes("\0") ? s.replaceAll("\0", "") : s;
}
