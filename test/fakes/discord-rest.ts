/**
 * The REST half of the fake Discord (see discord-api.ts): routes, call log, fault queue, per-channel rate limits.
 * Paths in the call log are relative to /api/v10 and URL-decoded (`/webhooks/…/messages/@original`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { choiceProblems, commandProblems, formError, messageProblems } from "./discord-validate.ts";

export type Json = Record<string, unknown>;

export interface RestCall {
  method: string;
  path: string;
  query: string;
  /** True when an `Authorization: Bot …` header was sent (interaction callbacks are sent without). */
  auth: boolean;
  /** JSON body, or `payload_json` of a multipart body. */
  body: unknown;
  /** Uploaded files: `content` as UTF-8 text (documents), `bytes` as sent (pictures). */
  files: Array<{ field: string; filename: string; contentType: string; content: string; bytes: Buffer }>;
  status: number;
}

/** A canned failure for the next matching request(s). */
export interface FaultSpec {
  method?: string;
  path?: RegExp;
  status: number;
  body?: unknown;
  /** E.g. `{ "Retry-After": "0.05", "X-RateLimit-Global": "true" }`. */
  headers?: Record<string, string>;
  times?: number;
}

/** Everything the fake knows about one interaction and the bot's answers to it. */
export interface InteractionState {
  id: string;
  token: string;
  kind: "command" | "autocomplete" | "button";
  name?: string;
  channelId: string;
  /** For buttons: the message the button is on. */
  message?: Json;
  callbacks: Array<{ type: number; data?: Json }>;
  /** The message created by a type 4/5 callback (edited by PATCH @original). */
  original: Json | null;
  lastEdit?: Json;
  followups: Array<{ body: Json; message: Json }>;
  edits: number;
  deleted: boolean;
}

interface ChannelLimit {
  limit: number;
  windowMs: number;
  start: number;
  count: number;
  announce: boolean;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const notFound: Reply = { status: 404, body: { message: "404: Not Found", code: 0 } };

export class RestState {
  readonly calls: RestCall[] = [];
  readonly faults: FaultSpec[] = [];
  readonly channelLimits = new Map<string, ChannelLimit>();
  readonly forbidden = new Set<string>();
  readonly interactions = new Map<string, InteractionState>();
  readonly messages: Json[] = [];
  readonly commands = new Map<string, Json[]>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly opts: {
      gatewayUrl: () => string;
      botUser: { id: string; username: string };
      channels: Set<string>;
      newId: () => string;
    },
  ) {}

  /** Resolves with the first non-undefined value of `probe` (re-checked after every REST call). */
  waitUntil<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const check = () => {
        const v = probe();
        if (v === undefined) return;
        cleanup();
        resolve(v);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ""));
    const { body, files } = await readBody(req);
    const call: RestCall = {
      method,
      path,
      query: url.search,
      auth: /^Bot /.test(String(req.headers.authorization ?? "")),
      body,
      files,
      status: 0,
    };
    let reply: Reply;
    try {
      reply = this.takeFault(method, path) ?? this.route(method, path, url, (body ?? {}) as Json, files.length > 0);
    } catch (err) {
      reply = { status: 500, body: { message: String(err), code: 0 } };
    }
    call.status = reply.status;
    this.calls.push(call);
    // A 204 has no body and no content type (discord.js would try to parse an empty JSON body).
    const type = reply.body === undefined ? {} : { "content-type": "application/json" };
    res.writeHead(reply.status, { ...type, ...reply.headers });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    for (const l of [...this.listeners]) l();
  }

  private takeFault(method: string, path: string): Reply | null {
    const i = this.faults.findIndex((f) => (!f.method || f.method === method) && (!f.path || f.path.test(path)));
    const f = this.faults[i];
    if (!f) return null;
    f.times = (f.times ?? 1) - 1;
    if (f.times <= 0) this.faults.splice(i, 1);
    const body = f.body ?? { message: `fake fault ${f.status}`, code: 0 };
    return { status: f.status, body, ...(f.headers ? { headers: f.headers } : {}) };
  }

  private route(method: string, path: string, url: URL, body: Json, hasFiles: boolean): Reply {
    const seg = path.split("/").filter(Boolean);
    if (method === "GET" && path === "/gateway/bot") {
      const limit = { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 };
      return { status: 200, body: { url: this.opts.gatewayUrl(), shards: 1, session_start_limit: limit } };
    }
    if (seg[0] === "interactions" && seg[3] === "callback" && method === "POST") {
      return this.callback(seg[1] ?? "", seg[2] ?? "", body, url.searchParams.get("with_response") === "true");
    }
    if (seg[0] === "webhooks" && seg.length >= 3) return this.webhook(method, seg, body, hasFiles);
    if (seg[0] === "applications" && method === "PUT" && seg.at(-1) === "commands") {
      const problems = commandProblems(body);
      if (problems.length > 0) return { status: 400, body: formError(problems) };
      const scope = seg[2] === "guilds" ? (seg[3] ?? "") : "global";
      const list = (body as unknown as Json[]).map((c) => ({
        ...c,
        id: this.opts.newId(),
        application_id: seg[1],
        version: this.opts.newId(),
      }));
      this.commands.set(scope, list);
      return { status: 200, body: list };
    }
    if (seg[0] === "channels" && seg[2] === "messages" && seg.length === 3 && method === "POST") {
      return this.channelPost(seg[1] ?? "", body, hasFiles);
    }
    return notFound;
  }

  private callback(id: string, token: string, body: Json, withResponse: boolean): Reply {
    const ix = this.interactions.get(id);
    if (!ix || ix.token !== token) return { status: 404, body: { message: "Unknown interaction", code: 10062 } };
    if (ix.callbacks.length > 0) {
      return { status: 400, body: { message: "Interaction has already been acknowledged.", code: 40060 } };
    }
    const type = Number(body.type);
    const data = (body.data ?? undefined) as Json | undefined;
    const problems =
      type === 8 ? choiceProblems(data?.choices) : type === 4 || type === 7 ? messageProblems(data ?? {}) : [];
    if (problems.length > 0) return { status: 400, body: formError(problems) };
    ix.callbacks.push({ type, ...(data ? { data } : {}) });
    if (type === 4 || type === 5) {
      ix.original = this.message(ix.channelId, type === 5 ? { ...data, flags: Number(data?.flags ?? 0) | 128 } : data);
    } else if (type === 7 && ix.message) {
      Object.assign(ix.message, pickMessage(data ?? {}));
    }
    if (!withResponse) return { status: 204 };
    const resource = ix.original ? { type: 4, message: ix.original } : undefined;
    return { status: 200, body: { interaction: { id, type: 2 }, ...(resource ? { resource } : {}) } };
  }

  private webhook(method: string, seg: string[], body: Json, hasFiles: boolean): Reply {
    const ix = [...this.interactions.values()].find((i) => i.token === seg[2]);
    if (!ix || ix.callbacks.length === 0) return { status: 404, body: { message: "Unknown Webhook", code: 10015 } };
    const msgId = seg[3] === "messages" ? seg[4] : undefined;
    if (method === "POST" && !msgId) {
      const problems = messageProblems(body, { hasFiles });
      if (problems.length > 0) return { status: 400, body: formError(problems) };
      const message = this.message(ix.channelId, body);
      ix.followups.push({ body, message });
      return { status: 200, body: message };
    }
    const target = msgId === "@original" ? ix.original : ix.followups.find((f) => f.message.id === msgId)?.message;
    if (!target) return { status: 404, body: { message: "Unknown Message", code: 10008 } };
    if (method === "PATCH") {
      const problems = messageProblems(body, { edit: true, hasFiles });
      if (problems.length > 0) return { status: 400, body: formError(problems) };
      Object.assign(target, pickMessage(body), { flags: Number(target.flags ?? 0) & ~128 });
      if (msgId === "@original") {
        ix.edits++;
        ix.lastEdit = body;
      }
      return { status: 200, body: target };
    }
    if (method === "DELETE") {
      if (msgId === "@original") ix.deleted = true;
      return { status: 204 };
    }
    if (method === "GET") return { status: 200, body: target };
    return notFound;
  }

  private channelPost(channelId: string, body: Json, hasFiles: boolean): Reply {
    if (!this.opts.channels.has(channelId)) return { status: 404, body: { message: "Unknown Channel", code: 10003 } };
    if (this.forbidden.has(channelId)) return { status: 403, body: { message: "Missing Permissions", code: 50013 } };
    const bucket = this.channelLimits.get(channelId);
    let headers: Record<string, string> | undefined;
    if (bucket) {
      const now = Date.now();
      if (now - bucket.start >= bucket.windowMs) {
        bucket.start = now;
        bucket.count = 0;
      }
      const resetAfter = Math.max(0, bucket.windowMs - (now - bucket.start)) / 1000;
      headers = {
        "X-RateLimit-Limit": String(bucket.limit),
        "X-RateLimit-Reset-After": resetAfter.toFixed(3),
        "X-RateLimit-Bucket": `bucket-${channelId}`,
      };
      if (bucket.count >= bucket.limit) {
        const retry = resetAfter.toFixed(3);
        return {
          status: 429,
          body: { message: "You are being rate limited.", retry_after: Number(retry), global: false },
          headers: { ...headers, "X-RateLimit-Remaining": "0", "Retry-After": retry, "X-RateLimit-Scope": "user" },
        };
      }
      bucket.count++;
      headers["X-RateLimit-Remaining"] = String(bucket.limit - bucket.count);
      if (!bucket.announce) headers = undefined;
    }
    const problems = messageProblems(body, { hasFiles });
    if (problems.length > 0) return { status: 400, body: formError(problems) };
    return { status: 200, body: this.message(channelId, body), ...(headers ? { headers } : {}) };
  }

  private message(channelId: string, body: Json | undefined): Json {
    const b = body ?? {};
    const m: Json = {
      id: this.opts.newId(),
      channel_id: channelId,
      author: { ...this.opts.botUser, discriminator: "0", bot: true, avatar: null, global_name: null },
      content: "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
      ...pickMessage(b),
    };
    this.messages.push(m);
    return m;
  }
}

function pickMessage(b: Json): Json {
  const out: Json = {};
  for (const k of ["content", "embeds", "components", "flags", "allowed_mentions"]) {
    if (b[k] !== undefined) out[k] = b[k];
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: RestCall["files"] }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = String(req.headers["content-type"] ?? "");
  if (raw.length === 0) return { body: undefined, files: [] };
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": type } }).formData();
    const files: RestCall["files"] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (field === "payload_json") body = JSON.parse(String(value));
      else if (typeof value !== "string") {
        const bytes = Buffer.from(await value.arrayBuffer());
        files.push({ field, filename: value.name, contentType: value.type, content: bytes.toString("utf8"), bytes });
      }
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString("utf8")), files: [] };
  } catch {
    return { body: raw.toString("utf8"), files: [] };
  }
}
