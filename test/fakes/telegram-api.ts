/**
 * A fake Telegram Bot API on 127.0.0.1 (port 0) for end-to-end tests: grammY runs unmodified against it
 * through `client.apiRoot`. Like the real server where our code can notice: `getUpdates` is a true long poll
 * with offsets (a newer poll ends an older one with 409); errors use the real envelope; sent HTML is parsed with
 * Telegram's rules (./telegram-html.ts) and refused with 400 when invalid or over 4096 characters; faults:
 * `failNext`, `restart()`, an optional rate-limit enforcer (429 with retry_after); documents (./telegram-files.ts).
 * Tests drive it with `userSays`, `pressButton`, `channelPost`, `userSendsDocument` and read `calls`/`waitForCall`.
 * Stop the bot before `close()`: grammY's `bot.stop()` needs the server to confirm the last offset.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { documentMessage, FakeFiles } from "./telegram-files.ts";
import { checkMessageText } from "./telegram-html.ts";
import { botMessageShown, buttonPress, type FakeChat, type FakeUser, userMessage } from "./telegram-updates.ts";
import {
  type ApiError,
  FloodControl,
  type FloodLimits,
  now,
  parseBody,
  readBody,
  reply,
  type UploadedFile,
  uploadedMedia,
} from "./telegram-wire.ts";

export type { FakeChat, FakeUser } from "./telegram-updates.ts";
export type { ApiError, FloodLimits, RateWindow, UploadedFile } from "./telegram-wire.ts";

/** One recorded API call. `payload` is the JSON body (or multipart fields); `files` for uploads. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  files: UploadedFile[];
  /** The error code returned, or 0 when the call succeeded. */
  errorCode: number;
  /** The error description returned, when the call failed. */
  description?: string;
  /** Plain text after entity parsing, for sendMessage / editMessageText that succeeded. */
  text?: string;
  /** The `result` returned to the bot (e.g. the sent Message), when the call succeeded. */
  result?: unknown;
}

/** The message id the fake gave to a successful sendMessage / sendDocument call. */
export function messageIdOf(call: ApiCall): number {
  const id = (call.result as { message_id?: unknown } | undefined)?.message_id;
  if (typeof id !== "number") throw new Error(`${call.method} call has no message id`);
  return id;
}
export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  /** Refuse calls beyond these windows with 429 like Telegram's flood control. */
  rateLimit?: FloodLimits;
}
type Update = Record<string, unknown> & { update_id: number };
interface Poll {
  call: ApiCall;
  offset: number;
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

/** Starts a fake Bot API. */
export async function startFakeTelegram(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const fake = new FakeTelegram(opts);
  await fake.listen(0);
  return fake;
}

export class FakeTelegram {
  readonly token: string;
  readonly botUser: FakeUser & { id: number };
  readonly calls: ApiCall[] = [];
  /** Number of 429 answers sent by the rate-limit enforcer. */
  get rateLimited(): number {
    return this.flood?.refused ?? 0;
  }
  port = 0;
  private server: Server;
  private updates: Update[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private polls: Poll[] = [];
  private faults = new Map<string, ApiError[]>();
  private roles = new Map<string, string>();
  private chats = new Map<number, { linked_chat_id?: number }>();
  private messages = new Map<string, { text: string }>();
  private readonly flood: FloodControl | undefined;
  private waiters: Array<() => void> = [];
  /** Documents users sent (getFile, downloads). */
  readonly files = new FakeFiles();

  constructor(opts: FakeTelegramOptions) {
    this.token = opts.token ?? "123456:TEST-token";
    this.botUser = {
      id: 777000111,
      is_bot: true,
      first_name: "Newsbot",
      username: opts.botUsername ?? "newsbot_test_bot",
    };
    this.server = this.createServer();
    this.flood = opts.rateLimit ? new FloodControl(opts.rateLimit) : undefined;
  }

  /** Value for grammY's `client.apiRoot` (no trailing slash). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** @internal */
  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => {
        this.server.off("error", reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  /** Closes every socket (pending long polls included) and listens again on the same port. State is kept. */
  async restart(): Promise<void> {
    await this.shutdown();
    this.server = this.createServer();
    await this.listen(this.port);
  }

  /** Stops the server for good. */
  close(): Promise<void> {
    return this.shutdown();
  }

  private shutdown(): Promise<void> {
    for (const p of this.polls.splice(0)) clearTimeout(p.timer);
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- programming the fake -------------------------------------------------------------------------------

  /** The next `times` calls of `method` fail with `error` (e.g. 429 with `parameters.retry_after`). */
  failNext(method: string, error: ApiError, times = 1): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(error);
    this.faults.set(method, list);
  }

  /** Sets what getChatMember answers for this user in this chat (default "member"). */
  setRole(chatId: number, userId: number, status: "creator" | "administrator" | "member" | "left" | "kicked"): void {
    this.roles.set(`${chatId}:${userId}`, status);
  }

  /** Sets fields getChat returns for a chat (e.g. the linked discussion/channel chat). */
  setChat(chatId: number, info: { linked_chat_id?: number }): void {
    this.chats.set(chatId, info);
  }

  /** Queues a raw update (an `update_id` is assigned) and wakes pending long polls. */
  pushUpdate(update: Record<string, unknown>): Update {
    const u = { ...update, update_id: this.nextUpdateId++ };
    this.updates.push(u);
    this.flushPolls();
    return u;
  }

  /** A user writes `text` in `chat`; a leading `/command` gets its `bot_command` entity like real clients send. */
  userSays(
    chat: FakeChat,
    from: FakeUser,
    text: string,
    opts: { threadId?: number; senderChat?: FakeChat } = {},
  ): Update {
    return this.pushUpdate({ message: userMessage(this.nextMessageId++, chat, text, { ...opts, from }) });
  }

  /** A user sends a document (e.g. an OPML file) captioned `caption` (e.g. "/importsources"). */
  userSendsDocument(chat: FakeChat, from: FakeUser, file: { filename: string; content: string }, caption: string) {
    const stored = this.files.add(file.filename, file.content);
    return this.pushUpdate({ message: documentMessage(this.nextMessageId++, chat, from, stored, caption) });
  }

  /** A post in a channel the bot administers (no `from`, `sender_chat` is the channel). */
  channelPost(chat: FakeChat, text: string): Update {
    return this.pushUpdate({ channel_post: userMessage(this.nextMessageId++, chat, text, { senderChat: chat }) });
  }

  /** A user presses an inline button with `data` under the bot's message `messageId`. */
  pressButton(chat: FakeChat, from: FakeUser, messageId: number, data: string, threadId?: number): Update {
    const text = this.messages.get(`${chat.id}:${messageId}`)?.text ?? "";
    const message = botMessageShown(chat, this.botUser, messageId, text, threadId);
    return this.pushUpdate({ callback_query: buttonPress(`cb${this.nextUpdateId}`, from, message, data) });
  }

  // ---- reading what the bot did ---------------------------------------------------------------------------

  /** Successful calls of `method`, optionally filtered by `chat_id`. */
  sent(method = "sendMessage", chatId?: number | string): ApiCall[] {
    return this.calls.filter(
      (c) =>
        c.method === method &&
        c.errorCode === 0 &&
        (chatId === undefined || String(c.payload.chat_id) === String(chatId)),
    );
  }

  /** Resolves with the first call (past or future) of `method` that matches `predicate`; rejects after the timeout. */
  waitForCall(method: string, predicate: (c: ApiCall) => boolean = () => true, timeoutMs = 5000): Promise<ApiCall> {
    return this.waitFor(() => this.calls.find((c) => c.method === method && predicate(c)), timeoutMs, method);
  }

  /** Resolves once `count` calls of `method` match `predicate`. */
  waitForCalls(method: string, count: number, predicate: (c: ApiCall) => boolean = () => true, timeoutMs = 5000) {
    return this.waitFor(
      () => {
        const found = this.calls.filter((c) => c.method === method && predicate(c));
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
      `${count}× ${method}`,
    );
  }

  private waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const v = probe();
        if (v === undefined) return false;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve(v);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        reject(new Error(`fake Telegram: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.waiters.push(wake);
    });
  }

  // ---- HTTP -----------------------------------------------------------------------------------------------

  private createServer(): Server {
    return createServer((req, res) => {
      this.onRequest(req, res).catch((err: unknown) =>
        reply(res, 500, { ok: false, error_code: 500, description: String(err) }),
      );
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.files.serve(req.url ?? "", this.token, res)) return;
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? "");
    const body = await readBody(req);
    // Like the Bot API: a well-formed token that is not ours is 401; anything else on the path is 404.
    if (m && m[1] !== this.token && /^\d+:[\w-]+$/.test(m[1] ?? "")) {
      return reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    if (!m || m[1] !== this.token) return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const method = m[2] ?? "";
    const { payload, files } = parseBody(req.headers["content-type"] ?? "", body);
    const call: ApiCall = { method, payload, files, errorCode: 0 };
    const fault = this.faults.get(method)?.shift() ?? this.flood?.check(method, payload);
    if (fault) return this.answer(res, call, fault);
    if (method === "getUpdates") {
      this.record(call);
      return this.poll(call, res);
    }
    const result = this.handle(call);
    if ("error_code" in result) return this.answer(res, call, result);
    this.answer(res, call, null, result.value);
  }

  private answer(res: ServerResponse, call: ApiCall, error: ApiError | null, value?: unknown): void {
    call.errorCode = error?.error_code ?? 0;
    if (error) call.description = error.description;
    else call.result = value;
    this.record(call);
    if (error) reply(res, error.error_code, { ok: false, ...error });
    else reply(res, 200, { ok: true, result: value });
  }

  private record(call: ApiCall): void {
    this.calls.push(call);
    for (const w of [...this.waiters]) w();
  }

  private handle(call: ApiCall): { value: unknown } | ApiError {
    const p = call.payload;
    const bad = (description: string): ApiError => ({ error_code: 400, description: `Bad Request: ${description}` });
    switch (call.method) {
      case "getMe":
        return {
          value: {
            ...this.botUser,
            can_join_groups: true,
            can_read_all_group_messages: false,
            supports_inline_queries: false,
          },
        };
      case "deleteWebhook":
      case "setWebhook":
      case "setMyCommands":
        return { value: true };
      case "answerCallbackQuery":
        return typeof p.callback_query_id === "string" ? { value: true } : bad("query is too old");
      case "getChat": {
        const id = Number(p.chat_id);
        return { value: { id, type: id > 0 ? "private" : "supergroup", ...this.chats.get(id) } };
      }
      case "getFile":
        return this.files.getFile(p.file_id) ? { value: this.files.getFile(p.file_id) } : bad("invalid file_id");
      case "getChatMember": {
        const status = this.roles.get(`${p.chat_id}:${p.user_id}`) ?? "member";
        return { value: { status, user: { id: Number(p.user_id), is_bot: false, first_name: "U" } } };
      }
      case "sendMessage":
      case "editMessageText": {
        if (p.chat_id === undefined) return bad("chat not found");
        const check = checkMessageText(p.text, p.parse_mode);
        if (!check.ok) return { error_code: 400, description: check.description };
        call.text = check.text;
        let id = Number(p.message_id);
        if (call.method === "editMessageText") {
          const old = this.messages.get(`${p.chat_id}:${id}`);
          if (!old) return bad("message to edit not found");
          if (old.text === check.text) return bad("message is not modified");
        } else id = this.nextMessageId++;
        this.messages.set(`${p.chat_id}:${id}`, { text: check.text });
        return { value: this.botMessage(p, id, { text: check.text }) };
      }
      case "sendPhoto":
      case "sendDocument": {
        const up = uploadedMedia(call.method, p, call.files);
        if ("error_code" in up) return up;
        if (up.caption !== undefined) call.text = up.caption;
        return { value: this.botMessage(p, this.nextMessageId++, up.fields) };
      }
      default:
        return { error_code: 404, description: "Not Found" };
    }
  }

  private botMessage(p: Record<string, unknown>, id: number, extra: Record<string, unknown>) {
    const chatId = Number(p.chat_id);
    const thread = p.message_thread_id
      ? { message_thread_id: Number(p.message_thread_id), is_topic_message: true }
      : {};
    const chat = { id: chatId, type: chatId > 0 ? "private" : "supergroup" };
    const markup = p.reply_markup ? { reply_markup: p.reply_markup } : {};
    return { message_id: id, date: now(), chat, from: this.botUser, ...thread, ...markup, ...extra };
  }

  private poll(call: ApiCall, res: ServerResponse): void {
    const payload = call.payload;
    const offset = Number(payload.offset ?? 0);
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
    for (const old of this.polls.splice(0)) {
      clearTimeout(old.timer);
      const conflict = { error_code: 409, description: "Conflict: terminated by other getUpdates request" };
      Object.assign(old.call, { errorCode: 409, description: conflict.description });
      reply(old.res, 409, { ok: false, ...conflict });
      for (const w of [...this.waiters]) w();
    }

    const timeout = Math.min(Number(payload.timeout ?? 0), 50);
    const ready = this.pending(offset, Number(payload.limit ?? 100));
    if (ready.length > 0 || timeout <= 0) {
      reply(res, 200, { ok: true, result: ready });
      return;
    }
    const poll: Poll = { call, offset, res, timer: setTimeout(() => this.endPoll(poll, []), timeout * 1000) };
    this.polls.push(poll);
    res.on("close", () => {
      clearTimeout(poll.timer);
      this.polls = this.polls.filter((p) => p !== poll);
    });
  }

  private pending(offset: number, limit: number): Update[] {
    return this.updates.filter((u) => u.update_id >= offset).slice(0, Math.max(1, Math.min(limit, 100)));
  }

  private flushPolls(): void {
    for (const poll of [...this.polls]) {
      const ready = this.pending(poll.offset, 100);
      if (ready.length > 0) this.endPoll(poll, ready);
    }
  }

  private endPoll(poll: Poll, result: Update[]): void {
    clearTimeout(poll.timer);
    this.polls = this.polls.filter((p) => p !== poll);
    reply(poll.res, 200, { ok: true, result });
  }
}
