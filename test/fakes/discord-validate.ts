/**
 * Message validation of the fake Discord: the limits real Discord enforces with 400 "Invalid Form Body" (50035),
 * so that a rendering bug fails a test here instead of in production.
 */

/** Discord's limits as the fake enforces them. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedsTotal: 6000,
  rows: 5,
  rowItems: 5,
  customId: 100,
  label: 80,
  choices: 25,
  choiceName: 100,
  commands: 100,
} as const;

/** A 400 error body like Discord's, with `errors` keyed by the failing path. */
export interface FormError {
  code: number;
  message: string;
  errors: Record<string, { _errors: Array<{ code: string; message: string }> }>;
}

type Json = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** Problems with a message create/edit body (content, embeds, components); empty when valid. */
export function messageProblems(body: Json, opts: { edit?: boolean; hasFiles?: boolean } = {}): string[] {
  const p: string[] = [];
  const content = str(body.content);
  if (content.length > LIMITS.content) p.push(`content: longer than ${LIMITS.content}`);
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
  if (embeds.length > LIMITS.embeds) p.push(`embeds: more than ${LIMITS.embeds}`);
  let total = 0;
  embeds.forEach((e, i) => {
    const check = (path: string, v: unknown, max: number) => {
      const s = str(v);
      total += s.length;
      if (s.length > max) p.push(`embeds.${i}.${path}: longer than ${max}`);
    };
    check("title", e.title, LIMITS.title);
    check("description", e.description, LIMITS.description);
    check("footer.text", (e.footer as Json | undefined)?.text, LIMITS.footer);
    check("author.name", (e.author as Json | undefined)?.name, LIMITS.author);
    const fields = Array.isArray(e.fields) ? (e.fields as Json[]) : [];
    if (fields.length > LIMITS.fields) p.push(`embeds.${i}.fields: more than ${LIMITS.fields}`);
    fields.forEach((f, j) => {
      check(`fields.${j}.name`, f.name, LIMITS.fieldName);
      check(`fields.${j}.value`, f.value, LIMITS.fieldValue);
    });
    const image = (e.image as Json | undefined)?.url;
    if (image !== undefined && !/^(https?|attachment):\/\//.test(str(image))) {
      p.push(`embeds.${i}.image.url: scheme not supported`);
    }
    const url = (e.url as string | undefined) ?? undefined;
    if (url !== undefined && !/^https?:\/\//.test(url)) p.push(`embeds.${i}.url: not a valid URL`);
    if (!e.title && !e.description && fields.length === 0 && !e.footer && !e.image && !e.author) {
      p.push(`embeds.${i}: empty embed`);
    }
  });
  if (total > LIMITS.embedsTotal) p.push(`embeds: more than ${LIMITS.embedsTotal} characters in total`);
  p.push(...componentProblems(body.components));
  const empty = !content && embeds.length === 0 && !opts.hasFiles && !Array.isArray(body.components);
  if (empty && !opts.edit) p.push("message: cannot send an empty message");
  return p;
}

function componentProblems(components: unknown): string[] {
  if (components === undefined || components === null) return [];
  if (!Array.isArray(components)) return ["components: not an array"];
  const p: string[] = [];
  if (components.length > LIMITS.rows) p.push(`components: more than ${LIMITS.rows} rows`);
  const ids = new Set<string>();
  (components as Json[]).forEach((row, i) => {
    const items = Array.isArray(row.components) ? (row.components as Json[]) : [];
    if (row.type !== 1) p.push(`components.${i}: not an action row`);
    if (items.length === 0 || items.length > LIMITS.rowItems) p.push(`components.${i}: 1 to 5 items`);
    items.forEach((b, j) => {
      const id = str(b.custom_id);
      if (b.type === 2 && b.style !== 5) {
        if (!id || id.length > LIMITS.customId) p.push(`components.${i}.${j}.custom_id: 1 to 100 characters`);
        if (ids.has(id)) p.push(`components.${i}.${j}.custom_id: duplicate`);
        ids.add(id);
      }
      if (str(b.label).length > LIMITS.label) p.push(`components.${i}.${j}.label: longer than ${LIMITS.label}`);
    });
  });
  return p;
}

/** Problems with autocomplete choices (callback type 8). */
export function choiceProblems(choices: unknown): string[] {
  if (!Array.isArray(choices)) return ["choices: not an array"];
  const p: string[] = [];
  if (choices.length > LIMITS.choices) p.push(`choices: more than ${LIMITS.choices}`);
  (choices as Json[]).forEach((c, i) => {
    const n = str(c.name);
    if (n.length < 1 || n.length > LIMITS.choiceName) p.push(`choices.${i}.name: 1 to 100 characters`);
    if (typeof c.value === "string" && c.value.length > 100) p.push(`choices.${i}.value: longer than 100`);
  });
  return p;
}

/** The locales Discord accepts as keys of `name_localizations` / `description_localizations` (others: 400). */
export const DISCORD_LOCALES: ReadonlySet<string> = new Set(
  (
    "id da de en-GB en-US es-ES es-419 fr hr it lt hu nl no pl pt-BR ro fi sv-SE vi tr cs el bg ru uk hi th " +
    "zh-CN ja zh-TW ko"
  ).split(" "),
);

/** Problems with a localization map: unknown locale keys, values out of 1..max characters. */
function localizationProblems(path: string, map: unknown, max: number): string[] {
  if (map === undefined || map === null) return [];
  if (typeof map !== "object") return [`${path}: not an object`];
  const p: string[] = [];
  for (const [locale, value] of Object.entries(map as Json)) {
    if (!DISCORD_LOCALES.has(locale)) p.push(`${path}.${locale}: invalid locale`);
    const s = str(value);
    if (s.length < 1 || s.length > max) p.push(`${path}.${locale}: 1 to ${max} characters`);
  }
  return p;
}

/** Problems with a bulk overwrite of slash commands. */
export function commandProblems(body: unknown): string[] {
  if (!Array.isArray(body)) return ["body: not an array"];
  const p: string[] = [];
  if (body.length > LIMITS.commands) p.push("body: more than 100 commands");
  (body as Json[]).forEach((c, i) => {
    if (!/^[-_\p{L}\p{N}]{1,32}$/u.test(str(c.name)) || str(c.name) !== str(c.name).toLowerCase()) {
      p.push(`${i}.name: invalid`);
    }
    const d = str(c.description);
    if (d.length < 1 || d.length > 100) p.push(`${i}.description: 1 to 100 characters`);
    p.push(...localizationProblems(`${i}.name_localizations`, c.name_localizations, 32));
    p.push(...localizationProblems(`${i}.description_localizations`, c.description_localizations, 100));
    const options = Array.isArray(c.options) ? (c.options as Json[]) : [];
    if (options.length > 25) p.push(`${i}.options: more than 25`);
    let optionalSeen = false;
    options.forEach((o, j) => {
      if (!o.required) optionalSeen = true;
      else if (optionalSeen) p.push(`${i}.options.${j}: required options must come first`);
      const od = str(o.description);
      if (od.length < 1 || od.length > 100) p.push(`${i}.options.${j}.description: 1 to 100 characters`);
      p.push(...localizationProblems(`${i}.options.${j}.name_localizations`, o.name_localizations, 32));
      p.push(...localizationProblems(`${i}.options.${j}.description_localizations`, o.description_localizations, 100));
      const choices = Array.isArray(o.choices) ? (o.choices as Json[]) : [];
      choices.forEach((ch, k) => {
        p.push(
          ...localizationProblems(`${i}.options.${j}.choices.${k}.name_localizations`, ch.name_localizations, 100),
        );
      });
      if (o.autocomplete && Array.isArray(o.choices) && o.choices.length > 0) {
        p.push(`${i}.options.${j}: autocomplete and choices are exclusive`);
      }
    });
  });
  return p;
}

/** The 400 body Discord returns for invalid form bodies. */
export function formError(problems: string[]): FormError {
  const errors: FormError["errors"] = {};
  for (const pr of problems) {
    const [path = "body", msg = pr] = pr.split(": ");
    errors[path] = { _errors: [{ code: "BASE_TYPE_INVALID", message: msg }] };
  }
  return { code: 50035, message: "Invalid Form Body", errors };
}
