/**
 * Topic classification by keyword scoring. Each taxonomy is compiled once into token maps (exact words, stems by
 * prefix length, phrases by first word), so classifying is one pass over the article's tokens whatever the number
 * of keywords.
 */
import { foldedTokens } from "./french-words.ts";
import { defaultTaxonomy, type Taxonomy } from "./taxonomy.ts";

interface Part {
  text: string;
  prefix: boolean;
}

interface Keyword {
  topic: number;
  weight: number;
  /** Words after the first one, for phrases. */
  rest: Part[];
}

/** Character trie of stems: walking a token visits every stem that prefixes it, without slicing strings. */
interface TrieNode {
  next: Map<number, TrieNode>;
  keywords: Keyword[] | null;
}

interface Compiled {
  exact: Map<string, Keyword[]>;
  stems: TrieNode;
  keywords: Keyword[];
  slugs: string[];
}

const cache = new WeakMap<Taxonomy, Compiled>();

function parsePart(word: string): Part {
  return word.endsWith("*") ? { text: word.slice(0, -1), prefix: true } : { text: word, prefix: false };
}

function compile(taxonomy: Taxonomy): Compiled {
  const hit = cache.get(taxonomy);
  if (hit) return hit;
  const c: Compiled = { exact: new Map(), stems: { next: new Map(), keywords: null }, keywords: [], slugs: [] };
  taxonomy.topics.forEach((topic, ti) => {
    c.slugs.push(topic.slug);
    for (const raw of topic.keywords) {
      const [body = "", w] = raw.split("^");
      const words = body
        .replace(/'/g, " ")
        .split(/\s+/)
        .filter((x) => x.length > 0)
        .map(parsePart);
      const first = words[0];
      if (!first?.text) continue;
      const kw: Keyword = { topic: ti, weight: w ? Number(w) || 1 : 1, rest: words.slice(1) };
      c.keywords.push(kw);
      if (first.prefix) {
        let node = c.stems;
        for (let i = 0; i < first.text.length; i++) {
          const code = first.text.charCodeAt(i);
          let child = node.next.get(code);
          if (!child) {
            child = { next: new Map(), keywords: null };
            node.next.set(code, child);
          }
          node = child;
        }
        if (node.keywords) node.keywords.push(kw);
        else node.keywords = [kw];
      } else {
        const list = c.exact.get(first.text);
        if (list) list.push(kw);
        else c.exact.set(first.text, [kw]);
      }
    }
  });
  cache.set(taxonomy, c);
  return c;
}

function partMatches(p: Part, token: string | undefined): boolean {
  if (token === undefined) return false;
  return p.prefix ? token.startsWith(p.text) : token === p.text;
}

/** Occurrence count of every keyword (by index in `c.keywords`) in a token list. */
function countKeywords(c: Compiled, tokens: string[]): Map<Keyword, number> {
  const counts = new Map<Keyword, number>();
  const visit = (list: Keyword[] | undefined, i: number) => {
    if (!list) return;
    for (const kw of list) {
      let ok = true;
      for (let k = 0; k < kw.rest.length && ok; k++) ok = partMatches(kw.rest[k] as Part, tokens[i + 1 + k]);
      if (ok) counts.set(kw, (counts.get(kw) ?? 0) + 1);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as string;
    visit(c.exact.get(tok), i);
    let node: TrieNode | undefined = c.stems;
    for (let k = 0; k < tok.length && node; k++) {
      node = node.next.get(tok.charCodeAt(k));
      if (node?.keywords) visit(node.keywords, i);
    }
  }
  return counts;
}

/** A title keyword counts this many times more than a body occurrence. */
const TITLE_WEIGHT = 3;
/** Minimum score for any topic (about two distinct plain keywords, or one strong one repeated). */
const MIN_SCORE = 4;
/** A topic must reach this share of the best topic's score... */
const RELATIVE = 0.3;
/**
 * ...unless it is well attested on its own: one heavy topic mentioned many times (sanctions ×3 in the title) must
 * not push out a topic with several keywords of its own (a visit, a meeting, congratulations).
 */
const SURE_SCORE = 5;
const MAX_TOPICS = 4;

/** Scores of every topic for an article, by slug (0 for topics with no keyword). */
export function scoreTopics(text: string, title: string, taxonomy: Taxonomy = defaultTaxonomy): Map<string, number> {
  const c = compile(taxonomy);
  const scores = new Array<number>(c.slugs.length).fill(0);
  // Repetition helps with diminishing returns, so one word said ten times does not make a topic.
  for (const [kw, n] of countKeywords(c, foldedTokens(text)))
    scores[kw.topic] = (scores[kw.topic] ?? 0) + kw.weight * (1 + Math.log2(n));
  for (const [kw] of countKeywords(c, foldedTokens(title)))
    scores[kw.topic] = (scores[kw.topic] ?? 0) + kw.weight * TITLE_WEIGHT;
  return new Map(c.slugs.map((s, i) => [s, scores[i] as number]));
}

/**
 * The 1–4 most relevant topic slugs of an article, best first: whole-word keyword matches on accent-folded text,
 * title matches weighted ×3, topics below an absolute floor dropped, and those below 30% of the best unless they
 * score SURE_SCORE on their own.
 */
export function classifyTopics(text: string, title: string, taxonomy: Taxonomy = defaultTaxonomy): string[] {
  const scores = [...scoreTopics(text ?? "", title ?? "", taxonomy).entries()].sort((a, b) => b[1] - a[1]);
  const top = scores[0]?.[1] ?? 0;
  const floor = Math.max(MIN_SCORE, Math.min(RELATIVE * top, SURE_SCORE));
  return scores
    .filter(([, s]) => s >= floor)
    .slice(0, MAX_TOPICS)
    .map(([slug]) => slug);
}
