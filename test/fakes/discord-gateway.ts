/**
 * The gateway half of the fake Discord (see discord-api.ts for the whole harness). Speaks JSON, no compression:
 * HELLO, IDENTIFY → READY + one GUILD_CREATE per guild, heartbeats (ACKs can be switched off), RESUME → RESUMED
 * (or op 9 when the session was invalidated), server-side close codes, and dispatches with sequence numbers.
 * Dispatches sent while no session is live are kept and delivered after the next READY/RESUMED.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";

export interface GatewayGuild {
  id: string;
  name: string;
  channels: Array<{ id: string; name: string; type: number; parent_id?: string }>;
}

export interface GatewayOptions {
  url: () => string;
  botUser: { id: string; username: string };
  applicationId: string;
  guilds: GatewayGuild[];
  /** HELLO heartbeat interval (default 41250 ms like Discord, so short tests see no heartbeats). */
  heartbeatIntervalMs?: number;
}

/** What happened on the gateway, in order (tests wait on it). */
export type GatewayEvent =
  | { kind: "connect" }
  | { kind: "identify"; intents: number }
  | { kind: "resume"; sessionId: string; accepted: boolean }
  | { kind: "heartbeat"; acked: boolean }
  | { kind: "close"; code: number; by: "server" | "client" };

interface Conn {
  ws: WebSocket;
  sessionId: string | null;
  ready: boolean;
}

/** Gateway close codes the tests use. */
export const CLOSE = { unknownError: 4000, sessionTimedOut: 4009, authenticationFailed: 4004 } as const;

export class FakeGateway {
  readonly events: GatewayEvent[] = [];
  /** When false, heartbeats get no ACK: discord.js then treats the connection as a zombie and resumes. */
  ackHeartbeats = true;
  /** When set, every IDENTIFY is answered by closing with this code (4004: the token was refused). */
  refuseIdentify: number | null = null;
  heartbeatIntervalMs: number;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly conns = new Set<Conn>();
  private readonly sessions = new Map<string, { valid: boolean }>();
  private seq = 0;
  private backlog: Array<{ t: string; d: unknown }> = [];
  private nextSession = 1;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly opts: GatewayOptions) {
    this.heartbeatIntervalMs = opts.heartbeatIntervalMs ?? 41_250;
  }

  /** Hook for the HTTP server's `upgrade` event (path /gateway). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  }

  /** Sends a dispatch (op 0) to the live session, or keeps it until one is live. */
  dispatch(t: string, d: unknown): void {
    const live = [...this.conns].find((c) => c.ready);
    if (!live) {
      this.backlog.push({ t, d });
      return;
    }
    this.send(live, { op: 0, t, s: ++this.seq, d });
  }

  /** Closes every connection from the server side with `code` (4009 also invalidates the session). */
  closeAll(code: number): void {
    for (const c of this.conns) {
      if (code === CLOSE.sessionTimedOut && c.sessionId) this.invalidate(c.sessionId);
      c.ready = false;
      this.record({ kind: "close", code, by: "server" });
      c.ws.close(code, "fake gateway close");
    }
  }

  /** Sends op 9 INVALID_SESSION (`resumable` = d) to every live connection. */
  invalidSession(resumable: boolean): void {
    for (const c of this.conns) {
      if (!resumable && c.sessionId) this.invalidate(c.sessionId);
      c.ready = false;
      this.send(c, { op: 9, d: resumable });
    }
  }

  /** Sends op 7 RECONNECT: the client should reconnect and resume. */
  requestReconnect(): void {
    for (const c of this.conns) this.send(c, { op: 7, d: null });
  }

  count(kind: GatewayEvent["kind"]): number {
    return this.events.filter((e) => e.kind === kind).length;
  }

  /** Resolves once `pred` holds (checked after every gateway event); rejects after `timeoutMs`. */
  waitFor(pred: () => boolean, timeoutMs = 5000, what = "gateway condition"): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!pred()) return;
        cleanup();
        resolve();
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

  /** True when a session is identified or resumed and ready for dispatches. */
  get live(): boolean {
    return [...this.conns].some((c) => c.ready);
  }

  /** Terminates every socket (server shutdown). */
  async close(): Promise<void> {
    for (const c of this.conns) c.ws.terminate();
    this.conns.clear();
    await new Promise<void>((res) => this.wss.close(() => res()));
  }

  private record(e: GatewayEvent): void {
    this.events.push(e);
    this.changed();
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  private invalidate(sessionId: string): void {
    const s = this.sessions.get(sessionId);
    if (s) s.valid = false;
  }

  private send(c: Conn, payload: unknown): void {
    if (c.ws.readyState === c.ws.OPEN) c.ws.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket): void {
    const conn: Conn = { ws, sessionId: null, ready: false };
    this.conns.add(conn);
    this.record({ kind: "connect" });
    ws.on("message", (raw) => this.onMessage(conn, raw.toString()));
    ws.on("close", (code) => {
      if (this.conns.delete(conn) && conn.ready) this.record({ kind: "close", code, by: "client" });
    });
    ws.on("error", () => {});
    this.send(conn, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } });
  }

  private onMessage(conn: Conn, text: string): void {
    let msg: { op: number; d: Record<string, unknown> | null };
    try {
      msg = JSON.parse(text);
    } catch {
      conn.ws.close(4002, "Error while decoding payload.");
      return;
    }
    if (msg.op === 1) {
      this.record({ kind: "heartbeat", acked: this.ackHeartbeats });
      if (this.ackHeartbeats) this.send(conn, { op: 11 });
    } else if (msg.op === 2) {
      this.identify(conn, Number(msg.d?.intents ?? 0));
    } else if (msg.op === 6) {
      const sessionId = String(msg.d?.session_id ?? "");
      const accepted = this.sessions.get(sessionId)?.valid === true;
      this.record({ kind: "resume", sessionId, accepted });
      if (!accepted) {
        this.send(conn, { op: 9, d: false });
        return;
      }
      conn.sessionId = sessionId;
      conn.ready = true;
      this.send(conn, { op: 0, t: "RESUMED", s: ++this.seq, d: {} });
      this.changed();
      this.flushBacklog();
    }
  }

  private identify(conn: Conn, intents: number): void {
    if (this.refuseIdentify !== null) {
      this.record({ kind: "close", code: this.refuseIdentify, by: "server" });
      conn.ws.close(this.refuseIdentify, "Authentication failed.");
      return;
    }
    const sessionId = `session-${this.nextSession++}`;
    this.sessions.set(sessionId, { valid: true });
    conn.sessionId = sessionId;
    this.seq = 0;
    this.record({ kind: "identify", intents });
    const { botUser, applicationId, guilds } = this.opts;
    this.send(conn, {
      op: 0,
      t: "READY",
      s: ++this.seq,
      d: {
        v: 10,
        user: { ...botUser, discriminator: "0", bot: true, avatar: null, global_name: null, flags: 0 },
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: sessionId,
        resume_gateway_url: this.opts.url(),
        application: { id: applicationId, flags: 0 },
        shard: [0, 1],
      },
    });
    for (const g of guilds)
      this.send(conn, { op: 0, t: "GUILD_CREATE", s: ++this.seq, d: guildPayload(g, botUser.id) });
    conn.ready = true;
    this.changed();
    this.flushBacklog();
  }

  private flushBacklog(): void {
    const pending = this.backlog;
    this.backlog = [];
    for (const e of pending) this.dispatch(e.t, e.d);
  }
}

function guildPayload(g: GatewayGuild, botId: string): Record<string, unknown> {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: "100000000000000001",
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: "2026-01-01T00:00:00.000Z",
    features: [],
    roles: [{ id: g.id, name: "@everyone", permissions: "0", position: 0, color: 0, hoist: false, managed: false }],
    channels: g.channels.filter((c) => !isThread(c.type)).map((c, i) => channelPayload(c, g.id, i)),
    threads: g.channels
      .filter((c) => isThread(c.type))
      .map((c, i) => ({
        ...channelPayload(c, g.id, i),
        thread_metadata: {
          archived: false,
          auto_archive_duration: 1440,
          archive_timestamp: "2026-01-01T00:00:00.000Z",
          locked: false,
        },
        owner_id: botId,
      })),
    members: [],
    emojis: [],
    stickers: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    system_channel_id: null,
    preferred_locale: "fr",
    application_id: null,
    bot_id: botId,
  };
}

const isThread = (type: number) => type === 10 || type === 11 || type === 12;

function channelPayload(
  c: GatewayGuild["channels"][number],
  guildId: string,
  position: number,
): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    guild_id: guildId,
    position,
    permission_overwrites: [],
    ...(c.parent_id ? { parent_id: c.parent_id } : {}),
  };
}
