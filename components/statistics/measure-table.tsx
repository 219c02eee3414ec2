// The table behind a breakdown: a row per group, a column per measure (the accessible
// alternative to the chart above it).
import { ethnicCategory } from '@/lib/codes/ethnic-category';
import {
  MEASURES,
  MEASURE_LABELS,
  type Breakdown,
  type MeasureRow,
} from '@/lib/statistics/measures';
import { formatCount, formatRate } from './format';

export function groupLabel(breakdown: Breakdown, group: string): string {
  if (breakdown === 'ETHNIC_CODE') {
    const c = ethnicCategory(group);
    return c ? `${group}: ${c.label}` : group;
  }
  return group;
}

export function MeasureTable({
  caption,
  breakdown,
  rows,
  withRates,
}: {
  caption: string;
  breakdown: Breakdown;
  rows: readonly MeasureRow[];
  withRates: boolean;
}) {
  const mine = rows.filter((r) => r.breakdown === breakdown);
  const groups = [...new Set(mine.map((r) => r.group))];
  const cell = (measure: string, group: string) =>
    mine.find((r) => r.measure === measure && r.group === group);
  const standardised = breakdown === 'ETHNIC_GROUP' || breakdown === 'ETHNIC_CODE';
  return (
    // A wide table scrolls: keyboard users reach it (axe scrollable-region-focusable).
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Group</th>
            {MEASURES.map((m) => (
              <th scope="col" key={m} className="nhsuk-table__header--numeric">
                {MEASURE_LABELS[m]}
              </th>
            ))}
            {withRates ? (
              <th scope="col" className="nhsuk-table__header--numeric">
                Uses: crude rate per 100,000
              </th>
            ) : null}
            {withRates && standardised ? (
              <th scope="col" className="nhsuk-table__header--numeric">
                Uses: standardised rate per 100,000 (95% CI)
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {groups.map((g) => {
            const uses = cell('USES_OF_CTOS', g);
            return (
              <tr key={g}>
                <th scope="row">{groupLabel(breakdown, g)}</th>
                {MEASURES.map((m) => {
                  const r = cell(m, g);
                  return (
                    <td key={m} className="nhsuk-table__cell--numeric">
                      {r ? formatCount(r.count) : ''}
                    </td>
                  );
                })}
                {withRates ? (
                  <td className="nhsuk-table__cell--numeric">
                    {formatRate(uses?.crudeRate ?? null)}
                  </td>
                ) : null}
                {withRates && standardised ? (
                  <td className="nhsuk-table__cell--numeric">
                    {uses?.standardisedRate != null
                      ? `${formatRate(uses.standardisedRate)} (${formatRate(uses.standardisedLower)} to ${formatRate(uses.standardisedUpper)})`
                      : 'no figure'}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
