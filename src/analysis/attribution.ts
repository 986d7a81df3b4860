/**
 * Speaker attribution for one sentence: heading "Nom : « … »", inversion "», a déclaré X", "selon X", and a
 * reporting verb with its subject (a person, a role such as "le dirigeant kazakh", a document, or a pronoun).
 */
import type { PersonEntry, PersonRegistry } from "./names.ts";
import type { QuoteSpan, Sentence } from "./quote-spans.ts";
import {
  DOCUMENT_RE,
  documentSpeaker,
  FINITE_VERB_RE,
  INVERSION_RE,
  LEADING_ADVERBS_RE,
  PRONOUN_END_RE,
  PRONOUN_START_RE,
  SELON_RE,
} from "./reporting.ts";
import { parseRole, ROLE_RE, type RoleInfo, roleMatches } from "./roles.ts";

/** A person mention outside quotations, with the roles written next to it. */
export interface LocatedMention {
  name: string;
  start: number;
  end: number;
}

/** Everything attribution needs about one text. */
export interface AttributionContext {
  text: string;
  masked: string;
  spans: readonly QuoteSpan[];
  sentences: readonly Sentence[];
  mentions: readonly LocatedMention[];
  /** Roles per canonical name: written in the text first, then the registry's. */
  roles: ReadonlyMap<string, readonly RoleInfo[]>;
  registry: PersonRegistry;
}

/** What a sentence says about who is speaking. */
export type Verdict =
  | { kind: "speaker"; name: string; document: boolean }
  | { kind: "pronoun" }
  | { kind: "blocked" }
  | { kind: "none" };

const NONE: Verdict = { kind: "none" };
const BLOCKED: Verdict = { kind: "blocked" };

function mentionIn(ctx: AttributionContext, from: number, to: number): LocatedMention[] {
  return ctx.mentions.filter((m) => m.start >= from && m.end <= to);
}

/** The person a bare role denotes: best role match among people mentioned before `at`, most recent first. */
export function resolveRole(ctx: AttributionContext, phrase: string, at: number): string | null {
  const query = parseRole(phrase);
  if (!query) return null;
  let best: { name: string; score: number; last: number } | null = null;
  for (const m of ctx.mentions) {
    if (m.start >= at) break;
    const roles = ctx.roles.get(m.name) ?? [];
    const score = Math.max(0, ...roles.map((r) => roleMatches(query, r)));
    if (score === 0) continue;
    if (!best || score > best.score || (score === best.score && m.start > best.last)) {
      best = { name: m.name, score, last: m.start };
    }
  }
  if (best) return best.name;
  // A country's leader named only by role ("le président russe") may be absent from the text: use the table.
  if (!query.nationality || !/^(?:président|dirigeant|chef)/u.test(query.head)) return null;
  const leader = ctx.registry
    .entries()
    .find((e: PersonEntry) => e.nationality === query.nationality && e.role && /^président/iu.test(e.role));
  return leader?.name ?? null;
}

/** Resolves the subject phrase that follows an inverted verb or "selon". */
function subjectAfter(ctx: AttributionContext, from: number, to: number): Verdict {
  const raw = ctx.masked.slice(from, to);
  const lead = LEADING_ADVERBS_RE.exec(raw)?.[0].length ?? 0;
  const s = raw.slice(lead);
  const at = from + lead;
  if (PRONOUN_START_RE.test(s)) return { kind: "pronoun" };
  const near = mentionIn(ctx, at, Math.min(to, at + 90))[0];
  const doc = DOCUMENT_RE.exec(s);
  if (doc?.[1] && (!near || near.start > at + doc[0].length + 20)) {
    return { kind: "speaker", name: documentSpeaker(doc[1]), document: true };
  }
  if (near) return { kind: "speaker", name: near.name, document: false };
  const role = ROLE_RE.exec(s.slice(0, 60));
  if (role && role.index <= 6) {
    const phrase = s.slice(role.index).split(/[,.;:]/)[0] ?? "";
    const name = resolveRole(ctx, phrase, at);
    return name ? { kind: "speaker", name, document: false } : BLOCKED;
  }
  return BLOCKED;
}

/** Resolves the subject written before a verb at `verbAt`, inside the sentence starting at `from`. */
function subjectBefore(ctx: AttributionContext, from: number, verbAt: number): Verdict {
  const clauseStart = Math.max(from, ctx.masked.lastIndexOf(";", verbAt) + 1);
  const before = ctx.masked.slice(clauseStart, verbAt);
  if (PRONOUN_END_RE.test(before)) return { kind: "pronoun" };
  const mentions = mentionIn(ctx, clauseStart, verbAt);
  const last = mentions[mentions.length - 1];
  const gap = last ? ctx.masked.slice(last.end, verbAt) : before;
  if (last && gap.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 3 && !ROLE_RE.test(gap)) {
    return { kind: "speaker", name: last.name, document: false };
  }
  const tail = gap.split(/,/).pop() ?? gap;
  const doc = DOCUMENT_RE.exec(tail);
  if (doc?.[1]) return { kind: "speaker", name: documentSpeaker(doc[1]), document: true };
  const role = ROLE_RE.exec(tail);
  if (role) {
    const name = resolveRole(ctx, tail.slice(role.index), verbAt);
    if (name) return { kind: "speaker", name, document: false };
  }
  return BLOCKED;
}

/** Who speaks in sentence `sentence` according to its own words (no carry-over). */
export function judgeSentence(ctx: AttributionContext, sentence: Sentence): Verdict {
  const { start, end } = sentence;
  const s = ctx.masked.slice(start, end);
  // Heading "Nom : « … »".
  const heading = /^\s*([^:«"“\n]{3,60}?)\s*:\s*[«"“]/u.exec(s);
  if (heading?.[1] && !FINITE_VERB_RE.test(heading[1])) {
    const m = mentionIn(ctx, start, start + heading[0].length);
    const only = m[m.length - 1];
    if (only && ctx.masked.slice(only.end, start + heading[0].length).replace(/[\s:«"“]/g, "") === "") {
      return { kind: "speaker", name: only.name, document: false };
    }
  }
  // Inversion after a closing mark ("», a déclaré l'ambassadeur"), or at a later comma of the same sentence
  // ("« … », les parties continueront…, indique le document").
  const firstClose = ctx.spans.find((q) => q.end > start && q.end <= end);
  if (firstClose) {
    for (let i = firstClose.end - 1; i >= 0 && i < end; i = ctx.masked.indexOf(",", i + 1)) {
      const inv = INVERSION_RE.exec(ctx.masked.slice(i === firstClose.end - 1 ? firstClose.end : i, end));
      if (!inv) continue;
      if (/-t-(?:il|elle)|-(?:il|elle)$/iu.test(inv[0])) return { kind: "pronoun" };
      const from = (i === firstClose.end - 1 ? firstClose.end : i) + inv[0].length;
      return subjectAfter(ctx, from, end);
    }
  }
  const selon = SELON_RE.exec(s);
  if (selon) {
    const v = subjectAfter(ctx, start + selon.index + selon[0].length, end);
    if (v.kind !== "blocked") return v;
  }
  const verb = FINITE_VERB_RE.exec(s);
  if (verb) return subjectBefore(ctx, start, start + verb.index);
  return NONE;
}
