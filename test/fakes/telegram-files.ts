/**
 * Files users send to the fake Telegram (documents): kept in memory, announced in a `document` message whose
 * caption may carry a command (with its `bot_command` caption entity, as real clients send), handed out by
 * `getFile` and served at `/file/bot<token>/<file_path>` like the real download endpoint.
 */
import type { ServerResponse } from "node:http";
import type { FakeChat, FakeUser } from "./telegram-updates.ts";
import { now } from "./telegram-wire.ts";

export interface StoredFile {
  fileId: string;
  path: string;
  filename: string;
  content: Buffer;
}

export class FakeFiles {
  private byId = new Map<string, StoredFile>();
  private byPath = new Map<string, StoredFile>();
  /** Download requests served (paths), in order. */
  readonly downloads: string[] = [];

  /** Stores a file; returns its file id. */
  add(filename: string, content: string | Buffer): StoredFile {
    const n = this.byId.size + 1;
    const f = { fileId: `doc${n}`, path: `documents/file_${n}.opml`, filename, content: Buffer.from(content) };
    this.byId.set(f.fileId, f);
    this.byPath.set(f.path, f);
    return f;
  }

  /** The `getFile` result, or null for an unknown id. */
  getFile(fileId: unknown): Record<string, unknown> | null {
    const f = this.byId.get(String(fileId));
    return f
      ? { file_id: f.fileId, file_unique_id: `u${f.fileId}`, file_size: f.content.length, file_path: f.path }
      : null;
  }

  /** Serves `/file/bot<token>/<path>`; returns false when the URL is not a file download. */
  serve(url: string, token: string, res: ServerResponse): boolean {
    const prefix = `/file/bot${token}/`;
    if (!url.startsWith(prefix)) return false;
    const path = url.slice(prefix.length);
    this.downloads.push(path);
    const f = this.byPath.get(path);
    res.writeHead(f ? 200 : 404, { "content-type": "application/octet-stream" });
    res.end(f ? f.content : "Not Found");
    return true;
  }
}

/** A document message captioned `caption` (a leading /command gets its caption entity). */
export function documentMessage(
  messageId: number,
  chat: FakeChat,
  from: FakeUser,
  file: StoredFile,
  caption: string,
  threadId?: number,
) {
  const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(caption);
  return {
    message_id: messageId,
    date: now(),
    chat,
    from,
    ...(threadId ? { message_thread_id: threadId, is_topic_message: true } : {}),
    document: {
      file_id: file.fileId,
      file_unique_id: `u${file.fileId}`,
      file_name: file.filename,
      mime_type: "text/x-opml+xml",
      file_size: file.content.length,
    },
    caption,
    ...(cmd ? { caption_entities: [{ type: "bot_command", offset: 0, length: cmd[0].length }] } : {}),
  };
}
