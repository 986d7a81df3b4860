import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging.ts";

function capture(secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", secrets, write: (l) => lines.push(l) });
  return { logger, lines };
}

describe("logger", () => {
  it("writes one JSON object per line with level, message and fields", () => {
    const { logger, lines } = capture();
    logger.child({ component: "ingest" }).warn("feed recovered", { items: 3 });
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry).toMatchObject({ level: "warn", msg: "feed recovered", component: "ingest", items: 3 });
  });

  it("never prints a secret: by value anywhere, by field name, and inside Bot API URLs", () => {
    const token = "987654:AAH-very-secret";
    const { logger, lines } = capture([token]);
    logger.error(`request to https://api.telegram.org/bot${token}/getMe failed`, {
      error: new Error(`401 for token ${token}`),
      nested: { deep: [`x ${token} y`] },
      authorization: "Bot abc",
      password: "hunter22",
    });
    logger.info("call", { url: "https://api.telegram.org/bot111:ZZZ/sendMessage" });
    const out = lines.join("\n");
    expect(out).not.toContain("very-secret");
    expect(out).not.toContain("hunter22");
    expect(out).not.toContain("Bot abc");
    expect(out).not.toContain("111:ZZZ");
    expect(out).toContain("[redacted]");
  });

  it("drops entries below the level", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "warn", write: (l) => lines.push(l) });
    logger.info("hidden");
    logger.debug("hidden");
    logger.error("shown");
    expect(lines).toHaveLength(1);
  });
});
