import type { Metadata } from 'next';
import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { notFound } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { LEGAL_STATUS_LABELS, isEligibleLegalStatus } from '@/lib/cto';
import { formatDate } from '@/lib/format';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { getPatient } from '@/lib/server/queries/get-patient';
import { getLatestSocialAssessment } from '@/lib/server/queries/get-latest-social-assessment';
import { NotFound } from '@/lib/server/queries/access';
import {
  findLiveOrder,
  listAmhps,
  listCurrentLegalStatuses,
} from '@/lib/server/queries/get-order-records';
import { NoPermission } from '@/components/ui/no-permission';
import { ProposeOrderForm } from '@/components/orders/propose-order-form';
import { proposeOrderAction } from './actions';

export const metadata: Metadata = { title: 'Propose a community treatment order' };

export default async function ProposeOrderPage({
  params,
}: {
  params: Promise<{ patientId: string }>;
}) {
  const actor = await requireActor();
  const { patientId } = await params;
  if (!can(actor.roles, 'propose:order')) {
    return <NoPermission what="how to propose a community treatment order" />;
  }
  const meta = await getRequestMeta(`/patients/${patientId}/orders/new`);
  let patient;
  try {
    patient = await getPatient({ actor, meta }, patientId);
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
  const [statuses, amhps, live, social] = await Promise.all([
    listCurrentLegalStatuses({}, patient.id),
    listAmhps({}),
    findLiveOrder({}, patient.id),
    getLatestSocialAssessment({ actor, meta }, patient.id).catch(() => null),
  ]);
  const name = `${patient.givenName} ${patient.familyName}`;
  const clinician = patient.staffAssignments.find((a) => a.kind === 'RESPONSIBLE_CLINICIAN');
  const ownPatient = clinician?.user.id === actor.userId;
  const latest = social?.latest ?? null;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href={`/patients/${patient.id}`}>
          Back to {name}
        </Link>
        <span className="nhsuk-caption-l">{name} · CTO1 Part 1</span>
        <h1>Propose a community treatment order</h1>
        {!ownPatient ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              Only the patient’s own responsible clinician can propose a community treatment order.{' '}
              {clinician
                ? `${name}’s responsible clinician is ${clinician.user.name}.`
                : `No responsible clinician is recorded for ${name}: the MHA office records one first.`}
            </p>
          </div>
        ) : live ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              This patient already has an order that is proposed, agreed or in force. Only one can
              exist at a time.
            </p>
            <p>
              <Link href={`/patients/${patient.id}`}>Go to the patient’s order</Link>
            </p>
          </div>
        ) : statuses.length === 0 ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              No current legal status is recorded for this patient. The MHA office records the
              detention (for example section 3) first.
            </p>
          </div>
        ) : (
          <>
            <p>
              You are proposing the order as the patient’s responsible clinician. The AMHP you
              choose is asked to agree (Part 2); you make the order afterwards (Part 3), stating
              when it takes effect.
            </p>
            <ProposeOrderForm
              action={proposeOrderAction}
              patientId={patient.id}
              idempotencyKey={randomUUID()}
              legalStatuses={statuses.map((s) => ({
                value: s.id,
                label: `${capitalise(LEGAL_STATUS_LABELS[s.legalStatusCode] ?? `Code ${s.legalStatusCode}`)} from ${formatDate(s.startDate)}`,
                hint: [
                  s.hospital ? s.hospital.name : null,
                  isEligibleLegalStatus(s.legalStatusCode)
                    ? null
                    : 'A community treatment order cannot be made from this status.',
                ]
                  .filter(Boolean)
                  .join('. '),
              }))}
              amhps={amhps.map((a) => ({
                value: a.id,
                label: a.jobTitle ? `${a.name} (${a.jobTitle})` : a.name,
              }))}
              previousSocial={
                latest
                  ? {
                      ratings: latest.ratings,
                      assessedOn: latest.assessedOn,
                      assessedBy: latest.assessedByName,
                      decisionPoint: latest.decisionPoint,
                    }
                  : null
              }
            />
          </>
        )}
      </div>
    </div>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
