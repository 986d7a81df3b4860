/**
 * How a source is named in replies, and which article stands for a story.
 */
import type { SourceRef } from "../core/queries.ts";

/** The source's title, else its host name, else its URL. */
export function sourceName(s: { title: string | null; url: string }): string {
  if (s.title) return s.title;
  try {
    return new URL(s.url).hostname.replace(/^www\./, "");
  } catch {
    return s.url;
  }
}

/** Adds a source to a list once (by URL). */
export function addSourceRef(list: SourceRef[], s: { title: string | null; url: string } | null): void {
  if (!s) return;
  if (!list.some((x) => x.url === s.url)) list.push({ name: sourceName(s), url: s.url });
}

/**
 * The article a story line shows, of a story's articles oldest published first: the first with a link, else
 * the first. Its title and its URL go together: a line never pairs one outlet's title with another's link.
 */
export function leadArticle<T extends { url: string | null }>(articles: T[]): T | undefined {
  return articles.find((a) => a.url !== null) ?? articles[0];
}
