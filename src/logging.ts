/**
 * The JSON-lines logger. Redacts fields named like secrets and every known secret value wherever it
 * appears (messages, nested fields, error stacks), so a token can never reach the logs.
 */
import type { LogFields, Logger } from "./core/logger.ts";

export type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /token|secret|password|authorization|cookie|api[-_]?key/i;

export interface LoggerOptions {
  level?: Level;
  /** Where lines go (default: stderr, so the console chat on stdout stays clean). */
  write?: (line: string) => void;
  /** Literal values to mask (bot tokens, database password). */
  secrets?: string[];
  clock?: () => Date;
}

export function createLogger(opts: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const min = ORDER[opts.level ?? "info"];
  const write = opts.write ?? ((l: string) => process.stderr.write(`${l}\n`));
  const secrets = (opts.secrets ?? []).filter((s) => s.length >= 4);
  const clock = opts.clock ?? (() => new Date());

  const scrub = (s: string): string => {
    let out = s;
    for (const secret of secrets) out = out.split(secret).join("[redacted]");
    // Bot API URLs embed the token: /bot123:ABC/…
    return out.replace(/\/bot\d+:[\w-]+/g, "/bot[redacted]");
  };
  const clean = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return scrub(v);
    if (v instanceof Error) return scrub(`${v.name}: ${v.message}`);
    if (depth > 4 || v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map((x) => clean(x, depth + 1));
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = SECRET_KEY.test(k) ? "[redacted]" : clean(x, depth + 1);
    return o;
  };
  const emit = (level: Level, msg: string, fields?: LogFields) => {
    if (ORDER[level] < min) return;
    const entry = {
      time: clock().toISOString(),
      level,
      msg: scrub(msg),
      ...(clean({ ...bound, ...fields }, 0) as object),
    };
    write(JSON.stringify(entry));
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    child: (fields) => createLogger(opts, { ...bound, ...fields }),
  };
}

/** A logger that keeps entries in memory, for tests. */
export function recordingLogger(): Logger & { entries: Array<{ level: Level; msg: string; fields: LogFields }> } {
  const entries: Array<{ level: Level; msg: string; fields: LogFields }> = [];
  const make = (bound: LogFields): Logger => ({
    debug: (msg, f) => entries.push({ level: "debug", msg, fields: { ...bound, ...f } }),
    info: (msg, f) => entries.push({ level: "info", msg, fields: { ...bound, ...f } }),
    warn: (msg, f) => entries.push({ level: "warn", msg, fields: { ...bound, ...f } }),
    error: (msg, f) => entries.push({ level: "error", msg, fields: { ...bound, ...f } }),
    child: (f) => make({ ...bound, ...f }),
  });
  return Object.assign(make({}), { entries });
}
