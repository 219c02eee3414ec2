// The statistics pages' filter: the year (1 April to 31 March), the team and, for the MHA
// office, whether to show the published (rounded) figures. A plain GET form: works without
// JavaScript and leaves a link that can be shared.
import { yearStarting, type StatisticsYear } from '@/lib/statistics/classify';
import { SelectField } from '@/components/forms/fields';

const DISCLOSURES = [
  { value: 'unrounded', label: 'Unrounded (MHA office only)' },
  { value: 'published', label: 'Published (below 5 as *, others to the nearest 5)' },
];

export function statisticsYears(today: string): StatisticsYear[] {
  const current = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 4 ? 0 : 1);
  return Array.from({ length: 8 }, (_, i) => yearStarting(current - i));
}

export function StatisticsFilters({
  action,
  years,
  year,
  teams,
  teamId,
  canUnround,
  disclosure,
}: {
  action: string;
  years: StatisticsYear[];
  year: StatisticsYear;
  teams: { id: string; name: string }[];
  teamId: string | null;
  canUnround: boolean;
  disclosure: 'published' | 'unrounded';
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label="Choose the figures"
      className="nhsuk-u-margin-bottom-5"
    >
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <SelectField
            id="year"
            name="year"
            label="Year (1 April to 31 March)"
            options={years.map((y) => ({ value: y.slug, label: y.label }))}
            defaultValue={year.slug}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <SelectField
            id="team"
            name="team"
            label="Team"
            options={[
              { value: '', label: 'All teams you can see' },
              ...teams.map((t) => ({ value: t.id, label: t.name })),
            ]}
            defaultValue={teamId ?? ''}
          />
        </div>
        {canUnround ? (
          <div className="nhsuk-grid-column-one-third">
            <SelectField
              id="disclosure"
              name="disclosure"
              label="Counts"
              options={DISCLOSURES}
              defaultValue={disclosure}
            />
          </div>
        ) : null}
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show figures
      </button>
    </form>
  );
}
