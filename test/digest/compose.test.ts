import { describe, expect, it } from "vitest";
import { topicInfos } from "../../src/analysis/topic-info.ts";
import type { DigestStory } from "../../src/core/delivery.ts";
import type { PlatformLimits } from "../../src/core/platform.ts";
import type { Anniversary } from "../../src/core/queries.ts";
import { lineText, replyText } from "../../src/core/reply.ts";
import { composeAlert } from "../../src/digest/alert.ts";
import { composeAnniversaries } from "../../src/digest/anniversaries.ts";
import { composeDigest, groupByTopic } from "../../src/digest/compose.ts";
import { limits } from "../fakes/limits.ts";

const topics = topicInfos();
const telegram = limits.telegram as PlatformLimits;
const discord = limits.discord as PlatformLimits;

function story(i: number, topicList: string[], sources = ["Steppe Info"]): DigestStory {
  return {
    storyId: i,
    title: `Sujet ${i} : Astana et Moscou discutent du corridor numéro ${i}`,
    url: `https://steppe-info.example/a/${i}`,
    sources: sources.map((n) => ({ name: n, url: `https://${n.replace(/\s/g, "").toLowerCase()}.example` })),
    topics: topicList,
    arrivedAt: new Date("2026-11-22T10:00:00Z"),
  };
}

const anniv = (years: number, start: string, summary: string): Anniversary => ({
  years,
  entry: { start, end: start, precision: "day", phrase: start, summary, articleCount: 1, sources: [], curated: false },
});

const base = { frequency: "daily" as const, localDate: "2026-11-27", quote: null, anniversaries: [] };

describe("digest composition", () => {
  it("groups stories by topic in taxonomy order, each story once, unfiled last", () => {
    const groups = groupByTopic([story(1, []), story(2, ["energie", "diplomatie"]), story(3, ["diplomatie"])], topics);
    // A story on two topics goes under the one listed first in the taxonomy (diplomatie before energie).
    expect(groups.map((g) => g.slug)).toEqual(["diplomatie", ""]);
    expect(groups[0]?.stories.map((s) => s.storyId)).toEqual([2, 3]);
    // With a filter, it goes under the subscribed topic.
    expect(groupByTopic([story(2, ["energie", "diplomatie"])], topics, ["energie"])[0]?.slug).toBe("energie");
    expect(groups.flatMap((g) => g.stories.map((s) => s.storyId)).sort()).toEqual([1, 2, 3]);
  });

  it("writes one line per story with its sources", () => {
    const r = composeDigest(
      { ...base, stories: [story(1, ["energie"], ["Steppe Info", "Volga Presse"])], totalStories: 1 },
      {
        lang: "fr",
        limits: telegram,
        topics,
      },
    );
    expect(r?.title).toBe("Revue du 27 novembre 2026");
    const storyLines = (r?.lines ?? []).map(lineText).filter((l) => l.startsWith("• "));
    expect(storyLines).toEqual([
      "• Sujet 1 : Astana et Moscou discutent du corridor numéro 1 — Steppe Info, Volga Presse",
    ]);
  });

  it("returns no digest when nothing arrived, unless empty digests are on", () => {
    expect(
      composeDigest({ ...base, stories: [], totalStories: 0 }, { lang: "fr", limits: telegram, topics }),
    ).toBeNull();
    const r = composeDigest(
      { ...base, stories: [], totalStories: 0 },
      { lang: "en", limits: discord, topics, sendEmpty: true },
    );
    expect(replyText(r ?? { lines: [] })).toContain("Nothing new since the last digest.");
  });

  it("fits one message per platform and points to /latest for the rest", () => {
    const many = Array.from({ length: 80 }, (_, i) => story(i + 1, ["energie"]));
    for (const platform of [telegram, discord]) {
      const r = composeDigest(
        {
          ...base,
          stories: many,
          totalStories: 95,
          anniversaries: [anniv(10, "2016-11-27", "ouverture du pont sur l'Irtych")],
        },
        { lang: "fr", limits: platform, topics },
      );
      if (!r) throw new Error("no digest");
      const cost = (r.title?.length ?? 0) + r.lines.reduce((n, l) => n + platform.lineCost(l), 0);
      expect(cost).toBeLessThanOrEqual(3800);
      const shown = r.lines.map(lineText).filter((l) => l.startsWith("• ")).length;
      expect(shown).toBeGreaterThan(5);
      expect(replyText(r)).toContain(`… et ${95 - shown} autres sujets : /latest`);
      expect(replyText(r)).toContain("Il y a 10 ans, le 27 novembre 2016 : ouverture du pont sur l'Irtych");
    }
  });

  it("fits whatever budget and line cost the platform gives, alerts too", () => {
    // A made-up platform: 300 characters, each counted twice.
    const tiny: PlatformLimits = { messageBudget: 300, lineCost: (l) => 2 * lineText(l).length + 1, sendRate: 0 };
    const many = Array.from({ length: 20 }, (_, i) => story(i + 1, ["energie"]));
    const posts = [
      composeDigest({ ...base, stories: many, totalStories: 20 }, { lang: "fr", limits: tiny, topics }),
      composeAlert(many, 20, { lang: "fr", limits: tiny, topics, filter: ["energie"] }),
    ];
    for (const r of posts) {
      if (!r) throw new Error("no post");
      const storyCount = r.lines.map(lineText).filter((l) => l.startsWith("• ")).length;
      expect(storyCount).toBeGreaterThan(0);
      expect(storyCount).toBeLessThan(5);
      expect((r.title?.length ?? 0) + r.lines.reduce((n, l) => n + tiny.lineCost(l), 0)).toBeLessThanOrEqual(300);
      expect(replyText(r)).toContain(`… et ${20 - storyCount} autres sujets : /latest`);
    }
  });

  it("writes anniversaries as « Il y a N ans, le … » and marks round ones", () => {
    const r = composeAnniversaries(
      "2026-11-27",
      [anniv(2, "2024-11-27", "visite d'État du président russe à Astana"), anniv(5, "2021-11-27", "accord sur l'eau")],
      "fr",
    );
    const lines = (r?.lines ?? []).map(lineText);
    expect(lines[0]).toBe("Il y a 2 ans, le 27 novembre 2024 : visite d'État du président russe à Astana");
    expect(lines[1]).toBe("★ Il y a 5 ans, le 27 novembre 2021 : accord sur l'eau (anniversaire rond)");
    expect(composeAnniversaries("2026-11-27", [], "fr")).toBeNull();
  });
});
