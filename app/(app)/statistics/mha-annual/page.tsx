import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { londonDateOf } from '@/lib/server/dates';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import { getMhaAnnualStatistics, statisticsTeams } from '@/lib/server/queries/statistics';
import { statisticsPageQuery } from '@/lib/schemas/statistics';
import {
  MEASURES,
  MEASURE_LABELS,
  BREAKDOWN_LABELS,
  type Breakdown,
} from '@/lib/statistics/measures';
import { NoPermission } from '@/components/ui/no-permission';
import { BarChart } from '@/components/statistics/bar-chart';
import { MeasureTable } from '@/components/statistics/measure-table';
import { StatisticsFilters, statisticsYears } from '@/components/statistics/filters';
import { StatisticsIntro, csvHref } from '@/components/statistics/intro';
import { chartValue, formatCount, formatRate } from '@/components/statistics/format';

export const metadata: Metadata = { title: 'MHA annual statistics' };

const BREAKDOWN_ORDER: Breakdown[] = [
  'PREVIOUS_SECTION',
  'ETHNIC_GROUP',
  'ETHNIC_CODE',
  'AGE_BAND',
  'GENDER',
];

export default async function MhaAnnualPage({
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
      { actor, meta: await getRequestMeta('/statistics/mha-annual') },
      { year: query.year, disclosure: query.disclosure, teamId: query.team ?? null },
    );
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="the statistics" />;
    throw error;
  }
  const teams = await statisticsTeams({ actor });
  const all = stats.rows.filter((r) => r.breakdown === 'ALL');
  const withRates = stats.population !== null;
  return (
    <>
      <h1>MHA annual statistics: {stats.year.label}</h1>
      <StatisticsIntro stats={stats} problem={problem} page="mha-annual" />
      <StatisticsFilters
        action="/statistics/mha-annual"
        years={statisticsYears(today)}
        year={stats.year}
        teams={teams}
        teamId={query.team ?? null}
        canUnround={stats.access.mayUnround}
        disclosure={stats.disclosure}
      />
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          These follow NHS England&apos;s Mental Health Act Annual Statistics method, quirks
          included:
        </p>
        <ul>
          <li>The year runs from 1 April to 31 March.</li>
          <li>
            <strong>Uses of CTOs</strong> counts orders that took effect in the year. The unit is
            the order, not the person: someone with two orders in the year counts twice.
          </li>
          <li>
            <strong>Revocations</strong>, <strong>discharges</strong> and <strong>recalls</strong>{' '}
            count orders <em>that took effect in the year</em> which were later revoked, discharged
            or recalled at least once, at any time up to today. They are not the revocations,
            discharges or recalls that happened in the year, and a recall counts once per order
            however many there were. A year&apos;s figures can rise as its orders end.
          </li>
          <li>
            <strong>People subject to a CTO on 31 March</strong> counts people, not orders: those
            whose order was in force at the end of 31 March (recalled people included), less those
            then detained in hospital under another section. Conditional discharge, which NHS
            England also counts here, is not recorded in CTO Tracker.
          </li>
          <li>
            <strong>Detentions following revocation of CTO</strong> counts detentions that began in
            the year because an order was revoked, whenever that order took effect (NHS
            England&apos;s Table 1, not the cohort). The unit is the detention. It is not one of the
            five measures of the API.
          </li>
          <li>
            The ethnicity breakdowns leave out people whose gender is not male or female, or whose
            age is not known (as NHS England does). Ages are at 31 March.
          </li>
        </ul>
      </div>

      <h2>The year at a glance</h2>
      <BarChart
        id="chart-all"
        title={`CTO measures, ${stats.year.label}`}
        description={`Bar chart of the CTO measures for ${stats.year.label}. The table below gives the same figures.`}
        valueLabel="Count"
        bars={all.map((r) => ({ label: MEASURE_LABELS[r.measure], value: chartValue(r.count) }))}
      />
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">The measures, {stats.year.label}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Count
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Crude rate per 100,000
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {MEASURES.map((m) => {
            const r = all.find((x) => x.measure === m);
            return (
              <tr key={m}>
                <th scope="row">{MEASURE_LABELS[m]}</th>
                <td className="nhsuk-table__cell--numeric">{r ? formatCount(r.count) : ''}</td>
                <td className="nhsuk-table__cell--numeric">{formatRate(r?.crudeRate ?? null)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <a href={csvHref('mha-annual', stats, query.team)} download>
          Download every measure and breakdown (CSV)
        </a>
      </p>

      {BREAKDOWN_ORDER.map((b) => (
        <section key={b}>
          <h2>By {BREAKDOWN_LABELS[b].toLowerCase()}</h2>
          {b === 'PREVIOUS_SECTION' ? (
            <BarChart
              id="chart-previous-section"
              title={`Uses of CTOs by previous section, ${stats.year.label}`}
              description="Bar chart of new orders by the section the patient was detained under before. The table below gives the same figures and the other measures."
              valueLabel="Uses of CTOs"
              bars={stats.rows
                .filter((r) => r.measure === 'USES_OF_CTOS' && r.breakdown === b)
                .map((r) => ({ label: r.group, value: chartValue(r.count) }))}
            />
          ) : null}
          <MeasureTable
            caption={`The measures by ${BREAKDOWN_LABELS[b].toLowerCase()}, ${stats.year.label}`}
            breakdown={b}
            rows={stats.rows}
            withRates={withRates && b !== 'PREVIOUS_SECTION'}
          />
        </section>
      ))}
      <p>
        See also the{' '}
        <Link href={`/statistics/equality?year=${stats.year.slug}`}>equality figures</Link> and the{' '}
        <Link href={`/statistics/outcomes?year=${stats.year.slug}`}>outcomes</Link>.
      </p>
    </>
  );
}
