import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { getPatient } from '@/lib/server/queries/get-patient';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { NoPermission } from '@/components/ui/no-permission';
import { ageOn, formatDate, formatDateTime, formatNhsNumberForDisplay } from '@/lib/format';
import { OrderStateTag } from '@/components/patients/order-state-tag';
import { humanise } from '@/lib/ui/humanise';
import {
  allowedEvents,
  extensionWindow,
  IN_FORCE_STATES,
  renewalStepsOffered,
  STATE_LABELS,
} from '@/lib/cto';
import { toSnapshot } from '@/lib/server/orders/snapshot';
import { getOrder, type OrderView } from '@/lib/server/queries/get-order';
import { OrderActions } from '@/components/orders/order-actions';
import { Countdown } from '@/components/orders/countdown';
import { PatientNav } from '@/components/patients/patient-nav';
import Link from 'next/link';
import { formatLongDate, fromDbDate, londonDateOf } from '@/lib/server/dates';
import { can } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
// Issue 4: emergency access banner and "who has viewed or changed this record".
import { BreakGlassBanner } from '@/components/patients/break-glass-banner';
import { AccessHistory } from '@/components/patients/access-history';
// Issue 10: the care team's dated timeline, and links to correct or change the record.
import { getCareTeamTimeline } from '@/lib/server/queries/patient-record';
import { listPatientTribunalCases } from '@/lib/server/queries/tribunal-paperwork';
import { CareTeamTimeline } from '@/components/patients/care-team-timeline';
// Issue 9: the patient's documents (statutory forms, chronology, tribunal bundles) to download.
import { listPatientDocuments } from '@/lib/server/documents/documents';
import { DocumentDownloads } from '@/components/documents/document-downloads';

export const metadata: Metadata = { title: 'Patient' };

/**
 * A deadline is overdue once its moment has passed, or, for a date, once that day has ended in
 * England (a task due on a day can still be done on it).
 */
function isOverdue(deadline: { dueOn: Date; dueAt: Date | null }, now: Date): boolean {
  if (deadline.dueAt) return deadline.dueAt.getTime() < now.getTime();
  return fromDbDate(deadline.dueOn) < londonDateOf(now);
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

export default async function PatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { patientId } = await params;
  const registered = (await searchParams)?.registered === '1';
  let patient;
  try {
    patient = await getPatient(
      { actor, meta: await getRequestMeta(`/patients/${patientId}`) },
      patientId,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    // Roles that read no patient records (privacy officer, system administrator).
    if (error instanceof AccessDenied) return <NoPermission what="patient records" />;
    throw error;
  }
  const order = patient.orders[0];
  const meta = await getRequestMeta(`/patients/${patientId}`);
  const view: OrderView | null = order
    ? await getOrder({ actor, meta }, patient.id, order.id)
    : null;
  const liveOrder =
    view &&
    (view.order.state === 'PROPOSED' ||
      view.order.state === 'AGREED' ||
      view.order.state === 'AWAITING_EFFECT' ||
      IN_FORCE_STATES.includes(view.effective.state));
  const coordinator = patient.staffAssignments.find((a) => a.kind === 'CARE_COORDINATOR');
  const clinician = patient.staffAssignments.find((a) => a.kind === 'RESPONSIBLE_CLINICIAN');
  // Offered only to the patient's own responsible clinician, as the proposal service decides.
  const canPropose =
    !liveOrder &&
    allowedEvents(
      null,
      {
        userId: actor.userId,
        roles: actor.roles,
        isResponsibleClinicianForPatient: clinician?.user.id === actor.userId,
      },
      new Date(),
    ).includes('PROPOSE');
  const relative = patient.relatives.find((r) => r.kind === 'NEAREST_RELATIVE');
  const today = new Date();
  const ongoingRecall = order?.recalls[0];
  const careTeam = await getCareTeamTimeline({ actor, meta }, patient.id);
  const canEdit = can(actor.roles, 'update:patient');
  const overdueDeadlines = (order?.deadlines ?? []).filter((d) => isOverdue(d, today));
  // Issue 9: a link to each open tribunal case (its documents and report drafts).
  const openCases = (await listPatientTribunalCases({ actor, meta }, patient.id)).cases.filter(
    (c) => c.status === 'OPEN',
  );
  // The renewal's task list is linked from 28 days before its window opens (decision 772).
  const renewalWindow = view && liveOrder ? extensionWindow(toSnapshot(view.order)) : null;
  const renewal =
    renewalWindow && renewalStepsOffered(londonDateOf(today), renewalWindow)
      ? {
          opensText: formatLongDate(renewalWindow.opens),
          open: renewalWindow.opens <= londonDateOf(today),
        }
      : null;

  return (
    <>
      <span className="nhsuk-caption-l">
        NHS number {formatNhsNumberForDisplay(patient.nhsNumber)}
      </span>
      <h1>
        {patient.givenName} {patient.familyName}
      </h1>
      {/* Issue 4: shown when this record was opened through emergency (break-glass) access. */}
      {patient.breakGlassId ? (
        <BreakGlassBanner actor={actor} breakGlassId={patient.breakGlassId} />
      ) : null}
      <PatientNav patientId={patient.id} current="summary" />
      {registered ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>The patient is registered.</p>
        </div>
      ) : null}

      {ongoingRecall?.deadlineAt ? (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Recalled to hospital
            </span>
          </h2>
          <p>
            Detention began {formatDateTime(ongoingRecall.detentionBeganAt)}. The patient must be
            released, or the order revoked, by{' '}
            <strong>{formatDateTime(ongoingRecall.deadlineAt)}</strong> (section 17F(6)).
          </p>
          <Countdown deadline={ongoingRecall.deadlineAt.toISOString()} />
        </div>
      ) : null}

      <h2>Community treatment order</h2>
      {order ? (
        <dl className="nhsuk-summary-list">
          <Row label="Status">
            <OrderStateTag state={view?.effective.state ?? order.state} />
            {view?.effective.changed && view.effective.reason ? (
              <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                {view.effective.reason} (recorded as{' '}
                {STATE_LABELS[view.effective.recordedState].toLowerCase()} until the record catches
                up)
              </p>
            ) : null}
          </Row>
          {order.madeOn ? <Row label="Made on">{formatDate(order.madeOn)}</Row> : null}
          {order.effectiveAt ? (
            <Row label="In force from">{formatDateTime(order.effectiveAt)}</Row>
          ) : null}
          {order.currentExpiryDate && !order.endedOn ? (
            <Row label="Current period ends">
              {formatDate(order.currentExpiryDate)}
              {order.currentExpiryAlternative ? (
                <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                  Another reading of the Act gives {formatDate(order.currentExpiryAlternative)}. CTO
                  Tracker uses the earlier date, which is lawful under either reading.
                </p>
              ) : null}
            </Row>
          ) : null}
          {order.endedOn ? (
            <Row label="Ended">
              {formatDate(order.endedOn)}
              {order.endReason ? ` (${humanise(order.endReason)})` : ''}
            </Row>
          ) : null}
          <Row label="Responsible hospital">{order.responsibleHospital.name}</Row>
          <Row label="Responsible clinician">
            {order.responsibleClinician?.name ?? 'Not recorded'}
          </Row>
          {view && liveOrder ? (
            <Row label="Contact">
              {view.order.contactFrequencyDays === null
                ? `Every ${env.CONTACT_FREQUENCY_DAYS} days (the trust’s default)`
                : `Every ${view.order.contactFrequencyDays} days`}
              {can(actor.roles, 'set:contact-frequency') ? (
                <>
                  {' '}
                  <Link
                    className="nhsuk-link"
                    href={`/patients/${patient.id}/orders/${view.order.id}/contact-frequency`}
                  >
                    Change
                    <span className="nhsuk-u-visually-hidden"> how often the patient is seen</span>
                  </Link>
                </>
              ) : null}
            </Row>
          ) : null}
        </dl>
      ) : (
        <p>This patient has no community treatment order recorded.</p>
      )}

      {view ? (
        <>
          {view.effective.alerts.length > 0 || overdueDeadlines.length > 0 ? (
            <div className="nhsuk-warning-callout">
              <h3 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>Needs attention
                </span>
              </h3>
              <ul className="nhsuk-list">
                {/* Issue 8: every overdue statutory item, not only the order's own alerts. */}
                {overdueDeadlines.map((deadline) => (
                  <li key={deadline.id}>
                    Overdue: {deadline.title}, due{' '}
                    {deadline.dueAt ? formatDateTime(deadline.dueAt) : formatDate(deadline.dueOn)} (
                    {deadline.basis}).
                  </li>
                ))}
                {view.effective.alerts.map((alert) => (
                  <li key={alert.code}>{alert.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <h3>What you can do now</h3>
          <OrderActions
            patientId={patient.id}
            orderId={view.order.id}
            events={view.events}
            renewal={renewal}
          />
          {can(actor.roles, 'mark:entered-in-error') ? (
            <p className="nhsuk-body-s">
              Something recorded by mistake?{' '}
              <Link href={`/patients/${patient.id}/orders/${view.order.id}/correct`}>
                Correct the latest event
              </Link>
              .
            </p>
          ) : null}
        </>
      ) : null}
      {canPropose ? (
        <p>
          <Link className="nhsuk-action-link__link" href={`/patients/${patient.id}/orders/new`}>
            Propose a community treatment order
          </Link>
        </p>
      ) : null}

      {order && order.conditions.length > 0 ? (
        <>
          <h2>Conditions</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {order.conditions.map((condition) => (
              <li key={condition.id}>
                {condition.wording}{' '}
                <span className="nhsuk-body-s">
                  ({condition.kind === 'MANDATORY' ? 'mandatory, section 17B(3)' : 'discretionary'}
                  {condition.status === 'SUSPENDED' ? ', suspended' : ''})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {order && order.deadlines.length > 0 ? (
        <>
          <h2>Deadlines</h2>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
              Open deadlines
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">What</th>
                <th scope="col">Due</th>
                <th scope="col">Law</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {order.deadlines.map((deadline) => (
                <tr key={deadline.id}>
                  <td className="nhsuk-table__cell">
                    {deadline.title}
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{deadline.explanation}</p>
                  </td>
                  <td className="nhsuk-table__cell app-table-nowrap">
                    {deadline.dueAt ? formatDateTime(deadline.dueAt) : formatDate(deadline.dueOn)}
                    {deadline.provisional ? ' (provisional)' : ''}
                    {isOverdue(deadline, today) ? (
                      <>
                        {' '}
                        <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
                      </>
                    ) : null}
                  </td>
                  <td className="nhsuk-table__cell">{deadline.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {openCases.length > 0 ? (
        <>
          <h2>Tribunal cases</h2>
          <ul className="nhsuk-list">
            {openCases.map((c) => (
              <li key={c.id}>
                <Link href={`/patients/${patient.id}/tribunal/${c.id}`}>
                  {c.kind === 'REFERENCE' ? 'Reference' : 'Application'} ({c.basis}) received{' '}
                  {formatDate(c.receivedOn)}
                </Link>
                : {c.sent} of {c.total} documents sent, due by 5pm on {formatDate(c.documentsDueOn)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>About the patient</h2>
      <dl className="nhsuk-summary-list">
        <Row label="Date of birth">
          {formatDate(patient.dateOfBirth)} (age {ageOn(patient.dateOfBirth, today)})
        </Row>
        <Row label="Local identifier">{patient.localId}</Row>
        <Row label="Sex">{humanise(patient.sex)}</Row>
        <Row label="Address">
          {[patient.addressLine1, patient.addressLine2, patient.town, patient.postcode]
            .filter(Boolean)
            .join(', ') || 'Not recorded'}
        </Row>
        <Row label="First language">
          {patient.firstLanguage}
          {patient.interpreterNeeded
            ? ` (needs an interpreter${patient.interpreterLanguage ? `: ${patient.interpreterLanguage}` : ''})`
            : ''}
        </Row>
        <Row label="Accommodation">{humanise(patient.accommodationStatus)}</Row>
        <Row label="Employment">{humanise(patient.employmentStatus)}</Row>
        <Row label="Marital status">{humanise(patient.maritalStatus)}</Row>
        <Row label="Team">{patient.currentTeam?.name ?? 'None'}</Row>
        <Row label="Care coordinator">{coordinator?.user.name ?? 'Not assigned'}</Row>
        <Row label="Responsible clinician">{clinician?.user.name ?? 'Not assigned'}</Row>
        <Row label="Nearest relative">
          {relative ? `${relative.name} (${relative.relationship})` : 'Not recorded'}
        </Row>
      </dl>

      {canEdit ? (
        <p>
          <Link href={`/patients/${patient.id}/edit`}>Correct or change details</Link>
        </p>
      ) : null}

      <h2>Care coordinator and responsible clinician</h2>
      <CareTeamTimeline spans={careTeam.spans} />
      <p>
        <Link href={`/patients/${patient.id}/assignments`}>
          {canEdit
            ? 'Change the care coordinator or responsible clinician'
            : 'See the whole care team timeline'}
        </Link>
      </p>

      <DocumentDownloads items={(await listPatientDocuments({ actor, meta }, patient.id)).items} />

      {/* Issue 4: needs read:patient-audit (MHA office, privacy officers); else renders nothing. */}
      <AccessHistory actor={actor} patientId={patient.id} />
    </>
  );
}
