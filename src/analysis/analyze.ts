/**
 * One-call analysis of a French article: normalisation, language, people, quotes, events, topics and the story
 * signature. Pure: no I/O, no clock (dates come from the input or the article's dateline).
 */
import type { AnalysisInput, DocumentAnalysis } from "../core/analysis-types.ts";
import { leadDateline } from "./dateline.ts";
import { dateReference, extractEvents } from "./events.ts";
import { extractPeople, PersonRegistry } from "./names.ts";
import { detectLanguage, normalizeText, parseDateline } from "./normalize.ts";
import { extractQuotes } from "./quotes.ts";
import { analyzeRussian } from "./ru/analyze-ru.ts";
import { buildSignature } from "./stories.ts";
import type { Taxonomy } from "./taxonomy.ts";
import { classifyTopics } from "./topics.ts";

/** Options of {@link analyzeDocument}. */
export interface AnalyzeOptions {
  /** Alias registry shared across documents; a fresh default registry when omitted. */
  registry?: PersonRegistry;
  /** Topic taxonomy (see taxonomy.ts); the default one when omitted. */
  taxonomy?: Taxonomy;
}

let defaultRegistry: PersonRegistry | null = null;

/** The document's language; a text too short for the model but written in Cyrillic is taken as Russian. */
function languageOf(raw: string): string {
  if (!raw) return "und";
  const lang = detectLanguage(raw);
  if (lang !== "und") return lang;
  const letters = raw.match(/\p{L}/gu)?.length ?? 0;
  const cyrillic = raw.match(/[\u0400-\u04FF]/gu)?.length ?? 0;
  return letters > 0 && cyrillic / letters > 0.6 ? "ru" : "und";
}

const MAX_TITLE = 200;

function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim().length > 0) ?? "";
  return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1).trimEnd()}…` : line;
}

/**
 * Analyses one document. `publishedAt` is the input's date, else the dateline's, else null; events are resolved
 * against `dateReference` (the input's date, else the dateline's, else the text's latest full date); the title is the
 * input's, else the normalised first line. Never throws on odd input (empty, binary): fields are just empty.
 */
export function analyzeDocument(input: AnalysisInput, opts: AnalyzeOptions = {}): DocumentAnalysis {
  defaultRegistry ??= new PersonRegistry();
  const registry = opts.registry ?? defaultRegistry;
  const raw = typeof input.text === "string" ? input.text : "";
  // The language decides the rules: Russian has its own (./ru/), the rest goes through the French ones.
  const rawLanguage = languageOf(raw);
  const norm = normalizeText(raw, { keepForeignLines: rawLanguage === "ru" });
  const text = norm.text;
  const inputTitle = input.title?.trim();
  const title = inputTitle ? inputTitle : (norm.title ?? firstLine(text));
  if (rawLanguage === "ru") {
    return { title, language: "ru", text, ...analyzeRussian(text, title, input.publishedAt || null, registry) };
  }
  // No feed date: the byline's date, else a dateline opening the text ("ASTANA, 14 mars 2026 —").
  const publishedAt =
    input.publishedAt || (norm.dateline ? parseDateline(norm.dateline) : null) || leadDateline(text)?.iso || null;
  // Without a feed date the events are read against the text's own anchor, marked low confidence.
  const reference = dateReference(text, input.publishedAt || null);
  const people = extractPeople(text, registry);
  const quotes = extractQuotes(text, people, registry);
  const events = extractEvents(text, publishedAt);
  const topics = opts.taxonomy ? classifyTopics(text, title, opts.taxonomy) : classifyTopics(text, title);
  const signature = buildSignature({ title, text, publishedAt, people, quotes, events });
  return {
    title,
    publishedAt,
    language: text ? detectLanguage(text) : "und",
    text,
    topics,
    quotes,
    events,
    people,
    signature,
    dateReference: reference,
  };
}
