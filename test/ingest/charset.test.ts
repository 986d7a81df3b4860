import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/ingest/charset.ts";

const RU = "Астана и Москва подписали соглашение";
const FR = "Réunion à Orenbourg : accord signé, déclaration commune";

describe("decodeBytes", () => {
  it("prefers a byte-order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(FR, "utf-16le")]);
    expect(decodeBytes(bytes, "text/xml; charset=iso-8859-1")).toMatchObject({ text: FR, source: "bom" });
  });

  it("detects windows-1251 and latin-1 when nothing is declared", () => {
    expect(decodeBytes(iconv.encode(RU, "windows-1251"))).toMatchObject({ text: RU, charset: "windows-1251" });
    expect(decodeBytes(iconv.encode(FR, "latin1"))).toMatchObject({ text: FR, charset: "windows-1252" });
    expect(decodeBytes(Buffer.from(FR))).toMatchObject({ text: FR, charset: "utf-8" });
  });

  it("ignores a utf-8 label on bytes that are not UTF-8", () => {
    const r = decodeBytes(iconv.encode(RU, "windows-1251"), "application/rss+xml; charset=UTF-8");
    expect(r.text).toBe(RU);
    expect(r.source).toBe("detected");
  });

  it("reads the HTML meta charset", () => {
    const html = `<html><head><meta charset="windows-1251"></head><body>${RU}</body></html>`;
    expect(decodeBytes(iconv.encode(html, "windows-1251")).text).toContain(RU);
  });
});
