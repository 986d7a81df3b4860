/**
 * Story grouping of the development articles.
 * Reads the development articles in ../shared/seeds at run time: runs under `npm run test:dev-set`.
 */
import { describe, expect, it } from "vitest";
import { findStory, groupStories, SAME_STORY_THRESHOLD, storySimilarity } from "../../src/analysis/stories.ts";
import type { StorySignature } from "../../src/core/analysis-types.ts";
import { readSeed } from "../helpers/seeds.ts";
import { signature } from "../helpers/signature.ts";

/** People of each seed, by hand (a realistic, imperfect list: spellings vary, some names missing). */
const SEED_PEOPLE = [
  ["dauren abaev", "alexander pankin", "erlan koshanov", "murat nurtleu", "sergei lavrov", "andrei lukin"],
  ["kassym-jomart tokaev", "vladimir putin", "xi jinping", "donald trump"],
  ["vladimir putin", "kassym-jomart tokaev", "donald trump", "sergei lavrov", "dauren abaev", "murat nurtleu"],
  ["vladimir putin", "kassym-jomart tokaev"],
  ["kassym-jomart tokaev", "vladimir putin"],
];

function seedSignatures(publishedAt: Array<string | null>): StorySignature[] {
  return SEED_PEOPLE.map((people, i) => {
    const text = readSeed(i)
      .replace(/[\u00a0\u202f]/g, " ")
      .replace(/[’‘]/g, "'");
    return signature(text, text.split("\n")[0] ?? "", publishedAt[i] ?? null, people);
  });
}

describe("story grouping on the seeds", () => {
  it("groups the three reports of the 2025 state visit and keeps 2023 and 2024 apart", () => {
    const sigs = seedSignatures(["2023-11-29", "2025-11-10", "2024-11-27", "2025-11-12", "2025-11-11"]);
    expect(groupStories(sigs)).toEqual([1, 2, 3, 2, 2]);
  });

  it("still does so when some outlets give no publication date", () => {
    const sigs = seedSignatures([null, null, "2024-11-27", null, "2025-11-11"]);
    expect(groupStories(sigs)).toEqual([1, 2, 3, 2, 2]);
    expect(storySimilarity(sigs[1] as StorySignature, sigs[2] as StorySignature)).toBeLessThan(SAME_STORY_THRESHOLD);
  });

  it("files a late report of the 2025 visit under that story", () => {
    const sigs = seedSignatures(["2023-11-29", "2025-11-10", "2024-11-27", "2025-11-12", "2025-11-11"]);
    const candidates = [0, 1, 2].map((i) => ({
      storyId: [10, 20, 30][i] as number,
      signature: sigs[i] as StorySignature,
    }));
    expect(findStory(sigs[3] as StorySignature, candidates)).toBe(20);
    expect(
      findStory(
        sigs[2] as StorySignature,
        [candidates[0], candidates[1]].filter((c) => c !== undefined),
      ),
    ).toBe(null);
  });
});
