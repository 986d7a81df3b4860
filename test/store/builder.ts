/**
 * Hand-made analyses and article inputs for store tests (invented French text on the Kazakhstan–Russia beat).
 */
import { createHash } from "node:crypto";
import type {
  DocumentAnalysis,
  ExtractedEvent,
  ExtractedPerson,
  ExtractedQuote,
} from "../../src/core/analysis-types.ts";
import { foldKey } from "../../src/core/name-key.ts";
import type { ArticleInput } from "../../src/core/store.ts";

export function person(name: string, aliases: string[] = [], role: string | null = null): ExtractedPerson {
  return { name, key: foldKey(name), aliases: [name, ...aliases], role, mentions: 1 + aliases.length };
}

export function quote(text: string, speaker: string | null, position = 0): ExtractedQuote {
  return { text, speaker, position };
}

export function event(
  start: string,
  text: string,
  summary: string,
  extra: Partial<ExtractedEvent> = {},
): ExtractedEvent {
  return { start, end: start, precision: "day", text, summary, position: 0, ...extra };
}

/** A DocumentAnalysis with sensible empty defaults. */
export function analysis(over: Partial<DocumentAnalysis> & { title: string; text: string }): DocumentAnalysis {
  return {
    publishedAt: null,
    language: "fr",
    topics: [],
    quotes: [],
    events: [],
    people: [],
    signature: {
      people: (over.people ?? []).map((p) => p.key),
      dates: (over.events ?? []).map((e) => e.start),
      quoteShingles: [],
      keywords: over.title.toLowerCase().split(/\s+/).slice(0, 5),
    },
    ...over,
  };
}

export function input(over: Partial<ArticleInput> & { title: string }): ArticleInput {
  return { sourceId: null, url: null, guid: null, author: null, publishedAt: null, summary: null, ...over };
}

export function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
