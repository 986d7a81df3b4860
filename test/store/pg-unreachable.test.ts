/**
 * A PostgreSQL "server" that accepts TCP connections and never answers (a hung server, a wrong port forwarded
 * to something else): start-up and `newsbot db migrate` give up within the connection limit and say which
 * server did not answer, instead of hanging forever. Runs without PostgreSQL: the silent server is ours.
 */
import { execFile } from "node:child_process";
import net from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { applyMigrations, createStore } from "../../src/store/index.ts";
import { connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS, pgTarget } from "../../src/store/pg-connect.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

let server: net.Server;
let port = 0;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  // Accepts, reads and never writes a byte.
  server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("data", () => {});
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const url = (params = "connect_timeout=1") =>
  `postgresql://newsbot:s3cret-pw@127.0.0.1:${port}/veille${params ? `?${params}` : ""}`;

/** Runs `fn`, returning its rejection and how long it took. */
async function timed(fn: () => Promise<unknown>): Promise<{ error: Error; ms: number }> {
  const t0 = Date.now();
  try {
    await fn();
  } catch (err) {
    return { error: err as Error, ms: Date.now() - t0 };
  }
  throw new Error("expected a failure");
}

describe("a PostgreSQL server that never answers", () => {
  it("fails the migrations with the server's name, within the connection limit", async () => {
    const { error, ms } = await timed(() => applyMigrations(url(), silentLogger));
    expect(error.message).toContain(`127.0.0.1:${port}/veille`);
    expect(error.message).toMatch(/did not answer the connection within 1 s/);
    expect(error.message).toContain("connect_timeout");
    expect(error.message).not.toContain("s3cret-pw");
    expect(ms).toBeLessThan(15_000);
  });

  it("fails opening the store the same way", async () => {
    const { error } = await timed(() => createStore(url(), silentLogger));
    expect(error.name).toBe("DatabaseUnreachableError");
    expect(error.message).toContain(`127.0.0.1:${port}`);
  });

  it("makes `newsbot db migrate` exit non-zero with the server's name", async () => {
    const { error } = await timed(() =>
      run(process.execPath, [join(root, "bin/newsbot.mjs"), "db", "migrate"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url(), LOG_LEVEL: "error" },
        timeout: 60_000,
      }),
    );
    const e = error as Error & { code: number | null; killed: boolean; stderr: string };
    expect(e.killed).toBe(false);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(`PostgreSQL server at 127.0.0.1:${port}/veille did not answer`);
    expect(e.stderr).not.toContain("s3cret-pw");
  }, 70_000);

  it("makes `npm start` stop with the server's name instead of hanging", async () => {
    const { error } = await timed(() =>
      run(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url(), TELEGRAM_BOT_TOKEN: "", DISCORD_TOKEN: "", LOG_LEVEL: "error" },
        timeout: 60_000,
      }),
    );
    const e = error as Error & { code: number | null; killed: boolean; stderr: string };
    expect(e.killed).toBe(false);
    expect(e.code).not.toBe(0);
    expect(e.stderr).toContain(`PostgreSQL server at 127.0.0.1:${port}/veille did not answer`);
  }, 70_000);

  it("gives up on a server that completes the handshake and then never answers a statement", async () => {
    // Answers the start-up message with AuthenticationOk and ReadyForQuery, then stays silent.
    const talker = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.once("data", () => {
        const auth = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
        const ready = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
        socket.write(Buffer.concat([auth, ready]));
      });
    });
    await new Promise<void>((resolve) => talker.listen(0, "127.0.0.1", resolve));
    const talkerPort = (talker.address() as net.AddressInfo).port;
    try {
      const { error, ms } = await timed(() =>
        applyMigrations(`postgresql://newsbot@127.0.0.1:${talkerPort}/veille`, silentLogger, {
          statementTimeoutMs: 1000,
        }),
      );
      expect(error.message).toContain(`PostgreSQL server at 127.0.0.1:${talkerPort}/veille did not answer`);
      expect(error.message).toMatch(/a start-up statement within 1 s/);
      expect(ms).toBeLessThan(15_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => talker.close(() => resolve()));
    }
  });

  it("reads connect_timeout from the URL, with a limit of 10 s when it is absent or 0", () => {
    expect(connectTimeoutMs(url("connect_timeout=3"))).toBe(3000);
    expect(connectTimeoutMs(url(""))).toBe(DEFAULT_CONNECT_TIMEOUT_MS);
    expect(connectTimeoutMs(url("connect_timeout=0"))).toBe(DEFAULT_CONNECT_TIMEOUT_MS);
    expect(DEFAULT_CONNECT_TIMEOUT_MS).toBe(10_000);
    expect(pgTarget("postgresql://u:p@db.example:6543/news?sslmode=require")).toBe("db.example:6543/news");
    expect(pgTarget("postgres://db.example")).toBe("db.example:5432");
  });
});
