import { chatKey } from "../src/core/admin.ts";
import type { Command, CommandRequest } from "../src/core/command.ts";
import { BlockedUrlError, FeedFetchError, FeedParseError, UserInputError } from "../src/core/errors.ts";
import { formatDay } from "../src/core/format.ts";
import { reasonText, t } from "../src/core/i18n/index.ts";
import { type Line, line } from "../src/core/reply.ts";
import { truncate } from "../src/core/text.ts";
import { adminOf, argText, audit } from "./_admin.ts";
import { topicOrNull } from "./_shared.ts";

/** Validates the URL typed by the owner: http(s), no credentials; returns its normal form. */
function feedUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if ((u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password) return u.toString();
  } catch {
    // fall through to the message below
  }
  throw new UserInputError({ key: "addsource.badUrl", params: { value: truncate(raw, 80) } });
}

/** Maps fetch and parse failures to a clear, localised answer (nothing was stored). */
function explain(req: CommandRequest, err: unknown): never {
  const translated =
    err instanceof FeedFetchError || err instanceof FeedParseError ? reasonText(req.lang, err.reason) : null;
  const reason = translated ?? (err instanceof Error ? truncate(err.message.replace(/^refused: /, ""), 200) : "");
  if (err instanceof BlockedUrlError) throw new UserInputError({ key: "addsource.blocked", params: { reason } });
  if (err instanceof FeedFetchError) throw new UserInputError({ key: "addsource.fetchFailed", params: { reason } });
  if (err instanceof FeedParseError) throw new UserInputError({ key: "addsource.notFeed", params: { reason } });
  throw err;
}

/** /addsource URL [thèmes…] — validates a feed (safe fetch, parse, preview), stores it and seeds its history. */
const addsource = {
  name: "addsource",
  description: { fr: "Ajouter une source RSS/Atom", en: "Add an RSS/Atom source", ru: "Добавить источник RSS/Atom" },
  options: [
    {
      name: "url",
      type: "string",
      required: true,
      description: { fr: "Adresse du flux", en: "Feed address", ru: "Адрес ленты" },
    },
    {
      name: "topics",
      type: "string",
      description: {
        fr: "Thèmes de la source (facultatif)",
        en: "Topics of the source (optional)",
        ru: "Темы источника (необязательно)",
      },
      autocomplete: "topic",
    },
  ],
  access: "owners",
  usage: { fr: "URL [thèmes…]", en: "URL [topics…]", ru: "URL [темы…]" },
  slow: true,
  async run(req) {
    const admin = adminOf(req);
    const [rawUrl, ...topicWords] = argText(req).split(" ").filter(Boolean);
    if (!rawUrl) throw new UserInputError({ key: "addsource.usage" });
    const url = feedUrl(rawUrl);
    const topics = [...new Set(topicWords.map((w) => topicOrNull(req, w, true) as string))];
    const result = await admin.sources.add(url, { topics, addedBy: chatKey(req.chat) }).catch((e) => explain(req, e));
    if (result.status === "exists") {
      return { lines: [line(t(req.lang, "addsource.exists", { id: result.source.id, url: result.source.url }))] };
    }
    const { source, preview, seeded } = result;
    await audit(req, "source.add", { sourceId: source.id, url: source.url, topics, seeded });
    const lines: Line[] = [
      line(
        t(req.lang, "addsource.language", {
          lang: preview.language ?? t(req.lang, "addsource.unknownLang"),
          count: preview.itemCount,
        }),
      ),
    ];
    if (preview.newest.length > 0) lines.push(line({ text: t(req.lang, "addsource.newest"), bold: true }));
    for (const item of preview.newest) {
      const date = item.publishedAt ? ` — ${formatDay(item.publishedAt, req.lang)}` : "";
      lines.push(
        line("• ", { text: truncate(item.title, 150), url: item.url ?? undefined }, { text: date, italic: true }),
      );
    }
    if (preview.warnings.length > 0) {
      lines.push(line({ text: t(req.lang, "addsource.warnings", { count: preview.warnings.length }), italic: true }));
    }
    lines.push(line(t(req.lang, "addsource.seeded", { count: seeded })));
    return {
      title: t(req.lang, "addsource.title", { title: truncate(source.title ?? source.url, 120) }),
      lines,
      footer: `#${source.id} · ${source.url}`,
    };
  },
} satisfies Command;

export default addsource;
