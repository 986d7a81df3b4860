/**
 * A story signature built from text and a hand-made list of people, for story-grouping tests (the quotes are read
 * with a simple inline extraction: guillemets and straight double quotes).
 */
import { extractEvents } from "../../src/analysis/events.ts";
import { buildSignature } from "../../src/analysis/stories.ts";
import type { ExtractedPerson, ExtractedQuote, StorySignature } from "../../src/core/analysis-types.ts";

const person = (key: string): ExtractedPerson => ({ name: key, key, aliases: [key], role: null, mentions: 1 });

function quotes(text: string): ExtractedQuote[] {
  return [...text.matchAll(/«([^»]+)»|"([^"]+)"/g)].map((m) => ({
    text: (m[1] ?? m[2] ?? "").replace(/\s+/g, " ").trim(),
    speaker: null,
    position: m.index ?? 0,
  }));
}

export function signature(text: string, title: string, publishedAt: string | null, people: string[]): StorySignature {
  return buildSignature({
    title,
    text,
    publishedAt,
    people: people.map(person),
    quotes: quotes(text),
    events: extractEvents(text, publishedAt),
  });
}
