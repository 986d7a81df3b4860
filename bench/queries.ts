/**
 * Query benchmark: whole commands (core.handle: option parsing, query, reply building) on an archive of N
 * generated articles, p50/p99 over varied arguments, next to the floor cost of one Prisma round trip.
 */
import { commands } from "../commands/index.ts";
import { defaultTaxonomy, resolveTopic } from "../src/analysis/taxonomy.ts";
import { topicInfos } from "../src/app.ts";
import type { ChatRef, UserRef } from "../src/core/command.ts";
import { createBotCore } from "../src/core/dispatch.ts";
import { type Logger, silentLogger } from "../src/core/logger.ts";
import type { BotCore } from "../src/core/platform.ts";
import { createDb } from "../src/store/db.ts";
import { applyMigrations, createStore } from "../src/store/index.ts";
import { seedPg, seedSqlite } from "./seed-rows.ts";

/** Latency summary of one command, in ms. */
export interface Latency {
  name: string;
  p50: number;
  p99: number;
  runs: number;
  /** CPU time of this process per run (all of the work on SQLite; without the server's on PostgreSQL), ms. */
  cpuP50?: number;
  cpuP99?: number;
  /** Calls (warm-up ones included) that gave an empty or error reply, and what the first one said. */
  failures?: { calls: number; of: number; first: string };
}

/** The commands measured, each with rotating arguments. */
export const CASES: Array<{ name: string; command: string; args: string[] }> = [
  { name: "/latest", command: "latest", args: [""] },
  { name: "/quote <speaker>", command: "quote", args: ["Lavrov", "Tokaïev", "Zakharova", "Peskov", "Sarym"] },
  { name: "/timeline <topic>", command: "timeline", args: ["énergie", "sanctions", "migration", "transport"] },
  { name: "/search <word>", command: "search", args: ["pétrole", "corridor", "Tokaïev", "sanctions", "universités"] },
  { name: "/onthisday", command: "onthisday", args: ["12/03", "1/06", "28/11", "15/09", "4/02"] },
];

const chat: ChatRef = { platform: "console", id: "bench", type: "private" };
const user: UserRef = { id: "bench", isAdmin: async () => false };

/** A failed command in a report's table cell: how many calls failed and what the first one said. */
export function failed(f: NonNullable<Latency["failures"]>): string {
  return `**failed**: ${f.calls} of ${f.of} calls empty or error (${f.first.replace(/\s+/g, " ").replace(/\|/g, "\\|")})`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

async function time(
  runs: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p99: number; cpuP50: number; cpuP99: number }> {
  for (let i = 0; i < Math.min(10, runs); i++) await fn(i);
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), cpuP50: percentile(cpu, 50), cpuP99: percentile(cpu, 99) };
}

/** Migrates the fresh database at `url` and fills it with `size` articles; returns the seconds it took. */
export async function buildArchive(url: string, provider: "sqlite" | "postgresql", size: number): Promise<number> {
  await applyMigrations(url, silentLogger);
  const t0 = performance.now();
  if (provider === "sqlite") seedSqlite(url, size);
  else await seedPg(url, size);
  return (performance.now() - t0) / 1000;
}

/** Measures every case on the archive at `url` (see buildArchive); `size` is only used in messages. */
export async function benchQueries(
  url: string,
  size: number,
  runs: number,
  cases: Array<{ name: string; command: string; args: string[] }> = CASES,
): Promise<{ roundTrip: Latency; cases: Latency[] }> {
  const store = await createStore(url, silentLogger, { migrate: false });
  const { db } = await createDb(url);
  // The dispatcher logs a failing command's error (with its id): the first one is kept for the report.
  let lastError = "";
  const errors: Logger = {
    ...silentLogger,
    error(msg, fields) {
      lastError = `${msg} ${JSON.stringify(fields ?? {})}`.slice(0, 300);
    },
    child: () => errors,
  };
  try {
    const core: BotCore = createBotCore({
      commands,
      services: {
        queries: store,
        logger: errors,
        topics: topicInfos(defaultTaxonomy),
        resolveTopic: (input) => resolveTopic(input, defaultTaxonomy),
      },
      logger: errors,
      clock: { now: () => new Date("2026-03-01T10:00:00Z") },
    });
    const rt = await time(runs, () => db.$queryRaw`SELECT 1`);
    const out: Latency[] = [];
    for (const c of cases) {
      // A command that fails is reported as failed (with its count and first error); the others keep their figures.
      let calls = 0;
      let failures = 0;
      let first = "";
      const r = await time(runs, async (i) => {
        const args = c.args[i % c.args.length] as string;
        lastError = "";
        const reply = await core.handle({ command: c.command, args, lang: "fr", chat, user });
        calls++;
        if (reply.kind === "error" || reply.kind === "empty") {
          failures++;
          first ||= `${reply.kind} reply to '${args}' on ${size} articles${lastError ? `: ${lastError}` : ""}`;
        }
      });
      out.push({
        name: c.name,
        runs,
        ...r,
        ...(failures > 0 ? { failures: { calls: failures, of: calls, first } } : {}),
      });
    }
    return { roundTrip: { name: "SELECT 1 (Prisma)", runs, ...rt }, cases: out };
  } finally {
    await db.$disconnect();
    await store.close();
  }
}
