/**
 * Quotation extraction and attribution for normalised French text. Spans come from quote-spans.ts, the per-sentence
 * rule cascade from attribution.ts; this module filters titles and scare quotes, resolves pronouns and carries the
 * last speaker over partial quotes within a paragraph or the next one.
 */
import type { ExtractedPerson, ExtractedQuote } from "../core/analysis-types.ts";
import { type AttributionContext, judgeSentence, type LocatedMention } from "./attribution.ts";
import type { PersonRegistry } from "./names.ts";
import { findQuoteSpans, maskQuotes, type QuoteSpan, splitSentences } from "./quote-spans.ts";
import { DOCUMENT_RE, documentSpeaker, FINITE_VERB_RE } from "./reporting.ts";
import { parseRole, type RoleInfo, roleAfter, roleBefore } from "./roles.ts";

/** Quotations shorter than this many words are scare quotes or terms ("casse-tête", « sans fondement »). */
export const MIN_QUOTE_WORDS = 3;

const TITLE_NOUN_RE =
  /(?:traité|accord|déclaration|programme|stratégie|initiative|plan|projet|forum|conférence|sommet|loi|décret|opération|intitulée?|baptisée?|nommée?|dénommée?|livre|ouvrage|film|exposition|festival|slogan|devise)(?![\p{L}])[^,;:«"“]*$/iu;

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
}

/** A name in « » right after "traité", "accord"…: a title, not something someone said. */
function isTitle(ctx: AttributionContext, span: QuoteSpan, sentenceStart: number, words: number): boolean {
  if (words > 12) return false;
  const inner = ctx.text.slice(span.innerStart, span.innerEnd).trim();
  if (!/^\p{Lu}/u.test(inner) || /[.!?]$/u.test(inner)) return false;
  const before = ctx.masked.slice(Math.max(sentenceStart, span.start - 80), span.start);
  return TITLE_NOUN_RE.test(before) && !FINITE_VERB_RE.test(before);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The same names recur across articles; compiling their Unicode-aware patterns once each is a measurable saving.
const formRes = new Map<string, RegExp>();

function formRe(form: string): RegExp {
  let re = formRes.get(form);
  if (re === undefined) {
    if (formRes.size >= 5_000) formRes.clear();
    re = new RegExp(`(?<![\\p{L}\\d'-])${escapeRe(form)}(?![\\p{L}\\d-])`, "gu");
    formRes.set(form, re);
  }
  return re;
}

/** Mentions of the given people outside quotations, found by their surface forms. */
function locate(text: string, people: readonly ExtractedPerson[], spans: readonly QuoteSpan[]): LocatedMention[] {
  const forms: { form: string; name: string }[] = [];
  for (const p of people) {
    for (const a of new Set([p.name, ...p.aliases])) {
      forms.push({ form: a.replace(/^(?:M|Mme|Mlle|Dr|Pr)\.?\s+/u, ""), name: p.name });
    }
  }
  forms.sort((a, b) => b.form.length - a.form.length);
  const taken: LocatedMention[] = [];
  const inside = (i: number) => spans.some((s) => i >= s.innerStart && i < s.innerEnd);
  for (const { form, name } of forms) {
    if (form.length < 2) continue;
    // matchAll works on a copy of the regex, so the shared one keeps no lastIndex state.
    for (const m of text.matchAll(formRe(form))) {
      const start = m.index ?? 0;
      const end = start + form.length;
      if (inside(start) || taken.some((t) => start < t.end && end > t.start)) continue;
      taken.push({ name, start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

function rolesOf(text: string, mentions: readonly LocatedMention[], registry: PersonRegistry): Map<string, RoleInfo[]> {
  const roles = new Map<string, RoleInfo[]>();
  const add = (name: string, info: RoleInfo | null) => {
    if (!info) return;
    const list = roles.get(name) ?? [];
    list.push(info);
    roles.set(name, list);
  };
  for (const m of mentions) {
    const written = roleBefore(text, m.start) ?? roleAfter(text, m.end);
    if (written && !/^homologue/iu.test(written)) add(m.name, parseRole(written));
  }
  for (const name of new Set(mentions.map((m) => m.name))) {
    const entry = registry.resolve(name);
    if (!entry) continue;
    const info = entry.role ? parseRole(entry.role) : null;
    if (info && !info.nationality) info.nationality = entry.nationality;
    add(name, info);
    // A role written in the text without a country inherits the table's nationality.
    for (const r of roles.get(name) ?? []) r.nationality ??= entry.nationality;
  }
  return roles;
}

/**
 * Quotations in `text` (normalised by normalizeText) with their speakers. `people` are the text's people from
 * extractPeople; speakers are their canonical names, a document ("la Déclaration", "le communiqué"), or null.
 * Titles in « » after "traité"/"accord" and quotations under {@link MIN_QUOTE_WORDS} words are left out.
 */
export function extractQuotes(
  text: string,
  people: readonly ExtractedPerson[],
  registry: PersonRegistry,
): ExtractedQuote[] {
  if (!text) return [];
  const spans = findQuoteSpans(text);
  if (spans.length === 0) return [];
  const masked = maskQuotes(text, spans);
  const sentences = splitSentences(text, masked, spans);
  const mentions = locate(text, people, spans);
  const ctx: AttributionContext = {
    text,
    masked,
    spans,
    sentences,
    mentions,
    roles: rolesOf(text, mentions, registry),
    registry,
  };
  const out: ExtractedQuote[] = [];
  let last: { name: string; para: number } | null = null;
  let spanIdx = 0;
  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si];
    if (!sentence) continue;
    const own: QuoteSpan[] = [];
    while (spanIdx < spans.length && (spans[spanIdx]?.start ?? 0) < sentence.end) {
      const sp = spans[spanIdx++];
      if (sp && sp.start >= sentence.start) own.push(sp);
    }
    const verdict = judgeSentence(ctx, sentence);
    let speaker: string | null = null;
    if (verdict.kind === "speaker") speaker = verdict.name;
    else if (verdict.kind === "pronoun") speaker = pronounSpeaker(ctx, si, last);
    else if (verdict.kind === "none" && own.length > 0 && last && sentence.para - last.para <= 1) speaker = last.name;
    // A non-person subject with a reporting verb ("les anciens disaient") stops carry-over only when it quotes.
    if (verdict.kind === "blocked" && own.length > 0) last = null;
    if (speaker) last = { name: speaker, para: sentence.para };
    for (const sp of own) {
      const quoted = text.slice(sp.innerStart, sp.innerEnd).replace(/\s+/g, " ").trim();
      const words = wordCount(quoted);
      if (words < MIN_QUOTE_WORDS || isTitle(ctx, sp, sentence.start, words)) continue;
      out.push({ text: quoted, speaker, position: sp.start });
    }
  }
  return out;
}

/** "il"/"elle"/"selon lui": the document the previous sentence is about, else the last speaker, else its person. */
function pronounSpeaker(
  ctx: AttributionContext,
  si: number,
  last: { name: string; para: number } | null,
): string | null {
  const prev = ctx.sentences[si - 1];
  const cur = ctx.sentences[si];
  if (!prev || !cur) return last?.name ?? null;
  const doc = DOCUMENT_RE.exec(ctx.masked.slice(prev.start, prev.end));
  if (doc?.[1]) return documentSpeaker(doc[1]);
  if (last && cur.para - last.para <= 2) return last.name;
  const m = ctx.mentions.find((x) => x.start >= prev.start && x.start < prev.end);
  if (m) return m.name;
  const before = ctx.mentions.filter((x) => x.start < cur.start);
  return before[before.length - 1]?.name ?? null;
}
