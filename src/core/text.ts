/** Small text helpers shared by the core and commands (no analysis here: see src/analysis). */

/** Lower-cases and strips accents, for forgiving matching of user input ("Énergie" ~ "energie"). */
export function foldForMatch(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .trim();
}

/** Shortens text to `max` characters on a word boundary, adding an ellipsis. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
