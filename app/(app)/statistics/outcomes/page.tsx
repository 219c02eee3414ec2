import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { londonDateOf } from '@/lib/server/dates';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import { statisticsTeams } from '@/lib/server/queries/statistics';
import { getOutcomeStatistics } from '@/lib/server/queries/statistics-outcomes';
import { statisticsPageQuery } from '@/lib/schemas/statistics';
import { SOCIAL_DOMAIN_LABELS } from '@/lib/codes/labels';
import type { SocialDomain } from '@/lib/generated/prisma/enums';
import { DECISIONS, DECISION_LABELS } from '@/lib/statistics/outcomes';
import { NoPermission } from '@/components/ui/no-permission';
import { BarChart } from '@/components/statistics/bar-chart';
import { StatisticsFilters, statisticsYears } from '@/components/statistics/filters';
import { WorkedOutAt, csvHref } from '@/components/statistics/intro';
import { formatCount, formatPercent } from '@/components/statistics/format';
import { QueryProblem } from '@/components/ui/query-problem';

export const metadata: Metadata = { title: 'Outcomes of community treatment orders' };

const domainLabel = (d: string) => SOCIAL_DOMAIN_LABELS[d as SocialDomain] ?? d;
const num = (v: number | string | null) =>
  v === null ? 'no figure' : typeof v === 'number' ? v.toLocaleString('en-GB') : v;

export default async function OutcomesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const today = londonDateOf(new Date());
  const { query, problem } = statisticsPageQuery(await searchParams, today);
  let o;
  try {
    o = await getOutcomeStatistics(
      { actor, meta: await getRequestMeta('/statistics/outcomes') },
      { year: query.year, disclosure: query.disclosure, teamId: query.team ?? null },
    );
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="the statistics" />;
    throw error;
  }
  const teams = await statisticsTeams({ actor });
  const first = o.summary.filter((s) => s.key.startsWith('first_expiry_'));
  return (
    <>
      <h1>Outcomes of community treatment orders, {o.year.label}</h1>
      {problem ? (
        <QueryProblem id="stats-problem">
          {problem} Showing {o.year.label} instead.
        </QueryProblem>
      ) : null}
      <p className="nhsuk-body-l">
        Whether the orders help people live well, not only whether they keep them out of hospital:
        the social factors weighed at each decision, quality of life before and after, time in the
        community, recalls and how orders end.
      </p>
      <p>
        {o.access.teamIds === null ? 'The whole trust' : 'Your chosen or your own teams’ orders'}, 1
        April {o.year.start.slice(0, 4)} to 31 March {o.year.end.slice(0, 4)}.{' '}
        {o.disclosure === 'published'
          ? 'Counts below 5 are shown as * and others rounded to the nearest 5; averages and percentages of fewer than 5 are not shown.'
          : 'Counts are unrounded: for the MHA office only.'}
      </p>
      <WorkedOutAt at={o.workedOutAt} />
      <StatisticsFilters
        action="/statistics/outcomes"
        years={statisticsYears(today)}
        year={o.year}
        teams={teams}
        teamId={query.team ?? null}
        canUnround={o.access.mayUnround}
        disclosure={o.disclosure}
      />
      <p>
        <a href={csvHref('outcomes', o, query.team)} download>
          Download every table on this page (CSV)
        </a>
      </p>

      <h2>The year in summary</h2>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Outcomes, {o.year.label}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Value
            </th>
            <th scope="col">Unit</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {o.summary.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              <td className="nhsuk-table__cell--numeric">{num(s.value)}</td>
              <td>{s.unit}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="nhsuk-body-s">
        Care coordinator continuity counts each new care coordinator assignment that began while the
        person was on a CTO in the year, after an earlier one, from the dated assignments recorded.
      </p>

      <h2>How first periods ended</h2>
      <BarChart
        id="chart-first-expiry"
        title={`Orders whose first six months ended in ${o.year.label}: what happened`}
        description="Bar chart of the share of orders renewed, discharged, revoked, or expired at their first expiry. The summary table above gives the same figures."
        valueLabel="% of orders"
        bars={first.map((s) => ({
          label: s.label.replace('First period ended in the year: ', '').slice(0, 28),
          value: typeof s.value === 'number' ? s.value : null,
        }))}
      />

      <h2>Quality of life before and after each decision</h2>
      <p>
        The mean of the last rating in the 90 days before each decision and of the first in the 90
        days after, as a percentage of the scale&apos;s maximum (higher is better).
      </p>
      <BarChart
        id="chart-quality"
        title={`Quality of life before and after decisions, ${o.year.label}`}
        description="Bar chart of mean quality of life before and after each kind of decision. The table below gives the same figures."
        valueLabel="Mean quality of life (% of maximum)"
        bars={o.quality.flatMap((q) => [
          { label: `${DECISION_LABELS[q.decision]}: before`, value: q.meanBefore },
          { label: `${DECISION_LABELS[q.decision]}: after`, value: q.meanAfter },
        ])}
      />
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Quality of life around decisions</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Decision</th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Decisions
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Mean before
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Mean after
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              With both
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Mean change
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {o.quality.map((q) => (
            <tr key={q.decision}>
              <th scope="row">{DECISION_LABELS[q.decision]}</th>
              <td className="nhsuk-table__cell--numeric">{formatCount(q.decisions)}</td>
              <td className="nhsuk-table__cell--numeric">{num(q.meanBefore)}</td>
              <td className="nhsuk-table__cell--numeric">{num(q.meanAfter)}</td>
              <td className="nhsuk-table__cell--numeric">{formatCount(q.pairs)}</td>
              <td className="nhsuk-table__cell--numeric">{num(q.meanChange)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Quality of life over the order</h2>
      <BarChart
        id="chart-phases"
        title={`Quality of life by time on the order, ratings in ${o.year.label}`}
        description="Bar chart of mean quality of life by how long the person had been on the order, and in the year after it ended. The table below gives the same figures."
        valueLabel="Mean quality of life (% of maximum)"
        bars={o.phases.map((p) => ({ label: p.phase.slice(0, 28), value: p.mean }))}
      />
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Quality of life by time on the order</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Time on the order</th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Ratings
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Mean (% of maximum)
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {o.phases.map((p) => (
            <tr key={p.phase}>
              <th scope="row">{p.phase}</th>
              <td className="nhsuk-table__cell--numeric">{formatCount(p.ratings)}</td>
              <td className="nhsuk-table__cell--numeric">{num(p.mean)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>The social factors behind each decision</h2>
      <p>
        For each decision, how often each part of the person&apos;s life was rated a concern (some
        or serious), how often it was judged of moderate or major significance in the decision, and
        how the rating moved since the assessment before it in the previous six months (positive
        means it got worse; scale: strength 0, no concern 1, some concern 2, serious concern 3).
      </p>
      {DECISIONS.map((d) => {
        const rows = o.social.filter((s) => s.decision === d);
        return (
          <section key={d}>
            <h3>{DECISION_LABELS[d]}</h3>
            {rows.length === 0 ? (
              <p>No social factors assessments were recorded with this decision in the year.</p>
            ) : (
              <>
                <BarChart
                  id={`chart-social-${d.toLowerCase()}`}
                  title={`${DECISION_LABELS[d]}: share of ratings that were a concern, ${o.year.label}`}
                  description="Bar chart of the share of ratings of some or serious concern in each domain. The table below gives the same figures."
                  valueLabel="% rated a concern"
                  bars={rows.map((s) => ({
                    label: domainLabel(s.domain).slice(0, 28),
                    value: s.concernPercent,
                  }))}
                />
                <div
                  className="app-table-scroll"
                  tabIndex={0}
                  role="region"
                  aria-label={`Social factors at ${DECISION_LABELS[d].toLowerCase()}`}
                >
                  <table className="nhsuk-table">
                    <caption className="nhsuk-table__caption">
                      Social factors at {DECISION_LABELS[d].toLowerCase()}
                    </caption>
                    <thead className="nhsuk-table__head">
                      <tr>
                        <th scope="col">Domain</th>
                        <th scope="col" className="nhsuk-table__header--numeric">
                          Rated
                        </th>
                        <th scope="col" className="nhsuk-table__header--numeric">
                          A concern
                        </th>
                        <th scope="col" className="nhsuk-table__header--numeric">
                          Moderate or major significance
                        </th>
                        <th scope="col" className="nhsuk-table__header--numeric">
                          Major significance
                        </th>
                        <th scope="col" className="nhsuk-table__header--numeric">
                          Mean movement before
                        </th>
                      </tr>
                    </thead>
                    <tbody className="nhsuk-table__body">
                      {rows.map((s) => (
                        <tr key={s.domain}>
                          <th scope="row">{domainLabel(s.domain)}</th>
                          <td className="nhsuk-table__cell--numeric">{formatCount(s.rated)}</td>
                          <td className="nhsuk-table__cell--numeric">
                            {formatPercent(s.concernPercent)}
                          </td>
                          <td className="nhsuk-table__cell--numeric">
                            {formatPercent(s.significantPercent)}
                          </td>
                          <td className="nhsuk-table__cell--numeric">
                            {formatPercent(s.majorPercent)}
                          </td>
                          <td className="nhsuk-table__cell--numeric">
                            {s.meanMovement === null ? 'no figure' : s.meanMovement.toFixed(2)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
        );
      })}
      <p>
        See also the{' '}
        <Link href={`/statistics/mha-annual?year=${o.year.slug}`}>MHA annual statistics</Link> and
        the <Link href={`/statistics/equality?year=${o.year.slug}`}>equality figures</Link>.
      </p>
    </>
  );
}
