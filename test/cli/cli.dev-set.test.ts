/**
 * The `newsbot analyze` JSON contract on the development articles (../shared/seeds, read at run time).
 * Runs under `npm run test:dev-set`.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seedFiles, seedPath } from "../helpers/seeds.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "bin/newsbot.mjs");

function newsbot(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "error" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("newsbot analyze on the development articles", () => {
  it("prints one object per seed, in input order, with stories shared across outlets", () => {
    const files = seedFiles().map((_, i) => seedPath(i));
    const r = newsbot(["analyze", "--published", `${seedFiles()[1]}=2025-11-10`, ...files]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(out.map((o) => o.file)).toEqual(seedFiles());
    for (const o of out) {
      expect(Object.keys(o).sort()).toEqual(
        ["events", "file", "language", "people", "publishedAt", "quotes", "story", "title", "topics"].sort(),
      );
      expect(o.language).toBe("fr");
      expect(typeof o.story).toBe("number");
    }
    expect(out[1]?.publishedAt).toBe("2025-11-10");
    expect(out[4]?.publishedAt).toBe("2025-11-11"); // from the glued dateline
    const story = out.map((o) => o.story);
    expect(story[1]).toBe(story[3]);
    expect(story[3]).toBe(story[4]);
    expect(new Set([story[0], story[2], story[1]]).size).toBe(3);
    const quotes = out[3]?.quotes as Array<{ text: string; speaker: string | null }>;
    expect(quotes.some((q) => q.speaker === "Kassym-Jomart Tokaïev")).toBe(true);
    const events = out[2]?.events as Array<{ start: string; end: string; precision: string }>;
    expect(events).toContainEqual(
      expect.objectContaining({ start: "2024-11-27", end: "2024-11-28", precision: "period" }),
    );
  });
});
