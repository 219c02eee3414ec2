// A table's column headings: one `<th scope="col">` each, in order. A heading that is `false` or
// `null` is left out (a column shown to some people only).
import type { ReactNode } from 'react';

export function TableHead({
  columns,
  className,
}: {
  columns: readonly (ReactNode | false | null)[];
  /** Given to every heading cell (for example a smaller font). */
  className?: string;
}) {
  return (
    <thead className="nhsuk-table__head">
      <tr>
        {columns
          .filter((c) => c !== false && c !== null)
          .map((c, i) => (
            <th key={i} scope="col" className={className}>
              {c}
            </th>
          ))}
      </tr>
    </thead>
  );
}
