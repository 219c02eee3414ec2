import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getCareTeamTimeline, listPatientFormOptions } from '@/lib/server/queries/patient-record';
import { can } from '@/lib/auth/permissions';
import { londonDateOf } from '@/lib/server/dates';
import { PatientCaption } from '@/components/social/patient-caption';
import { CareTeamTimeline } from '@/components/patients/care-team-timeline';
import { AssignmentForm } from '@/components/patients/assignment-form';
import { NoPermission } from '@/components/ui/no-permission';
import { updatePatientAction } from '../edit/actions';

export const metadata: Metadata = { title: 'Care team changes' };

export default async function AssignmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { patientId } = await params;
  const saved = (await searchParams).saved === '1';
  let timeline;
  try {
    timeline = await getCareTeamTimeline(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/assignments`) },
      patientId,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return <NoPermission what="patient records" />;
    throw error;
  }
  const editable = can(actor.roles, 'update:patient');
  const options = editable ? await listPatientFormOptions() : null;
  const current = (kind: 'CARE_COORDINATOR' | 'RESPONSIBLE_CLINICIAN') =>
    timeline.spans.find((s) => s.kind === kind && s.to === null)?.userId ?? null;
  const today = londonDateOf(new Date());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href={`/patients/${patientId}`}>
          Back to the patient
        </Link>
        <PatientCaption patient={timeline.patient} />
        <h1>Care team changes</h1>
        {saved ? (
          <div className="nhsuk-inset-text" role="status">
            <span className="nhsuk-u-visually-hidden">Done: </span>
            <p>The care team change is saved.</p>
          </div>
        ) : null}
        <CareTeamTimeline
          spans={timeline.spans}
          kinds={['CARE_COORDINATOR', 'RESPONSIBLE_CLINICIAN', 'TEAM', 'HOSPITAL']}
          headingLevel={2}
        />
        {editable && options ? (
          <>
            <h2>Change the care coordinator</h2>
            <AssignmentForm
              key={`cc-${timeline.version}`}
              field="careCoordinatorId"
              action={updatePatientAction.bind(null, patientId, 'assignments')}
              people={options.careCoordinators}
              current={current('CARE_COORDINATOR')}
              version={timeline.version}
              idempotencyKey={randomUUID()}
              today={today}
            />
            <h2>Change the responsible clinician</h2>
            <AssignmentForm
              key={`rc-${timeline.version}`}
              field="responsibleClinicianId"
              action={updatePatientAction.bind(null, patientId, 'assignments')}
              people={options.responsibleClinicians}
              current={current('RESPONSIBLE_CLINICIAN')}
              version={timeline.version}
              idempotencyKey={randomUUID()}
              today={today}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}
