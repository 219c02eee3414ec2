// What every statistics page says first: whose figures these are, whether they are rounded,
// and where the rates come from.
import Link from 'next/link';
import type { MhaAnnualStatistics } from '@/lib/server/queries/statistics';
import { QueryProblem } from '@/components/ui/query-problem';
import { formatTimeOnDay } from '@/lib/format';

export function csvHref(
  kind: string,
  stats: Pick<MhaAnnualStatistics, 'year' | 'disclosure' | 'access'>,
  teamId?: string | null,
): string {
  const q = new URLSearchParams({ year: stats.year.slug });
  if (stats.disclosure === 'published') q.set('disclosure', 'published');
  const team =
    teamId ??
    (stats.access.scope === 'trust' && stats.access.teamIds ? stats.access.teamIds[0] : null);
  if (team) q.set('team', team);
  return `/statistics/csv/${kind}?${q.toString()}`;
}

/** When the figures shown were worked out: they are kept between requests (decision 831). */
export function WorkedOutAt({ at }: { at: Date }) {
  return (
    <p className="nhsuk-body-s" id="stats-worked-out">
      Figures worked out at {formatTimeOnDay(at)}. They are worked out again when the records
      change; figures more than 10 minutes old are never shown.
    </p>
  );
}

export function StatisticsIntro({
  stats,
  problem,
}: {
  stats: Pick<MhaAnnualStatistics, 'year' | 'disclosure' | 'access' | 'population' | 'workedOutAt'>;
  problem: string | null;
  page: string;
}) {
  return (
    <>
      {problem ? (
        <QueryProblem id="stats-problem">
          {problem} Showing {stats.year.label} instead.
        </QueryProblem>
      ) : null}
      <p className="nhsuk-body-l">
        {stats.access.teamIds === null
          ? 'Figures for the whole trust'
          : stats.access.scope === 'team'
            ? 'Figures for your teams’ orders only'
            : 'Figures for one team’s orders'}
        , 1 April {stats.year.start.slice(0, 4)} to 31 March {stats.year.end.slice(0, 4)}.
      </p>
      <WorkedOutAt at={stats.workedOutAt} />
      <p>
        {stats.disclosure === 'published'
          ? 'Counts are shown as NHS England publishes figures below national level: values below 5 as *, others rounded to the nearest 5. Rates are worked from the rounded counts.'
          : 'Counts are unrounded: for the MHA office only. Anything that leaves the office must use the published figures.'}
      </p>
      <p>
        {stats.population
          ? `Rates per 100,000 use the catchment population “${stats.population.source}” (${stats.population.total.toLocaleString('en-GB')} people).`
          : 'No catchment population has been supplied, so there are counts and proportions but no rates.'}{' '}
        {stats.access.mayUnround ? (
          <Link href="/statistics/population">Supply or replace the catchment population</Link>
        ) : null}
      </p>
    </>
  );
}
