// Filters for the chronology: a GET form (checkboxes and dates), so it works without
// JavaScript and the filtered view has its own address to share or print.
import { CheckboxesField, DateField } from '@/components/forms/fields';
import {
  CHRONOLOGY_KIND_LABELS,
  CHRONOLOGY_KINDS,
  type ChronologyFilterParse,
} from '@/lib/server/queries/get-chronology';

function iso(parts: { day: string; month: string; year: string }): string | undefined {
  if (!parts.day && !parts.month && !parts.year) return undefined;
  return `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
}

export function ChronologyFilters({
  action,
  parsed,
}: {
  action: string;
  parsed: ChronologyFilterParse;
}) {
  const dateFilter = (name: 'from' | 'to', legend: string, hint?: string) => (
    <DateField
      id={name}
      name={name}
      legend={legend}
      hint={hint}
      defaultValue={iso(parsed.values[name])}
      error={parsed.errors[name]}
    />
  );
  const filtered =
    parsed.values.kinds.length > 0 ||
    Object.values(parsed.values.from).some(Boolean) ||
    Object.values(parsed.values.to).some(Boolean);
  return (
    <details
      className="nhsuk-details app-no-print"
      open={filtered || Object.keys(parsed.errors).length > 0}
    >
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Filter the chronology</span>
      </summary>
      <div className="nhsuk-details__text">
        <form method="get" action={action} noValidate>
          {parsed.values.direction === 'newest-first' ? (
            <input type="hidden" name="order" value="newest-first" />
          ) : null}
          <CheckboxesField
            id="kinds"
            name="kinds"
            legend="Show only"
            hint="Leave them all unticked to see everything."
            options={CHRONOLOGY_KINDS.map((k) => ({ value: k, label: CHRONOLOGY_KIND_LABELS[k] }))}
            defaultValues={parsed.values.kinds}
          />
          {dateFilter('from', 'From', 'For example, 1 1 2026')}
          {dateFilter('to', 'To')}
          <button
            className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-right-3"
            type="submit"
          >
            Apply filters
          </button>
          <a className="nhsuk-link" href={action}>
            Clear filters
          </a>
        </form>
      </div>
    </details>
  );
}
