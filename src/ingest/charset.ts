/**
 * Byte → string decoding for fetched feeds and local files. Order: byte-order mark, then the
 * Content-Type charset, then the XML declaration or HTML <meta>, then detection (valid UTF-8,
 * else windows-1251 for Cyrillic-looking bytes, else windows-1252, the superset of ISO-8859-1 that
 * browsers use for that label). A "utf-8" label on bytes that are not UTF-8 is ignored.
 */
import iconv from "iconv-lite";

/** How the encoding was chosen, for logs and tests. */
export type CharsetSource = "bom" | "header" | "declaration" | "detected";

export interface Decoded {
  text: string;
  charset: string;
  source: CharsetSource;
}

/** Charset parameter of a Content-Type header value, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]+)"?/i.exec(contentType);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** Encoding named by a byte-order mark, or null. */
export function bomCharset(buf: Uint8Array): string | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return "utf-8";
  if (buf[0] === 0xff && buf[1] === 0xfe) return "utf-16le";
  if (buf[0] === 0xfe && buf[1] === 0xff) return "utf-16be";
  return null;
}

/** Encoding declared inside the document (XML declaration, HTML meta charset), read from its first 2 KB. */
export function declaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, 2048)).toString("latin1");
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head);
  if (meta?.[1]) return meta[1].toLowerCase();
  return null;
}

/**
 * The bytes detection reads: the start (BOM, declaration), and only when a UTF-8 label must be checked or
 * nothing is declared, every byte in order and a window to guess a single-byte charset from. A fetched body
 * is one buffer; a local file is read from disk slice by slice (./feed-file.ts), so a 30 MB feed is never
 * one buffer in memory.
 */
export interface ByteSample {
  /** The first bytes (at least the first 4 KB of the document when it has them). */
  head: Uint8Array;
  /** Every byte in order, in slices (a slice may be reused once the next one is asked for). */
  slices(): Iterable<Uint8Array>;
  /** `length` bytes from `start` (fewer at the end). */
  range(start: number, length: number): Uint8Array;
}

const SLICE = 65_536;
/** How many bytes guessSingleByte reads. */
const GUESS_WINDOW = 256 * 1024;

/** A buffer already in memory as a ByteSample. */
export function bufferSample(buf: Uint8Array): ByteSample {
  return {
    head: buf,
    *slices() {
      for (let pos = 0; pos < buf.length; pos += SLICE) yield buf.subarray(pos, pos + SLICE);
    },
    range: (start, length) => buf.subarray(start, start + length),
  };
}

/**
 * Offset of the slice where the bytes stop being well-formed UTF-8, or -1 when they all are (checked slice by
 * slice: no whole-document string is made).
 */
function firstInvalidUtf8(sample: ByteSample): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let offset = 0;
  try {
    for (const slice of sample.slices()) {
      decoder.decode(slice, { stream: true });
      offset += slice.length;
    }
    decoder.decode();
    return -1;
  } catch {
    return offset;
  }
}

/**
 * Guesses between windows-1251 (Russian/Kazakh in Cyrillic) and windows-1252 (French accents) for bytes
 * that are not UTF-8: Cyrillic words are runs of high bytes, French text has isolated accented letters.
 */
export function guessSingleByte(buf: Uint8Array): "windows-1251" | "windows-1252" {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  const n = Math.min(buf.length, GUESS_WINDOW);
  for (let i = 0; i <= n; i++) {
    const b = i < n ? (buf[i] ?? 0) : 0;
    if (b >= 0xc0) {
      high++;
      run++;
    } else {
      if (run >= 3) inRuns += run;
      run = 0;
    }
  }
  return high > 0 && inRuns / high > 0.5 ? "windows-1251" : "windows-1252";
}

/** Maps labels to what iconv-lite should use; ISO-8859-1/ASCII labels decode as windows-1252 like browsers do. */
function normaliseLabel(label: string): string | null {
  const l = label.toLowerCase();
  if (l === "iso-8859-1" || l === "latin1" || l === "latin-1" || l === "us-ascii" || l === "ascii")
    return "windows-1252";
  if (l === "utf8") return "utf-8";
  return iconv.encodingExists(l) ? l : null;
}

/** Decodes bytes to a string (BOM removed), choosing the encoding as described in the module comment. */
export function decodeBytes(buf: Uint8Array, contentType?: string | null): Decoded {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const { charset, source } = detectCharset(bytes, contentType);
  return { text: iconv.decode(bytes, charset), charset, source };
}

/** The encoding decodeBytes would use, without decoding (iconv-lite name). */
export function detectCharset(buf: Uint8Array, contentType?: string | null): Omit<Decoded, "text"> {
  return detectSampleCharset(bufferSample(buf), contentType);
}

/**
 * The same for bytes read on demand (a file on disk): the start decides when it holds a BOM or a declaration
 * other than UTF-8; otherwise every byte is checked for UTF-8 once, and a single-byte charset is guessed from
 * the window where the bytes stop being UTF-8 (so non-ASCII text late in a long document counts).
 */
export function detectSampleCharset(sample: ByteSample, contentType?: string | null): Omit<Decoded, "text"> {
  const bom = bomCharset(sample.head);
  if (bom) return { charset: bom, source: "bom" };
  let invalidAt: number | undefined;
  const invalidUtf8 = () => {
    invalidAt ??= firstInvalidUtf8(sample);
    return invalidAt;
  };
  // a "utf-8" label on bytes that are not UTF-8 is a common server mistake: fall through to detection
  const lyingUtf8 = (label: string | null) => label === "utf-8" && invalidUtf8() >= 0;
  const header = charsetFromContentType(contentType);
  const fromHeader = header ? normaliseLabel(header) : null;
  if (fromHeader && !lyingUtf8(fromHeader)) return { charset: fromHeader, source: "header" };
  const declared = declaredCharset(sample.head);
  // a UTF-16 declaration readable as ASCII is wrong by construction
  const fromDecl = declared && !declared.startsWith("utf-16") ? normaliseLabel(declared) : null;
  if (fromDecl && !lyingUtf8(fromDecl)) return { charset: fromDecl, source: "declaration" };
  const at = invalidUtf8();
  if (at < 0) return { charset: "utf-8", source: "detected" };
  // the slice before the one that failed may hold the start of the first foreign character
  const start = Math.max(0, at - SLICE);
  return { charset: guessSingleByte(sample.range(start, GUESS_WINDOW)), source: "detected" };
}
