import { describe, expect, test } from "vitest";
import {
  cutText,
  escapeHtml,
  packReply,
  renderLine,
  renderSpan,
  splitLine,
} from "../../../src/adapters/telegram/render.ts";
import { line, type Reply } from "../../../src/core/reply.ts";
import { checkMessageText, parseTelegramHtml } from "../../fakes/telegram-html.ts";

/** Parses like Telegram and returns the plain text, failing the test on invalid HTML. */
function plain(html: string): string {
  const r = parseTelegramHtml(html);
  if (!r.ok) throw new Error(`${r.description}\n${html.slice(0, 300)}`);
  return r.text;
}

describe("escaping", () => {
  test("markup in text is shown literally, never interpreted", () => {
    const text = `<b>gras</b> & <a href="javascript:alert(1)">x</a> &amp; "q"`;
    const r = renderSpan({ text });
    expect(plain(r.html)).toBe(text);
    expect(r.html).not.toContain("<b>");
    expect(escapeHtml("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
  });

  test("only http(s) links become <a>; other schemes stay plain text", () => {
    expect(renderSpan({ text: "ok", url: "https://exemple.test/?a=1&b=2" }).html).toBe(
      '<a href="https://exemple.test/?a=1&amp;b=2">ok</a>',
    );
    for (const url of ["javascript:alert(1)", "tg://resolve?domain=x", "ftp://x.test/", "pas une url"]) {
      expect(renderSpan({ text: "lien", url }).html).toBe("lien");
    }
  });

  test("bold, italic, code and links nest into tags Telegram accepts", () => {
    const l = line(
      { text: "Titre", bold: true },
      " ",
      { text: "note", italic: true },
      " ",
      { text: "x<y", code: true },
      { text: "lien gras", bold: true, url: "https://a.test" },
    );
    const r = renderLine(l);
    expect(r.html).toBe('<b>Titre</b> <i>note</i> <code>x&lt;y</code><a href="https://a.test"><b>lien gras</b></a>');
    expect(plain(r.html)).toBe("Titre note x<ylien gras");
  });

  test("control characters and lone surrogates are removed or replaced", () => {
    const r = renderSpan({ text: "a\u0000b\u0007c\ud800d\ne" });
    expect(plain(r.html)).toBe("abc\ufffdd\ne");
  });
});

describe("counting as Telegram counts", () => {
  test("tags do not count, entities count as one, astral characters as two", () => {
    const r = renderLine(line({ text: "a&b", bold: true }, { text: "<>", url: "https://x.test" }, "🇰🇿"));
    expect(r.length).toBe(3 + 2 + 4);
    expect(plain(r.html).length).toBe(r.length);
  });
});

describe("splitting", () => {
  test("cutText never splits a surrogate pair and prefers spaces", () => {
    const pieces = cutText("😀".repeat(10), 5);
    for (const p of pieces) expect(p).toBe(p.replace(/[\ud800-\udbff](?![\udc00-\udfff])/g, "X"));
    expect(pieces.join("")).toBe("😀".repeat(10));
    expect(cutText("alpha beta gamma delta", 12)[0]).toBe("alpha beta ");
  });

  test("a line longer than the limit is cut into well-formed lines that keep their formatting", () => {
    const l = line({ text: "mot ".repeat(3000), bold: true, url: "https://a.test/x" });
    const parts = splitLine(l, 1000);
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) {
      const r = renderLine(p);
      expect(r.length).toBeLessThanOrEqual(1000);
      expect(r.html.startsWith('<a href="https://a.test/x"><b>')).toBe(true);
      expect(plain(r.html).length).toBe(r.length);
    }
    expect(parts.map((p) => p.map((s) => s.text).join("")).join("")).toBe("mot ".repeat(3000));
  });

  test("a long reply splits on line boundaries into valid messages of at most 4096 characters", () => {
    const reply: Reply = {
      title: "Chronologie & faits",
      lines: Array.from({ length: 300 }, (_, i) =>
        line(`• Événement n°${i} <important> à Astana & Moscou `, { text: "lien", url: "https://a.test" }),
      ),
      footer: "300 événements",
    };
    const msgs = packReply(reply);
    expect(msgs.length).toBeGreaterThan(1);
    const texts = msgs.map((m) => {
      const check = checkMessageText(m.html, "HTML");
      if (!check.ok) throw new Error(check.description);
      expect(check.text.length).toBe(m.length);
      expect(m.length).toBeLessThanOrEqual(4096);
      return check.text;
    });
    expect(texts[0]?.startsWith("Chronologie & faits\n")).toBe(true);
    expect(texts[texts.length - 1]?.endsWith("300 événements")).toBe(true);
    // Every line arrives whole, in order, exactly once.
    const all = texts
      .join("\n")
      .split("\n")
      .filter((t) => t.startsWith("• "));
    expect(all).toHaveLength(300);
    expect(all[299]).toContain("n°299 <important>");
  });

  test("one huge line with markup-heavy text still yields valid messages", () => {
    const reply: Reply = { lines: [line({ text: "<&>".repeat(5000), italic: true })] };
    const msgs = packReply(reply);
    expect(msgs.length).toBe(4);
    for (const m of msgs) expect(checkMessageText(m.html, "HTML").ok).toBe(true);
    expect(msgs.map((m) => plain(m.html)).join("")).toBe("<&>".repeat(5000));
  });

  test("pages hold at most maxLines lines and repeat the title", () => {
    const reply: Reply = { title: "Citations", lines: Array.from({ length: 25 }, (_, i) => line(`ligne ${i}`)) };
    const pages = packReply(reply, { maxLines: 10, repeatFrame: true });
    expect(pages).toHaveLength(3);
    for (const p of pages) expect(plain(p.html).startsWith("Citations\n")).toBe(true);
    expect(plain(pages[2]?.html ?? "")).toBe("Citations\nligne 20\nligne 21\nligne 22\nligne 23\nligne 24");
  });

  test("an empty reply still produces one non-empty message", () => {
    const msgs = packReply({ lines: [line(""), line("   ")] });
    expect(msgs).toHaveLength(1);
    expect(checkMessageText(msgs[0]?.html, "HTML").ok).toBe(true);
  });
});

describe("the fake's HTML check (it guards every end-to-end test)", () => {
  test("refuses what Telegram refuses", () => {
    for (const bad of [
      "<b>x",
      "<b>x</i>",
      "<div>x</div>",
      "a & b",
      "<a>x</a>",
      '<a href="javascript:x">x</a>',
      "&nbsp;",
    ]) {
      expect(parseTelegramHtml(bad).ok, bad).toBe(false);
    }
    expect(checkMessageText("x".repeat(4097), undefined).ok).toBe(false);
    expect(checkMessageText(`<b>${"&amp;".repeat(4096)}</b>`, "HTML").ok).toBe(true);
  });
});
