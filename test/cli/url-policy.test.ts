/**
 * `newsbot sources add` and `newsbot ingest URL` apply the address policy of the chat's /addsource before
 * storing anything; FETCH_ALLOW_HOSTS lets an operator allow a host of their own network.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../ingest/helpers.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "bin/newsbot.mjs");
const run = promisify(execFile);

/** Runs the CLI without blocking this process (the test's feed server must keep answering). */
async function newsbot(args: string[], env: Record<string, string>) {
  try {
    const r = await run(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "error", FETCH_ALLOW_HOSTS: "", ...env },
      timeout: 60_000,
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), "newsbot-cli-policy-")), "bot.db");

function sourceCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM "Source"').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("the command line refuses the addresses the chat refuses", () => {
  it("refuses loopback, metadata and IPv4-compatible URLs in sources add, and stores nothing", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(readFileSync(join(root, "demo/eurasie-hebdo.xml")));
    });
    const port = server.url.split(":")[2];
    const db = tempDb();
    for (const url of [`http://[::127.0.0.1]:${port}/feed.xml`, "http://[::a9fe:a9fe]/latest/meta-data/"]) {
      const r = await newsbot(["sources", "add", url], { DATABASE_URL: `file:${db}` });
      expect(r.code, url).toBe(2);
      expect(r.err, url).toMatch(/refused: .*(loopback|linkLocal|internal)/);
      expect(r.err, url).toContain("FETCH_ALLOW_HOSTS");
    }
    const ingest = await newsbot(["ingest", `http://127.0.0.1:${port}/feed.xml`], { DATABASE_URL: `file:${db}` });
    expect(ingest.code).toBe(1);
    expect(ingest.err).toMatch(/loopback/);
    expect(sourceCount(db)).toBe(0);
    expect(server.requests).toHaveLength(0);
  }, 120_000);

  it("adds and fetches a host listed in FETCH_ALLOW_HOSTS", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(readFileSync(join(root, "demo/eurasie-hebdo.xml")));
    });
    const db = tempDb();
    const r = await newsbot(["sources", "add", `${server.url}/feed.xml`], {
      DATABASE_URL: `file:${db}`,
      FETCH_ALLOW_HOSTS: "127.0.0.1",
    });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/source 1 added/);
    expect(r.out).toMatch(/\d+ new/);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(sourceCount(db)).toBe(1);
  }, 120_000);
});
