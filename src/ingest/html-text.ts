/**
 * HTML → plain text for feed content and local article files: drops scripts, styles and page chrome,
 * keeps paragraph breaks, decodes entities. Linear-time scanning only (inputs are untrusted).
 */

const LATIN1_NAMES =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";

const NAMED: Record<string, number> = {
  amp: 38,
  lt: 60,
  gt: 62,
  quot: 34,
  apos: 39,
  OElig: 338,
  oelig: 339,
  Scaron: 352,
  scaron: 353,
  Yuml: 376,
  circ: 710,
  tilde: 732,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  zwnj: 8204,
  zwj: 8205,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  bull: 8226,
  hellip: 8230,
  permil: 8240,
  prime: 8242,
  lsaquo: 8249,
  rsaquo: 8250,
  euro: 8364,
  trade: 8482,
  larr: 8592,
  rarr: 8594,
  minus: 8722,
  laquo: 171,
  raquo: 187,
  NewLine: 10,
  Tab: 9,
};
LATIN1_NAMES.split(" ").forEach((name, i) => {
  NAMED[name] = 160 + i;
});

/** Decodes named (HTML) and numeric character references; unknown references are left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\uFFFD";
      return String.fromCodePoint(code);
    }
    const code = NAMED[ref];
    return code === undefined ? whole : String.fromCodePoint(code);
  });
}

/**
 * Removes `<name …>…</name>` blocks (case-insensitive) with indexOf scanning. An unclosed element
 * drops the rest of the document (that is what a browser would do with an unclosed <script>).
 */
export function removeElements(html: string, names: readonly string[]): string {
  let out = html;
  for (const name of names) {
    const lower = out.toLowerCase();
    const open = `<${name}`;
    const close = `</${name}`;
    let pos = 0;
    let result = "";
    for (;;) {
      const start = findTagStart(lower, open, pos);
      if (start < 0) break;
      result += out.slice(pos, start);
      const end = lower.indexOf(close, start + open.length);
      if (end < 0) {
        pos = out.length;
        break;
      }
      const gt = lower.indexOf(">", end);
      pos = gt < 0 ? out.length : gt + 1;
    }
    out = result + out.slice(pos);
  }
  return out;
}

/** Index of `<name` followed by a tag-name boundary, from `from`; -1 if none. */
export function findTagStart(lower: string, open: string, from: number): number {
  let i = lower.indexOf(open, from);
  while (i >= 0) {
    const next = lower.charCodeAt(i + open.length);
    // boundary: end of string, whitespace, '>' or '/'
    if (Number.isNaN(next) || next === 62 || next === 47 || next <= 32) return i;
    i = lower.indexOf(open, i + 1);
  }
  return -1;
}

/** Inner HTML of the first `<name>` element, or null. Nested same-name elements are not balanced. */
export function innerOf(html: string, name: string): string | null {
  const lower = html.toLowerCase();
  const start = findTagStart(lower, `<${name}`, 0);
  if (start < 0) return null;
  const gt = lower.indexOf(">", start);
  if (gt < 0) return null;
  const end = lower.indexOf(`</${name}`, gt + 1);
  return html.slice(gt + 1, end < 0 ? html.length : end);
}

/** Inner HTML of every `<name>` element, in order (bounded by `limit`). */
export function allInner(html: string, name: string, limit = 10_000): string[] {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let pos = 0;
  while (out.length < limit) {
    const start = findTagStart(lower, `<${name}`, pos);
    if (start < 0) break;
    const gt = lower.indexOf(">", start);
    if (gt < 0) break;
    const end = lower.indexOf(`</${name}`, gt + 1);
    // an unclosed <p> ends at the next <p>
    const nextOpen = findTagStart(lower, `<${name}`, gt + 1);
    const stop = end < 0 ? (nextOpen < 0 ? html.length : nextOpen) : nextOpen >= 0 && nextOpen < end ? nextOpen : end;
    out.push(html.slice(gt + 1, stop));
    pos = stop;
  }
  return out;
}

const DROPPED = [
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "iframe",
];
const BLOCK =
  /<\/?(?:p|div|section|article|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|tr|pre|hr|dl|dt|dd|main)\b[^>]*>/gi;

/** Converts an HTML fragment or page to plain text with paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  let s = html.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1");
  s = stripComments(s);
  s = removeElements(s, DROPPED);
  s = s.replace(/<br\b[^>]*>/gi, "\n");
  s = s.replace(BLOCK, "\n\n");
  // only '<' followed by a letter, '/', '!' or '?' opens a tag, as in HTML: "1 < 2" is text
  s = s.replace(/<[A-Za-z/!?][^>]*>/g, "");
  // a tag that never closes (truncated markup) is dropped with what follows on its line
  s = s.replace(/<[A-Za-z/!?][^\n]*/g, "");
  return normaliseText(decodeEntities(s));
}

/** Collapses spaces within lines (keeping NBSP, meaningful in French typography) and runs of blank lines. */
export function normaliseText(s: string): string {
  const lines = s.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let blank = false;
  for (const raw of lines) {
    const l = raw.replace(/[ \t\f\v\u200b]+/g, " ").trim();
    if (l === "") {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push("");
    out.push(l);
    blank = false;
  }
  return out.join("\n");
}

function stripComments(s: string): string {
  let out = "";
  let pos = 0;
  for (;;) {
    const start = s.indexOf("<!--", pos);
    if (start < 0) break;
    out += s.slice(pos, start);
    const end = s.indexOf("-->", start + 4);
    if (end < 0) return out;
    pos = end + 3;
  }
  return out + s.slice(pos);
}

/** Plain single-line text (titles, authors): tags stripped, entities decoded, whitespace collapsed. */
export function inlineText(html: string): string {
  return htmlToText(html)
    .replace(/\s*\n+\s*/g, " ")
    .trim();
}
