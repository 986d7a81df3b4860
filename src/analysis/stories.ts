/**
 * Same story, different outlets. Outlets reword everything, so text overlap cannot group them; editors group by
 * what stays: who is involved and where, the day of the event, the event itself (visite d'État, union gazière,
 * sommet), distinctive words, and the words quoted. Words and people are weighted by rarity among the articles
 * compared (the candidate window of ingest, or the batch being grouped): the two presidents of the beat, in every
 * article, count for little; a minister named in three articles of a week counts a lot. Each kind of evidence gives
 * a probability-like score, combined as a noisy-OR; articles whose event days are all apart, or whose latest dates
 * are weeks apart, report different events however alike they look (the same presidents meet every year, the same
 * two ministers meet twice in a month).
 */
import type { ExtractedEvent, ExtractedPerson, ExtractedQuote, StorySignature } from "../core/analysis-types.ts";
import { CALENDAR_WORDS, dayNumber, parseIso } from "./dates-fr.ts";
import { BEAT_WORDS, fold, foldedTokens, STOPWORDS, stem } from "./french-words.ts";
import { Rarity } from "./story-rarity.ts";

export { Rarity } from "./story-rarity.ts";

/** Articles at or above this similarity report the same story. */
export const SAME_STORY_THRESHOLD = 0.5;

const MAX_FRAGMENTS = 300;
const LEAD_CHARS = 700;
/** Periods up to this many days contribute each of their days to the signature. */
const MAX_PERIOD_DAYS = 7;
/** An article without dated events reports an event at most this many days from its publication. */
const REPORT_LAG_DAYS = 3;
/** Event days are day-precision dates this close to the publication day. */
const EVENT_DAY_SPAN = 10;

/** What buildSignature reads from an analysed article. */
export interface SignatureInput {
  title: string;
  text: string;
  publishedAt: string | null;
  people: ExtractedPerson[];
  quotes: ExtractedQuote[];
  events: ExtractedEvent[];
}

const isContent = (w: string) => w.length > 2 && !STOPWORDS.has(w) && !BEAT_WORDS.has(w) && !/^\d+$/.test(w);

/** Calendar and filler words of any news report: they date or pad a story, they do not tell it apart. */
const NEWS_WORDS: ReadonlySet<string> = new Set(
  (
    "hier demain aujourd semaine prochain prochaine dernier derniere nouveau nouvelle nouveaux nouvelles premier " +
    "premiere grand grande cours fin debut"
  )
    .split(" ")
    .concat(CALENDAR_WORDS),
);

/**
 * Runs of 2 and 3 content words of a quote, function words skipped but never more than two in a row ("foyers du
 * nord" → "foyer nord"): the few words an outlet keeps when it quotes a fragment of what another quoted in full.
 */
function fragments(text: string): string[] {
  const words = foldedTokens(text);
  const out: string[] = [];
  const run: string[] = [];
  let gap = 0;
  for (const w of words) {
    if (!isContent(w)) {
      if (++gap > 2) run.length = 0;
      continue;
    }
    gap = 0;
    run.push(stem(w));
    const n = run.length;
    if (n >= 2) out.push(`${run[n - 2]} ${run[n - 1]}`);
    if (n >= 3) out.push(`${run[n - 3]} ${run[n - 2]} ${run[n - 1]}`);
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
    if (w.length < 3 || !isContent(w) || NEWS_WORDS.has(w)) continue;
    const s = stem(w);
    if (!BEAT_WORDS.has(s)) out.add(s);
  }
  return [...out].sort();
}

const isoOf = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

/** Builds the comparable signature of an analysed article. Tolerates empty or partial inputs. */
export function buildSignature(a: SignatureInput): StorySignature {
  const people = [...new Set((a.people ?? []).map((p) => p.key).filter((k) => typeof k === "string" && k))].sort();
  const dates = new Set<string>();
  const days: number[] = [];
  for (const e of a.events ?? []) {
    if (e.precision === "day") {
      dates.add(e.start);
      days.push(dayNumber(e.start));
    } else if (e.precision === "period") {
      const n = dayNumber(e.end) - dayNumber(e.start);
      if (n >= 0 && n < MAX_PERIOD_DAYS) {
        for (let d = dayNumber(e.start); d <= dayNumber(e.end); d++) dates.add(isoOf(d));
      }
    }
  }
  const published = parseIso(a.publishedAt) ? dayNumber(a.publishedAt as string) : null;
  if (published !== null) dates.add(isoOf(published));
  // The event's days: near the publication day, or, undated, near the latest day the article gives.
  const around = published ?? (days.length > 0 ? Math.max(...days.filter(Number.isFinite)) : null);
  const eventDays = new Set<string>();
  if (around !== null) {
    for (const d of days) if (Math.abs(d - around) <= EVENT_DAY_SPAN) eventDays.add(isoOf(d));
  }
  const quoteShingles = new Set<string>();
  for (const q of a.quotes ?? []) {
    for (const s of fragments(q.text ?? "")) if (quoteShingles.size < MAX_FRAGMENTS) quoteShingles.add(s);
  }
  return {
    people,
    dates: [...dates].sort(),
    quoteShingles: [...quoteShingles].sort(),
    keywords: keywords(a.title ?? "", a.text ?? ""),
    eventDays: [...eventDays].sort(),
    ...(published !== null ? { published: isoOf(published) } : {}),
  };
}

/** What similarity derives from one signature, computed once per signature object. */
interface Prepared {
  people: Set<string>;
  shingles: Set<string>;
  keywords: Set<string>;
  days: number[];
  eventDays: number[];
  published: number;
  maxDay: number;
}

const preparedOf = new WeakMap<StorySignature, Prepared>();

function prepared(s: StorySignature): Prepared {
  const hit = preparedOf.get(s);
  if (hit) return hit;
  const days = (s.dates ?? []).map(dayNumber).filter(Number.isFinite);
  const p: Prepared = {
    people: new Set(s.people ?? []),
    shingles: new Set(s.quoteShingles ?? []),
    keywords: new Set(s.keywords ?? []),
    days,
    eventDays: (s.eventDays ?? []).map(dayNumber).filter(Number.isFinite),
    published: s.published ? dayNumber(s.published) : Number.NaN,
    maxDay: days.length > 0 ? Math.max(...days) : Number.NaN,
  };
  preparedOf.set(s, p);
  return p;
}

/** Sum of the weights of the keys both sides hold. */
function shared(kind: "p" | "k", a: Set<string>, b: Set<string>, rarity: Rarity): number {
  let sum = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const k of small) if (big.has(k)) sum += rarity.weight(kind, k);
  return sum;
}

/** Evidence from dates, and whether the dates say "different event". */
function dateEvidence(a: Prepared, b: Prepared): { evidence: number; apart: boolean } {
  if (a.eventDays.length > 0 && b.eventDays.length > 0) {
    // The same news day is evidence; no event day in common is another meeting, another call, another flood.
    return a.eventDays.some((x) => b.eventDays.includes(x))
      ? { evidence: 0.3, apart: false }
      : { evidence: 0, apart: true };
  }
  // One article dates its event, the other only its publication: a report is out within days of the event.
  const [dated, other] = a.eventDays.length > 0 ? [a, b] : [b, a];
  if (dated.eventDays.length > 0 && Number.isFinite(other.published)) {
    if (!dated.eventDays.some((d) => Math.abs(d - other.published) <= REPORT_LAG_DAYS))
      return { evidence: 0, apart: true };
    // Published close to the other's event day: possible, but not evidence of the same event.
    return { evidence: 0, apart: false };
  }
  if (a.days.length === 0 || b.days.length === 0) return { evidence: 0, apart: false };
  if (Math.abs(a.maxDay - b.maxDay) > 45) return { evidence: 0, apart: true };
  const shareDay = a.days.some((x) => b.days.some((y) => Math.abs(x - y) <= 1));
  return { evidence: shareDay ? 0.2 : 0, apart: false };
}

/** Highest similarity of two articles that share only words (no person, event day or quote fragment). */
const WORDS_ONLY_CAP = 0.45;

/** Similarity factor of articles that report different events by their dates. */
const APART_FACTOR = 0.3;

function similarityWith(a: StorySignature, b: StorySignature, rarity: Rarity): number {
  const pa = prepared(a);
  const pb = prepared(b);
  const dates = dateEvidence(pa, pb);
  if (dates.apart && APART_FACTOR < SAME_STORY_THRESHOLD) return 0;
  let fragmentsShared = 0;
  for (const f of pa.shingles) if (pb.shingles.has(f)) fragmentsShared++;
  const quote = Math.min(0.7, 0.3 * fragmentsShared);
  const people = 1 - Math.exp(-shared("p", pa.people, pb.people, rarity) / 1.5);
  const words = 1 - Math.exp(-shared("k", pa.keywords, pb.keywords, rarity) / 4);
  let miss = 1;
  miss *= 1 - quote;
  miss *= 1 - 0.5 * people;
  miss *= 1 - 0.75 * words;
  miss *= 1 - dates.evidence;
  let sim = 1 - miss;
  // Words alone never make a story: an editor also wants a shared person, day or quote.
  if (people === 0 && quote === 0 && dates.evidence === 0) sim = Math.min(sim, WORDS_ONLY_CAP);
  return Math.max(0, Math.min(1, dates.apart ? sim * APART_FACTOR : sim));
}

/**
 * Similarity in [0, 1] of two articles' signatures (rarity weights from these two only): noisy-OR of shared quote
 * fragments, people, keywords and event days; 0 when their dates say different events.
 */
export function storySimilarity(a: StorySignature, b: StorySignature, rarity = new Rarity([a, b])): number {
  return similarityWith(a, b, rarity);
}

/**
 * Groups articles into stories: single-link over pairs at or above SAME_STORY_THRESHOLD, rarity weighted over the
 * whole set. Returns a story number per input (1 for the first input's story, then by first appearance).
 */
export function groupStories(sigs: StorySignature[]): number[] {
  const rarity = new Rarity(sigs);
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
      if (similarityWith(sigs[i] as StorySignature, sigs[j] as StorySignature, rarity) >= SAME_STORY_THRESHOLD) {
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
 * The story an article belongs to among already-grouped articles (the candidate window): the storyId of the most
 * similar candidate at or above the threshold (lowest storyId on ties), or null for a new story. Rarity weights
 * come from the window itself, so the store keeps no document frequencies.
 */
export function findStory(
  sig: StorySignature,
  candidates: Array<{ storyId: number; signature: StorySignature }>,
): number | null {
  if (candidates.length === 0) return null;
  const rarity = new Rarity([sig, ...candidates.map((c) => c.signature)], sig);
  let best: { id: number; sim: number } | null = null;
  for (const c of candidates) {
    const sim = similarityWith(sig, c.signature, rarity);
    if (sim < SAME_STORY_THRESHOLD) continue;
    if (!best || sim > best.sim || (sim === best.sim && c.storyId < best.id)) best = { id: c.storyId, sim };
  }
  return best ? best.id : null;
}
