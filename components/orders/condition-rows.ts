// The discretionary condition rows of the Propose form (CTO1 Part 1). Each row has a stable id
// (its React key and the ids of its fields) and a position; the fields are NAMED by position
// (`conditions.0.purpose`, `conditions.1.purpose`, ...) because the schema reads the rows as a
// list and the server's field errors use the list index. After a refused submission the rows
// are rebuilt with id = position, so the echoed values and the errors of row `id` are under
// `conditions.${id}.*`; rows added afterwards get ids from FIRST_NEW_ROW on and have neither.
// Pure: used by the form and the unit tests.

/** Ids of rows added in the browser: well above any position the schema allows (20). */
export const FIRST_NEW_ROW = 1001;

/** The row ids (= positions) a refused submission sent back, in order. */
export function rowsFrom(values: Record<string, string | string[]> | undefined): number[] {
  const rows = new Set<number>();
  for (const key of Object.keys(values ?? {})) {
    const m = /^conditions\.(\d+)\./.exec(key);
    if (m) rows.add(Number(m[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

/** The names, ids and error/value keys of the fields of row `id` at `position`. */
export function conditionRow(id: number, position: number) {
  return {
    /** The submitted name: by position, as the schema and the server's errors count. */
    name: (part: string) => `conditions.${position}.${part}`,
    /** Where the last refused submission's value and error for this row are. */
    key: (part: string) => `conditions.${id}.${part}`,
    /** The DOM id: stable while rows above are removed. */
    id: (part: string) => `conditions-${id}-${part}`,
  };
}
