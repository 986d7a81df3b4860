/**
 * `npm run pictures [-- OUT_DIR]`: imports the bundled demo feeds into a throwaway SQLite database and writes a
 * sample of every chart type, as the bot would send it, to OUT_DIR (default docs/pictures; the README shows
 * timeline.png and trend.png from there), and the coverage chart a weekly digest carries (week.png).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp, topicInfos } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { SubscriptionRecord } from "../src/core/delivery.ts";
import { systemClock } from "../src/core/logger.ts";
import { replyText } from "../src/core/reply.ts";
import { createLogger } from "../src/logging.ts";
import { weekChart } from "../src/schedule/week-chart.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = process.argv[2] ?? join(root, "docs", "pictures");
const scratch = mkdtempSync(join(tmpdir(), "newsbot-pictures-"));

/** The demo spans late 2022 to late 2026: trends cover it all. */
const SAMPLES: Array<{ file: string; command: string; args: string; lang: "fr" | "en" }> = [
  { file: "timeline.png", command: "timeline", args: "image count:50", lang: "fr" },
  { file: "timeline-en.png", command: "timeline", args: "image count:50", lang: "en" },
  { file: "trend.png", command: "trend", args: "from:2022-10-01 to:2026-11-30", lang: "fr" },
  { file: "trend-by-source.png", command: "trend", args: "from:2022-10-01 to:2026-11-30 by:source", lang: "fr" },
  { file: "trend-en.png", command: "trend", args: "from:2022-10-01 to:2026-11-30 by:topic", lang: "en" },
  { file: "who.png", command: "who", args: "Tokaïev", lang: "fr" },
];

function save(file: string, picture: { png: Uint8Array; width: number; height: number }): void {
  writeFileSync(join(out, file), picture.png);
  const kb = Math.ceil(picture.png.byteLength / 1024);
  console.log(`${join(out, file)}  ${picture.width}×${picture.height}, ${kb} KB`);
}

async function main(): Promise<void> {
  const config = loadConfig({ DATABASE_URL: `file:${join(scratch, "demo.db")}`, NEWSBOT_DEMO: "false" });
  const logger = createLogger({ level: "warn", secrets: [] });
  const app = await createApp(config, logger, systemClock);
  try {
    const demo = join(root, "demo");
    for (const f of readdirSync(demo).filter((x) => x.endsWith(".xml"))) await app.ingestor.ingestFile(join(demo, f));
    mkdirSync(out, { recursive: true });
    for (const s of SAMPLES) {
      const reply = await app.core.handle({
        command: s.command,
        args: s.args,
        lang: s.lang,
        chat: { platform: "console", id: "pictures", type: "console" },
        user: { id: "pictures", isAdmin: async () => true, isOwner: async () => true },
      });
      if (!reply.picture) {
        console.error(`${s.file}: no picture — ${replyText(reply)}`);
        process.exitCode = 1;
        continue;
      }
      save(s.file, reply.picture);
    }
    // A weekly digest's chart (`/subscribe digest weekly chart`), for the demo's busiest late-2025 week: what the
    // scheduler plans for a post on Sunday 30 November 2025, drawn as the delivery draws it.
    const sub = { kind: "digest", frequency: "weekly", chart: true, topics: [], languages: [], language: "fr" };
    const terms = { include: [], exclude: [] };
    const topics = topicInfos(app.taxonomy);
    const chart = await weekChart({ ...sub, terms } as unknown as SubscriptionRecord, "2025-11-30", app.store, topics);
    if (chart) save("week.png", await app.pictures.render(chart));
    else {
      console.error("week.png: the demo has no article in that week");
      process.exitCode = 1;
    }
  } finally {
    await app.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
