/**
 * Pictures on Discord: the PNG goes up as a file of the message and the first embed shows it through
 * `image.url = attachment://<name>`. Discord's limits: 10 MiB per upload for a bot in a server without boosts;
 * attachment names are safest in `[A-Za-z0-9._-]` (anything else may break the `attachment://` reference).
 */
import type { APIEmbed } from "discord.js";
import type { Picture } from "../../core/reply.ts";

/** Upload limit every server grants a bot (servers with boosts allow more). */
export const DISCORD_UPLOAD_LIMIT = 10 * 1024 * 1024;

/** The file name used for the upload and in `attachment://`. */
export function pictureName(p: Picture): string {
  const base =
    p.filename
      .replace(/\.png$/i, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .slice(0, 80) || "chart";
  return `${base}.png`;
}

/** True when Discord accepts the picture as an upload. */
export function fitsUpload(p: Picture): boolean {
  return p.png.byteLength <= DISCORD_UPLOAD_LIMIT;
}

/** The embed showing the picture (the reply's first embed). */
export function embedWithPicture(embed: APIEmbed, p: Picture): APIEmbed {
  return { ...embed, image: { url: `attachment://${pictureName(p)}` } };
}

/** The file part of the message. */
export function pictureFile(p: Picture): { name: string; data: Buffer; contentType: string } {
  return { name: pictureName(p), data: Buffer.from(p.png), contentType: "image/png" };
}
