import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getLatestSocialAssessment } from '@/lib/server/queries/get-latest-social-assessment';
import { can } from '@/lib/auth/permissions';
import { londonDateOf } from '@/lib/server/dates';
import { PatientCaption } from '@/components/social/patient-caption';
import { SocialReviewForm } from '@/components/social/social-review-form';
import { NoPermission } from '@/components/ui/no-permission';
import { recordSocialReviewAction } from './actions';

export const metadata: Metadata = { title: 'Record a social factors review' };

export default async function NewSocialReviewPage({
  params,
}: {
  params: Promise<{ patientId: string }>;
}) {
  const actor = await requireActor();
  const { patientId } = await params;
  if (!can(actor.roles, 'record:social-assessment')) {
    return <NoPermission what="the social factors review form" />;
  }
  let loaded;
  try {
    loaded = await getLatestSocialAssessment(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/social/new`) },
      patientId,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return <NoPermission what="this patient’s social factors" />;
    throw error;
  }
  const { patient, latest } = loaded;
  return (
    <>
      <Link className="nhsuk-back-link" href={`/patients/${patient.id}/social`}>
        Back to social factors
      </Link>
      <PatientCaption patient={patient} />
      <h1>Record a social factors review</h1>
      <p>
        A review between decisions: how each part of the patient’s life stands now. The next
        decision about their order starts from these answers.
      </p>
      <SocialReviewForm
        action={recordSocialReviewAction.bind(null, patient.id)}
        today={londonDateOf(new Date())}
        idempotencyKey={randomUUID()}
        previous={
          latest
            ? {
                assessedOn: latest.assessedOn,
                assessedByName: latest.assessedByName,
                decisionPoint: latest.decisionPoint,
                ratings: latest.ratings,
              }
            : null
        }
      />
    </>
  );
}
