/**
 * The Discord adapter: discord.js client, slash command registration, interaction handling and proactive sends.
 * The only folder of the project that imports discord.js.
 */
import type { ClientOptions, Interaction, RESTOptions } from "discord.js";
import { Client, DiscordAPIError, DiscordjsError, Events, GatewayIntentBits } from "discord.js";
import { createActionStore } from "../../core/action-store.ts";
import type { ChatRef } from "../../core/command.ts";
import { PlatformAuthError } from "../../core/errors.ts";
import type { Logger } from "../../core/logger.ts";
import type { BotCore, FileFetcher, PlatformAdapter, SendResult } from "../../core/platform.ts";
import type { Reply } from "../../core/reply.ts";
import { handleInteraction, type InteractionContext } from "./interactions.ts";
import { discordLimits } from "./limits.ts";
import { createPageStore } from "./pages.ts";
import type { RenderOptions } from "./render.ts";
import { sendToChannel } from "./send.ts";
import { type CommandsHashStore, memoryHashStore, registerCommands } from "./slash-commands.ts";

export { isDiscordAdmin } from "./interactions.ts";
export { escapeMarkdown } from "./markdown.ts";
export { DISCORD_LIMITS, renderPages } from "./render.ts";
export { buildSlashCommands, type CommandsHashStore, commandsHash, memoryHashStore } from "./slash-commands.ts";

export interface DiscordAdapterOptions {
  token: string;
  applicationId: string;
  /** Register commands to this guild only (instant; for development). Global registration otherwise. */
  guildId?: string;
  /** REST base without the version, e.g. "http://127.0.0.1:PORT/api". Defaults to Discord's. */
  apiUrl?: string;
  core: BotCore;
  logger: Logger;
  /** User ids that may run admin commands anywhere (DMs included). */
  owners: string[];
  /** Hash of the last registered command definitions (in-memory by default: one PUT per process). */
  commandsHashStore?: CommandsHashStore;
  /** Defer the reply if the core has not answered after this many ms (default 1500; Discord allows 3000). */
  deferAfterMs?: number;
  /** Paged replies kept for the ◀ ▶ buttons (default 500). */
  maxPagedReplies?: number;
  render?: RenderOptions;
  /** The outbox's pace for scheduled posts, messages per second (DISCORD_SEND_RATE; default 40). */
  sendRate?: number;
  /** Extra @discordjs/rest options (retries, timeout, offset…). */
  restOptions?: Partial<RESTOptions>;
  /** Extra client options (waitGuildTimeout, ws.buildIdentifyThrottler… — tests use these). */
  clientOptions?: Partial<ClientOptions>;
  /**
   * Downloads command attachments (/importsources): the composition root passes the SSRF-safe fetch with
   * Discord's CDN hosts allowlisted. Without it, attachments are not offered to commands.
   */
  fetchFile?: FileFetcher;
}

/** A PlatformAdapter for Discord; `client` is exposed for diagnostics and tests (null when stopped). */
export interface DiscordAdapter extends PlatformAdapter {
  readonly client: Client | null;
}

/**
 * A token Discord refuses: 401 on REST (GET /gateway/bot is the first call of a login), gateway close 4004
 * (which discord.js reports as "Authentication failed"), or a token discord.js cannot use at all.
 */
function authError(err: unknown): PlatformAuthError | null {
  if (err instanceof DiscordAPIError && err.status === 401) {
    return new PlatformAuthError("discord", `${err.status}: ${err.message}`, { cause: err });
  }
  if (err instanceof Error && err.message === "Authentication failed") {
    return new PlatformAuthError("discord", "gateway close 4004: Authentication failed", { cause: err });
  }
  // discord.js reports the 401 of its first call (GET /gateway/bot) this way too.
  if (err instanceof DiscordjsError && err.code === "TokenInvalid") {
    return new PlatformAuthError("discord", "invalid token", { cause: err });
  }
  return null;
}

/** Creates the adapter; nothing connects until `start()`. */
export function createDiscordAdapter(opts: DiscordAdapterOptions): DiscordAdapter {
  const logger = opts.logger.child({ platform: "discord" });
  const hashStore = opts.commandsHashStore ?? memoryHashStore();
  const ctx: InteractionContext = {
    core: opts.core,
    pages: createPageStore(opts.maxPagedReplies ?? 500),
    actions: createActionStore(),
    owners: new Set(opts.owners),
    deferAfterMs: opts.deferAfterMs ?? 1500,
    logger,
    ...(opts.fetchFile ? { fetchFile: opts.fetchFile } : {}),
    ...(opts.render ? { render: opts.render } : {}),
  };
  let client: Client | null = null;
  const inflight = new Set<Promise<void>>();

  function onInteraction(i: Interaction): void {
    const p = handleInteraction(i, ctx).finally(() => inflight.delete(p));
    inflight.add(p);
  }

  async function start(): Promise<void> {
    if (client) return;
    const c = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: { parse: [] },
      ...opts.clientOptions,
      rest: { ...opts.clientOptions?.rest, ...opts.restOptions, ...(opts.apiUrl ? { api: opts.apiUrl } : {}) },
    });
    c.on(Events.InteractionCreate, onInteraction);
    c.on(Events.Error, (err) => logger.error("discord client error", { error: String(err) }));
    c.on(Events.Warn, (msg) => logger.warn("discord warning", { msg }));
    c.on(Events.ShardDisconnect, (ev, shard) => logger.warn("discord gateway closed", { code: ev.code, shard }));
    c.on(Events.ShardResume, (shard, replayed) => logger.info("discord gateway resumed", { shard, replayed }));
    c.rest.on("rateLimited", (info) =>
      logger.info("discord rate limited", { route: info.route, retryAfter: info.retryAfter, global: info.global }),
    );
    client = c;
    const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
    try {
      await Promise.all([ready, c.login(opts.token)]);
    } catch (err) {
      if (client === c) client = null;
      await c.destroy();
      throw authError(err) ?? err;
    }
    logger.info("discord connected", { user: c.user?.id, guilds: c.guilds.cache.size });
    try {
      await registerCommands({
        rest: c.rest,
        applicationId: opts.applicationId,
        ...(opts.guildId ? { guildId: opts.guildId } : {}),
        commands: opts.core.commands,
        store: hashStore,
        logger,
      });
    } catch (err) {
      // Commands registered earlier keep working; the next start retries since the hash was not stored.
      logger.error("discord command registration failed", { error: String(err) });
    }
  }

  async function stop(): Promise<void> {
    const c = client;
    if (!c) return;
    client = null;
    // Let replies in progress finish (bounded), so no interaction is left without an answer.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...inflight]),
      new Promise((res) => {
        timer = setTimeout(res, 3000);
      }),
    ]);
    clearTimeout(timer);
    c.removeAllListeners();
    await c.destroy();
    logger.info("discord stopped");
  }

  async function send(target: ChatRef, reply: Reply): Promise<SendResult> {
    if (!client) return { ok: false, permanent: false, error: "discord adapter not started" };
    return sendToChannel(client.rest, target, reply, opts.render);
  }

  return {
    platform: "discord",
    limits: discordLimits(opts.sendRate),
    start,
    stop,
    send,
    get client() {
      return client;
    },
  };
}
