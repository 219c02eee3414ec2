import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { listQualityOfLife } from '@/lib/server/queries/list-quality-of-life';
import { can } from '@/lib/auth/permissions';
import { formatDate } from '@/lib/format';
import { PatientNav } from '@/components/patients/patient-nav';
import { PatientCaption } from '@/components/social/patient-caption';
import { QualityOfLifeChart } from '@/components/social/quality-of-life-chart';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'Quality of life' };

export default async function QualityOfLifePage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { patientId } = await params;
  const { recorded } = await searchParams;
  let list;
  try {
    list = await listQualityOfLife(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/quality-of-life`) },
      patientId,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied)
      return <NoPermission what="this patient’s quality of life" />;
    throw error;
  }
  const { patient, items } = list;
  const newestFirst = [...items].reverse();
  return (
    <>
      <PatientCaption patient={patient} />
      <h1>Quality of life</h1>
      <PatientNav patientId={patient.id} current="quality-of-life" />
      {recorded ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>The rating has been saved.</p>
        </div>
      ) : null}
      <p>
        Regular ratings on a validated scale, so the team can see how life on the order is going.
        Higher scores mean a better quality of life.
      </p>
      {can(actor.roles, 'record:quality-of-life') ? (
        <p className="app-no-print">
          <Link
            className="nhsuk-button nhsuk-button--secondary"
            href={`/patients/${patient.id}/quality-of-life/new`}
          >
            Record a rating
          </Link>
        </p>
      ) : null}
      <h2>Scores over time</h2>
      <QualityOfLifeChart ratings={items} />
      {newestFirst.length > 0 ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--m">
            All ratings, newest first
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Scale</th>
              <th scope="col">Score</th>
              <th scope="col">Rated by</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {newestFirst.map((r) => {
              const cells = [
                formatDate(r.ratedOn),
                r.instrument,
                `${r.score} out of ${r.maxScore}`,
                `${r.selfRated ? 'The patient' : 'Staff'}${r.recordedByName ? ` (recorded by ${r.recordedByName})` : ''}`,
                r.notes ?? '',
              ];
              return (
                <tr key={r.id}>
                  {cells.map((text, i) => (
                    <td key={i} className="nhsuk-table__cell">
                      {r.enteredInError ? <s>{text}</s> : text}
                      {i === 0 && r.enteredInError ? (
                        <strong className="nhsuk-tag nhsuk-tag--grey nhsuk-u-margin-left-2">
                          Entered in error
                        </strong>
                      ) : null}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
