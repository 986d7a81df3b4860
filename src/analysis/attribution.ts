/**
 * Speaker attribution, clause by clause. A sentence is cut into clauses (at `;`, `tandis que`, `alors que`, `mais`);
 * in each clause the speaker comes from, in order: a heading "Nom : « … »", an inverted speech verb after a quote
 * or in an incise (`», a déclaré X`, `» a également déclaré X`, `…, a reconnu X, évoquant « … »`), a speech verb with
 * its subject before it (a person, a role, a pronoun, an institution, a document), then `selon X`, `d'après X`,
 * `pour X,`, `aux yeux de X`. News media are sources, never speakers: they are skipped and the search goes on.
 */
import { institutionName, isMedia } from "./institutions.ts";
import type { PersonEntry, PersonRegistry } from "./names.ts";
import type { QuoteSpan, Sentence } from "./quote-spans.ts";
import { DOCUMENT_RE, documentSpeaker, LEADING_ADVERBS_RE, PRONOUN_START_RE } from "./reporting.ts";
import { parseRole, ROLE_RE, type RoleInfo, roleMatches } from "./roles.ts";
import { findVerbGroups, hasSpeechVerb, type VerbGroup, verbGroupAt } from "./speech-verbs.ts";

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
  /** Speaker of the last attributed quotation, kept up to date by the caller ("son hôte" is the other one). */
  lastSpeaker?: string | null;
}

/** What a clause says about who is speaking. `at` of a pronoun is where it stands (for same-sentence look-back). */
export type Verdict =
  | { kind: "speaker"; name: string; document: boolean }
  | { kind: "pronoun"; at: number }
  | { kind: "coref"; at: number }
  | { kind: "blocked" }
  | { kind: "none" };

const NONE: Verdict = { kind: "none" };
const BLOCKED: Verdict = { kind: "blocked" };
/** Internal: a medium was named as the subject; not a speaker, keep looking. */
const SOURCE = { kind: "source" } as const;
type Found = Verdict | typeof SOURCE;

type Decisive = Extract<Verdict, { kind: "speaker" | "pronoun" | "coref" }>;
const decisive = (v: Found): v is Decisive => v.kind === "speaker" || v.kind === "pronoun" || v.kind === "coref";

function mentionIn(ctx: AttributionContext, from: number, to: number): LocatedMention[] {
  return ctx.mentions.filter((m) => m.start >= from && m.end <= to);
}

/** The person a bare role denotes: best role match among people mentioned before `at` (else just after). */
export function resolveRole(ctx: AttributionContext, phrase: string, at: number): string | null {
  const query = parseRole(phrase);
  if (!query) return null;
  let best: { name: string; score: number; last: number } | null = null;
  let ahead: { name: string; score: number } | null = null;
  for (const m of ctx.mentions) {
    const roles = ctx.roles.get(m.name) ?? [];
    const score = Math.max(0, ...roles.map((r) => roleMatches(query, r)));
    if (score === 0) continue;
    if (m.start >= at) {
      // "Le porte-parole du Kremlin a démenti… » then "a déclaré Dmitri Peskov": an exact role named just after.
      if (!ahead && score >= 4 && m.start - at < 400) ahead = { name: m.name, score };
      continue;
    }
    if (!best || score > best.score || (score === best.score && m.start > best.last)) {
      best = { name: m.name, score, last: m.start };
    }
  }
  if (best) return best.name;
  if (ahead) return ahead.name;
  if (ORG_COMPLEMENT_RE.test(phrase)) return null;
  // A country's leader named only by role ("le président russe") may be absent from the text: use the table.
  if (!query.nationality || !/^(?:président|dirigeant|chef)/u.test(query.head)) return null;
  const leader = ctx.registry
    .entries()
    .find((e: PersonEntry) => e.nationality === query.nationality && e.role && /^président/iu.test(e.role));
  return leader?.name ?? null;
}

const COUNTERPART_RE = /^\s*(?:son|sa)\s+(?:homologue|hôte|invitée?|interlocut(?:eur|rice))(?![\p{L}])/iu;
/** A role held in a body rather than a country: "président de l'agence …", "directeur du groupe …". */
const ORG_COMPLEMENT_RE =
  /\s(?:de|du|des|de\s+la|de\s+l')\s*(?:agence|groupe|société|compagnie|comité|commission|banque|fonds|conseil|club|fédération|association|syndicat|université|entreprise|consortium|opérateur|institut|académie|chambre|bourse)(?![\p{L}])/iu;

/** A subject noun phrase (no person mention in it): document, medium, role, institution. */
function nounPhrase(ctx: AttributionContext, np: string, at: number): Found {
  if (isMedia(np)) return SOURCE;
  const doc = DOCUMENT_RE.exec(np);
  if (doc?.[1] && np.trim().length <= doc[0].trim().length + 25) {
    return { kind: "speaker", name: documentSpeaker(doc[1]), document: true };
  }
  // "a répondu son hôte": the other person of the meeting, not the one who just spoke.
  if (COUNTERPART_RE.test(np)) {
    const other = [...ctx.mentions].reverse().find((m) => m.end <= at && m.name !== ctx.lastSpeaker);
    if (other) return { kind: "speaker", name: other.name, document: false };
  }
  const role = ROLE_RE.exec(np.slice(0, 60));
  if (role && role.index <= 8) {
    const phrase = np.slice(role.index).split(/[,.;:]/)[0] ?? "";
    const name = resolveRole(ctx, phrase, at);
    if (name) return { kind: "speaker", name, document: false };
    // "le président de l'agence spatiale kazakhe": a role in a body, named by the text only that way.
    if (ORG_COMPLEMENT_RE.test(phrase) && phrase.split(/\s+/).length <= 9) {
      return { kind: "speaker", name: np.trim().replace(/^(Le|La|L')/u, (d) => d.toLowerCase()), document: false };
    }
  }
  const body = institutionName(np, ctx.text, at);
  if (body) return { kind: "speaker", name: body, document: true };
  return BLOCKED;
}

/** The subject written after an inverted verb or "selon", from `from` to the end of its phrase. */
function subjectAfter(ctx: AttributionContext, from: number, to: number): Found {
  const raw = ctx.masked.slice(from, to);
  const lead = LEADING_ADVERBS_RE.exec(raw)?.[0].length ?? 0;
  const s = raw.slice(lead);
  const at = from + lead;
  if (/^\s*(?:que|qu'|:|«|"|“|_)/u.test(s)) return BLOCKED;
  if (PRONOUN_START_RE.test(s)) return { kind: "pronoun", at };
  if (isMedia(s)) return SOURCE;
  const phraseEnd =
    /(?<!(?:^|\s)(?:M|Mme|Mlle|Dr|Pr))[.;:!?«"“]|,\s+(?:qui|dans|lors|devant|à|en|selon|après|avant|au|cité|interrogé)\s/u.exec(
      s,
    );
  const phrase = phraseEnd ? s.slice(0, phraseEnd.index) : s;
  const inPhrase = mentionIn(ctx, at, Math.min(to, at + Math.max(phrase.length, 1)));
  // "le directeur de KTZ Express, Talgat Aldabergenov": after a role, the name in apposition is the speaker.
  const apposed = ROLE_RE.test(phrase.slice(0, 12))
    ? inPhrase.find((m) => /,\s*(?:M\.|Mme)?\s*$/u.test(ctx.masked.slice(Math.max(at, m.start - 8), m.start)))
    : undefined;
  const near = apposed ?? inPhrase[0];
  const doc = DOCUMENT_RE.exec(s);
  if (doc?.[1] && (!near || near.start > at + doc[0].length + 20)) {
    return { kind: "speaker", name: documentSpeaker(doc[1]), document: true };
  }
  if (near) return { kind: "speaker", name: near.name, document: false };
  const np = phrase.split(
    /,|\s(?:dans|lors|devant|à|au|aux|en|selon|après|avant|sur|pour|depuis|cité|citée|interrogé|interrogée)\s/u,
  )[0];
  return nounPhrase(ctx, np ?? phrase, at);
}

/** Object pronouns and negation between a subject and its verb ("lui a répondu", "l'a qualifié", "n'a pas"). */
const CLITICS_END_RE = /(?:\s|^|')(?:lui|leur|l'|les|le|la|nous|vous|y|en|ne|n'|se|s')\s*$/iu;
const PRONOUN_END_RE = /(?:^|[\s,]|qu')(il|elle|ils|elles)\s*$/iu;
const COREF_END_RE = /(?:^|[\s,])(?:ce\s+dernier|cette\s+dernière|celui-ci|celle-ci)\s*(?:,[^,]*,)?\s*$/iu;

/** The subject written before the verb at `verbAt`, inside the clause starting at `from`. */
function subjectBefore(ctx: AttributionContext, from: number, verbAt: number): Found {
  let before = ctx.masked.slice(from, verbAt);
  for (let k = 0; k < 3 && CLITICS_END_RE.test(before); k++) before = before.replace(CLITICS_END_RE, "");
  if (PRONOUN_END_RE.test(before)) return { kind: "pronoun", at: verbAt };
  if (COREF_END_RE.test(before)) return { kind: "coref", at: from };
  const mentions = mentionIn(ctx, from, verbAt);
  const last = mentions[mentions.length - 1];
  if (last) {
    // Appositions between commas do not count: "X, hôte du sommet, a vanté", "X, en visite mardi à Moscou, a affirmé".
    const gap = ctx.masked.slice(last.end, verbAt).replace(/,[^,]*,/gu, " ");
    if (gap.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 3 && !ROLE_RE.test(gap)) {
      return { kind: "speaker", name: last.name, document: false };
    }
  }
  const tail = (before.split(/,/).pop() ?? before).trim();
  if (!tail) return BLOCKED;
  return nounPhrase(ctx, tail, verbAt);
}

/** Inverted speech verb right after a quote or in an incise: the verdict of its subject, or null. */
function inversion(ctx: AttributionContext, from: number, to: number): Found | null {
  let source = null as Found | null;
  const tryAt = (pos: number, incise: boolean): Found | null => {
    const g = verbGroupAt(ctx.masked, pos, to);
    if (!g) return null;
    if (g.pronoun) return g.pronoun === "on" ? BLOCKED : { kind: "pronoun", at: g.start };
    // "Tokaïev, arrivé lundi, a salué Poutine": a subject before the comma makes it no inversion.
    if (incise && decisive(subjectBefore(ctx, from, pos - 1))) return null;
    const v = subjectAfter(ctx, g.end, to);
    if (v.kind === "source") source = v;
    return decisive(v) ? v : null;
  };
  for (const q of ctx.spans) {
    if (q.end <= from || q.end > to) continue;
    const v = tryAt(q.end, false);
    if (v) return v;
  }
  for (let i = ctx.masked.indexOf(",", from); i >= 0 && i < to; i = ctx.masked.indexOf(",", i + 1)) {
    const v = tryAt(i + 1, true);
    if (v) return v;
  }
  return source;
}

const SELON_RE = /(?<![\p{L}])(?:selon|d'après|aux\s+yeux\s+(?:de\s+la|du|de\s+l'|des|de|d')|(?:^|,\s*)pour)\s*/giu;

/** `selon X`, `d'après X`, `aux yeux de X`, `Pour X, …`: the named person or body, media excluded. */
function according(ctx: AttributionContext, from: number, to: number): Found | null {
  const s = ctx.masked.slice(from, to);
  let source = null as Found | null;
  for (const m of s.matchAll(SELON_RE)) {
    const at = from + (m.index ?? 0) + m[0].length;
    const isPour = /pour\s*$/iu.test(m[0]);
    // "Pour X, « … »" only with a comma closing X, and never "pour sa part", "pour nous".
    if (isPour && !/^[^,]{2,90},/u.test(ctx.masked.slice(at, to))) continue;
    if (
      isPour &&
      /^(?:sa|son|ses|leur|nous|vous|moi|la\s+première|le\s+moment|l'instant)\b/iu.test(ctx.masked.slice(at))
    ) {
      continue;
    }
    const v = subjectAfter(ctx, at, to);
    if (decisive(v)) return v;
    if (v.kind === "source") source = v;
  }
  return source;
}

/** Who speaks in masked text [from, to) of one clause (no carry-over). `first`: the clause opens its sentence. */
export function judgeClause(ctx: AttributionContext, from: number, to: number, first: boolean): Verdict {
  const s = ctx.masked.slice(from, to);
  if (first) {
    // "Nom : « … »", and in a title "Nom : la visite « se prépare »".
    const titleLine = from < 200 && !ctx.masked.slice(0, from).includes("\n");
    const heading = (
      titleLine ? /^\s*([^:«"“\n]{3,60}?)\s*:\s*[^«"“\n]{0,80}[«"“]/u : /^\s*([^:«"“\n]{3,60}?)\s*:\s*[«"“]/u
    ).exec(s);
    if (heading?.[1] && !hasSpeechVerb(ctx.masked, from, from + heading[1].length + 1)) {
      const colon = ctx.masked.indexOf(":", from);
      const m = mentionIn(ctx, from, colon);
      const only = m[m.length - 1];
      if (only && colon >= 0 && ctx.masked.slice(only.end, colon).trim() === "") {
        return { kind: "speaker", name: only.name, document: false };
      }
    }
  }
  let sawBlocked = false;
  const inv = inversion(ctx, from, to);
  if (inv && decisive(inv)) return inv;
  if (inv?.kind === "blocked") sawBlocked = true;
  for (const g of findVerbGroups(ctx.masked, from, to)) {
    if (g.pronoun || !trustedBefore(ctx, from, g)) continue;
    // "…, mais a promis que « … »": no subject of its own, the clause before gives it.
    if (!first && !/\p{L}/u.test(ctx.masked.slice(from, g.start))) continue;
    const v = subjectBefore(ctx, from, g.start);
    if (decisive(v)) return v;
    if (v.kind === "blocked") sawBlocked = true;
  }
  const acc = according(ctx, from, to);
  if (acc && decisive(acc)) return acc;
  return sawBlocked ? BLOCKED : NONE;
}

/** A noun-like form ("note", "juge") counts before its subject only right after a name or a pronoun. */
function trustedBefore(ctx: AttributionContext, from: number, g: VerbGroup): boolean {
  if (!g.nounLike) return true;
  return ctx.mentions.some((m) => m.end <= g.start && m.end >= from && /^\s*$/u.test(ctx.masked.slice(m.end, g.start)));
}

const CLAUSE_RE =
  /;|,?\s+(?:tandis\s+qu(?:e\s|')|alors\s+qu(?:e\s|')|mais\s+(?!aussi|également|encore|surtout|pas|plutôt))/giu;

/** Clause boundaries of a sentence: [start, end) pairs cut at `;`, `tandis que`, `alors que`, `mais`. */
export function splitClauses(ctx: AttributionContext, sentence: Sentence): { start: number; end: number }[] {
  const s = ctx.masked.slice(sentence.start, sentence.end);
  // Most sentences have no clause connector at all: skip the Unicode pattern for them.
  if (!s.includes(";") && !s.includes("tandis") && !s.includes("alors") && !s.includes("mais")) {
    return [{ start: sentence.start, end: sentence.end }];
  }
  const out: { start: number; end: number }[] = [];
  let start = sentence.start;
  for (const m of s.matchAll(CLAUSE_RE)) {
    const cut = sentence.start + (m.index ?? 0);
    if (cut > start) out.push({ start, end: cut });
    start = cut + m[0].length;
  }
  out.push({ start, end: sentence.end });
  return out;
}

/** Who speaks in a whole sentence (the last decisive clause), for carry-over to later quotes. */
export function judgeSentence(ctx: AttributionContext, sentence: Sentence): Verdict {
  const clauses = splitClauses(ctx, sentence);
  let out: Verdict = NONE;
  clauses.forEach((c, i) => {
    const v = judgeClause(ctx, c.start, c.end, i === 0);
    if (decisive(v) || (v.kind === "blocked" && out.kind === "none")) out = v;
  });
  return out;
}
