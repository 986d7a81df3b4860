import { describe, expect, it } from "vitest";
import { loadConfig, secretsOf } from "../../src/config.ts";
import { ConfigError } from "../../src/core/errors.ts";

describe("config", () => {
  it("runs with no environment at all: SQLite, French, terminal chat, demo import", () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.NEWSBOT_LANG).toBe("fr");
    expect(c.NEWSBOT_CONSOLE).toBe("auto");
    expect(c.NEWSBOT_DEMO).toBe(true);
    expect(c.TELEGRAM_OWNERS).toEqual([]);
  });

  it("treats empty variables as unset (a blank DATABASE_URL must not mean a temporary database)", () => {
    expect(loadConfig({ DATABASE_URL: "", TELEGRAM_BOT_TOKEN: "  " }).TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("lists every problem at once", () => {
    try {
      loadConfig({
        DISCORD_TOKEN: "x",
        TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook",
        NEWSBOT_LANG: "de",
        DATABASE_URL: "mysql://nope",
        TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      for (const k of [
        "DISCORD_APPLICATION_ID",
        "TELEGRAM_WEBHOOK_SECRET",
        "NEWSBOT_LANG",
        "DATABASE_URL",
        "TELEGRAM_API_ROOT",
      ]) {
        expect(msg).toContain(k);
      }
    }
  });

  it("parses owner lists and knows which values are secrets", () => {
    const c = loadConfig({
      TELEGRAM_OWNERS: "12, 34 56",
      TELEGRAM_BOT_TOKEN: "123:secret-token",
      DATABASE_URL: "postgresql://bot:p%40ss@127.0.0.1/db",
    });
    expect(c.TELEGRAM_OWNERS).toEqual(["12", "34", "56"]);
    expect(secretsOf(c)).toEqual(expect.arrayContaining(["123:secret-token", "p@ss"]));
  });
});
