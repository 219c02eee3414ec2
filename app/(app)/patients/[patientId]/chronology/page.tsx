import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getChronology, parseChronologyParams } from '@/lib/server/queries/get-chronology';
import { formatDate, formatDateTime, formatNhsNumberForDisplay } from '@/lib/format';
import { PatientNav } from '@/components/patients/patient-nav';
import { PatientCaption } from '@/components/social/patient-caption';
import { ChronologyFilters } from '@/components/patients/chronology-filters';
import { ChronologyList } from '@/components/patients/chronology-list';
import { ChronologyPrintButton } from '@/components/patients/chronology-print-button';
import { ChronologyOrderSwitch } from '@/components/patients/chronology-order-switch';
import { NoPermission } from '@/components/ui/no-permission';
import './chronology.css';

export const metadata: Metadata = { title: 'Chronology' };

export default async function ChronologyPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { patientId } = await params;
  const parsed = parseChronologyParams(await searchParams);
  let chronology;
  try {
    chronology = await getChronology(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/chronology`) },
      patientId,
      parsed.filter,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return <NoPermission what="this patient’s chronology" />;
    throw error;
  }
  const { patient, entries } = chronology;
  const path = `/patients/${patient.id}/chronology`;
  const errors = Object.values(parsed.errors);
  return (
    <>
      <PatientCaption patient={patient} />
      <h1>Chronology</h1>
      <div className="app-chronology-print-only">
        <p>
          {patient.givenName} {patient.familyName}, born {formatDate(patient.dateOfBirth)}, NHS
          number {formatNhsNumberForDisplay(patient.nhsNumber)}. Printed{' '}
          {formatDateTime(new Date())}
          {parsed.filter.kinds?.length || parsed.filter.from || parsed.filter.to
            ? ' (filtered)'
            : ''}
          .
        </p>
      </div>
      <PatientNav patientId={patient.id} current="chronology" />
      {errors.length > 0 ? (
        <div
          className="nhsuk-error-summary"
          aria-labelledby="filter-error-title"
          role="alert"
          tabIndex={-1}
        >
          <h2 className="nhsuk-error-summary__title" id="filter-error-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {parsed.errors.from ? (
                <li>
                  <a href="#from-day">{parsed.errors.from}</a>
                </li>
              ) : null}
              {parsed.errors.to ? (
                <li>
                  <a href="#to-day">{parsed.errors.to}</a>
                </li>
              ) : null}
            </ul>
          </div>
        </div>
      ) : null}
      <p className="app-no-print">
        Everything recorded about this patient’s detention and order, and the social side of their
        care, dated when it happened. Under each date: when it was recorded, and by whom.
      </p>
      <ChronologyFilters action={path} parsed={parsed} />
      <ChronologyOrderSwitch path={path} parsed={parsed} />
      <ChronologyPrintButton />
      <ChronologyList entries={entries} direction={parsed.values.direction} />
    </>
  );
}
