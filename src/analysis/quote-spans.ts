/**
 * Finding quotation spans: « » with a nesting stack, curly “ ” likewise, straight " paired in order (also across
 * line breaks), and a sentence splitter that never cuts inside a quotation.
 */

/** A top-level quotation: [start, end) includes the marks, [innerStart, innerEnd) the quoted words. */
export interface QuoteSpan {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
}

/** A sentence of the text, with the index of its paragraph (one paragraph per line). */
export interface Sentence {
  start: number;
  end: number;
  para: number;
}

const MAX_SPAN = 3000;

/**
 * Top-level quotation spans in text order. Unbalanced marks are ignored rather than swallowing the text: a closing
 * mark of another kind closes the innermost open quotation, and a line break closes all of them.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: { ch: string; at: number }[] = [];
  let straight = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A line break closes every open « or “: an unclosed mark must not swallow the next paragraphs.
    if (c === 0x0a) {
      stack.length = 0;
      continue;
    }
    // « » “ ” "
    if (c !== 0xab && c !== 0xbb && c !== 0x201c && c !== 0x201d && c !== 0x22 && c !== 0x201e) continue;
    const ch = text.charAt(i);
    const top = stack[stack.length - 1];
    if (ch === "«" || ch === "“" || ch === "„") {
      if (top && i - top.at > MAX_SPAN) stack.length = 0;
      stack.push({ ch: ch === "«" ? "»" : "”", at: i });
      continue;
    }
    if (ch === "»" || ch === "”") {
      let k = stack.length - 1;
      while (k >= 0 && stack[k]?.ch !== ch) k--;
      // “ … » (mismatched marks): a closer with no opener of its kind closes the innermost open quotation.
      if (k < 0) k = stack.length - 1;
      if (k < 0) continue;
      const open = stack[k];
      stack.length = k;
      if (open && k === 0 && straight < 0) spans.push(span(open.at, i + 1));
      continue;
    }
    // Straight quote: only top-level ones pair up (inside « » they are nested quotes).
    if (stack.length > 0) continue;
    if (straight < 0) straight = i;
    else {
      if (i - straight <= MAX_SPAN) spans.push(span(straight, i + 1));
      straight = -1;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function span(start: number, end: number): QuoteSpan {
  return { start, end, innerStart: start + 1, innerEnd: end - 1 };
}

/** The text with every quotation's inner words replaced by "_" (same length), so offsets stay valid. */
export function maskQuotes(text: string, spans: readonly QuoteSpan[]): string {
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.innerStart) + "_".repeat(s.innerEnd - s.innerStart);
    at = s.innerEnd;
  }
  return out + text.slice(at);
}

const UPPER_START = /[A-ZÀ-ÖØ-Þ«"“]/;

/** Splits masked text into sentences; a quotation ending in . ! ? followed by a capital also ends a sentence. */
export function splitSentences(text: string, masked: string, spans: readonly QuoteSpan[]): Sentence[] {
  const ends = new Set<number>();
  for (const s of spans) {
    const inner = text.slice(s.innerStart, s.innerEnd).trimEnd();
    if (!/[.!?…]$/.test(inner)) continue;
    const rest = /^\s+(\S)/.exec(text.slice(s.end, s.end + 4));
    if (rest?.[1] && UPPER_START.test(rest[1])) ends.add(s.end);
  }
  const out: Sentence[] = [];
  let para = 0;
  let start = 0;
  let lineStart = 0;
  const push = (end: number) => {
    if (masked.slice(start, end).trim().length > 0) out.push({ start, end, para });
    start = end;
  };
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charAt(i);
    if (c === "\n") {
      // Blank lines separate paragraphs but do not count as paragraphs themselves.
      push(i);
      if (masked.slice(lineStart, i).trim().length > 0) para++;
      start = i + 1;
      lineStart = i + 1;
      continue;
    }
    if (ends.has(i + 1)) {
      push(i + 1);
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?" && c !== "…") continue;
    const next = /^\s+(\S)/.exec(masked.slice(i + 1, i + 5));
    if (!next?.[1] || !UPPER_START.test(next[1])) continue;
    // "M. Tokaïev", "J.-C.": a lone capital before the period is an abbreviation, not a sentence end.
    if (c === "." && /(?:^|[\s(])(?:\p{Lu}|Mme|Mlle|Dr|Pr|St|av|etc)$/u.test(masked.slice(Math.max(0, i - 5), i))) {
      continue;
    }
    // "Kassym-Jomart. Tokaïev": a stray period inside a compound given name and its surname.
    if (c === "." && /(?:^|\s)\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(masked.slice(Math.max(0, i - 30), i))) continue;
    push(i + 1);
  }
  push(masked.length);
  return out;
}
