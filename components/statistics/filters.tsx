// The statistics pages' filter: the year (1 April to 31 March), the team and, for the MHA
// office, whether to show the published (rounded) figures. A plain GET form: works without
// JavaScript and leaves a link that can be shared.
import { yearStarting, type StatisticsYear } from '@/lib/statistics/classify';

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
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="year">
              Year (1 April to 31 March)
            </label>
            <select className="nhsuk-select" id="year" name="year" defaultValue={year.slug}>
              {years.map((y) => (
                <option key={y.slug} value={y.slug}>
                  {y.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="team">
              Team
            </label>
            <select className="nhsuk-select" id="team" name="team" defaultValue={teamId ?? ''}>
              <option value="">All teams you can see</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {canUnround ? (
          <div className="nhsuk-grid-column-one-third">
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="disclosure">
                Counts
              </label>
              <select
                className="nhsuk-select"
                id="disclosure"
                name="disclosure"
                defaultValue={disclosure}
              >
                <option value="unrounded">Unrounded (MHA office only)</option>
                <option value="published">Published (below 5 as *, others to the nearest 5)</option>
              </select>
            </div>
          </div>
        ) : null}
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show figures
      </button>
    </form>
  );
}
