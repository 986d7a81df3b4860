/**
 * The `newsbot` command line. Run `newsbot help` for the list of subcommands.
 * Output for tools goes to stdout (JSON where asked); messages, progress and logs go to stderr.
 */
import { createApp, taxonomyFrom, topicInfos } from "../app.ts";
import { configFromEnvironment, secretsOf } from "../config.ts";
import { ConfigError, messageOf, UserInputError } from "../core/errors.ts";
import { systemClock } from "../core/logger.ts";
import { checkFeed } from "../ingest/pipeline.ts";
import { createProgressReporter } from "../ingest/progress.ts";
import { createLogger } from "../logging.ts";
import { applyMigrations } from "../store/index.ts";
import { analyzeFiles } from "./analyze.ts";
import { type Io, ingestTargets, searchCommand, sourcesCommand } from "./commands.ts";
import { runDigestCli } from "./digest.ts";

const HELP = `newsbot — news bot for Kazakhstan–Russia relations (French)

Usage:
  newsbot analyze [--published NAME=YYYY-MM-DD]... FILE...   analyse article files, print JSON
  newsbot feed check URL|FILE [--json]                       parse a feed without storing anything
  newsbot ingest URL|FILE...                                 fetch/read and store articles
  newsbot sources list | add URL [TOPIC...] | remove ID|URL  manage feed sources
  newsbot sources import FILE.opml | export [FILE]           OPML import (all or nothing) and export
  newsbot search TEXT                                        full-text search (accents optional)
  newsbot digest --chat telegram:ID|discord:ID --dry-run     print the next digest of a chat
  newsbot db migrate                                         apply pending database migrations
  newsbot help                                               this text

Configuration comes from the environment and .env (see .env.example); DATABASE_URL selects the database.`;

// `newsbot … | head` closes stdout early: stop quietly instead of crashing on EPIPE.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

const io: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

async function run(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  if (!cmd || cmd === "help" || cmd === "--help" || cmd === "-h") {
    io.out(HELP);
    return 0;
  }
  const cfg = configFromEnvironment();
  const logger = createLogger({ level: cfg.LOG_LEVEL ?? "warn", secrets: secretsOf(cfg) });

  if (cmd === "analyze") {
    const records = await analyzeFiles(args, taxonomyFrom(cfg));
    io.out(JSON.stringify(records, null, 2));
    return records.some((r) => r.error) ? 1 : 0;
  }
  if (cmd === "feed") {
    const [sub, target, ...flags] = args;
    if (sub !== "check" || !target) throw new UserInputError("usage: newsbot feed check URL|FILE [--json]");
    const r = await checkFeed(target, {
      fetchOptions: {
        allowHosts: cfg.FETCH_ALLOW_HOSTS,
        timeoutMs: cfg.FETCH_TIMEOUT_MS,
        maxBytes: cfg.FETCH_MAX_BYTES,
      },
    });
    if (flags.includes("--json")) {
      io.out(JSON.stringify(r, null, 2));
    } else {
      io.out(`${r.ok ? "OK" : "FAILED"}: ${r.title ?? "(no title)"} — ${r.items.length} items`);
      for (const it of r.items.slice(0, 10)) io.out(`  ${it.publishedAt?.slice(0, 10) ?? "----------"}  ${it.title}`);
      for (const e of r.errors) io.err(`  ${e}`);
    }
    return r.ok ? 0 : 1;
  }
  if (cmd === "db") {
    if (args[0] !== "migrate") throw new UserInputError("usage: newsbot db migrate");
    const r = await applyMigrations(cfg.DATABASE_URL, logger);
    io.out(r.applied.length ? `applied: ${r.applied.join(", ")}` : "database is up to date");
    return 0;
  }
  if (cmd === "digest") {
    const app = await createApp(cfg, logger, systemClock);
    try {
      return await runDigestCli(args, {
        store: app.store,
        topics: topicInfos(app.taxonomy),
        limits: app.limits,
        clock: systemClock,
        lang: cfg.NEWSBOT_LANG,
        out: io.out,
      });
    } finally {
      await app.close();
    }
  }
  if (cmd === "ingest" || cmd === "sources" || cmd === "search") {
    const progress = createProgressReporter({ stream: process.stderr, label: "ingest" });
    const app = await createApp(cfg, logger, systemClock, { onProgress: (p) => progress.update(p) });
    try {
      if (cmd === "ingest") {
        const code = await ingestTargets(app, args, io);
        progress.done();
        return code;
      }
      if (cmd === "sources") return await sourcesCommand(app, args, io);
      return await searchCommand(app, args, io);
    } finally {
      await app.close();
    }
  }
  throw new UserInputError(`unknown command "${cmd}". Run: newsbot help`);
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UserInputError || err instanceof ConfigError) {
      io.err(err.message);
      process.exitCode = 2;
    } else {
      io.err(`newsbot: ${messageOf(err)}`);
      process.exitCode = 1;
    }
  },
);
