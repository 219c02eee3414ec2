import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { can } from '@/lib/auth/permissions';
import {
  addDays,
  certificateRequiredFromDetailed,
  compareDates,
  formatDate as ctoFormatDate,
  londonDateOf,
  type IsoDate,
} from '@/lib/cto';
import { formatDate } from '@/lib/format';
import { humanise } from '@/lib/ui/humanise';
import { fromDbDate } from '@/lib/server/dates';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import { listOrderCertificates } from '@/lib/server/queries/get-order-records';
import { NoPermission } from '@/components/ui/no-permission';
import { WarningCallout } from '@/components/ui/warning-callout';
import { availability, NotNow, OrderPageFrame } from '@/components/orders/order-flow-frame';
import {
  EndCertificateForm,
  FirstMedicationForm,
  RecordCertificateForm,
} from '@/components/orders/certificate-forms';
import {
  endCertificateAction,
  recordCertificateAction,
  recordFirstMedicationAction,
} from './actions';

export const metadata: Metadata = { title: 'Treatment certificates' };

/** Warn this many days before the certificate requirement date. */
const SOON_DAYS = 14;

const DONE: Record<string, string> = {
  recorded: 'The certificate is recorded.',
  medication: 'The first medication date is recorded; the certificate requirement date is updated.',
};

/**
 * What the end of a CTO12 means for medication (s64C): nothing yet before the certificate
 * requirement date (C6), a CTO11 from it; nothing while another certificate is in force.
 */
function afterCto12Ended(required: IsoDate | null, today: IsoDate, othersInForce: boolean) {
  if (othersInForce)
    return 'The CTO12 no longer applies. The certificates in force are listed below.';
  if (required && compareDates(required, today) > 0)
    return `The CTO12 no longer applies. No certificate is needed for medication before ${ctoFormatDate(required)}; from then a CTO11 from a SOAD is needed, except in an emergency (section 64G).`;
  return 'The CTO12 no longer applies. A CTO11 from a SOAD is needed before further medication, except in an emergency (section 64G).';
}

export default async function CertificatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = await loadOrderPage(params, 'certificates');
  if (!page.ok) return <NoPermission what="this order" />;
  const { view, actor, now } = page;
  const order = view.order;
  const done = (await searchParams).done;
  const certificates = await listOrderCertificates({}, order.id);
  const active = certificates.filter((c) => c.status === 'ACTIVE');
  const today = londonDateOf(now);
  const madeOn = order.madeOn ? fromDbDate(order.madeOn) : null;
  const firstMedicationOn = order.legalStatusPeriod.firstMedicationOn
    ? fromDbDate(order.legalStatusPeriod.firstMedicationOn)
    : null;
  const required =
    madeOn && firstMedicationOn ? certificateRequiredFromDetailed(madeOn, firstMedicationOn) : null;
  const lapsed = certificates.find(
    (c) =>
      c.type === 'CTO12' &&
      (c.endReason === 'CONSENT_WITHDRAWN' || c.endReason === 'CAPACITY_LOST'),
  );
  const live = ['ACTIVE', 'RECALL_PENDING', 'RECALLED', 'AWOL', 'AWAITING_EFFECT'].includes(
    view.effective.state,
  );
  // C6: no certificate is needed before the certificate requirement date, even when a CTO12
  // has stopped applying (s64C(4A) matters only from then). Warn once the date has come (or
  // soon will); when the date is not known (first medication not recorded), a lapsed CTO12 is
  // treated as needing a CTO11 now.
  const neededNow = required === null || compareDates(required.date, today) <= 0;
  const uncovered =
    live &&
    active.length === 0 &&
    (required !== null
      ? compareDates(required.date, addDays(today, SOON_DAYS)) <= 0
      : lapsed !== undefined);
  const doneMessage =
    done === 'ended'
      ? afterCto12Ended(required?.date ?? null, today, active.length > 0)
      : typeof done === 'string'
        ? DONE[done]
        : undefined;
  const lapsedText = lapsed
    ? `The CTO12 of ${formatDate(lapsed.givenOn)} stopped applying on ${formatDate(lapsed.endedOn)} (${humanise(lapsed.endReason ?? '').toLowerCase()}).`
    : '';
  const give = availability(view.events, 'CERTIFICATE_GIVEN');
  const end = availability(view.events, 'CERTIFICATE_ENDED');
  const activeCto12 = active.filter((c) => c.type === 'CTO12');
  return (
    <OrderPageFrame
      patientId={order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="Treatment certificates (Part 4A)"
    >
      {doneMessage ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>{doneMessage}</p>
        </div>
      ) : null}
      {uncovered ? (
        <WarningCallout
          label={
            neededNow || !required
              ? 'Medication would be given without a certificate'
              : `A certificate is needed from ${ctoFormatDate(required.date)}`
          }
        >
          {lapsed && neededNow ? (
            <p>
              {lapsedText} No certificate is in force: a CTO11 from a SOAD is needed before further
              medication, except in an emergency (section 64G).
            </p>
          ) : required ? (
            <p>
              {lapsed ? `${lapsedText} ` : ''}No CTO11 or CTO12 is in force, and one is needed for
              medication from <strong>{ctoFormatDate(required.date)}</strong>.
            </p>
          ) : (
            <p>No CTO11 or CTO12 is in force.</p>
          )}
        </WarningCallout>
      ) : live && lapsed && active.length === 0 && required ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {lapsedText} No certificate is needed for medication before{' '}
            {ctoFormatDate(required.date)}; from then a CTO11 from a SOAD is needed.
          </p>
        </div>
      ) : null}

      <h2>When a certificate is needed</h2>
      {required ? (
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Certificate needed for medication from</dt>
            <dd className="nhsuk-summary-list__value">
              <strong>{ctoFormatDate(required.date)}</strong>
              <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                {required.explain} ({required.basis})
              </p>
            </dd>
          </div>
        </dl>
      ) : !madeOn ? (
        <p>The order has not been made yet.</p>
      ) : (
        <>
          <p>
            The date depends on the first day medication was given while the patient was liable to
            be detained, which is not recorded. ECT always needs a certificate.
          </p>
          {can(actor.roles, 'record:certificate') ? (
            <FirstMedicationForm
              action={recordFirstMedicationAction}
              orderId={order.id}
              version={order.version}
              idempotencyKey={randomUUID()}
            />
          ) : null}
        </>
      )}

      <h2>Certificates</h2>
      {certificates.length === 0 ? (
        <p>No certificate is recorded for this order.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Certificates</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Certificate</th>
              <th scope="col">Treatments</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {certificates.map((c) => (
              <tr key={c.id}>
                <td className="nhsuk-table__cell">
                  {c.type}, {formatDate(c.givenOn)}
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{c.certifierName}</p>
                </td>
                <td className="nhsuk-table__cell">
                  {c.treatments}
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                    ECT: {c.includesEct ? 'yes' : 'no'}
                    {c.type === 'CTO11'
                      ? `. On recall: ${c.appliesOnRecall ? (c.onRecallTreatments ?? 'yes') : 'no'}`
                      : ''}
                  </p>
                </td>
                <td className="nhsuk-table__cell">
                  {c.status === 'ACTIVE' ? (
                    <strong className="nhsuk-tag nhsuk-tag--green">In force</strong>
                  ) : (
                    <>
                      <strong className="nhsuk-tag nhsuk-tag--grey">Ended</strong>
                      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                        {formatDate(c.endedOn)}
                        {c.endReason ? `: ${humanise(c.endReason).toLowerCase()}` : ''}
                      </p>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {activeCto12.length > 0 ? (
        <>
          <h2>Consent withdrawn or capacity lost</h2>
          {end?.allowed ? (
            <EndCertificateForm
              action={endCertificateAction}
              orderId={order.id}
              version={order.version}
              idempotencyKey={randomUUID()}
              certificates={activeCto12.map((c) => ({
                value: c.id,
                label: `CTO12 of ${formatDate(c.givenOn)} (${c.certifierName})`,
              }))}
            />
          ) : (
            <NotNow event={end} />
          )}
        </>
      ) : null}

      <h2>Record a certificate</h2>
      {give?.allowed ? (
        <RecordCertificateForm
          action={recordCertificateAction}
          orderId={order.id}
          version={order.version}
          idempotencyKey={page.idempotencyKey}
          today={today}
        />
      ) : (
        <NotNow event={give} />
      )}
    </OrderPageFrame>
  );
}
