/**
 * A fake Discord for end-to-end tests: REST API and gateway on one node:http server on 127.0.0.1, port 0.
 * discord.js runs unmodified against it with `rest: { api: fake.apiUrl }` (the gateway URL comes from
 * GET /gateway/bot). See ../shared/notes/fake-platforms.md for the protocol details it follows.
 *
 * Usage:
 *   const fake = await startFakeDiscord();
 *   // …start the bot with apiUrl: fake.apiUrl, applicationId: fake.applicationId…
 *   const ix = fake.slashCommand("latest", { limit: 5 }, { locale: "en-US" });
 *   const reply = await fake.waitForReply(ix);          // final message body (after defer/edit if any)
 *   fake.fault({ path: /\/channels\//, status: 500 });  // next matching request fails
 *   await bot.stop(); await fake.close();               // always stop bots first
 *
 * Pieces: discord-gateway.ts (WebSocket), discord-interactions.ts (payloads), discord-validate.ts (limits),
 * discord-rest.ts (routes, call log, faults, rate limits).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGateway, type GatewayGuild } from "./discord-gateway.ts";
import { buildOptions, interactionBase, type MemberContext, type OptionValue } from "./discord-interactions.ts";
import { type FaultSpec, type InteractionState, type Json, type RestCall, RestState } from "./discord-rest.ts";

export { CLOSE } from "./discord-gateway.ts";
export { PERMS } from "./discord-interactions.ts";
export type { FaultSpec, InteractionState, RestCall };

export interface FakeDiscordOptions {
  applicationId?: string;
  botUser?: { id: string; username: string };
  /** Guilds sent in READY/GUILD_CREATE; channels of these guilds accept messages. */
  guilds?: GatewayGuild[];
  heartbeatIntervalMs?: number;
}

/** The final answer to an interaction as a member would see it. */
export interface InteractionReply {
  /** Type of the first callback: 4 message, 5 deferred, 7 update, 8 autocomplete result. */
  callbackType: number;
  deferred: boolean;
  ephemeral: boolean;
  /** The message body (content, embeds, components, allowed_mentions) or `{ choices }` for autocomplete. */
  data: Json;
}

export const DEFAULT_GUILD: GatewayGuild = {
  id: "200000000000000001",
  name: "Observatoire Astana–Moscou",
  channels: [
    { id: "300000000000000001", name: "general", type: 0 },
    { id: "300000000000000002", name: "actualites", type: 0 },
    { id: "300000000000000003", name: "veille", type: 0 },
    { id: "300000000000000004", name: "fil-energie", type: 11, parent_id: "300000000000000002" },
  ],
};

export class FakeDiscord {
  readonly applicationId: string;
  readonly botUser: { id: string; username: string };
  readonly guilds: GatewayGuild[];
  readonly gateway: FakeGateway;
  readonly rest: RestState;
  private server: Server;
  private port = 0;
  /** Attachment contents served like Discord's CDN, by path; downloads made (paths), in order. */
  private attachments = new Map<string, string>();
  readonly downloads: string[] = [];
  private nextId = 1;

  constructor(opts: FakeDiscordOptions = {}) {
    this.applicationId = opts.applicationId ?? "500000000000000001";
    this.botUser = opts.botUser ?? { id: "500000000000000002", username: "newsbot" };
    this.guilds = opts.guilds ?? [DEFAULT_GUILD];
    this.gateway = new FakeGateway({
      url: () => `ws://127.0.0.1:${this.port}/gateway`,
      botUser: this.botUser,
      applicationId: this.applicationId,
      guilds: this.guilds,
      ...(opts.heartbeatIntervalMs ? { heartbeatIntervalMs: opts.heartbeatIntervalMs } : {}),
    });
    this.rest = new RestState({
      gatewayUrl: () => `ws://127.0.0.1:${this.port}/gateway`,
      botUser: this.botUser,
      channels: new Set(this.guilds.flatMap((g) => g.channels.map((c) => c.id))),
      newId: () => this.snowflake(),
    });
    this.server = createServer((req, res) => {
      const file = req.url?.startsWith("/attachments/") ? this.attachments.get(req.url) : undefined;
      if (req.url?.startsWith("/attachments/")) {
        this.downloads.push(req.url);
        res.writeHead(file === undefined ? 404 : 200, { "content-type": "application/octet-stream" });
        res.end(file ?? "Not Found");
        return;
      }
      void this.rest.handle(req, res);
    });
    this.server.on("upgrade", (req, socket, head) => {
      if (req.url?.startsWith("/gateway")) this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
  }

  /** Listens on 127.0.0.1, port 0. */
  async listen(): Promise<this> {
    await new Promise<void>((res) => this.server.listen(0, "127.0.0.1", () => res()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** REST base to give discord.js (`rest.api`): no version suffix. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Every REST call, in order. */
  get calls(): RestCall[] {
    return this.rest.calls;
  }

  /** Queues a fault for the next request matching `method`/`path` (see FaultSpec). */
  fault(spec: FaultSpec): void {
    this.rest.faults.push({ times: 1, ...spec });
  }

  /**
   * Limits POSTs to a channel to `limit` per `windowMs`; over it, 429 with Retry-After and bucket headers.
   * With `announce` (default) successful posts carry X-RateLimit-Remaining/Reset-After, so discord.js waits
   * before hitting the limit; without, the client cannot see the limit coming (shared token) and meets 429s.
   */
  rateLimitChannel(channelId: string, limit: number, windowMs: number, announce = true): void {
    this.rest.channelLimits.set(channelId, { limit, windowMs, start: 0, count: 0, announce });
  }

  /** Channel ids whose posts fail with 403 / 50013 Missing Permissions. */
  forbidChannel(channelId: string): void {
    this.rest.forbidden.add(channelId);
  }

  /** Messages created in a channel (POST /channels/:id/messages), in order. */
  channelMessages(channelId: string): Json[] {
    return this.rest.messages.filter((m) => m.channel_id === channelId);
  }

  /** Waits for a REST call (past or future) matching method, path and predicate. */
  waitForRest(method: string, path: RegExp, predicate: (c: RestCall) => boolean = () => true, timeoutMs = 5000) {
    const match = (c: RestCall) => c.method === method && path.test(c.path) && predicate(c);
    return this.rest.waitUntil(() => this.rest.calls.find(match), timeoutMs, `${method} ${path}`);
  }

  /** Dispatches a slash command (INTERACTION_CREATE type 2) from a simulated member. */
  slashCommand(name: string, options: Record<string, OptionValue> = {}, ctx: MemberContext = {}): InteractionState {
    const data = { id: this.commandId(name), name, type: 1, options: buildOptions(options) };
    return this.interaction(2, data, ctx, { kind: "command", name });
  }

  /** A slash command with an uploaded file in its attachment option (type 11, `resolved.attachments`). */
  slashCommandWithFile(
    name: string,
    option: string,
    file: { filename: string; content: string },
    ctx: MemberContext = {},
  ): InteractionState {
    const id = this.snowflake();
    const path = `/attachments/${id}/${file.filename}`;
    this.attachments.set(path, file.content);
    const url = `http://127.0.0.1:${this.port}${path}`;
    const attachment = {
      id,
      filename: file.filename,
      size: Buffer.byteLength(file.content),
      url,
      proxy_url: url,
      content_type: "text/x-opml+xml",
    };
    const data = {
      id: this.commandId(name),
      name,
      type: 1,
      options: [{ name: option, type: 11, value: id }],
      resolved: { attachments: { [id]: attachment } },
    };
    return this.interaction(2, data, ctx, { kind: "command", name });
  }

  /** Dispatches an autocomplete request (type 4) with `focused` being the option typed in. */
  autocomplete(
    name: string,
    options: Record<string, OptionValue>,
    focused: string,
    ctx: MemberContext = {},
  ): InteractionState {
    const data = { id: this.commandId(name), name, type: 1, options: buildOptions(options, focused) };
    return this.interaction(4, data, ctx, { kind: "autocomplete", name });
  }

  /** Clicks a button (type 3, component 2) on a message the bot created (an interaction's original or a post). */
  clickButton(customId: string, message: Json, ctx: MemberContext = {}): InteractionState {
    const channelId = String(message.channel_id);
    const guildId = this.guilds.find((g) => g.channels.some((c) => c.id === channelId))?.id ?? null;
    const data = { custom_id: customId, component_type: 2 };
    return this.interaction(3, data, { guildId, channelId, ...ctx }, { kind: "button", message });
  }

  /** The bot's final answer to an interaction: waits through defer → edit, or delete → ephemeral follow-up. */
  waitForReply(ix: InteractionState, timeoutMs = 5000): Promise<InteractionReply> {
    return this.rest.waitUntil(() => finalReply(ix), timeoutMs, `reply to interaction ${ix.id}`);
  }

  /** The message an interaction's reply created (for clicking its buttons). */
  originalMessage(ix: InteractionState): Json {
    if (!ix.original) throw new Error(`interaction ${ix.id} has no original message`);
    return ix.original;
  }

  /** Registered command bodies by scope ("global" or a guild id), as last PUT. */
  registeredCommands(scope = "global"): Json[] {
    return this.rest.commands.get(scope) ?? [];
  }

  /** Stops the server (stop the bots first, or discord.js keeps reconnecting). */
  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((res) => this.server.close(() => res()));
  }

  private interaction(
    type: number,
    data: Json,
    ctx: MemberContext,
    extra: Partial<InteractionState>,
  ): InteractionState {
    const guildId = ctx.guildId === undefined ? (this.guilds[0]?.id ?? null) : ctx.guildId;
    const guild = this.guilds.find((g) => g.id === guildId);
    const channelId = ctx.channelId ?? guild?.channels[0]?.id ?? "600000000000000001";
    const state: InteractionState = {
      id: this.snowflake(),
      token: `tok-${this.nextId++}-${Math.random().toString(36).slice(2)}`,
      kind: "command",
      channelId,
      callbacks: [],
      original: null,
      followups: [],
      edits: 0,
      deleted: false,
      ...extra,
    };
    this.rest.interactions.set(state.id, state);
    const ids = { id: state.id, token: state.token, applicationId: this.applicationId, guildId, channelId };
    const payload = interactionPayload(type, data, ids, ctx, extra.message);
    this.gateway.dispatch("INTERACTION_CREATE", payload);
    return state;
  }

  private commandId(name: string): string {
    for (const list of this.rest.commands.values()) {
      const found = list.find((c) => c.name === name);
      if (found) return String(found.id);
    }
    return "700000000000000001";
  }

  private snowflake(): string {
    return String(800000000000000000n + BigInt(this.nextId++));
  }
}

function interactionPayload(
  type: number,
  data: Json,
  ids: Parameters<typeof interactionBase>[2],
  ctx: MemberContext,
  message?: Json,
): Json {
  const payload = interactionBase(type, data, ids, ctx);
  if (message) payload.message = message;
  return payload;
}

function finalReply(ix: InteractionState): InteractionReply | undefined {
  const first = ix.callbacks[0];
  if (!first) return undefined;
  const flags = (d: Json | undefined) => Number(d?.flags ?? 0);
  if (first.type === 8) return { callbackType: 8, deferred: false, ephemeral: false, data: first.data ?? {} };
  if (first.type === 4 || first.type === 7) {
    const data = first.data ?? {};
    return { callbackType: first.type, deferred: false, ephemeral: (flags(data) & 64) !== 0, data };
  }
  if (first.type === 5) {
    const followup = ix.followups[0];
    if (ix.deleted && followup) {
      return { callbackType: 5, deferred: true, ephemeral: (flags(followup.body) & 64) !== 0, data: followup.body };
    }
    if (ix.edits > 0 && ix.lastEdit) {
      return { callbackType: 5, deferred: true, ephemeral: (flags(first.data) & 64) !== 0, data: ix.lastEdit };
    }
  }
  return undefined;
}

/** Starts a fake Discord listening on 127.0.0.1 (port 0). */
export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(opts).listen();
}
