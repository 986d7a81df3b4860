/**
 * The one font of every picture: DejaVu Sans Condensed (regular and bold) from the `dejavu-fonts-ttf` package.
 * The renderer loads only these files (never system fonts), so a picture is the same on every machine. This file
 * also reads the fonts' character map and advance widths, which the chart builders use to measure labels (so that
 * labels placed side by side never overlap) and tests use to check that every label has its glyphs.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The family name the fonts declare; charts use it in their specification. */
export const FONT_FAMILY = "DejaVu Sans";

const require = createRequire(import.meta.url);

/** Paths of the bundled TTF files (regular, bold). */
export function fontFiles(): { regular: string; bold: string } {
  return {
    regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
    bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  };
}

/** What a chart builder needs to know about the font. */
export interface FontMetrics {
  /** Width in pixels of `text` at `size` px (kerning ignored: a slight overestimate). */
  width(text: string, size: number, bold?: boolean): number;
  /** Characters of `text` the font has no glyph for (they would show as boxes). */
  missing(text: string): string[];
}

interface ParsedFont {
  unitsPerEm: number;
  /** Advance width in font units per code point. */
  advance: Map<number, number>;
  defaultAdvance: number;
}

/** Reads `cmap` (format 4 or 12), `hmtx`, `hhea` and `head` of a TrueType file. */
export function parseTtf(buf: Buffer): ParsedFont {
  const tables = new Map<string, number>();
  const count = buf.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    tables.set(buf.toString("latin1", rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const at = (tag: string): number => {
    const off = tables.get(tag);
    if (off === undefined) throw new Error(`font has no ${tag} table`);
    return off;
  };
  const unitsPerEm = buf.readUInt16BE(at("head") + 18);
  const metricsCount = buf.readUInt16BE(at("hhea") + 34);
  const hmtx = at("hmtx");
  const advanceOf = (glyph: number) => buf.readUInt16BE(hmtx + 4 * Math.min(glyph, metricsCount - 1));
  const glyphs = new Map<number, number>();
  const cmap = at("cmap");
  const subtables = buf.readUInt16BE(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < subtables; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const off = cmap + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(off);
    if (format === 12 && platform === 3 && encoding === 10) format12 = off;
    if (format === 4 && (platform === 3 || platform === 0)) format4 = off;
  }
  if (format12 >= 0) {
    const groups = buf.readUInt32BE(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const rec = format12 + 16 + g * 12;
      const [first, last, glyph] = [buf.readUInt32BE(rec), buf.readUInt32BE(rec + 4), buf.readUInt32BE(rec + 8)];
      for (let c = first; c <= last; c++) glyphs.set(c, glyph + c - first);
    }
  } else if (format4 >= 0) {
    const segs = buf.readUInt16BE(format4 + 6) / 2;
    const ends = format4 + 14;
    const starts = ends + segs * 2 + 2;
    const deltas = starts + segs * 2;
    const ranges = deltas + segs * 2;
    for (let s = 0; s < segs; s++) {
      const end = buf.readUInt16BE(ends + s * 2);
      const start = buf.readUInt16BE(starts + s * 2);
      const delta = buf.readInt16BE(deltas + s * 2);
      const range = buf.readUInt16BE(ranges + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (range === 0) glyph = (c + delta) & 0xffff;
        else {
          const idx = ranges + s * 2 + range + (c - start) * 2;
          const raw = buf.readUInt16BE(idx);
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) glyphs.set(c, glyph);
      }
    }
  } else throw new Error("font has no Unicode character map");
  const advance = new Map<number, number>();
  for (const [c, g] of glyphs) advance.set(c, advanceOf(g));
  return { unitsPerEm, advance, defaultAdvance: advanceOf(0) };
}

let cached: FontMetrics | undefined;

/** Metrics of the bundled fonts (read once). */
export function fontMetrics(): FontMetrics {
  if (cached) return cached;
  const files = fontFiles();
  const regular = parseTtf(readFileSync(files.regular));
  const bold = parseTtf(readFileSync(files.bold));
  const width = (text: string, size: number, isBold = false) => {
    const f = isBold ? bold : regular;
    let units = 0;
    for (const ch of text) units += f.advance.get(ch.codePointAt(0) ?? 0) ?? f.defaultAdvance;
    return (units / f.unitsPerEm) * size;
  };
  const missing = (text: string) => {
    const out = new Set<string>();
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      // Controls and joiners draw nothing in any font.
      if (cp < 0x20 || (cp >= 0x200b && cp <= 0x200f)) continue;
      if (!regular.advance.has(cp) || !bold.advance.has(cp)) out.add(ch);
    }
    return [...out];
  };
  cached = { width, missing };
  return cached;
}

/** `text` without the characters the font cannot draw (they would show as boxes), spaces tidied. */
export function drawable(text: string, metrics: FontMetrics): string {
  const missing = new Set(metrics.missing(text));
  if (missing.size === 0) return text;
  return [...text]
    .filter((c) => !missing.has(c))
    .join("")
    .replace(/\s{2,}/g, " ")
    .trim();
}
