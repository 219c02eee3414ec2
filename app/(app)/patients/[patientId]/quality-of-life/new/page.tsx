import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { listQualityOfLife } from '@/lib/server/queries/list-quality-of-life';
import { can } from '@/lib/auth/permissions';
import { londonDateOf } from '@/lib/server/dates';
import { PatientCaption } from '@/components/social/patient-caption';
import { QualityOfLifeForm } from '@/components/social/quality-of-life-form';
import { NoPermission } from '@/components/ui/no-permission';
import { recordQualityOfLifeAction } from './actions';

export const metadata: Metadata = { title: 'Record a quality-of-life rating' };

export default async function NewQualityOfLifePage({
  params,
}: {
  params: Promise<{ patientId: string }>;
}) {
  const actor = await requireActor();
  const { patientId } = await params;
  if (!can(actor.roles, 'record:quality-of-life')) {
    return <NoPermission what="the quality-of-life form" />;
  }
  let patient;
  try {
    ({ patient } = await listQualityOfLife(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/quality-of-life/new`) },
      patientId,
    ));
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied)
      return <NoPermission what="this patient’s quality of life" />;
    throw error;
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href={`/patients/${patient.id}/quality-of-life`}>
          Back to quality of life
        </Link>
        <PatientCaption patient={patient} />
        <h1>Record a quality-of-life rating</h1>
        <QualityOfLifeForm
          action={recordQualityOfLifeAction.bind(null, patient.id)}
          today={londonDateOf(new Date())}
          idempotencyKey={randomUUID()}
        />
      </div>
    </div>
  );
}
