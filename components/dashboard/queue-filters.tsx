// The MHA office's work-queue filters: a GET form, so it works without JavaScript and a
// filtered queue has its own address to share.
import Link from 'next/link';
import { SelectField } from '@/components/forms/fields';
import { WORK_ITEM_KIND_LABELS } from '@/lib/work-items';

interface Option {
  id: string;
  name: string;
}

export function QueueFilters({
  options,
  values,
}: {
  options: { teams: Option[]; hospitals: Option[]; clinicians: Option[]; coordinators: Option[] };
  values: Record<string, string>;
}) {
  const any = (list: Option[], label: string) => [
    { value: '', label },
    ...list.map((o) => ({ value: o.id, label: o.name })),
  ];
  const kinds = Object.entries(WORK_ITEM_KIND_LABELS).map(([value, label]) => ({ value, label }));
  const filters: [name: string, label: string, choices: { value: string; label: string }[]][] = [
    ['team', 'Team', any(options.teams, 'All teams')],
    ['hospital', 'Responsible hospital', any(options.hospitals, 'All hospitals')],
    ['rc', 'Responsible clinician', any(options.clinicians, 'All responsible clinicians')],
    ['cc', 'Care coordinator', any(options.coordinators, 'All care coordinators')],
    ['kind', 'What is due', [{ value: '', label: 'Everything' }, ...kinds]],
  ];
  const filtered = filters.some(([name]) => values[name]);
  return (
    <details className="nhsuk-details" open={filtered}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Filter the work queue</span>
      </summary>
      <div className="nhsuk-details__text">
        <form method="get" action="/" noValidate>
          {filters.map(([name, label, choices]) => (
            <SelectField
              key={name}
              id={name}
              name={name}
              label={label}
              options={choices}
              defaultValue={values[name] ?? ''}
            />
          ))}
          <button
            className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-right-3"
            type="submit"
          >
            Apply filters
          </button>
          <Link className="nhsuk-link" href="/">
            Clear filters
          </Link>
        </form>
      </div>
    </details>
  );
}
