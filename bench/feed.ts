/**
 * A generated RSS 2.0 feed of invented articles (see ./text.ts): full content in <content:encoded> as HTML
 * paragraphs, a short description, unique link and guid, RFC 822 dates spread over one year.
 */
import { generateArticle } from "./text.ts";

const DAY_MS = 86_400_000;

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Options of {@link generateFeed}. */
export interface FeedOptions {
  items: number;
  seed?: number;
  /** Last publication day (items go back one day every `items/365` items). */
  end?: Date;
}

/** The feed XML. Item i is published `i * 365 / items` days before `end` (newest first, as feeds list them). */
export function generateFeed(opts: FeedOptions): string {
  const end = (opts.end ?? new Date("2025-11-20T09:00:00Z")).getTime();
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    "<channel><title>Steppe Hebdo (banc d'essai)</title><link>https://bench.example/</link>",
    "<description>Flux inventé pour les mesures de performance</description><language>fr</language>",
  ];
  for (let i = 0; i < opts.items; i++) {
    const a = generateArticle(i, opts.seed ?? 7);
    const at = new Date(end - Math.floor((i * 365) / opts.items) * DAY_MS - (i % 17) * 3_600_000);
    const html = a.body
      .split("\n\n")
      .map((p) => `<p>${esc(p)}</p>`)
      .join("");
    parts.push(
      `<item><title>${esc(a.title)}</title><link>https://bench.example/article/${i}</link>`,
      `<guid isPermaLink="false">bench-${opts.seed ?? 7}-${i}</guid><pubDate>${at.toUTCString()}</pubDate>`,
      `<description>${esc(a.body.slice(0, 240))}…</description>`,
      `<content:encoded><![CDATA[${html}]]></content:encoded></item>`,
    );
  }
  parts.push("</channel></rss>");
  return parts.join("\n");
}
