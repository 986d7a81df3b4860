/**
 * How a source is named in replies.
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
