/**
 * Telegram's `parse_mode: "HTML"` rules, as the fake Bot API enforces them: supported tags only, balanced,
 * attributes quoted, only the four named entities plus numeric ones, and a length limit counted on the text
 * after entity parsing (UTF-16 code units). Errors use Telegram's wording so tests read like production logs.
 */

/** Tags Telegram accepts in HTML mode (https://core.telegram.org/bots/api#html-style). */
const ALLOWED = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export type HtmlCheck = { ok: true; text: string } | { ok: false; description: string };

/** Parses Telegram HTML; returns the plain text Telegram would show, or Telegram's error description. */
export function parseTelegramHtml(html: string): HtmlCheck {
  const fail = (d: string): HtmlCheck => ({ ok: false, description: `Bad Request: can't parse entities: ${d}` });
  const stack: string[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end < 0) return fail(`unclosed start tag at byte offset ${i}`);
      const inner = html.slice(i + 1, end);
      const closing = inner.startsWith("/");
      const m = /^\/?([a-z-]+)(\s[\s\S]*)?$/i.exec(inner);
      if (!m?.[1]) return fail(`unsupported start tag "${inner.slice(0, 20)}" at byte offset ${i}`);
      const name = m[1].toLowerCase();
      if (!ALLOWED.has(name)) return fail(`unsupported start tag "${name}" at byte offset ${i}`);
      if (closing) {
        const open = stack.pop();
        if (open !== name) return fail(`can't find end tag corresponding to start tag "${open ?? name}"`);
      } else {
        const attrs = m[2] ?? "";
        const check = checkAttributes(name, attrs);
        if (check) return fail(check);
        stack.push(name);
      }
      i = end + 1;
      continue;
    }
    if (ch === ">") return fail(`unexpected end tag at byte offset ${i}`);
    if (ch === "&") {
      const m = /^&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/i.exec(html.slice(i, i + 12));
      if (!m?.[1]) return fail(`unsupported entity or bare "&" at byte offset ${i}`);
      const ent = m[1];
      if (ent.startsWith("#")) {
        const code = ent[1] === "x" || ent[1] === "X" ? Number.parseInt(ent.slice(2), 16) : Number(ent.slice(1));
        if (!(code > 0 && code <= 0x10ffff)) return fail(`invalid numeric entity at byte offset ${i}`);
        text += String.fromCodePoint(code);
      } else {
        const v = NAMED[ent.toLowerCase()];
        if (v === undefined) return fail(`unsupported entity "${ent}" at byte offset ${i}`);
        text += v;
      }
      i += m[0].length;
      continue;
    }
    text += ch;
    i++;
  }
  if (stack.length > 0) return fail(`can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  return { ok: true, text };
}

function checkAttributes(tag: string, attrs: string): string | null {
  const found = new Map<string, string>();
  const re = /\s+([a-z-]+)\s*=\s*"([^"<]*)"/giy;
  let pos = 0;
  while (pos < attrs.trimEnd().length) {
    re.lastIndex = pos;
    const m = re.exec(attrs);
    if (!m?.[1]) return `bad attribute list in tag "${tag}"`;
    found.set(m[1].toLowerCase(), m[2] ?? "");
    pos = re.lastIndex;
  }
  if (tag === "a") {
    const href = found.get("href");
    if (href === undefined) return `tag "a" must have attribute "href"`;
    if (!/^(https?:\/\/|tg:\/\/)/i.test(href.replace(/&amp;/g, "&"))) return `unsupported URL in "a" tag`;
  }
  return null;
}

/** Validates a sendMessage/editMessageText text the way Telegram does; returns the plain text or the error. */
export function checkMessageText(text: unknown, parseMode: unknown, limit = 4096): HtmlCheck {
  if (typeof text !== "string") return { ok: false, description: "Bad Request: message text is empty" };
  let plain = text;
  if (parseMode === "HTML") {
    const r = parseTelegramHtml(text);
    if (!r.ok) return r;
    plain = r.text;
  } else if (parseMode !== undefined) {
    return { ok: false, description: `Bad Request: unsupported parse_mode ${String(parseMode)}` };
  }
  if (plain.trim().length === 0) return { ok: false, description: "Bad Request: message text is empty" };
  if (plain.length > limit) return { ok: false, description: "Bad Request: message is too long" };
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(plain))
    return { ok: false, description: "Bad Request: text must be encoded in UTF-8" };
  return { ok: true, text: plain };
}
