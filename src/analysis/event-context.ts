/**
 * Sentence boundaries and one-line summaries around a date mention, for the timeline.
 */

/** A sentence as [start, end) offsets in the text. */
export type Span = readonly [number, number];

const ABBREVIATIONS =
  /(?:^|[\s(])(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|St|Ste|av|apr|J\.-C|art|p|n°|No|cf|etc|env|vol|ch|éd|[A-Z])$/;

/**
 * Splits a text into sentences: at . ! ? … followed by a space and a capital, digit or opening quote, and at every
 * line break; never inside « » guillemets (quotes carry their own punctuation) and not after "M." or initials.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let depth = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s) spans.push([s, e]);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      depth = 0;
      push(i + 1);
    } else if (c === "«") depth++;
    else if (c === "»") depth = Math.max(0, depth - 1);
    else if ((c === "." || c === "!" || c === "?" || c === "…") && depth === 0) {
      const next = text.slice(i + 1, i + 3);
      if (!/^ [A-ZÀ-ÖØ-Þ0-9«"]/.test(next)) continue;
      if (c === "." && ABBREVIATIONS.test(text.slice(Math.max(start, i - 8), i))) continue;
      push(i + 1);
    }
  }
  push(text.length);
  return spans;
}

/** Index of the span containing `position` (binary search); -1 when none. */
export function spanIndexAt(spans: readonly Span[], position: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as Span;
    if (position < s[0]) hi = mid - 1;
    else if (position >= s[1]) lo = mid + 1;
    else return mid;
  }
  // Positions in the whitespace between sentences belong to the next sentence.
  return lo < spans.length ? lo : spans.length - 1;
}

const MAX_SUMMARY = 160;
const DANGLING =
  /(?:[\s,;:–—-]+|\s+(?:de|d'|la|le|les|l'|des|du|et|ou|à|au|aux|en|pour|par|que|qu'|qui|avec|sur|dans|un|une|son|sa|ses|leur|leurs|ce|cette|ces|mais|dont|lors|entre|selon|avant|après))+$/i;

function tidy(s: string): string {
  let out = s.trim();
  for (let i = 0; i < 4; i++) {
    const next = out.replace(DANGLING, "").replace(/^[\s,;:–—-]+/, "");
    if (next === out) break;
    out = next;
  }
  // Drop an unbalanced trailing guillemet opened in the summary, and a lone closing one at the start.
  if ((out.match(/«/g)?.length ?? 0) > (out.match(/»/g)?.length ?? 0)) out = out.replace(/\s*«[^»]*$/, "").trim();
  if ((out.match(/»/g)?.length ?? 0) > (out.match(/«/g)?.length ?? 0)) out = out.replace(/^[^«]*»\s*,?\s*/, "").trim();
  return out;
}

/**
 * One-line summary of what a date refers to: its sentence when short enough, otherwise the clause holding the date
 * widened by neighbouring clauses up to 160 characters; never ends on a dangling word or an open quote.
 */
export function summarize(text: string, sentence: Span, position: number, length: number): string {
  const raw = text.slice(sentence[0], sentence[1]).replace(/\s+/g, " ");
  if (raw.length <= MAX_SUMMARY) return tidy(raw) || raw.trim().slice(0, MAX_SUMMARY);
  const rel = position - sentence[0];
  const s = text.slice(sentence[0], sentence[1]);
  // Clause cut points: after , ; : and before ( « — when surrounded by spaces.
  const cuts = [0];
  const re = /[,;:](?=\s)|\s(?=[(«—–]\s?)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) cuts.push(m.index + 1);
  cuts.push(s.length);
  let k = 0;
  while (k < cuts.length - 2 && (cuts[k + 1] as number) <= rel) k++;
  let lo = k;
  let hi = k + 1;
  const len = () => (cuts[hi] as number) - (cuts[lo] as number);
  if (len() > MAX_SUMMARY - 2 || rel + length > (cuts[hi] as number)) {
    // The date's clause alone is too long: a word-aligned window centred on the date.
    const from = Math.max(0, rel - 60);
    const to = Math.min(s.length, from + MAX_SUMMARY - 2);
    let piece = s.slice(from, to);
    if (from > 0) piece = piece.replace(/^\S*\s/, "");
    if (to < s.length) piece = piece.replace(/\s\S*$/, "");
    const body = tidy(piece.replace(/\s+/g, " "));
    return `${from > 0 ? "…" : ""}${body}${to < s.length ? "…" : ""}`;
  }
  let grew = true;
  while (grew) {
    grew = false;
    if (hi < cuts.length - 1 && (cuts[hi + 1] as number) - (cuts[lo] as number) <= MAX_SUMMARY - 2) {
      hi++;
      grew = true;
    }
    if (lo > 0 && (cuts[hi] as number) - (cuts[lo - 1] as number) <= MAX_SUMMARY - 2) {
      lo--;
      grew = true;
    }
  }
  const body = tidy(s.slice(cuts[lo], cuts[hi]).replace(/\s+/g, " "));
  return `${lo > 0 ? "…" : ""}${body}${hi < cuts.length - 1 ? "…" : ""}`;
}
