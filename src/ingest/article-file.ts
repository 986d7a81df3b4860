/**
 * Reads a local file for `ingest FILE`: a plain-text article (first line = title, like the seeds), an
 * HTML page (title and article text extracted), or a feed file (returned as XML for the feed parser).
 * Binary, empty and oversized files are refused with a clear message.
 */
import { open, stat } from "node:fs/promises";
import iconv from "iconv-lite";
import { UserInputError } from "../core/errors.ts";
import { detectCharset } from "./charset.ts";
import { type FeedText, textFromBytes } from "./feed-text.ts";
import { allInner, htmlToText, inlineText, innerOf, removeElements } from "./html-text.ts";
import { looksBinary, sniffDocument } from "./sniff.ts";

export type ArticleFile =
  | {
      kind: "feed";
      /** Decoded slice by slice as the parser reads it (./feed-text.ts). */
      text: FeedText;
      charset: string;
    }
  | {
      kind: "article";
      /** The title (first line of a text file; <h1> or <title> of an HTML page). */
      title: string;
      /** Whole article text, starting with the title line, paragraphs separated by blank lines. */
      text: string;
      charset: string;
      format: "text" | "html";
    };

/** The default of FETCH_MAX_BYTES: files and downloads share one limit. */
const DEFAULT_MAX_BYTES = 5_000_000;
/** Names that promise a feed: plain text in them is a mistake, not an article. */
const FEED_EXTENSION = /\.(xml|rss|atom|rdf|opml)$/i;

/** Magic numbers of common binary formats, for a message that says what the file is. */
const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive (or a Word/OpenDocument file)"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Office document"],
];

/** Reads and classifies a local file. Throws UserInputError for missing, empty, binary or too large files. */
export async function readArticleFile(path: string, opts: { maxBytes?: number } = {}): Promise<ArticleFile> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new UserInputError("not a regular file", { path });
    size = st.size;
  } catch (err) {
    if (err instanceof UserInputError) throw err;
    throw new UserInputError("file not found or not readable", { path }, { cause: err });
  }
  if (size > maxBytes)
    throw new UserInputError(`file too large (${size} bytes; the limit, FETCH_MAX_BYTES, is ${maxBytes})`, {
      path,
      size,
    });
  // read at most maxBytes + 1 even if the file grew since stat
  const handle = await open(path, "r");
  let buf: Buffer;
  try {
    const chunk = Buffer.alloc(Math.min(size, maxBytes) + 1);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, 0);
    if (bytesRead > maxBytes)
      throw new UserInputError(`file too large (the limit, FETCH_MAX_BYTES, is ${maxBytes} bytes)`, { path });
    buf = chunk.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  return classifyArticleBytes(buf, path);
}

/** Same as readArticleFile for bytes already in memory (`name` only appears in error context). */
export function classifyArticleBytes(buf: Buffer, name = "file"): ArticleFile {
  if (buf.length === 0) throw new UserInputError("the file is empty", { path: name });
  const magic = MAGIC.find(([sig]) => sig.every((b, i) => buf[i] === b));
  if (magic) throw new UserInputError(`this is ${magic[1]}, not a text, HTML or feed file`, { path: name });
  const charset = fileCharset(buf);
  // a feed is told from its head and stays bytes, decoded as it is parsed; the rest is decoded whole
  const head = iconv.decode(buf.subarray(0, 65_536), charset);
  if (looksBinary(head))
    throw new UserInputError("this is a binary file, not a text, HTML or feed file", { path: name });
  const kind = sniffDocument(head);
  if (kind.kind === "feed") return { kind: "feed", text: textFromBytes(buf, charset), charset };
  const text = iconv.decode(buf, charset);
  if (text.trim() === "") throw new UserInputError("the file is empty", { path: name });
  if (looksBinary(text))
    throw new UserInputError("this is a binary file, not a text, HTML or feed file", { path: name });
  if (kind.kind === "html") return { ...fromHtml(text, name), charset, format: "html" };
  if (kind.kind === "json") throw new UserInputError("this is a JSON file, not an article or feed", { path: name });
  if (kind.kind === "xml")
    throw new UserInputError(`this XML file (<${kind.root}>) is not an RSS, Atom or RDF feed`, { path: name });
  const ext = FEED_EXTENSION.exec(name)?.[0];
  if (ext) {
    throw new UserInputError(
      `this file is named like a feed (${ext}) but holds plain text, not XML: nothing was stored (an article goes in a .txt or .html file)`,
      { path: name },
    );
  }
  return { ...fromText(text, name), charset, format: "text" };
}

/** UTF-16 without a BOM shows as NUL bytes in every other position. */
function utf16WithoutBom(buf: Buffer): "utf-16le" | "utf-16be" | null {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.4 && evenNul / pairs < 0.05) return "utf-16le";
  if (evenNul / pairs > 0.4 && oddNul / pairs < 0.05) return "utf-16be";
  return null;
}

function fileCharset(buf: Buffer): string {
  const utf16 = utf16WithoutBom(buf);
  if (utf16 && !(buf[0] === 0xff && buf[1] === 0xfe) && !(buf[0] === 0xfe && buf[1] === 0xff)) return utf16;
  return detectCharset(buf).charset;
}

function fromText(text: string, name: string): { kind: "article"; title: string; text: string } {
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const start = lines.findIndex((l) => l.trim() !== "");
  const title = (lines[start] ?? "").trim();
  if (!title) throw new UserInputError("the file is empty", { path: name });
  // an article is a title line and its text (like the seeds); one line alone is a note or junk
  if (!lines.slice(start + 1).some((l) => l.trim() !== ""))
    throw new UserInputError("a text article needs a title line followed by its text; this file has one line only", {
      path: name,
    });
  const body = lines.slice(start).join("\n").trim();
  return { kind: "article", title, text: body };
}

function fromHtml(html: string, name: string): { kind: "article"; title: string; text: string } {
  const cleaned = removeElements(html, ["script", "style", "noscript", "template", "svg"]);
  const article = innerOf(cleaned, "article") ?? innerOf(cleaned, "main");
  const scope = removeElements(article ?? cleaned, ["nav", "header", "footer", "aside", "form"]);
  const h1 = innerOf(article ?? cleaned, "h1");
  const titleTag = innerOf(cleaned, "title");
  const title = (h1 && inlineText(h1)) || (titleTag && inlineText(titleTag)) || "";
  let body: string;
  if (article) {
    body = htmlToText(scope);
  } else {
    const paragraphs = allInner(scope, "p")
      .map((p) => inlineText(p))
      .filter((p) => p !== "");
    body = paragraphs.length > 0 ? paragraphs.join("\n\n") : htmlToText(innerOf(scope, "body") ?? scope);
  }
  // the body repeats the <h1>; keep the title once, as the first line
  if (title && body.startsWith(title)) body = body.slice(title.length).trim();
  if (!title && !body) throw new UserInputError("the HTML page has no readable text", { path: name });
  const finalTitle = title || (body.split("\n")[0] ?? "");
  const text = title ? `${title}\n\n${body}`.trim() : body;
  return { kind: "article", title: finalTitle, text };
}
