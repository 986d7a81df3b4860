/**
 * Big-feed memory benchmark: `newsbot ingest FILE` (the real CLI process, worker pool included) on a generated
 * feed of N items written to a file, into a fresh SQLite database; peak RSS is read from /proc/<pid>/status
 * (VmHWM) while it runs. The feed is generated in this process, so its cost is not counted. Reference: an idle
 * `node --import tsx` process.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateFeed } from "./feed.ts";
import { idleRss } from "./memory.ts";

export interface FeedMemoryResult {
  items: number;
  /** NODE_OPTIONS of the CLI process ("": the `newsbot` command as installed, with its own flags). */
  nodeOptions: string;
  feedMb: number;
  inserted: number;
  seconds: number;
  peakRssMb: number;
  idleRssMb: number;
  /** The CLI's summary line (or its error). */
  output: string;
}

function vmHwmMb(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Ingests a generated `items`-item feed through the CLI in `dir` and measures the process's peak RSS. */
export async function benchFeedMemory(dir: string, items: number, nodeOptions = ""): Promise<FeedMemoryResult> {
  const file = join(dir, `feed-${items}.xml`);
  writeFileSync(file, generateFeed({ items, seed: 11 }));
  const feedBytes = statSync(file).size;
  const db = join(dir, `feed-memory-${items}.db`);
  const started = performance.now();
  // the installed command itself (its shebang carries the flags users run it with), unless flags are given
  const [command, args] =
    nodeOptions === ""
      ? ["./bin/newsbot.mjs", ["ingest", file]]
      : [process.execPath, ["--import", "tsx", "src/cli/main.ts", "ingest", file]];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      DATABASE_URL: `file:${db}`,
      FETCH_MAX_BYTES: String(Math.max(5_000_000, feedBytes + 1)),
      LOG_LEVEL: "error",
      NODE_OPTIONS: nodeOptions,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let errors = "";
  child.stdout?.on("data", (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on("data", (b: Buffer) => {
    // progress lines rewrite themselves with \r: keep the tail only
    errors = (errors + b.toString()).slice(-2_000);
  });
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, vmHwmMb(child.pid as number) ?? 0);
  }, 100);
  const code = await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  rmSync(file, { force: true });
  rmSync(db, { force: true });
  const line =
    output
      .trim()
      .split("\n")
      .find((l) => l.startsWith(file)) ??
    errors.split(/[\r\n]/).at(-2) ??
    "";
  // the CLI's summary line: "FILE: N new, M already stored (title)"
  const inserted = Number(/: (\d+) new\b/.exec(line)?.[1] ?? Number.NaN);
  if (code !== 0) throw new Error(`newsbot ingest exited ${code}: ${line}`);
  return {
    items,
    nodeOptions,
    feedMb: feedBytes / 1e6,
    inserted,
    seconds,
    peakRssMb: peak,
    idleRssMb: await idleRss(),
    output: line,
  };
}
