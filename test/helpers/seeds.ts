/**
 * The development set: real French articles kept beside the checkout in ../shared/seeds.
 * Tests read them at run time; the project never copies their sentences.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const seedsDir = fileURLToPath(new URL("../../../shared/seeds", import.meta.url));

/** Seed file names in order (000_…, 001_…). */
export function seedFiles(): string[] {
  if (!existsSync(seedsDir)) throw new Error(`seed articles not found in ${seedsDir}`);
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

export function seedPath(index: number): string {
  const f = seedFiles()[index];
  if (!f) throw new Error(`no seed #${index}`);
  return join(seedsDir, f);
}

export function readSeed(index: number): string {
  return readFileSync(seedPath(index), "utf8");
}
