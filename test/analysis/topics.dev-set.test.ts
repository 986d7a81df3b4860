/**
 * Topics of the development articles.
 * Reads the development articles in ../shared/seeds at run time: runs under `npm run test:dev-set`.
 */
import { describe, expect, it } from "vitest";
import { classifyTopics } from "../../src/analysis/topics.ts";
import { readSeed } from "../helpers/seeds.ts";

function seed(i: number): { text: string; title: string } {
  const text = readSeed(i)
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/[’‘]/g, "'");
  return { text, title: text.split("\n")[0] ?? "" };
}

describe("classifyTopics on the development articles", () => {
  it("gives every seed 1–4 topics, diplomacy among them", () => {
    for (let i = 0; i < 5; i++) {
      const { text, title } = seed(i);
      const topics = classifyTopics(text, title);
      expect(topics.length).toBeGreaterThanOrEqual(1);
      expect(topics.length).toBeLessThanOrEqual(4);
      expect(topics).toContain("diplomatie");
      expect(new Set(topics).size).toBe(topics.length);
    }
  });

  it("puts the declaration article under diplomacy and security/multilateral bodies", () => {
    const { text, title } = seed(3);
    const topics = classifyTopics(text, title);
    expect(topics[0]).toBe("diplomatie");
    expect(topics).toContain("multilateral");
    expect(topics).toContain("securite");
  });

  it("sees the sanctions theme of the pre-visit op-ed and the multilateral bodies of the 2024 visit", () => {
    expect(classifyTopics(seed(1).text, seed(1).title)).toContain("sanctions");
    const visit = classifyTopics(seed(2).text, seed(2).title);
    expect(visit).toContain("multilateral");
    expect(visit).toContain("guerre-ukraine");
  });
});
