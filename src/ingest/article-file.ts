/**
 * Reads a local file for `ingest FILE`: a plain-text article (first line = title, like the seeds), an
 * HTML page (title and article text extracted), or a feed file (returned as XML for the feed parser).
 * Binary, empty and oversized files are refused with a clear message.
 */
import { stat } from "node:fs/promises";
import iconv from "iconv-lite";
import { UserInputError } from "../core/errors.ts";
import { type ByteSample, detectSampleCharset } from "./charset.ts";
import { type FeedText, textFromFile } from "./feed-text.ts";
import { fileSample, readRange } from "./file-slices.ts";
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

/**
 * Reads and classifies a local file. Throws UserInputError for missing, empty, binary or too large files.
 * Only the head is read to tell what the file is: a feed stays on disk and is read slice by slice as it is
 * parsed (./file-slices.ts); an article (text or HTML) is read whole.
 */
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
  return classify(path, size);
}

/** How many bytes are read first, to tell what a file is. */
const HEAD_BYTES = 65_536;

function classify(path: string, size: number): ArticleFile {
  // every read stops at the size checked against the limit, even if the file grows meanwhile
  const head = readRange(path, 0, Math.min(size, HEAD_BYTES));
  if (head.length === 0) throw new UserInputError("the file is empty", { path });
  const magic = MAGIC.find(([sig]) => sig.every((b, i) => head[i] === b));
  if (magic) throw new UserInputError(`this is ${magic[1]}, not a text, HTML or feed file`, { path });
  const charset = fileCharset(head, () => fileSample(path, size, head));
  const headText = iconv.decode(head, charset);
  if (looksBinary(headText)) throw new UserInputError("this is a binary file, not a text, HTML or feed file", { path });
  const kind = sniffDocument(headText);
  // a feed stays on disk, read and decoded slice by slice as it is parsed; an article is decoded whole
  if (kind.kind === "feed") return { kind: "feed", text: textFromFile(path, size, charset, headText), charset };
  const text = iconv.decode(size <= head.length ? head : readRange(path, 0, size), charset);
  if (text.trim() === "") throw new UserInputError("the file is empty", { path });
  if (looksBinary(text)) throw new UserInputError("this is a binary file, not a text, HTML or feed file", { path });
  if (kind.kind === "html") return { ...fromHtml(text, path), charset, format: "html" };
  if (kind.kind === "json") throw new UserInputError("this is a JSON file, not an article or feed", { path });
  if (kind.kind === "xml")
    throw new UserInputError(`this XML file (<${kind.root}>) is not an RSS, Atom or RDF feed`, { path });
  const ext = FEED_EXTENSION.exec(path)?.[0];
  if (ext) {
    throw new UserInputError(
      `this file is named like a feed (${ext}) but holds plain text, not XML: nothing was stored (an article goes in a .txt or .html file)`,
      { path },
    );
  }
  return { ...fromText(text, path), charset, format: "text" };
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

/** The file's charset: from its head when it has a BOM or a declaration, else from its bytes (./charset.ts). */
function fileCharset(head: Buffer, sample: () => ByteSample): string {
  const utf16 = utf16WithoutBom(head);
  if (utf16 && !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff)) return utf16;
  return detectSampleCharset(sample()).charset;
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
