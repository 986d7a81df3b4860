/**
 * The validated configuration, read once from the environment by the composition root (src/main.ts)
 * and the CLI. Nothing else reads process.env. Every problem is listed at once.
 *
 * Relative paths (a `file:` DATABASE_URL, NEWSBOT_TAXONOMY) and the `.env` file belong to the project folder
 * (the one holding package.json), not to the current folder: `npx newsbot` run from a subfolder uses the same
 * database as `npm start`.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { LANGS } from "./core/command.ts";
import { ConfigError } from "./core/errors.ts";

/** The project folder (where package.json is). */
export const projectRoot = fileURLToPath(new URL("..", import.meta.url));

/** The database when DATABASE_URL is unset or empty (resolved against the project folder). */
const DEFAULT_DATABASE_URL = "file:./data/newsbot.db";

/** `file:./data/x.db` → `file:/…/project/data/x.db`; absolute paths, `:memory:` and other URLs unchanged. */
export function resolveDatabaseUrl(url: string, root: string = projectRoot): string {
  if (!url.startsWith("file:")) return url;
  const rest = url.slice("file:".length);
  const q = rest.indexOf("?");
  const path = q < 0 ? rest : rest.slice(0, q);
  if (path === ":memory:" || path === "" || isAbsolute(path)) return url;
  return `file:${resolve(root, path)}${q < 0 ? "" : rest.slice(q)}`;
}

const list = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(/[\s,]+/)
      .map((x) => x.trim())
      .filter(Boolean),
  );
const optional = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() !== "" ? s.trim() : undefined));
const urlNoSlash = optional.refine((s) => s === undefined || /^https?:\/\/[^\s]+[^/]$/.test(s), {
  message: "must be an http(s) URL without a trailing slash",
});

const schema = z.object({
  DATABASE_URL: optional.transform((s) => resolveDatabaseUrl(s ?? DEFAULT_DATABASE_URL)),
  NEWSBOT_LANG: z.enum(LANGS).default("fr"),
  /** Unset: "info" with platforms, "warn" in the terminal chat and the CLI (logs share the screen there). */
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).optional(),
  /** The value is never quoted in the message: it is a secret even when malformed. */
  TELEGRAM_BOT_TOKEN: optional.refine((s) => s === undefined || /^\d+:[A-Za-z0-9_-]+$/.test(s), {
    message:
      "is not a Telegram bot token (expected digits, a colon, then letters, digits, - and _, as @BotFather gives it)",
  }),
  TELEGRAM_API_ROOT: urlNoSlash,
  TELEGRAM_WEBHOOK_URL: optional,
  TELEGRAM_WEBHOOK_SECRET: optional,
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),
  TELEGRAM_OWNERS: list,
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional,
  DISCORD_GUILD_ID: optional,
  DISCORD_API_URL: urlNoSlash,
  DISCORD_OWNERS: list,
  /** Hosts a chat user may make the bot fetch although they resolve to private addresses (tests: 127.0.0.1). */
  FETCH_ALLOW_HOSTS: list,
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  FETCH_MAX_BYTES: z.coerce.number().int().min(10_000).max(100_000_000).default(5_000_000),
  /** node-cron expression of the polling tick: each tick fetches the feeds that are due (cheap when none is). */
  POLL_CRON: z.string().default("* * * * *"),
  /** Minutes between two polls of a healthy feed (the window); a feed's ttl / max-age may ask for longer. */
  POLL_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /** Feeds fetched at once (never more than 2 per host). */
  POLL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** node-cron expression of the delivery tick (digests, anniversaries, alerts, outbox). */
  DELIVERY_CRON: z.string().default("* * * * *"),
  /** Post a digest even when nothing new arrived. */
  DIGEST_SEND_EMPTY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** Parallel sends during a fan-out, and the global pace per platform (messages per second). */
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(8),
  TELEGRAM_SEND_RATE: z.coerce.number().min(0.1).max(30).default(25),
  DISCORD_SEND_RATE: z.coerce.number().min(0.1).max(50).default(40),
  /** Import the bundled demo feeds when the database is empty (first run). */
  NEWSBOT_DEMO: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** Force the terminal chat even when platform tokens are set. */
  NEWSBOT_CONSOLE: z.enum(["auto", "true", "false"]).default("auto"),
  /**
   * Archive retention: article bodies older than this many days are emptied (daily and at start-up); titles,
   * quotes, events, people and topics stay, so anniversaries, quotes and timelines still cover them. Unset: keep
   * everything.
   */
  ARCHIVE_KEEP_DAYS: optional
    .refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 100_000), {
      message:
        "must be a whole number of days from 1 to 100000 (article bodies older than that are pruned); leave it unset to keep everything",
    })
    .transform((s) => (s === undefined ? undefined : Number(s))),
  /** Optional JSON file replacing the default topic taxonomy. */
  NEWSBOT_TAXONOMY: optional.transform((s) => (s === undefined ? undefined : resolve(projectRoot, s))),
});

/** Rules across variables, checked on the raw environment so they are reported with the others. */
function crossProblems(env: Record<string, string | undefined>): string[] {
  const set = (k: string) => (env[k] ?? "").trim() !== "";
  const out: string[] = [];
  if (set("DISCORD_TOKEN") && !set("DISCORD_APPLICATION_ID")) {
    out.push("DISCORD_APPLICATION_ID: is required when DISCORD_TOKEN is set");
  }
  if (set("TELEGRAM_WEBHOOK_URL") && !set("TELEGRAM_WEBHOOK_SECRET")) {
    out.push(
      "TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_WEBHOOK_URL is set (Telegram sends it back in a header)",
    );
  }
  const db = (env.DATABASE_URL ?? "").trim();
  if (db && !/^(file:|postgres(ql)?:\/\/)/.test(db)) out.push("DATABASE_URL: must start with file: or postgresql://");
  return out;
}

export type Config = z.output<typeof schema>;

/** Parses the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const r = schema.safeParse(env);
  const problems = [
    ...(r.success ? [] : r.error.issues.map((i) => `${i.path.join(".") || "(config)"}: ${i.message}`)),
    ...crossProblems(env),
  ];
  if (!r.success || problems.length > 0) {
    throw new ConfigError(`invalid configuration:\n  ${problems.join("\n  ")}`, { problems });
  }
  return r.data;
}

/**
 * The entry points' configuration: the project folder's `.env` (variables already set in the environment win),
 * then the environment, validated. Throws ConfigError listing every problem.
 */
export function configFromEnvironment(): Config {
  const envFile = join(projectRoot, ".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return loadConfig(process.env);
}

/** Values that must never appear in logs. */
export function secretsOf(c: Config): string[] {
  return [c.TELEGRAM_BOT_TOKEN, c.DISCORD_TOKEN, c.TELEGRAM_WEBHOOK_SECRET, passwordOf(c.DATABASE_URL)].filter(
    (s): s is string => typeof s === "string" && s.length >= 4,
  );
}

function passwordOf(url: string | undefined): string | undefined {
  if (!url?.startsWith("postgres")) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
