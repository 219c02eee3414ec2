import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { londonDateOf } from '@/lib/server/dates';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import { getMhaAnnualStatistics, statisticsTeams } from '@/lib/server/queries/statistics';
import { statisticsPageQuery } from '@/lib/schemas/statistics';
import type { Breakdown, MeasureRow } from '@/lib/statistics/measures';
import { NoPermission } from '@/components/ui/no-permission';
import { BarChart, type ChartBar } from '@/components/statistics/bar-chart';
import { groupLabel } from '@/components/statistics/measure-table';
import { StatisticsFilters, statisticsYears } from '@/components/statistics/filters';
import { StatisticsIntro, csvHref } from '@/components/statistics/intro';
import { chartValue, formatCount, formatPercent, formatRate } from '@/components/statistics/format';

export const metadata: Metadata = { title: 'Equality: who is subject to CTOs' };

const SECTIONS: { breakdown: Breakdown; title: string }[] = [
  { breakdown: 'ETHNIC_GROUP', title: 'By ethnic group' },
  { breakdown: 'ETHNIC_CODE', title: 'By ethnic category' },
  { breakdown: 'AGE_BAND', title: 'By age at 31 March' },
  { breakdown: 'GENDER', title: 'By gender' },
];

function share(rows: MeasureRow[], row: MeasureRow): number | null {
  if (row.count === '*') return null;
  const total = rows.reduce((sum, r) => sum + (r.count === '*' ? 0 : r.count), 0);
  return total > 0 ? Math.round((row.count / total) * 1000) / 10 : null;
}

export default async function EqualityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const today = londonDateOf(new Date());
  const { query, problem } = statisticsPageQuery(await searchParams, today);
  let stats;
  try {
    stats = await getMhaAnnualStatistics(
      { actor, meta: await getRequestMeta('/statistics/equality') },
      { year: query.year, disclosure: query.disclosure, teamId: query.team ?? null },
    );
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="the statistics" />;
    throw error;
  }
  const teams = await statisticsTeams({ actor });
  const withRates = stats.population !== null;
  const uses = (b: Breakdown) =>
    stats.rows.filter((r) => r.measure === 'USES_OF_CTOS' && r.breakdown === b);
  const people = (b: Breakdown, g: string) =>
    stats.rows.find(
      (r) => r.measure === 'PEOPLE_ON_CTO_31_MARCH' && r.breakdown === b && r.group === g,
    );
  return (
    <>
      <h1>Equality: who is subject to CTOs, {stats.year.label}</h1>
      <StatisticsIntro stats={stats} problem={problem} page="equality" />
      <StatisticsFilters
        action="/statistics/equality"
        years={statisticsYears(today)}
        year={stats.year}
        teams={teams}
        teamId={query.team ?? null}
        canUnround={stats.access.mayUnround}
        disclosure={stats.disclosure}
      />
      <p>
        New orders (uses of CTOs) and people on a CTO on 31 March, by ethnicity, age and gender,
        counted as NHS England counts them. The ethnicity figures leave out people whose gender is
        not recorded as male or female, or whose age is not known. The standardised rate adjusts for
        the age and sex make-up of each group (direct standardisation to the catchment&apos;s own
        population), so groups can be compared fairly; the interval is a 95% confidence interval. As
        in NHS England&apos;s method, the 16 to 17 age band is left out of the interval&apos;s
        calculation, and the Roma census group is in no ethnic group&apos;s population but is in the
        standard population.
      </p>
      <p>
        <a href={csvHref('equality', stats, query.team)} download>
          Download the equality figures (CSV)
        </a>
      </p>
      {SECTIONS.map(({ breakdown, title }) => {
        const rows = uses(breakdown);
        const ethnic = breakdown === 'ETHNIC_GROUP' || breakdown === 'ETHNIC_CODE';
        const byRate = withRates && ethnic;
        const bars: ChartBar[] = rows.map((r) =>
          byRate
            ? {
                label: r.group,
                value: r.standardisedRate,
                lower: r.standardisedLower,
                upper: r.standardisedUpper,
              }
            : { label: groupLabel(breakdown, r.group).slice(0, 28), value: chartValue(r.count) },
        );
        return (
          <section key={breakdown}>
            <h2>{title}</h2>
            {breakdown !== 'ETHNIC_CODE' ? (
              <BarChart
                id={`chart-${breakdown.toLowerCase()}`}
                title={`${byRate ? 'Standardised rate of new CTOs per 100,000' : 'New CTOs'} ${title.toLowerCase()}, ${stats.year.label}`}
                description={
                  byRate
                    ? 'Bar chart of age and sex standardised rates per 100,000 with 95% confidence intervals as whiskers. The table below gives the same figures.'
                    : 'Bar chart of the number of new orders in each group. The table below gives the same figures.'
                }
                valueLabel={byRate ? 'Per 100,000 (standardised)' : 'Uses of CTOs'}
                bars={bars}
              />
            ) : null}
            <div
              className="app-table-scroll"
              tabIndex={0}
              role="region"
              aria-label={`Uses of CTOs ${title.toLowerCase()}, ${stats.year.label}`}
            >
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption">
                  Uses of CTOs {title.toLowerCase()}, {stats.year.label}
                </caption>
                <thead className="nhsuk-table__head">
                  <tr>
                    <th scope="col">Group</th>
                    <th scope="col" className="nhsuk-table__header--numeric">
                      Uses of CTOs
                    </th>
                    <th scope="col" className="nhsuk-table__header--numeric">
                      Share of uses
                    </th>
                    <th scope="col" className="nhsuk-table__header--numeric">
                      Crude rate per 100,000
                    </th>
                    {ethnic ? (
                      <th scope="col" className="nhsuk-table__header--numeric">
                        Standardised rate per 100,000 (95% CI)
                      </th>
                    ) : null}
                    <th scope="col" className="nhsuk-table__header--numeric">
                      People on a CTO on 31 March
                    </th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {rows.map((r) => (
                    <tr key={r.group}>
                      <th scope="row">{groupLabel(breakdown, r.group)}</th>
                      <td className="nhsuk-table__cell--numeric">{formatCount(r.count)}</td>
                      <td className="nhsuk-table__cell--numeric">
                        {formatPercent(share(rows, r))}
                      </td>
                      <td className="nhsuk-table__cell--numeric">{formatRate(r.crudeRate)}</td>
                      {ethnic ? (
                        <td className="nhsuk-table__cell--numeric">
                          {r.standardisedRate !== null
                            ? `${formatRate(r.standardisedRate)} (${formatRate(r.standardisedLower)} to ${formatRate(r.standardisedUpper)})`
                            : 'no figure'}
                        </td>
                      ) : null}
                      <td className="nhsuk-table__cell--numeric">
                        {formatCount(people(breakdown, r.group)?.count ?? 0)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <p>
        See also the{' '}
        <Link href={`/statistics/mha-annual?year=${stats.year.slug}`}>MHA annual statistics</Link>{' '}
        and the <Link href={`/statistics/outcomes?year=${stats.year.slug}`}>outcomes</Link>.
      </p>
    </>
  );
}
