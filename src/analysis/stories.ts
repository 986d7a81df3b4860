/**
 * Same story, different outlets. Outlets reword everything, so text overlap cannot group them; what stays is who
 * is involved, when it happened, the words quoted, and a few distinctive words of the title and lead.
 * Each kind of evidence gives a probability-like score and they combine as a noisy-OR; articles whose latest
 * dates are weeks apart are different stories however alike they look (the same presidents meet every year).
 */
import type { ExtractedEvent, ExtractedPerson, ExtractedQuote, StorySignature } from "../core/analysis-types.ts";
import { dayNumber, parseIso } from "./dates-fr.ts";
import { BEAT_WORDS, fold, foldedTokens, STOPWORDS, stem } from "./french-words.ts";

/** Articles at or above this similarity report the same story. */
export const SAME_STORY_THRESHOLD = 0.5;

const SHINGLE = 4;
const MAX_SHINGLES = 300;
const LEAD_CHARS = 500;
/** Periods up to this many days contribute each of their days to the signature. */
const MAX_PERIOD_DAYS = 7;

/** What buildSignature reads from an analysed article. */
export interface SignatureInput {
  title: string;
  text: string;
  publishedAt: string | null;
  people: ExtractedPerson[];
  quotes: ExtractedQuote[];
  events: ExtractedEvent[];
}

const isContent = (w: string) => w.length > 1 && !STOPWORDS.has(w) && !BEAT_WORDS.has(w) && !/^\d+$/.test(w);

/** Folded 4-word shingles of a quote holding at least two content words ("dans tous les domaines" is not one). */
function shingles(text: string): string[] {
  const words = foldedTokens(text);
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const gram = words.slice(i, i + SHINGLE);
    if (gram.filter(isContent).length >= 2) out.push(gram.join(" "));
  }
  return out;
}

/** Title plus the first lines of body that are real sentences (captions, credits and datelines skipped). */
function lead(title: string, text: string): string {
  const lines = text.split("\n").map((l) => l.trim());
  const t = fold(title).trim();
  let out = "";
  for (const line of lines) {
    if (out.length >= LEAD_CHARS) break;
    if (line.length < 40 || fold(line) === t) continue;
    out += ` ${line}`;
  }
  return `${title} ${out.slice(0, LEAD_CHARS)}`;
}

function keywords(title: string, text: string): string[] {
  const out = new Set<string>();
  for (const w of foldedTokens(lead(title, text))) {
    if (w.length < 3 || !isContent(w)) continue;
    const s = stem(w);
    if (!BEAT_WORDS.has(s)) out.add(s);
  }
  return [...out].sort();
}

/** Builds the comparable signature of an analysed article. Tolerates empty or partial inputs. */
export function buildSignature(a: SignatureInput): StorySignature {
  const people = [...new Set((a.people ?? []).map((p) => p.key).filter((k) => typeof k === "string" && k))].sort();
  const dates = new Set<string>();
  for (const e of a.events ?? []) {
    if (e.precision === "day") dates.add(e.start);
    else if (e.precision === "period") {
      const n = dayNumber(e.end) - dayNumber(e.start);
      if (n >= 0 && n < MAX_PERIOD_DAYS) {
        for (let d = dayNumber(e.start); d <= dayNumber(e.end); d++) {
          dates.add(new Date(d * 86_400_000).toISOString().slice(0, 10));
        }
      }
    }
  }
  if (parseIso(a.publishedAt)) dates.add((a.publishedAt as string).slice(0, 10));
  const quoteShingles = new Set<string>();
  for (const q of a.quotes ?? []) {
    for (const s of shingles(q.text ?? "")) if (quoteShingles.size < MAX_SHINGLES) quoteShingles.add(s);
  }
  return {
    people,
    dates: [...dates].sort(),
    quoteShingles: [...quoteShingles].sort(),
    keywords: keywords(a.title ?? "", a.text ?? ""),
  };
}

/** People in nearly every article of the beat: sharing them says little. Matched on folded person keys. */
const UBIQUITOUS = /poutin|putin|tokai?y?e?v|tokaev|nazarbai?e?v/;
/** Often quoted, but less than the two presidents: half the weight of another person. */
const FREQUENT = /lavrov|peskov|zakharova|trump|xijinping|jinping|michoustin|mishustin|bektenov|zelensk/;

function personWeight(key: string): number {
  const k = fold(key).replace(/[^a-z]/g, "");
  if (UBIQUITOUS.test(k)) return 0;
  return FREQUENT.test(k) ? 0.5 : 1;
}

const weights = new Map<string, number>();

function cachedWeight(key: string): number {
  let w = weights.get(key);
  if (w === undefined) {
    if (weights.size >= 20_000) weights.clear();
    w = personWeight(key);
    weights.set(key, w);
  }
  return w;
}

/**
 * What storySimilarity derives from one signature (sets for the intersections, day numbers), computed once per
 * signature object: findStory compares each new article with hundreds of candidates, and each candidate with
 * every article of a batch.
 */
interface Prepared {
  src: StorySignature["dates"];
  srcPeople: StorySignature["people"];
  srcShingles: StorySignature["quoteShingles"];
  srcKeywords: StorySignature["keywords"];
  people: Set<string>;
  shingles: Set<string>;
  keywords: Set<string>;
  days: number[];
  maxDay: number;
}

const preparedOf = new WeakMap<StorySignature, Prepared>();

function prepared(s: StorySignature): Prepared {
  const hit = preparedOf.get(s);
  if (
    hit &&
    hit.src === s.dates &&
    hit.srcPeople === s.people &&
    hit.srcShingles === s.quoteShingles &&
    hit.srcKeywords === s.keywords
  )
    return hit;
  const days = s.dates.map(dayNumber).filter(Number.isFinite);
  const p: Prepared = {
    src: s.dates,
    srcPeople: s.people,
    srcShingles: s.quoteShingles,
    srcKeywords: s.keywords,
    people: new Set(s.people),
    shingles: new Set(s.quoteShingles),
    keywords: new Set(s.keywords),
    days,
    maxDay: days.length > 0 ? Math.max(...days) : Number.NaN,
  };
  preparedOf.set(s, p);
  return p;
}

/** How many elements of `a` (duplicates included) are in `b`. */
function countIn(a: readonly string[], b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Evidence from shared people: rare people count, the two presidents barely do. */
function peopleEvidence(a: StorySignature, b: StorySignature): number {
  let rare = 0;
  let common = 0;
  const other = prepared(b).people;
  for (const k of a.people) {
    if (!other.has(k)) continue;
    const w = cachedWeight(k);
    if (w === 0) common++;
    else rare += w;
  }
  return Math.min(0.45, 0.25 * rare) + 0.05 * Math.min(2, common);
}

function quoteEvidence(a: StorySignature, b: StorySignature): number {
  const n = countIn(a.quoteShingles, prepared(b).shingles);
  return n === 0 ? 0 : Math.min(0.8, 0.25 * n + 0.1);
}

function keywordEvidence(a: StorySignature, b: StorySignature): number {
  const n = countIn(a.keywords, prepared(b).keywords);
  const smaller = Math.max(6, Math.min(a.keywords.length, b.keywords.length));
  return 0.6 * Math.min(1, n / smaller);
}

/** Evidence from dates, and whether the dates say "different time, different story". */
function dateEvidence(a: StorySignature, b: StorySignature): { evidence: number; apart: boolean } {
  const pa = prepared(a);
  const pb = prepared(b);
  const da = pa.days;
  const db = pb.days;
  if (da.length === 0 || db.length === 0) return { evidence: 0, apart: false };
  const latest = Math.abs(pa.maxDay - pb.maxDay);
  if (latest > 45) return { evidence: 0, apart: true };
  const shareDay = da.some((x) => db.some((y) => Math.abs(x - y) <= 1));
  return { evidence: shareDay ? 0.35 : latest <= 3 ? 0.15 : 0, apart: false };
}

/** Similarity factor of articles whose latest dates are more than 45 days apart. */
const APART_FACTOR = 0.3;

/**
 * Similarity in [0, 1] of two articles' signatures: noisy-OR of shared quotes (strongest), rare people, title/lead
 * keywords and close dates; ×0.3 when their latest dates are more than 45 days apart.
 */
export function storySimilarity(a: StorySignature, b: StorySignature): number {
  return similarityWith(a, b, dateEvidence(a, b));
}

function similarityWith(a: StorySignature, b: StorySignature, dates: { evidence: number; apart: boolean }): number {
  let miss = 1;
  miss *= 1 - clamp01(quoteEvidence(a, b));
  miss *= 1 - clamp01(peopleEvidence(a, b));
  miss *= 1 - clamp01(keywordEvidence(a, b));
  miss *= 1 - clamp01(dates.evidence);
  const sim = 1 - miss;
  return Math.max(0, Math.min(1, dates.apart ? sim * APART_FACTOR : sim));
}

const clamp01 = (p: number) => Math.max(0, Math.min(1, p));

/**
 * Groups articles into stories: single-link over pairs at or above SAME_STORY_THRESHOLD. Returns a story number
 * per input (1 for the first input's story, then by first appearance); deterministic.
 */
export function groupStories(sigs: StorySignature[]): number[] {
  const parent = sigs.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  for (let i = 0; i < sigs.length; i++) {
    for (let j = i + 1; j < sigs.length; j++) {
      if (find(i) === find(j)) continue;
      if (storySimilarity(sigs[i] as StorySignature, sigs[j] as StorySignature) >= SAME_STORY_THRESHOLD) {
        const ri = find(i);
        const rj = find(j);
        parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }
  const numbers = new Map<number, number>();
  return sigs.map((_, i) => {
    const root = find(i);
    let n = numbers.get(root);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(root, n);
    }
    return n;
  });
}

/**
 * The story an article belongs to among already-grouped articles: the storyId of the most similar candidate at or
 * above the threshold (lowest storyId on ties), or null for a new story.
 */
export function findStory(
  sig: StorySignature,
  candidates: Array<{ storyId: number; signature: StorySignature }>,
): number | null {
  let best: { id: number; sim: number } | null = null;
  for (const c of candidates) {
    // Latest dates weeks apart scale the similarity by 0.3, below any threshold over 0.3: no need to score.
    const dates = dateEvidence(sig, c.signature);
    if (dates.apart && APART_FACTOR < SAME_STORY_THRESHOLD) continue;
    const sim = similarityWith(sig, c.signature, dates);
    if (sim < SAME_STORY_THRESHOLD) continue;
    if (!best || sim > best.sim || (sim === best.sim && c.storyId < best.id)) best = { id: c.storyId, sim };
  }
  return best ? best.id : null;
}
