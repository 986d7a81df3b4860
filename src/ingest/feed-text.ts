/**
 * A feed's text as the parser reads it: the head (to tell what the document is), the whole text in slices
 * (the streaming parse), and the whole text at once (only the lenient fallbacks need it). A feed file stays
 * on disk and is read and decoded slice by slice, so a 30 MB file is never a 30 MB buffer nor a 60 MB string
 * that lives as long as the import, which would also make the garbage collector let the heap grow several
 * times that size.
 */
import iconv from "iconv-lite";
import { fileSlices, readRange } from "./file-slices.ts";

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

/** A text already in memory (a fetched body). */
export function textFromString(text: string): FeedText {
  return {
    head: text.slice(0, SLICE_CHARS),
    *slices() {
      for (let pos = 0; pos < text.length; pos += SLICE_CHARS) yield text.slice(pos, pos + SLICE_CHARS);
    },
    whole: () => text,
    countItemTags: () => countTagsIn([text]),
  };
}

/**
 * A feed file in a known charset, read from disk and decoded slice by slice (./file-slices.ts): `head` is the
 * decoded start, already read to tell what the file is; `size` bounds every read.
 */
export function textFromFile(path: string, size: number, charset: string, head: string): FeedText {
  function* decoded(): Generator<string> {
    const decoder = iconv.getDecoder(charset);
    for (const bytes of fileSlices(path, size)) {
      const s = decoder.write(bytes);
      if (s) yield s;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }
  // item tags are ASCII: counted in the bytes for ASCII-compatible charsets, in the decoded text otherwise
  function* asLatin1(): Generator<string> {
    for (const bytes of fileSlices(path, size, { reuse: true })) yield bytes.toString("latin1");
  }
  return {
    head,
    slices: decoded,
    whole: () => iconv.decode(readRange(path, 0, size), charset),
    countItemTags: () => countTagsIn(/^utf-(16|32)/.test(charset) ? decoded() : asLatin1()),
  };
}

/** Longest tag plus the character after it, minus one: what a tag cut by a slice boundary may leave behind. */
const CARRY = "<entry".length;

/** Counts item start tags (else entry start tags) in a text given in slices, tags cut across slices included. */
function countTagsIn(slices: Iterable<string>): number {
  const counts = { "<item": 0, "<entry": 0 };
  let carry = "";
  for (const slice of slices) {
    const s = carry + slice;
    for (const tag of ["<item", "<entry"] as const) {
      for (let i = s.indexOf(tag); i >= 0; i = s.indexOf(tag, i + tag.length)) {
        const next = i + tag.length;
        // a tag whose next character was in the carry was counted with the previous slice; one whose next
        // character is not read yet is counted with the next slice
        if (next < carry.length || next >= s.length) continue;
        const c = s.charCodeAt(next);
        if (c === 62 || c === 47 || c <= 32) counts[tag]++;
      }
    }
    carry = s.slice(-CARRY);
  }
  return counts["<item"] > 0 ? counts["<item"] : counts["<entry"];
}
