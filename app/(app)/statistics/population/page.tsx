import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/server/db';
import { latestPopulation } from '@/lib/server/queries/statistics';
import { formatLondonInstant } from '@/lib/server/dates';
import { AGE_BANDS } from '@/lib/statistics/classify';
import { CENSUS_GROUPS } from '@/lib/statistics/population';
import { NoPermission } from '@/components/ui/no-permission';
import { PopulationForm } from '@/components/statistics/population-form';
import { uploadPopulationAction } from './actions';

export const metadata: Metadata = { title: 'Catchment population for the statistics' };

export default async function PopulationPage() {
  const actor = await requireActor();
  if (!can(actor.roles, 'upload:statistics-population')) {
    return <NoPermission what="the catchment population" />;
  }
  // The population is published census data, not patient data: no read audit.
  const current = await latestPopulation(db);
  return (
    <>
      <h1>Catchment population for the statistics</h1>
      <p>
        The rates per 100,000 on the statistics pages need the population your trust serves, from
        Census 2021, by ethnic group, sex and age band. Without it the pages show counts and
        proportions only.
      </p>
      {current ? (
        <p>
          In use: “{current.source}”, {current.total.toLocaleString('en-GB')} people in{' '}
          {current.cells.length} rows, saved {formatLondonInstant(current.uploadedAt)}.
        </p>
      ) : (
        <p>No population has been saved yet.</p>
      )}
      <h2>The format</h2>
      <p>
        A CSV file with the header <code>census_ethnic_group,sex,age_band,population</code> and one
        line for each ethnic group, sex and age band (at most 228 lines). See{' '}
        <Link href="/statistics/population/example">an example file</Link>.
      </p>
      <ul>
        <li>
          <strong>census_ethnic_group</strong>: the Census 2021 ethnic group code, 1 to 19 (
          {CENSUS_GROUPS.map((g) => `${g.census} ${g.name}`).join('; ')}).
        </li>
        <li>
          <strong>sex</strong>: 1 male, 2 female.
        </li>
        <li>
          <strong>age_band</strong>: one of {AGE_BANDS.join(', ')}.
        </li>
        <li>
          <strong>population</strong>: a whole number.
        </li>
      </ul>
      <h2>Save a new population</h2>
      <PopulationForm action={uploadPopulationAction} />
    </>
  );
}
