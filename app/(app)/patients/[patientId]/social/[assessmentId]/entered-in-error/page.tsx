import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getSocialHistory } from '@/lib/server/queries/get-social-history';
import { DECISION_POINT_LABELS } from '@/lib/codes/labels';
import { formatDate } from '@/lib/format';
import { PatientCaption } from '@/components/social/patient-caption';
import { EnteredInErrorForm } from '@/components/social/entered-in-error-form';
import { NoPermission } from '@/components/ui/no-permission';
import { markAssessmentEnteredInErrorAction } from './actions';

export const metadata: Metadata = { title: 'Mark an assessment as entered in error' };

export default async function AssessmentEnteredInErrorPage({
  params,
}: {
  params: Promise<{ patientId: string; assessmentId: string }>;
}) {
  const actor = await requireActor();
  const { patientId, assessmentId } = await params;
  let history;
  try {
    history = await getSocialHistory(
      {
        actor,
        meta: await getRequestMeta(
          `/patients/${patientId}/social/${assessmentId}/entered-in-error`,
        ),
      },
      patientId,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return <NoPermission what="this patient’s social factors" />;
    throw error;
  }
  const assessment = history.assessments.find((a) => a.id === assessmentId);
  if (!assessment) notFound();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href={`/patients/${patientId}/social`}>
          Back to social factors
        </Link>
        <PatientCaption patient={history.patient} />
        <h1>Mark an assessment as entered in error</h1>
        <p>
          The assessment of <strong>{formatDate(assessment.assessedOn)}</strong> (
          {DECISION_POINT_LABELS[assessment.decisionPoint].toLowerCase()}
          {assessment.assessedByName ? `, by ${assessment.assessedByName}` : ''}) will stay in the
          record, struck through with your reason. The next assessment will start from the latest
          one that is not in error.
        </p>
        {assessment.enteredInError ? (
          <p>This assessment is already marked as entered in error.</p>
        ) : (
          <EnteredInErrorForm
            action={markAssessmentEnteredInErrorAction.bind(null, patientId, assessmentId)}
            what="assessment"
          />
        )}
      </div>
    </div>
  );
}
