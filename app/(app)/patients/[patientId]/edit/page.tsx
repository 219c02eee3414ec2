import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getPatientForEdit, listPatientFormOptions } from '@/lib/server/queries/patient-record';
import { londonDateOf } from '@/lib/server/dates';
import { formatDate, formatDateTime } from '@/lib/format';
import { PatientCaption } from '@/components/social/patient-caption';
import { EditPatientForm } from '@/components/patients/edit-patient-form';
import { NoPermission } from '@/components/ui/no-permission';
import { PATIENT_CHANGE_KIND_LABELS } from '@/lib/patients/labels';
import { updatePatientAction } from './actions';

export const metadata: Metadata = { title: 'Correct or change details' };

export default async function EditPatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { patientId } = await params;
  const saved = (await searchParams).saved === '1';
  let record;
  try {
    record = await getPatientForEdit(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/edit`) },
      patientId,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return <NoPermission what="changing patients’ details" />;
    throw error;
  }
  const options = await listPatientFormOptions();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href={`/patients/${patientId}`}>
          Back to the patient
        </Link>
        <PatientCaption patient={record.patient} />
        <h1>Correct or change details</h1>
        {saved ? (
          <div className="nhsuk-inset-text" role="status">
            <span className="nhsuk-u-visually-hidden">Done: </span>
            <p>The changes are saved. They are listed in the history below.</p>
          </div>
        ) : null}
        <p>
          To change the care coordinator or responsible clinician, use{' '}
          <Link href={`/patients/${patientId}/assignments`}>care team changes</Link>.
        </p>
        <EditPatientForm
          key={record.version}
          action={updatePatientAction.bind(null, patientId, 'edit')}
          options={options}
          initial={record.values}
          version={record.version}
          idempotencyKey={randomUUID()}
          today={londonDateOf(new Date())}
          legalStatusLocked={record.legalStatusHasOrder}
        />
        <h2 id="history">History of this record</h2>
        {record.history.length === 0 ? (
          <p>No changes recorded.</p>
        ) : (
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
              Every correction and change, newest first
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">What</th>
                <th scope="col">Kind</th>
                <th scope="col">Who and when</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {record.history.map((h) => (
                <tr key={h.id}>
                  <td className="nhsuk-table__cell">
                    <strong>{h.title}</strong>
                    {h.detail ? (
                      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{h.detail}</p>
                    ) : null}
                  </td>
                  <td className="nhsuk-table__cell">
                    {PATIENT_CHANGE_KIND_LABELS[h.kind]}
                    {h.effectiveOn ? ` from ${formatDate(h.effectiveOn)}` : ''}
                  </td>
                  <td className="nhsuk-table__cell">
                    {h.changedBy ?? 'Unknown'}, {formatDateTime(h.changedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
