import { describe, expect, it } from "vitest";
import { commands, validateCommands } from "../../commands/index.ts";
import type { ChatRef, Command, UserRef } from "../../src/core/command.ts";
import { createBotCore } from "../../src/core/dispatch.ts";
import { silentLogger, systemClock } from "../../src/core/logger.ts";
import type { IncomingCommand } from "../../src/core/platform.ts";
import { replyText } from "../../src/core/reply.ts";
import { fakeQueries } from "../fakes/news-queries.ts";
import { testCore } from "../fakes/services.ts";

const chat: ChatRef = { platform: "console", id: "c1", type: "private" };
const member: UserRef = { id: "u1", isAdmin: async () => false };

function cmd(command: string, args = "", extra: Partial<IncomingCommand> = {}): IncomingCommand {
  return { command, args, lang: "fr", chat, user: member, ...extra };
}

describe("command registry", () => {
  it("has the core commands with valid names and bilingual descriptions", () => {
    const names = commands.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(["start", "help", "latest", "quote", "timeline", "search", "topics", "onthisday"]),
    );
    for (const c of commands) {
      expect(c.description.fr.length).toBeGreaterThan(0);
      expect(c.description.en.length).toBeGreaterThan(0);
    }
  });

  it("rejects definitions a platform would refuse", () => {
    const bad = { ...commands[0], name: "Bad-Name" } as Command;
    expect(() => validateCommands([bad])).toThrow(/invalid command name/);
    expect(() => validateCommands([commands[0] as Command, commands[0] as Command])).toThrow(/duplicate/);
  });
});

describe("commands over fake queries", () => {
  it("/latest lists one line per story with its number of sources", async () => {
    const core = testCore();
    const reply = await core.handle(cmd("latest"));
    const text = replyText(reply);
    expect(text).toContain("Dernières nouvelles");
    expect(text).toContain("Astana et Moscou signent un accord sur le transit du gaz");
    expect(text).toContain("3 sources");
    expect(reply.lines).toHaveLength(2);
  });

  it("/latest <topic> accepts French, English and unaccented topic names", async () => {
    for (const arg of ["énergie", "energie", "energy"]) {
      const queries = fakeQueries();
      const core = testCore({ queries });
      await core.handle(cmd("latest", arg));
      expect(queries.calls.find((c) => c.method === "latest")?.args[0]).toMatchObject({ topic: "energie" });
    }
  });

  it("/latest with an unknown filter searches sources and says nothing was found", async () => {
    const reply = await testCore().handle(cmd("latest", "xyzzy"));
    expect(reply.kind).toBe("empty");
    expect(replyText(reply)).toContain("xyzzy");
  });

  it("/quote finds a speaker whatever the spelling, and answers in English when asked", async () => {
    const core = testCore();
    const fr = replyText(await core.handle(cmd("quote", "Tokaïev")));
    expect(fr).toContain("Kassym-Jomart Tokaïev");
    expect(fr).toContain("sept mille kilomètres");
    const en = await core.handle(cmd("quote", "tokayev", { lang: "en" }));
    expect(en.title).toBe("Quotes — Kassym-Jomart Tokaïev");
  });

  it("/quote falls back to a keyword search in quotes", async () => {
    const queries = fakeQueries();
    const reply = await testCore({ queries }).handle(cmd("quote", "hiver"));
    expect(replyText(reply)).toContain("Vladimir Poutine");
    expect(queries.calls.filter((c) => c.method === "quotes").map((c) => c.args[0])).toEqual([
      { speaker: "hiver", limit: 5 },
      { keyword: "hiver", limit: 5 },
    ]);
  });

  it("/quote with no match says so instead of an empty message", async () => {
    const reply = await testCore().handle(cmd("quote", "Personne Inconnue"));
    expect(reply.kind).toBe("empty");
    expect(replyText(reply)).toContain("Aucune citation");
  });

  it("/timeline formats periods and counts articles", async () => {
    const text = replyText(await testCore().handle(cmd("timeline")));
    expect(text).toContain("11 nov. 2013 — Signature du traité de bon voisinage");
    expect(text).toContain("19–20 nov. 2026");
    expect(text).toContain("3 articles");
  });

  it("/timeline from:/to: options are parsed and a bad date is refused clearly", async () => {
    const queries = fakeQueries();
    const core = testCore({ queries });
    await core.handle(cmd("timeline", "from:2013-01-01 to:2014-12-31"));
    expect(queries.calls.at(-1)?.args[0]).toMatchObject({ from: "2013-01-01", to: "2014-12-31" });
    const bad = await core.handle(cmd("timeline", "from:2013-02-31"));
    expect(bad.kind).toBe("error");
    expect(replyText(bad)).toContain("Date non reconnue");
  });

  it("/search asks for words when called without any", async () => {
    const reply = await testCore().handle(cmd("search"));
    expect(reply.kind).toBe("error");
    expect(replyText(reply)).toContain("/search");
  });

  it("/onthisday shows years ago and marks round anniversaries", async () => {
    const text = replyText(await testCore().handle(cmd("onthisday", "11/11")));
    expect(text).toContain("Il y a 13 ans, 11 novembre 2013");
    expect(text).not.toContain("★");
    const ten = replyText(await testCore({ now: new Date("2023-11-11T10:00:00Z") }).handle(cmd("onthisday")));
    expect(ten).toContain("★ Il y a 10 ans, 11 novembre 2013");
  });

  it("/topics lists the taxonomy with counts", async () => {
    const text = replyText(await testCore().handle(cmd("topics")));
    expect(text).toContain("(energie) — 3 articles");
    expect(text).toMatch(/\(sanctions\) — 0 article$/m);
  });

  it("/start and /help list every command", async () => {
    const text = replyText(await testCore().handle(cmd("start")));
    for (const c of commands) expect(text).toContain(`/${c.name}`);
    expect(text).toContain("Archive : 4 articles");
  });
});

describe("autocomplete", () => {
  it("suggests speakers, topics in the caller's language, and sources by name or number", async () => {
    const core = testCore();
    expect((await core.complete("speaker", "toka", "fr")).map((c) => c.value)).toEqual(["Kassym-Jomart Tokaïev"]);
    expect(await core.complete("topic", "energ", "en")).toContainEqual({ value: "energie", label: "Energy" });
    const sources = [
      { id: 3, title: "Le Courrier des steppes", url: "https://courrier.example/rss" },
      { id: 7, title: null, url: "https://volga.example/feed" },
    ];
    const withSources = createBotCore({
      commands: [],
      services: {
        queries: fakeQueries(),
        logger: silentLogger,
        topics: [],
        resolveTopic: () => ({ suggestions: [] }),
        admin: { sources: { list: async () => sources } } as never,
      },
      logger: silentLogger,
      clock: systemClock,
    });
    expect(await withSources.complete("source", "steppes", "fr")).toEqual([
      { value: "3", label: "#3 Le Courrier des steppes" },
    ]);
    expect(await withSources.complete("source", "7", "fr")).toEqual([
      { value: "7", label: "#7 https://volga.example/feed" },
    ]);
    expect(await core.complete("source", "", "fr")).toEqual([]);
  });
});

describe("dispatcher", () => {
  it("answers unknown commands with a pointer to /help", async () => {
    const reply = await testCore().handle(cmd("nope"));
    expect(reply.kind).toBe("error");
    expect(replyText(reply)).toContain("/help");
  });

  it("refuses arguments longer than the cap without running the command", async () => {
    const queries = fakeQueries();
    const reply = await testCore({ queries }).handle(cmd("search", "é".repeat(10_000)));
    expect(reply.kind).toBe("error");
    expect(replyText(reply)).toContain("trop long");
    expect(queries.calls).toHaveLength(0);
  });

  it("turns an internal failure into a generic reply with a reference that is logged", async () => {
    const queries = fakeQueries();
    queries.latest = async () => {
      throw new Error("database is locked");
    };
    const core = testCore({ queries });
    const reply = await core.handle(cmd("latest"));
    const ref = /réf\. ([0-9a-f]{8})/.exec(replyText(reply))?.[1];
    expect(ref).toBeDefined();
    expect(replyText(reply)).not.toContain("database is locked");
    expect(core.logs.entries.find((e) => e.level === "error")?.fields).toMatchObject({ ref, command: "latest" });
  });

  it("strips control characters and markup has no meaning in arguments", async () => {
    const queries = fakeQueries();
    await testCore({ queries }).handle(cmd("search", "\u0000<b>gaz</b>\u0007"));
    expect(queries.calls[0]?.args[0]).toBe("<b>gaz</b>");
  });

  it("rejects a non-integer count", async () => {
    const reply = await testCore().handle(cmd("latest", "count:abc"));
    expect(replyText(reply)).toContain("n'est pas un nombre entier");
  });

  it("re-checks admin rights on every call of an admin command", async () => {
    let admin = true;
    let runs = 0;
    const secret: Command = {
      name: "secret",
      description: { fr: "x", en: "x", ru: "x" },
      options: [],
      access: "admins",
      run: async () => {
        runs++;
        return { lines: [] };
      },
    };
    const core = createBotCore({
      commands: [secret],
      services: { queries: fakeQueries(), logger: silentLogger, topics: [], resolveTopic: () => ({ suggestions: [] }) },
      logger: silentLogger,
      clock: systemClock,
    });
    const user: UserRef = { id: "u", isAdmin: async () => admin };
    expect((await core.handle(cmd("secret", "", { user }))).kind).not.toBe("error");
    admin = false;
    const refused = await core.handle(cmd("secret", "", { user }));
    expect(replyText(refused)).toContain("réservée aux administrateurs");
    expect(runs).toBe(1);
  });

  it("refuses an owners' command to a chat admin who is not an owner, asking on every call", async () => {
    let owner = false;
    let runs = 0;
    const global: Command = {
      name: "global",
      description: { fr: "x", en: "x", ru: "x" },
      options: [],
      access: "owners",
      run: async () => {
        runs++;
        return { lines: [] };
      },
    };
    const core = createBotCore({
      commands: [global],
      services: { queries: fakeQueries(), logger: silentLogger, topics: [], resolveTopic: () => ({ suggestions: [] }) },
      logger: silentLogger,
      clock: systemClock,
    });
    const user: UserRef = { id: "u", isAdmin: async () => true, isOwner: async () => owner };
    const refused = await core.handle(cmd("global", "", { user }));
    expect(replyText(refused)).toContain("propriétaires du bot");
    owner = true;
    expect((await core.handle(cmd("global", "", { user }))).kind).not.toBe("error");
    expect(runs).toBe(1);
  });
});
