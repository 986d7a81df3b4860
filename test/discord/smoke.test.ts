import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe("discord smoke", () => {
  it("connects, registers commands and answers /latest", async () => {
    h = await startHarness();
    expect(h.fake.registeredCommands().map((c) => c.name)).toContain("latest");
    const ix = h.fake.slashCommand("latest");
    const reply = await h.fake.waitForReply(ix);
    expect(JSON.stringify(reply.data)).toContain("transit du gaz");
  });
});
