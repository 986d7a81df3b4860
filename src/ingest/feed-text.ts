/**
 * A feed's text as the parser reads it: the head (to tell what the document is), the whole text in slices
 * (the streaming parse), and the whole text at once (only the lenient fallbacks need it). A feed file stays
 * bytes and is decoded slice by slice, so a 30 MB file never becomes a 60 MB string that lives as long as
 * the import, which would also make the garbage collector let the heap grow several times that size.
 */
import iconv from "iconv-lite";

export interface FeedText {
  /** The first 64 KiB or so, decoded. */
  head: string;
  /** The whole text, in order, as slices. */
  slices(): Iterable<string>;
  /** The whole text as one string (decoded on each call: keep the result only as long as needed). */
  whole(): string;
  /** Start tags of items or entries (a cheap count for progress, not a parse). */
  countItemTags(): number;
}

const SLICE_CHARS = 65_536;
const SLICE_BYTES = 65_536;

/** A text already in memory (a fetched body). */
export function textFromString(text: string): FeedText {
  return {
    head: text.slice(0, SLICE_CHARS),
    *slices() {
      for (let pos = 0; pos < text.length; pos += SLICE_CHARS) yield text.slice(pos, pos + SLICE_CHARS);
    },
    whole: () => text,
    countItemTags: () =>
      countTags(
        (tag, from) => text.indexOf(tag, from),
        (i) => text.charCodeAt(i),
      ),
  };
}

/** File bytes in a known charset, decoded as they are read. */
export function textFromBytes(bytes: Buffer, charset: string): FeedText {
  const decodeAll = () => iconv.decode(bytes, charset);
  return {
    head: iconv.decode(bytes.subarray(0, SLICE_BYTES), charset),
    *slices() {
      const decoder = iconv.getDecoder(charset);
      for (let pos = 0; pos < bytes.length; pos += SLICE_BYTES) {
        const s = decoder.write(bytes.subarray(pos, pos + SLICE_BYTES));
        if (s) yield s;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    },
    whole: decodeAll,
    // item tags are ASCII: counted in the bytes for ASCII-compatible charsets, in the text for UTF-16
    countItemTags: () =>
      charset.startsWith("utf-16")
        ? textFromString(decodeAll()).countItemTags()
        : countTags(
            (tag, from) => bytes.indexOf(tag, from, "latin1"),
            (i) => bytes[i] ?? Number.NaN,
          ),
  };
}

function countTags(indexOf: (tag: string, from: number) => number, codeAt: (i: number) => number): number {
  let n = 0;
  for (const tag of ["<item", "<entry"]) {
    for (let i = indexOf(tag, 0); i >= 0; i = indexOf(tag, i + tag.length)) {
      const next = codeAt(i + tag.length);
      if (next === 62 || next === 47 || next <= 32) n++;
    }
    if (n > 0) return n;
  }
  return n;
}
