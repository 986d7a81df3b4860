/** The terminal chat writes a reply's picture under its folder and prints the path; a failure is said, not thrown. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { runConsoleChat } from "../../src/adapters/console/console-chat.ts";
import { testCore } from "../fakes/services.ts";
import { chartProbe, pictureReply } from "./probe.ts";

const dir = mkdtempSync(join(tmpdir(), "newsbot-pictures-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function chat(input: string, pictureDir: string): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (d) => {
    out += String(d);
  });
  const core = testCore({ commands: [chartProbe] });
  const done = runConsoleChat({ core, input: stdin, output: stdout, lang: "fr", interactive: false, pictureDir });
  stdin.end(input);
  await done;
  return out;
}

describe("terminal pictures", () => {
  it("writes the PNG and prints its path with the caption", async () => {
    const out = await chat("/chartprobe\n", join(dir, "pictures"));
    expect(out).toContain("Chronologie — Énergie");
    const path = /🖼 (\S+\.png) \(320×180/.exec(out)?.[1];
    expect(path).toBeDefined();
    expect(readFileSync(path ?? "").equals(Buffer.from(pictureReply(1).picture?.png ?? []))).toBe(true);
  });

  it("says where it could not write, and keeps answering", async () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "not a folder");
    const out = await chat("/chartprobe\n/chartprobe 1\n", join(blocker, "pictures"));
    expect(out.match(/could not write the picture/g)).toHaveLength(2);
  });
});
