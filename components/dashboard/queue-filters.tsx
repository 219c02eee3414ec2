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
  const filtered = ['team', 'hospital', 'rc', 'cc', 'kind'].some((k) => values[k]);
  return (
    <details className="nhsuk-details" open={filtered}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Filter the work queue</span>
      </summary>
      <div className="nhsuk-details__text">
        <form method="get" action="/" noValidate>
          <SelectField
            id="team"
            name="team"
            label="Team"
            options={any(options.teams, 'All teams')}
            defaultValue={values.team ?? ''}
          />
          <SelectField
            id="hospital"
            name="hospital"
            label="Responsible hospital"
            options={any(options.hospitals, 'All hospitals')}
            defaultValue={values.hospital ?? ''}
          />
          <SelectField
            id="rc"
            name="rc"
            label="Responsible clinician"
            options={any(options.clinicians, 'All responsible clinicians')}
            defaultValue={values.rc ?? ''}
          />
          <SelectField
            id="cc"
            name="cc"
            label="Care coordinator"
            options={any(options.coordinators, 'All care coordinators')}
            defaultValue={values.cc ?? ''}
          />
          <SelectField
            id="kind"
            name="kind"
            label="What is due"
            options={[
              { value: '', label: 'Everything' },
              ...Object.entries(WORK_ITEM_KIND_LABELS).map(([value, label]) => ({ value, label })),
            ]}
            defaultValue={values.kind ?? ''}
          />
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
