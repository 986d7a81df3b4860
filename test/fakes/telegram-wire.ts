/**
 * Wire-level helpers of the fake Bot API: JSON replies, request bodies (JSON or grammY's multipart uploads),
 * and an optional flood-control enforcer that answers 429 like Telegram when a window is full.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkMessageText } from "./telegram-html.ts";

/** The Bot API error envelope (without `ok`). */
export interface ApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** A file part of a multipart upload (sendDocument). */
export interface UploadedFile {
  field: string;
  filename: string;
  size: number;
  content: Buffer;
}

/** At most `max` messages per `windowMs`. */
export interface RateWindow {
  max: number;
  windowMs: number;
}

/** Flood-control windows; `retryAfter` (seconds, fractions allowed) overrides the computed wait. */
export interface FloodLimits {
  perChat?: RateWindow;
  /** Chats with a negative id (groups, supergroups, channels). */
  perGroup?: RateWindow;
  global?: RateWindow;
  retryAfter?: number;
}

/** Sliding windows per chat, per group chat and global; only message-sending methods count. */
export class FloodControl {
  /** Number of 429 answers given. */
  refused = 0;
  private readonly sentAt = new Map<string, number[]>();
  constructor(private readonly limits: FloodLimits) {}

  /** Returns a 429 error when the call would exceed a window; otherwise records it. */
  check(method: string, payload: Record<string, unknown>): ApiError | undefined {
    const rl = this.limits;
    if (!/^(send|edit|copy|forward)/.test(method)) return undefined;
    const chat = String(payload.chat_id);
    const t = Date.now();
    const windows: Array<[string, RateWindow | undefined]> = [
      [`chat:${chat}`, rl.perChat],
      [`group:${chat}`, chat.startsWith("-") ? rl.perGroup : undefined],
      ["global", rl.global],
    ];
    for (const [key, w] of windows) {
      if (!w) continue;
      const recent = (this.sentAt.get(key) ?? []).filter((x) => x > t - w.windowMs);
      this.sentAt.set(key, recent);
      if (recent.length >= w.max) {
        this.refused++;
        const wait = rl.retryAfter ?? Math.ceil(((recent[0] ?? t) + w.windowMs - t) / 1000);
        return {
          error_code: 429,
          description: `Too Many Requests: retry after ${wait}`,
          parameters: { retry_after: wait },
        };
      }
    }
    for (const [key, w] of windows) if (w) this.sentAt.get(key)?.push(t);
    return undefined;
  }
}

export function now(): number {
  return Math.floor(Date.now() / 1000);
}

export function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** JSON bodies, or grammY's multipart bodies (fields hold JSON or plain strings; file parts have a filename). */
export function parseBody(type: string, body: Buffer): { payload: Record<string, unknown>; files: UploadedFile[] } {
  const boundary = /boundary=([^;]+)/.exec(type)?.[1];
  if (!boundary)
    return {
      payload: body.length > 0 ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>) : {},
      files: [],
    };
  const payload: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  const raw = body.toString("latin1");
  for (const part of raw.split(`--${boundary}`)) {
    const sep = part.indexOf("\r\n\r\n");
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const content = Buffer.from(part.slice(sep + 4).replace(/\r\n$/, ""), "latin1");
    const field = /name="([^"]+)"/.exec(head)?.[1] ?? "";
    const filename = /filename="?([^"\r\n;]+)"?/.exec(head)?.[1];
    if (filename !== undefined) files.push({ field, filename, size: content.length, content });
    else {
      const v = content.toString("utf8");
      try {
        payload[field] = JSON.parse(v);
      } catch {
        payload[field] = v;
      }
    }
  }
  return { payload, files };
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(content: Buffer): { width: number; height: number } | null {
  if (content.length < 24 || content.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") return null;
  return { width: content.readUInt32BE(16), height: content.readUInt32BE(20) };
}

/**
 * The message fields of a `sendPhoto` / `sendDocument` upload (photo sizes read from the PNG, caption checked
 * like Telegram: HTML entities, at most 1,024 characters), or the 400 Telegram answers.
 */
export function uploadedMedia(
  method: string,
  p: Record<string, unknown>,
  files: UploadedFile[],
): { fields: Record<string, unknown>; caption?: string } | ApiError {
  const file = files[0];
  const photo = method === "sendPhoto";
  if (!file)
    return { error_code: 400, description: `Bad Request: there is no ${photo ? "photo" : "document"} in the request` };
  const cap = p.caption === undefined ? undefined : checkMessageText(p.caption, p.parse_mode, 1024);
  if (cap && !cap.ok) return { error_code: 400, description: cap.description.replace("message", "caption") };
  const f = { file_id: `f${file.size}`, file_unique_id: "u", file_size: file.size };
  const size = photo ? pngSize(file.content) : null;
  if (photo && !size) return { error_code: 400, description: "Bad Request: IMAGE_PROCESS_FAILED" };
  const media = photo ? { photo: [{ ...f, ...size }] } : { document: { ...f, file_name: file.filename } };
  return cap?.ok ? { fields: { ...media, caption: cap.text }, caption: cap.text } : { fields: media };
}
