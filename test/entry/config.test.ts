import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig, projectRoot, secretsOf } from "../../src/config.ts";
import { ConfigError } from "../../src/core/errors.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("config", () => {
  it("runs with no environment at all: SQLite, French, terminal chat, demo import", () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe(`file:${join(root, "data", "newsbot.db")}`);
    expect(c.NEWSBOT_LANG).toBe("fr");
    expect(c.NEWSBOT_CONSOLE).toBe("auto");
    expect(c.NEWSBOT_DEMO).toBe(true);
    expect(c.TELEGRAM_OWNERS).toEqual([]);
  });

  it("treats empty variables as unset (a blank DATABASE_URL must not mean a temporary database)", () => {
    expect(loadConfig({ DATABASE_URL: "", TELEGRAM_BOT_TOKEN: "  " }).TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: "" }).DATABASE_URL).toBe(`file:${join(root, "data", "newsbot.db")}`);
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

  it("ARCHIVE_KEEP_DAYS: unset keeps everything; a whole number of days is read; anything else is named", () => {
    expect(loadConfig({}).ARCHIVE_KEEP_DAYS).toBeUndefined();
    expect(loadConfig({ ARCHIVE_KEEP_DAYS: " " }).ARCHIVE_KEEP_DAYS).toBeUndefined();
    expect(loadConfig({ ARCHIVE_KEEP_DAYS: "365" }).ARCHIVE_KEEP_DAYS).toBe(365);
    for (const bad of ["0", "-30", "1.5", "a year", "365d", "1000000"]) {
      expect(() => loadConfig({ ARCHIVE_KEEP_DAYS: bad }), bad).toThrow(
        /ARCHIVE_KEEP_DAYS: must be a whole number of days from 1 to 100000 .*leave it unset to keep everything/,
      );
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

describe("paths in the configuration", () => {
  it("the project folder is the one holding package.json", () => {
    expect(join(projectRoot, "package.json")).toBe(join(root, "package.json"));
  });

  it("a relative SQLite path resolves against the project folder, whatever the current folder", () => {
    expect(loadConfig({ DATABASE_URL: "file:./data/x.db" }).DATABASE_URL).toBe(`file:${join(root, "data", "x.db")}`);
    expect(loadConfig({ DATABASE_URL: "file:data/x.db?mode=rwc" }).DATABASE_URL).toBe(
      `file:${join(root, "data", "x.db")}?mode=rwc`,
    );
    expect(loadConfig({ NEWSBOT_TAXONOMY: "./topics.json" }).NEWSBOT_TAXONOMY).toBe(join(root, "topics.json"));
  });

  it("absolute paths, in-memory databases and PostgreSQL URLs are kept as written", () => {
    for (const url of ["file:/var/lib/newsbot/bot.db", "file::memory:", "postgresql://bot@127.0.0.1:5432/newsbot"]) {
      expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });
});

describe("documentation of the configuration", () => {
  /** Every variable name loadConfig looks at, recorded through a Proxy over an empty environment. */
  function variablesRead(): string[] {
    const read = new Set<string>();
    const env = new Proxy({} as Record<string, string | undefined>, {
      get(target, key) {
        if (typeof key === "string") read.add(key);
        return Reflect.get(target, key);
      },
    });
    loadConfig(env);
    return [...read].filter((k) => /^[A-Z][A-Z0-9_]+$/.test(k)).sort();
  }

  it("reads the variables it is expected to (the probe sees the schema)", () => {
    const vars = variablesRead();
    expect(vars).toEqual(expect.arrayContaining(["DATABASE_URL", "TELEGRAM_BOT_TOKEN", "DELIVERY_CRON", "POLL_CRON"]));
    expect(vars.length).toBeGreaterThanOrEqual(25);
  });

  it("every variable the code reads is listed in .env.example", () => {
    const example = readFileSync(join(root, ".env.example"), "utf8");
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(variablesRead().filter((v) => !listed.has(v))).toEqual([]);
  });

  it("every variable the code reads is in the README configuration table", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("### Running on real Telegram"));
    const rows = table.split("\n").filter((l) => l.startsWith("| `"));
    const documented = new Set(
      rows.flatMap((r) => [...(r.split("|")[1] ?? "").matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1])),
    );
    expect(variablesRead().filter((v) => !documented.has(v))).toEqual([]);
  });
});
