/**
 * Quotes and speakers. Matching rule (one-to-one, in text order, exact matches first):
 * a found quote matches a gold quote when their normalised texts are equal, or when one contains the other and the
 * shorter is at least 80 % of the longer (in characters). Normalised = Unicode NFC, lower-case, accents folded,
 * apostrophes unified, quotation marks dropped, runs of spaces and punctuation at both ends trimmed.
 * Speakers are compared on matched quotes only (a gold quote without speaker must stay without one), after the same folding and without a leading determiner or
 * honorific ("le Kremlin" = "Kremlin", "M. Lavrov" ≠ "Sergueï Lavrov"); an acronym matches the body it abbreviates
 * ("CPC" = "Consortium du pipeline caspien": initials of its words other than de/du/des/la/le/l'/et). A gold speaker is an institution when the
 * gold says so (`speakerKind`), else when it starts in lower case ("le Kremlin", "la présidence") or is an acronym.
 */
import type { EvalCase, Figure, GoldQuote, Measure, MeasureReport } from "../types.ts";

/** Minimum length ratio of the shorter text to the longer for a containment match. */
export const CONTAINMENT_RATIO = 0.8;

export function normaliseQuote(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’ʼ`´]/g, "'")
    .replace(/[«»“”„"]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s.,;:!?…-]+|[\s.,;:!?…-]+$/g, "");
}

/** Does found text `a` match gold text `b` under the rule above? */
export function quotesMatch(a: string, b: string): boolean {
  const x = normaliseQuote(a);
  const y = normaliseQuote(b);
  if (x === y) return x.length > 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length > 0 && long.includes(short) && short.length / long.length >= CONTAINMENT_RATIO;
}

export function normaliseSpeaker(s: string | null): string {
  if (s === null) return "";
  return normaliseQuote(s)
    .replace(/^(?:le |la |les |l')/, "")
    .trim();
}

/** Initials of a body's name without its function words: "Consortium du pipeline caspien" → "cpc". */
function initials(normalised: string): string {
  return normalised
    .split(/[\s'-]+/)
    .filter((w) => w && !["de", "du", "des", "la", "le", "les", "l", "d", "et", "en"].includes(w))
    .map((w) => w.charAt(0))
    .join("");
}

/** Same speaker under the rule above. */
export function speakersMatch(found: string | null, gold: string | null): boolean {
  const a = normaliseSpeaker(found);
  const b = normaliseSpeaker(gold);
  if (a === b) return true;
  if (!a || !b) return false;
  const acronym = (x: string | null) => x !== null && /^\p{Lu}{2,8}$/u.test(x.trim());
  return (acronym(found) && initials(b) === a) || (acronym(gold) && initials(a) === b);
}

export function isInstitution(q: GoldQuote): boolean {
  if (q.speakerKind) return q.speakerKind === "institution";
  const s = q.speaker ?? "";
  return /^\p{Ll}/u.test(s) || /^[\p{Lu}\d]{2,}$/u.test(s);
}

const short = (s: string) => (s.length > 70 ? `${s.slice(0, 67)}…` : s);
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Pairs gold and found quotes of one document: index of the found quote for each gold quote, or -1. */
export function pairQuotes(gold: readonly { text: string }[], found: readonly { text: string }[]): number[] {
  const used = new Set<number>();
  const pairs = gold.map(() => -1);
  // Exact matches first, so a containment match cannot steal another gold quote's exact twin.
  for (const exact of [true, false]) {
    gold.forEach((g, gi) => {
      if (pairs[gi] !== -1) return;
      const fi = found.findIndex(
        (f, k) =>
          !used.has(k) && (exact ? normaliseQuote(f.text) === normaliseQuote(g.text) : quotesMatch(f.text, g.text)),
      );
      if (fi >= 0) {
        used.add(fi);
        pairs[gi] = fi;
      }
    });
  }
  return pairs;
}

function measure(cases: EvalCase[]): MeasureReport {
  const misses: Record<string, string[]> = {};
  const miss = (cause: string, line: string) => {
    const list = misses[cause] ?? [];
    list.push(line);
    misses[cause] = list;
  };
  let goldCount = 0;
  let foundCount = 0;
  let matched = 0;
  const spk = { person: { right: 0, all: 0 }, institution: { right: 0, all: 0 }, none: { right: 0, all: 0 } };
  for (const c of cases) {
    const found = c.result.quotes;
    const gold = c.gold.quotes;
    goldCount += gold.length;
    foundCount += found.length;
    const pairs = pairQuotes(gold, found);
    const usedFound = new Set(pairs.filter((p) => p >= 0));
    gold.forEach((g, gi) => {
      const cause = g.cause ?? "plain";
      const fi = pairs[gi] ?? -1;
      if (fi < 0) {
        miss(`missed: ${cause}`, `${c.id}: « ${short(g.text)} » (${g.speaker ?? "no speaker"})`);
        return;
      }
      matched++;
      const kind = g.speaker === null ? spk.none : isInstitution(g) ? spk.institution : spk.person;
      kind.all++;
      const got = found[fi]?.speaker ?? null;
      if (speakersMatch(got, g.speaker)) kind.right++;
      else miss(`speaker: ${cause}`, `${c.id}: « ${short(g.text)} » expected ${g.speaker}, got ${got ?? "none"}`);
    });
    found.forEach((f, fi) => {
      if (!usedFound.has(fi)) miss("spurious", `${c.id}: « ${short(f.text)} » (${f.speaker ?? "no speaker"})`);
    });
  }
  const recall = ratio(matched, goldCount);
  const precision = ratio(matched, foundCount);
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  const right = spk.person.right + spk.institution.right + spk.none.right;
  const all = spk.person.all + spk.institution.all + spk.none.all;
  const figures: Figure[] = [
    { name: "gold quotes", value: goldCount },
    { name: "found quotes", value: foundCount },
    { name: "quote recall", value: recall },
    { name: "quote precision", value: precision },
    { name: "quote F1", value: f1, goal: "≥ 0.93" },
    { name: "speaker accuracy", value: ratio(right, all), goal: "≥ 0.90" },
    {
      name: `speaker accuracy, persons (${spk.person.right}/${spk.person.all})`,
      value: ratio(spk.person.right, spk.person.all),
    },
    {
      name: `speaker accuracy, institutions (${spk.institution.right}/${spk.institution.all})`,
      value: ratio(spk.institution.right, spk.institution.all),
    },
    {
      name: `speaker accuracy, unattributed kept so (${spk.none.right}/${spk.none.all})`,
      value: ratio(spk.none.right, spk.none.all),
    },
  ];
  return { title: "Quotes and speakers", figures, misses };
}

const quotes: Measure = { name: "quotes", measure };
export default quotes;
