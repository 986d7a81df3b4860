/**
 * The analysis of a Russian article, under the same contract as French (DocumentAnalysis): people folded to the
 * same keys as their French spellings, quotes with speakers, dated events, topics of the shared taxonomy, and a
 * story signature whose people, dates and transliterated keywords meet those of French reports of the same event.
 */
import type { DocumentAnalysis } from "../../core/analysis-types.ts";
import type { PersonRegistry } from "../names.ts";
import { buildSignature } from "../stories.ts";
import { extractEventsRu, MONTHS_GEN } from "./dates-ru.ts";
import { glossRussian } from "./glossary-ru.ts";
import { scanPeopleRu } from "./names-ru.ts";
import { extractQuotesRu } from "./quotes-ru.ts";
import { classifyTopicsRu } from "./topics-ru.ts";
import { transliterate } from "./translit.ts";

const FULL_DATE_RE = new RegExp(`(\\d{1,2})\\s+(${MONTHS_GEN.join("|")})\\s+(\\d{4})`, "giu");
/** `АСТАНА, 3 марта…` / `МОСКВА. 11.11.2025`: a city in capitals opening a line. */
const DATELINE_CITY_RE = /(?:^|\n)[А-ЯЁ][А-ЯЁ -]{2,}[,.]\s/u;
const NUMERIC_RE = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/u;

function iso(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/** A dateline opening the text: `МОСКВА, 11 ноября 2025 года.` or `11.11.2025`, within its first 120 characters. */
function leadDatelineRu(text: string): string | null {
  const head = text.slice(0, 160);
  const m = new RegExp(`(\\d{1,2})\\s+(${MONTHS_GEN.join("|")})\\s+(\\d{4})`, "iu").exec(head);
  if (m && (m.index ?? 0) < 120)
    return iso(Number(m[3]), MONTHS_GEN.indexOf(m[2]?.toLowerCase() ?? "") + 1, Number(m[1]));
  const n = NUMERIC_RE.exec(head);
  return n ? iso(Number(n[3]), Number(n[2]), Number(n[1])) : null;
}

/** The latest full date written in the text (a low-confidence reference when nothing else dates it). */
function latestFullDate(text: string): string | null {
  let best: string | null = null;
  for (const m of text.matchAll(FULL_DATE_RE)) {
    const d = iso(Number(m[3]), MONTHS_GEN.indexOf(m[2]?.toLowerCase() ?? "") + 1, Number(m[1]));
    if (d && (!best || d > best)) best = d;
  }
  return best;
}

/** Analyses a normalised Russian text (see analyze.ts for the shared steps: normalisation, title). */
export function analyzeRussian(
  text: string,
  title: string,
  feedDate: string | null,
  registry: PersonRegistry,
): Omit<DocumentAnalysis, "text" | "title" | "language"> {
  const dateline = leadDatelineRu(text);
  const publishedAt = feedDate || dateline;
  const refDate = publishedAt ?? latestFullDate(text);
  const dateReference = refDate
    ? {
        date: refDate,
        source: feedDate ? ("feed" as const) : dateline ? ("dateline" as const) : ("text" as const),
        confidence: feedDate || dateline ? ("high" as const) : ("low" as const),
      }
    : null;
  const { people, mentions } = scanPeopleRu(text, registry);
  const quotes = extractQuotesRu(text, mentions, registry);
  // The dateline's own date dates the article, it is not an event of it.
  const datelineAt = dateline ? DATELINE_CITY_RE.exec(text.slice(0, 200)) : null;
  const events = extractEventsRu(text, refDate).filter(
    (e) => !(datelineAt && e.start === dateline && Math.abs(e.position - (datelineAt.index ?? 0)) < 60),
  );
  const topics = classifyTopicsRu(text, title);
  // Signatures compare words: event nouns and places in their French form (glossary), the rest transliterated, so
  // that a Russian and a French report of one event meet.
  const signature = buildSignature({
    title: transliterate(glossRussian(title)),
    text: transliterate(glossRussian(text)),
    publishedAt,
    people,
    quotes: quotes.map((q) => ({ ...q, text: transliterate(q.text) })),
    events,
  });
  return { publishedAt, topics, quotes, events, people, signature, dateReference };
}
