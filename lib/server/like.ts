// Prisma's `contains` and `startsWith` become SQL LIKE / ILIKE, in which `%` and `_` are
// wildcards and `\` escapes (PostgreSQL's default). What a person types is matched as typed:
// a search for "50%" must not find everything starting "50", nor "a_b" find "axb" (issue 12 §6).
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
