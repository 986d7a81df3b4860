/**
 * The terminal is a chat like the others (issue 11 item 5): a digest or an alert subscribed in the terminal is
 * printed there, through the same outbox and delivery as Telegram and Discord. The bot is the real composition
 * (startBot), on a fresh SQLite file, with a fake clock; the terminal chat is driven through its input stream and
 * the delivery ticks are run by hand.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningBot, startBot } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { Clock } from "../../src/core/logger.ts";
import { createLifecycle, type Lifecycle } from "../../src/lifecycle.ts";
import { recordingLogger } from "../../src/logging.ts";

class Clockwork implements Clock {
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
}

const MINUTE = 60_000;

/**
 * The store stamps arrivals with the real time, so the fake clock starts from it. `at(m)`: `m` minutes after
 * the start, rounded down to the minute, plus 2 seconds (just after a tick minute).
 */
const t0 = Math.floor(Date.now() / MINUTE) * MINUTE;
const at = (minutes: number) => new Date(t0 + minutes * MINUTE + 2000).toISOString();
/** The terminal's time zone in these tests (not the Europe/Paris default of new chats). */
const ZONE = "Asia/Almaty";
/** "HH:MM" of an instant in the terminal's time zone. */
const localTime = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/** A feed of invented articles, published at `pubDate`. */
function feed(items: Array<{ slug: string; title: string; text: string }>, pubDate: string): string {
  const entries = items
    .map(
      (i) => `<item><title>${i.title}</title><link>https://terminal-test.example/${i.slug}</link>
<guid>https://terminal-test.example/${i.slug}</guid><pubDate>${new Date(pubDate).toUTCString()}</pubDate>
<description>${i.text}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Gazette du terminal</title>
<link>https://terminal-test.example/</link><description>Flux inventé pour les tests</description><language>fr</language>
${entries}</channel></rss>`;
}

interface Session {
  bot: RunningBot;
  clock: Clockwork;
  lifecycle: Lifecycle;
  input: PassThrough;
  /** Everything printed on the terminal so far. */
  out: () => string;
  /** Types a line and waits until the terminal printed something matching `expected`. */
  type(line: string, expected: RegExp): Promise<void>;
}

let session: Session | null = null;

afterEach(async () => {
  session?.input.end();
  await session?.lifecycle.stop("test over");
  session = null;
});

const newDb = () => `file:${join(mkdtempSync(join(tmpdir(), "newsbot-terminal-")), "bot.db")}`;

async function openSession(startIso: string, db = newDb(), timeZone = ZONE): Promise<Session> {
  const config = loadConfig({
    DATABASE_URL: db,
    NEWSBOT_DEMO: "false",
    NEWSBOT_CONSOLE: "true",
    // Ticks are run by the test on its clock, never by the cron.
    DELIVERY_CRON: "0 0 1 1 *",
    POLL_CRON: "0 0 1 1 *",
  });
  const logger = recordingLogger();
  const clock = new Clockwork(Date.parse(startIso));
  const lifecycle = createLifecycle({ logger });
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  const waiters = new Set<() => void>();
  output.on("data", (d) => {
    printed += String(d);
    for (const w of [...waiters]) w();
  });
  const bot = await startBot({
    config,
    logger,
    clock,
    lifecycle,
    terminal: { input, output, interactive: false, timeZone },
    notices: { write: () => true },
  });
  const s: Session = {
    bot,
    clock,
    lifecycle,
    input,
    out: () => printed,
    type(line, expected) {
      const from = printed.length;
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!expected.test(printed.slice(from))) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${expected} after "${line}":\n${printed.slice(from)}`));
        }, 15_000);
        waiters.add(check);
        input.write(`${line}\n`);
      });
    },
  };
  session = s;
  return s;
}

describe("subscriptions in the terminal chat", () => {
  it("a digest subscribed for the next minute is printed in the terminal at that minute", async () => {
    const s = await openSession(at(0));
    expect(s.bot.console).not.toBeNull();
    await s.bot.app.ingestor.ingestFeedXml(
      feed(
        [
          {
            slug: "barrage-irtych",
            title: "Un nouveau barrage sur l'Irtych alimentera Pavlodar en électricité",
            text: "Les travaux de la centrale hydroélectrique commenceront au printemps, selon le ministère de l'Énergie.",
          },
        ],
        new Date(t0 - 60 * MINUTE).toISOString(),
      ),
    );
    // The time typed is the terminal's: the confirmation says which zone it is.
    await s.type(`/subscribe digest ${localTime(at(2))}`, /Abonnement n° \d+ créé.*\(Asia\/Almaty\)/);

    // The minute before: nothing is due, nothing is printed.
    s.clock.set(at(1));
    await s.bot.delivery.scheduler.tick();
    expect(s.out()).not.toContain("barrage sur l'Irtych");

    s.clock.set(at(2));
    const report = await s.bot.delivery.scheduler.tick();
    expect(report.delivery.sent).toBe(1);
    expect(s.out()).toContain("Un nouveau barrage sur l'Irtych alimentera Pavlodar en électricité");

    // Sent once: the next tick of the same minute prints nothing more.
    const before = s.out().length;
    await s.bot.delivery.scheduler.tick();
    expect(s.out().length).toBe(before);
  }, 60_000);

  it("an alert on a topic is printed once a matching article arrives, and only for that topic", async () => {
    const s = await openSession(at(0));
    await s.type("/subscribe alerts énergie", /Abonnement n° \d+ créé/);
    await s.bot.delivery.scheduler.tick();

    await s.bot.app.ingestor.ingestFeedXml(
      feed(
        [
          {
            slug: "gazoduc-nord",
            title: "Le gazoduc vers le nord du Kazakhstan livrera ses premiers mètres cubes de gaz en mars",
            text: "La conduite de gaz reliera les gisements de l'ouest aux villes du nord ; l'énergie restera subventionnée.",
          },
          {
            slug: "festival-almaty",
            title: "Un festival de théâtre réunit les troupes des deux pays à Almaty",
            text: "Les artistes joueront au théâtre national jusqu'à dimanche ; les étudiants en art dramatique sont invités.",
          },
        ],
        new Date(t0 - 5 * MINUTE).toISOString(),
      ),
    );
    // Alerts are checked on a quarter-hour grid: the next check is at most 15 minutes away.
    // (From the real time: the store stamped the arrival with it.)
    s.clock.set(new Date((Math.floor(Date.now() / (15 * MINUTE)) + 1) * 15 * MINUTE + 2000).toISOString());
    const report = await s.bot.delivery.scheduler.tick();
    expect(report.delivery.sent).toBe(1);
    expect(s.out()).toContain("Le gazoduc vers le nord du Kazakhstan livrera ses premiers mètres cubes de gaz en mars");
    expect(s.out()).not.toContain("festival de théâtre");
  }, 60_000);

  it("a post due while the terminal is closed is not lost: the next session prints it", async () => {
    const db = newDb();
    const s = await openSession(at(0), db);
    await s.bot.app.ingestor.ingestFeedXml(
      feed(
        [
          {
            slug: "centrale-balkhach",
            title: "La centrale thermique du Balkhach passe au gaz",
            text: "La conversion au gaz de la centrale thermique réduira la consommation de charbon de la région.",
          },
        ],
        new Date(t0 - 60 * MINUTE).toISOString(),
      ),
    );
    await s.type(`/subscribe digest ${localTime(at(2))}`, /Abonnement n° \d+ créé/);
    s.input.end();
    await s.bot.console?.closed;
    s.clock.set(at(2));
    const report = await s.bot.delivery.scheduler.tick();
    expect(report.delivery.sent).toBe(0);
    expect(report.delivery.retried).toBe(1);
    expect(s.out()).not.toContain("centrale thermique du Balkhach");
    await s.lifecycle.stop("terminal closed");

    // Half an hour later the terminal chat is opened again: the start-up tick sends what waited.
    const next = await openSession(at(30), db, "America/New_York");
    await next.bot.delivery.scheduler.tick();
    expect(next.out()).toContain("La centrale thermique du Balkhach passe au gaz");
    // The chat's zone was set on its first use only; a later terminal elsewhere does not change it.
    expect((await next.bot.app.store.findChat("console", "console"))?.timezone).toBe(ZONE);
  }, 60_000);
});
