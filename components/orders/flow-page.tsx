import 'server-only';
// The frame of every part-B order-flow page (recall, revocation, renewal (extension), AWOL,
// tribunal, corrections): the order, read in the person's scope with the law's view of it
// (getOrder: effectiveState and evaluateEvents), the patient's name, and a back link. A page
// offers a form only when lib/cto allows the event for this person now; otherwise it shows the
// law's reason.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import {
  formatDate,
  IN_FORCE_STATES,
  STATE_LABELS,
  type AlertCode,
  type EventAvailability,
  type EventType,
} from '@/lib/cto';
import { WarningCallout } from '@/components/ui/warning-callout';
import { requireActor, type Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { getOrder, type OrderView } from '@/lib/server/queries/get-order';
import { getRequestMeta } from '@/lib/server/request-meta';
import { getLatestSocialAssessment } from '@/lib/server/queries/get-latest-social-assessment';
import type { SocialPrefill } from './social-prefill';
import { formatNhsNumberForDisplay } from '@/lib/format';

export interface FlowPage {
  actor: Actor;
  view: OrderView;
  patient: { id: string; name: string; nhsNumber: string };
  base: string;
  /** A fresh one-time key for each form on this render (no double submission). */
  newKey: () => string;
  event: (type: EventType) => EventAvailability | undefined;
}

export type FlowRouteParams = Promise<{ patientId: string; orderId: string }>;

/** Loads the order for a page, or renders not found; `denied` when the roles do not allow it. */
export async function loadFlowPage(
  params: FlowRouteParams,
  route: string,
): Promise<FlowPage | { denied: true }> {
  const actor = await requireActor();
  const { patientId, orderId } = await params;
  let view: OrderView;
  try {
    view = await getOrder(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/orders/${orderId}/${route}`) },
      patientId,
      orderId,
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return { denied: true };
    throw error;
  }
  // The order was found in the person's scope (and the read audited) above.
  const p = await db.patient.findUniqueOrThrow({
    where: { id: view.order.patientId },
    select: { id: true, givenName: true, familyName: true, nhsNumber: true },
  });
  return {
    actor,
    view,
    patient: {
      id: p.id,
      name: `${p.givenName} ${p.familyName}`,
      nhsNumber: formatNhsNumberForDisplay(p.nhsNumber),
    },
    base: `/patients/${patientId}/orders/${orderId}`,
    newKey: () => randomUUID(),
    event: (type) => view.events.find((e) => e.type === type),
  };
}

/**
 * The patient's last social factors assessment, to pre-fill the one that goes with this
 * decision (issue 5 part 2): only what changed needs typing. Empty if there is none.
 */
export async function loadSocialPrefill(page: FlowPage): Promise<SocialPrefill> {
  try {
    const { latest } = await getLatestSocialAssessment(
      { actor: page.actor, meta: await getRequestMeta(`/patients/${page.patient.id}`) },
      page.patient.id,
    );
    return latest
      ? {
          previous: latest.ratings,
          assessedOn: latest.assessedOn,
          assessedBy: latest.assessedByName,
          decisionPoint: latest.decisionPoint,
        }
      : {};
  } catch (error) {
    if (error instanceof NotFound || error instanceof AccessDenied) return {};
    throw error;
  }
}

/** The law's reason an event is not available now (or null when it is). */
export function unavailableReason(page: FlowPage, type: EventType): string | null {
  const e = page.event(type);
  return e?.allowed ? null : (e?.message ?? 'You cannot record this on this order now.');
}

/** The heading of each alert's warning callout: what it is about, never a bare "Important". */
const ALERT_LABELS: Record<AlertCode, string> = {
  RELEASE_REQUIRED: 'Release required',
  AWAITING_RETURN_72_HOURS: 'Waiting for the patient to return',
  ORDER_CONTINUES_BECAUSE_AWOL: 'The order continues after absence without leave',
  NR_DISCHARGE_PENDING: 'Nearest relative’s order for discharge pending',
  EXTENSION_WINDOW_OPEN: 'Renewal window open',
};

export function FlowPageFrame({
  page,
  title,
  form,
  children,
}: {
  page: FlowPage;
  title: string;
  /** The statutory form, e.g. 'CTO3'. */
  form?: string;
  children: ReactNode;
}) {
  const state = page.view.effective.state;
  const until = page.view.effective.inForceUntil;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href={`/patients/${page.patient.id}`}>
          Back to {page.patient.name}
        </Link>
        <span className="nhsuk-caption-l">
          {page.patient.name}, NHS number {page.patient.nhsNumber}
          {form ? ` · form ${form}` : ''}
        </span>
        <h1>{title}</h1>
        <p className="nhsuk-body">
          The order is now: <strong>{STATE_LABELS[state]}</strong>
          {until && IN_FORCE_STATES.includes(state)
            ? `, in force until the end of ${formatDate(until)}`
            : ''}
          .
        </p>
        {page.view.effective.alerts.map((alert) => (
          <WarningCallout key={alert.code} label={ALERT_LABELS[alert.code]}>
            <p>{alert.message}</p>
          </WarningCallout>
        ))}
        {children}
      </div>
    </div>
  );
}
