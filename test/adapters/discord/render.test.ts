/** Unit tests of the Discord renderer: escaping, links, limits, paging, packing, command JSON and the page LRU. */
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { discordLimits } from "../../../src/adapters/discord/limits.ts";
import { escapeMarkdown, escapeWithin, renderSpan, safeLinkUrl } from "../../../src/adapters/discord/markdown.ts";
import { createPageStore, pageButtons, parsePageButton } from "../../../src/adapters/discord/pages.ts";
import { DISCORD_LIMITS, embedSize, packEmbeds, renderPages } from "../../../src/adapters/discord/render.ts";
import { buildSlashCommands, commandsHash } from "../../../src/adapters/discord/slash-commands.ts";
import { line, type Reply } from "../../../src/core/reply.ts";
import { composeDigest } from "../../../src/digest/compose.ts";
import { commandProblems, messageProblems } from "../../fakes/discord-validate.ts";

/** What Discord shows for escaped text: each backslash escape stands for the character after it. */
const shown = (s: string) => s.replace(/\\(.)/g, "$1").replace(/\u200b/g, "");

describe("escapeMarkdown", () => {
  it("neutralises formatting, links, mentions and line-start markers, and round-trips the text", () => {
    const hostile = "**gras** __souligné__ ~~barré~~ `code` ||spoiler|| [lien](https://x.test) <@123> <#42> <t:1:R>";
    const out = escapeMarkdown(hostile);
    expect(out).not.toMatch(/(?<!\\)\*\*/);
    expect(out).not.toContain("[lien](");
    expect(out).not.toMatch(/(?<!\\)<@/);
    expect(shown(out)).toBe(hostile);
    for (const marker of ["# Titre", "> cité", "- liste", "1. premier", "-# petit"]) {
      const e = escapeMarkdown(marker);
      expect(e.startsWith("\\") || /^\d+\\\./.test(e)).toBe(true);
      expect(shown(e)).toBe(marker);
    }
  });

  it("breaks @everyone and @here and flattens newlines", () => {
    expect(escapeMarkdown("salut @everyone et @here")).toBe("salut @\u200beveryone et @\u200bhere");
    expect(escapeMarkdown("a\n# b")).toBe("a \\# b");
  });

  it("escapeWithin keeps the escaped text within the limit", () => {
    const s = "*".repeat(300);
    const out = escapeWithin(s, 256);
    expect(out.length).toBeLessThanOrEqual(256);
    expect(out.endsWith("…")).toBe(true);
    expect(escapeWithin("court", 256)).toBe("court");
  });
});

describe("spans and links", () => {
  it("renders links only for http(s) URLs, with parentheses encoded", () => {
    expect(renderSpan({ text: "Accord", url: "https://ex.test/a_(b)" })).toBe("[Accord](https://ex.test/a_%28b%29)");
    expect(renderSpan({ text: "piège", url: "javascript:alert(1)" })).toBe("piège");
    expect(renderSpan({ text: "x", url: "pas une url" })).toBe("x");
    expect(safeLinkUrl("ftp://ex.test")).toBeNull();
  });

  it("renders bold, italic and code without letting the text escape its span", () => {
    expect(renderSpan({ text: "Tokaïev*", bold: true })).toBe("**Tokaïev\\***");
    expect(renderSpan({ text: "« citation »", italic: true })).toBe("*« citation »*");
    expect(renderSpan({ text: "a`b", code: true })).toBe("`aˋb`");
  });
});

describe("renderPages", () => {
  const many = (n: number, text = "ligne"): Reply => ({
    title: "Titre",
    footer: "pied",
    lines: Array.from({ length: n }, (_, i) => line(`${text} ${i + 1}`)),
  });

  it("puts 10 lines per page and numbers the pages in the footer", () => {
    const pages = renderPages(many(25));
    expect(pages).toHaveLength(3);
    expect(pages[0]?.description?.split("\n")).toHaveLength(10);
    expect(pages[2]?.footer?.text).toBe("pied · 3/3");
    expect(renderPages(many(3))[0]?.footer?.text).toBe("pied");
  });

  it("keeps every page within Discord's limits whatever the input", () => {
    const huge: Reply = {
      title: "T".repeat(1000),
      footer: "F".repeat(5000),
      lines: [line("x".repeat(20_000)), line("*".repeat(9000)), ...many(40, "y".repeat(900)).lines],
    };
    const pages = renderPages(huge);
    for (const p of pages) {
      expect(messageProblems({ embeds: [p] })).toEqual([]);
      expect(embedSize(p)).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
    }
    const text = pages.map((p) => shown(p.description ?? "").replace(/\n/g, "")).join("");
    expect(text).toContain("x".repeat(20_000));
  });

  it("does not split a line across pages unless it alone is too long", () => {
    const pages = renderPages(many(12, "z".repeat(1000)), { linesPerPage: 50 });
    for (const p of pages) for (const l of p.description?.split("\n") ?? []) expect(l).toMatch(/^z{1000} \d+$/);
  });

  it("gives empty and error replies a visible embed", () => {
    expect(messageProblems({ embeds: renderPages({ lines: [] }) })).toEqual([]);
    const err = renderPages({ lines: [line("oups")], kind: "error" })[0];
    expect(err?.color).not.toBe(renderPages({ lines: [line("ok")] })[0]?.color);
  });

  it("packEmbeds groups pages into valid messages of ≤ 10 embeds and ≤ 6000 characters", () => {
    const pages = renderPages(many(300, "w".repeat(300)), { linesPerPage: 25 });
    const messages = packEmbeds(pages);
    expect(messages.flat()).toHaveLength(pages.length);
    for (const m of messages) expect(messageProblems({ embeds: m })).toEqual([]);
    expect(packEmbeds(renderPages(many(150)))[0]).toHaveLength(10);
  });
});

describe("the limits the adapter declares", () => {
  it("a digest composed for Discord fits its budget as rendered, escapes and link URLs included", () => {
    const limits = discordLimits();
    const stories = Array.from({ length: 60 }, (_, i) => ({
      storyId: i,
      title: `*Urgent* [${i}] Gazprom_Neft (Astana) — #énergie > 2026 | prix <hausse> ~${i}~`,
      url: `https://steppe-info.example/a/${i}?ref=(digest)`,
      sources: [{ name: "Steppe_Info", url: "https://steppe-info.example" }],
      topics: ["energie"],
      arrivedAt: new Date("2026-11-22T10:00:00Z"),
    }));
    const r = composeDigest(
      { frequency: "daily", localDate: "2026-11-27", stories, totalStories: 60, quote: null, anniversaries: [] },
      {
        lang: "fr",
        limits,
        topics: [{ slug: "energie", label: { fr: "Énergie", en: "Energy", ru: "Энергетика" }, aliases: [] }],
      },
    );
    if (!r) throw new Error("no digest");
    const pages = renderPages(r, { linesPerPage: 25 });
    const description = pages.map((p) => p.description ?? "").join("\n");
    expect(pages[0]?.description).toContain("\\*Urgent\\*");
    expect((r.title?.length ?? 0) + description.length).toBeLessThanOrEqual(limits.messageBudget);
    expect(packEmbeds(pages)).toHaveLength(1);
  });
});

describe("page buttons and store", () => {
  it("parses its own custom ids (≤ 100 chars) and ignores others", () => {
    const row = pageButtons("abcDEF12_-", 1, 3);
    const ids = row.components.map((b) => ("custom_id" in b ? b.custom_id : ""));
    expect(ids.map((id) => parsePageButton(id))).toEqual([
      { key: "abcDEF12_-", index: 0 },
      { key: "abcDEF12_-", index: 2 },
    ]);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    expect(parsePageButton("sub:confirm:1")).toBeNull();
  });

  it("evicts the least recently used entries", () => {
    const store = createPageStore(2);
    const a = store.put({ pages: [], lang: "fr" });
    const b = store.put({ pages: [], lang: "fr" });
    store.get(a);
    const c = store.put({ pages: [], lang: "en" });
    expect(store.get(b)).toBeUndefined();
    expect(store.get(a)).toBeDefined();
    expect(store.get(c)?.lang).toBe("en");
    expect(store.size).toBe(2);
  });
});

describe("slash command definitions", () => {
  it("are valid for Discord and change hash only when the definitions or scope change", () => {
    const body = buildSlashCommands(commands);
    expect(commandProblems(body)).toEqual([]);
    expect(commandsHash(body)).toBe(commandsHash(buildSlashCommands(commands)));
    expect(commandsHash(body, "123")).not.toBe(commandsHash(body));
    const first = commands[0];
    if (!first) throw new Error("no commands");
    const changed = buildSlashCommands([{ ...first, description: { fr: "autre", en: "other", ru: "другое" } }]);
    expect(commandsHash(changed)).not.toBe(commandsHash(buildSlashCommands([first])));
  });

  it("orders required options first and maps fixed choices", () => {
    const [cmd] = buildSlashCommands([
      {
        name: "demo",
        description: { fr: "Démo", en: "Demo", ru: "Демо" },
        access: "admins",
        options: [
          { name: "facultatif", type: "string", description: { fr: "f", en: "f", ru: "f" } },
          { name: "obligatoire", type: "integer", required: true, description: { fr: "o", en: "o", ru: "o" } },
          {
            name: "ton",
            type: "string",
            description: { fr: "t", en: "t", ru: "t" },
            autocomplete: "topic",
            choices: [{ value: "sec", label: { fr: "Sec", en: "Dry", ru: "Сухой" } }],
          },
        ],
        run: async () => ({ lines: [] }),
      },
    ]);
    expect(cmd?.options?.map((o) => o.name)).toEqual(["obligatoire", "facultatif", "ton"]);
    expect(cmd?.options?.[2]).toMatchObject({ choices: [{ name: "Sec", value: "sec" }] });
    expect(cmd?.options?.[2]).not.toHaveProperty("autocomplete");
    expect(cmd?.default_member_permissions).toBe("32");
  });
});
