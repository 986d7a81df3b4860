/**
 * Quotation extraction and attribution for normalised French text. Spans come from quote-spans.ts, the per-sentence
 * rule cascade from attribution.ts; this module filters titles and scare quotes, resolves pronouns and carries the
 * last speaker over partial quotes within a paragraph or the next one.
 */
import type { ExtractedPerson, ExtractedQuote } from "../core/analysis-types.ts";
import {
  type AttributionContext,
  judgeClause,
  judgeSentence,
  type LocatedMention,
  splitClauses,
  type Verdict,
} from "./attribution.ts";
import type { PersonRegistry } from "./names.ts";
import { findQuoteSpans, maskQuotes, type QuoteSpan, splitSentences } from "./quote-spans.ts";
import { DOCUMENT_RE, documentSpeaker } from "./reporting.ts";
import { parseRole, type RoleInfo, roleAfter, roleBefore } from "./roles.ts";
import { hasSpeechVerb } from "./speech-verbs.ts";

/**
 * Quotations shorter than this many words are kept only when their sentence attributes them (a speech verb with
 * its subject, or a pronoun subject): otherwise they are scare quotes or terms ("un « casse-tête »").
 */
export const MIN_QUOTE_WORDS = 3;

const TITLE_NOUN_RE =
  /(?:traité|accord|déclaration|programme|stratégie|initiative|plan|projet|forum|conférence|sommet|loi|décret|opération|intitulée?|baptisée?|nommée?|dénommée?|livre|ouvrage|film|exposition|festival|slogan|devise)(?![\p{L}])[^,;:«"“]*$/iu;

const NAMING_RE =
  /(?:^|[\s'])(?:dit|dite|dits|dites|baptisée?s?|surnommée?s?|intitulée?s?|nommée?s?|dénommée?s?|appelée?s?|sous le nom de|le nom de|le paquet|slogan|devise|mot d'ordre|hashtag|mot-clé)\s*$/iu;

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
}

/** A name in « » right after "traité", "accord"…: a title, not something someone said. */
function isTitle(ctx: AttributionContext, span: QuoteSpan, sentenceStart: number, words: number): boolean {
  if (words > 12) return false;
  // "dit « AI Act »", "surnommé « bouclier loyer »", "le paquet « Omnibus »": a name given to something.
  const just = ctx.masked.slice(Math.max(sentenceStart, span.start - 40), span.start);
  if (words <= 8 && NAMING_RE.test(just) && !/(?:s'est|se|s'était|est|sont)\s+dite?s?\s*$/iu.test(just)) return true;
  const inner = ctx.text.slice(span.innerStart, span.innerEnd).trim();
  if (!/^\p{Lu}/u.test(inner) || /[.!?]$/u.test(inner)) return false;
  const before = ctx.masked.slice(Math.max(sentenceStart, span.start - 80), span.start);
  const from = Math.max(sentenceStart, span.start - 80);
  return TITLE_NOUN_RE.test(before) && !hasSpeechVerb(ctx.masked, from, span.start);
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

/** "cette « guerre du blé »": a quotation inside a noun phrase is a term unless the sentence attributes it. */
const DETERMINER_BEFORE_RE = /(?:^|[\s'])(?:cette|ce|cet|ces|la|le|les|un|une|des|du|l'|sa|son|ses|leur|leurs)\s*$/iu;

/** The last speaker seen: its name, paragraph and sentence. */
interface Last {
  name: string;
  para: number;
  si: number;
}

const PREPOSITION_BEFORE_RE =
  /(?:^|\s)(?:avec|à|de|d'|du|des|par|pour|chez|contre|entre|auprès\s+de|sur|au|aux|et)\s*$/iu;

/** Person mentions of [from, at) that can be a subject (not after a preposition), in order. */
function subjectMentions(ctx: AttributionContext, from: number, at: number): LocatedMention[] {
  return ctx.mentions.filter(
    (m) =>
      m.start >= from &&
      m.end <= at &&
      !PREPOSITION_BEFORE_RE.test(
        ctx.masked.slice(Math.max(from, m.start - 12), m.start).replace(/(?:M|Mme|Dr|Pr)\.?\s*$/u, ""),
      ),
  );
}

/**
 * Candidates for "il" / "a-t-il" / "ce dernier", best first: a subject named earlier in the same sentence, the
 * document the previous sentence is about, the previous sentence's speaker, its subject, the last speaker, the
 * last person named.
 */
function pronounCandidates(ctx: AttributionContext, si: number, v: Verdict, last: Last | null): string[] {
  const cur = ctx.sentences[si];
  const prev = ctx.sentences[si - 1];
  if (!cur) return [];
  const out: string[] = [];
  if (v.kind === "coref") {
    // "Ce dernier": the last person named before this clause.
    const before = ctx.mentions.filter((m) => m.end <= v.at);
    const m = before[before.length - 1];
    if (m) out.push(m.name);
    return out;
  }
  const at = v.kind === "pronoun" ? v.at : cur.end;
  const same = subjectMentions(ctx, cur.start, at)[0];
  if (same) out.push(same.name);
  if (prev) {
    const doc = DOCUMENT_RE.exec(ctx.masked.slice(prev.start, prev.end));
    if (doc?.[1]) out.push(documentSpeaker(doc[1]));
    if (last && last.si === si - 1) out.push(last.name);
    const subj = subjectMentions(ctx, prev.start, prev.end)[0];
    if (subj) out.push(subj.name);
  }
  if (last && cur.para - last.para <= 2) out.push(last.name);
  const before = ctx.mentions.filter((x) => x.start < cur.start);
  const lastMention = before[before.length - 1];
  if (lastMention) out.push(lastMention.name);
  return out;
}

/** Is `name` (or its surname) written inside the quotation? Then the quote talks about them, not by them. */
function namedInside(name: string, quoted: string): boolean {
  const surname = name.split(/\s+/).pop() ?? name;
  if (surname.length <= 2) return false;
  // The shared pattern is global: reset its position around a one-off test.
  const re = formRe(surname);
  re.lastIndex = 0;
  const hit = re.test(quoted);
  re.lastIndex = 0;
  return hit;
}

/**
 * Quotations in `text` (normalised by normalizeText) with their speakers. `people` are the text's people from
 * extractPeople; speakers are their canonical names, an institution or a document ("la Déclaration"), or null.
 * Titles in « » after "traité"/"accord" are left out, and so are quotations under {@link MIN_QUOTE_WORDS} words
 * that their sentence does not attribute.
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
  // A sentence without quotations matters only as the speaker a later quotation may carry over (within two
  // paragraphs): the others are not judged at all.
  const quotedParas = new Set<number>();
  for (let k = 0, si = 0; k < spans.length; k++) {
    const at = spans[k]?.start ?? 0;
    while (si < sentences.length - 1 && (sentences[si]?.end ?? 0) <= at) si++;
    const s = sentences[si];
    if (s) quotedParas.add(s.para);
  }
  const mayCarry = (para: number) => quotedParas.has(para) || quotedParas.has(para + 1) || quotedParas.has(para + 2);
  let last: Last | null = null;
  let spanIdx = 0;
  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si];
    if (!sentence) continue;
    ctx.lastSpeaker = last?.name ?? null;
    const own: QuoteSpan[] = [];
    while (spanIdx < spans.length && (spans[spanIdx]?.start ?? 0) < sentence.end) {
      const sp = spans[spanIdx++];
      if (sp && sp.start >= sentence.start) own.push(sp);
    }
    if (own.length === 0) {
      if (!mayCarry(sentence.para)) continue;
      const v = judgeSentence(ctx, sentence);
      const name = v.kind === "speaker" ? v.name : null;
      if (name) last = { name, para: sentence.para, si };
      continue;
    }
    const clauses = splitClauses(ctx, sentence);
    const verdicts = clauses.map((c, i) => judgeClause(ctx, c.start, c.end, i === 0));
    let sentenceSpeaker: string | null = null;
    for (const sp of own) {
      const quoted = text.slice(sp.innerStart, sp.innerEnd).replace(/\s+/g, " ").trim();
      const words = wordCount(quoted);
      if (isTitle(ctx, sp, sentence.start, words)) continue;
      const ci = Math.max(
        0,
        clauses.findIndex((c) => sp.start >= c.start && sp.start < c.end),
      );
      // The quote's own clause first, then the clauses before it, then those after.
      const order = [ci, ...[...Array(ci).keys()].reverse(), ...[...Array(clauses.length).keys()].slice(ci + 1)];
      const v = order.map((k) => verdicts[k] as Verdict).find((x) => x.kind !== "none") ?? { kind: "none" };
      let speaker: string | null = null;
      let explicit = false;
      if (v.kind === "speaker") {
        speaker = v.name;
        explicit = true;
      } else if (v.kind === "pronoun" || v.kind === "coref") {
        speaker = pronounCandidates(ctx, si, v, last).find((n) => !namedInside(n, quoted)) ?? null;
        explicit = speaker !== null;
      } else if (v.kind === "none" && last && sentence.para - last.para <= 1 && !namedInside(last.name, quoted)) {
        speaker = last.name;
      }
      if (!explicit && (words < MIN_QUOTE_WORDS || DETERMINER_BEFORE_RE.test(masked.slice(sp.start - 12, sp.start)))) {
        continue;
      }
      if (speaker) sentenceSpeaker = speaker;
      // A non-person subject with a speech verb ("les anciens disaient") stops carry-over.
      if (v.kind === "blocked") last = null;
      out.push({ text: quoted, speaker, position: sp.start });
    }
    if (sentenceSpeaker) last = { name: sentenceSpeaker, para: sentence.para, si };
  }
  return out;
}
