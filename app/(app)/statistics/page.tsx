import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { can } from '@/lib/auth/permissions';
import { londonDateOf } from '@/lib/server/dates';
import { statisticsPageQuery } from '@/lib/schemas/statistics';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'Statistics' };

export default async function StatisticsPage() {
  const actor = await requireActor();
  if (!can(actor.roles, 'read:statistics')) return <NoPermission what="the statistics" />;
  const { query } = statisticsPageQuery({}, londonDateOf(new Date()));
  const year = query.year;
  const mhaOffice = actor.roles.includes('MHA_ADMINISTRATOR');
  const extract = (kind: string) => `/statistics/csv/${kind}?year=${year.slug}`;
  return (
    <>
      <h1>Statistics</h1>
      <p className="nhsuk-body-l">
        What the trust&apos;s orders achieve, who they fall on, and the figures it sends to NHS
        England.
      </p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          <Link href={`/statistics/outcomes?year=${year.slug}`}>
            Outcomes and the social factors behind decisions
          </Link>
        </li>
        <li>
          <Link href={`/statistics/equality?year=${year.slug}`}>
            Equality: counts and rates by ethnicity, age and gender
          </Link>
        </li>
        <li>
          <Link href={`/statistics/mha-annual?year=${year.slug}`}>
            MHA annual statistics, as NHS England counts them
          </Link>
        </li>
      </ul>
      <h2>MHSDS-shaped extracts, {year.label}</h2>
      <p>
        {mhaOffice
          ? 'The records for the year with the national field names, to compare with what your EPR submits. Records contain patient identifiers: keep them in the MHA office.'
          : 'The number of records for the year by code, with small numbers suppressed. The records themselves are for the MHA office.'}
      </p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          <a href={extract('mhs401')} download>
            MHS401 Mental Health Act legal status (CSV)
          </a>
        </li>
        <li>
          <a href={extract('mhs404')} download>
            MHS404 Community treatment orders (CSV)
          </a>
        </li>
        <li>
          <a href={extract('mhs405')} download>
            MHS405 Recalls (CSV)
          </a>
        </li>
      </ul>
      {can(actor.roles, 'upload:statistics-population') ? (
        <p>
          <Link href="/statistics/population">Supply the catchment population</Link> for the rates.
        </p>
      ) : null}
    </>
  );
}
