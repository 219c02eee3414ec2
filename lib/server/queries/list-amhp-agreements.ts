import 'server-only';
// The AMHP's work list: every agreement asked of them and not yet answered (making, extension,
// revocation), with the patient and a link to the right form. One read-audit event per page.
import type { EventType } from '@/lib/cto';
import { db } from '@/lib/server/db';
import { actionHref } from '@/lib/ui/order-actions';
import { audit, resolvePatientAccess, type QueryContext } from './access';
import { agreementDue } from './work-items';

const AGREE_EVENT: Record<string, EventType> = {
  MAKING: 'AMHP_AGREE_MAKING',
  EXTENSION: 'AMHP_AGREE_EXTENSION',
  REVOCATION: 'AMHP_AGREE_REVOCATION',
  AWOL_EXTENSION: 'AMHP_AGREE_EXTENSION',
};

export const AGREEMENT_PURPOSE_LABELS: Record<string, string> = {
  MAKING: 'Making a community treatment order (CTO1 Part 2)',
  EXTENSION: 'Extending the order (CTO7 Part 2)',
  REVOCATION: 'Revoking the order (CTO5 Part 2)',
  AWOL_EXTENSION: 'Extending the order after absence (CTO8)',
};

export interface AgreementListItem {
  id: string;
  purpose: string;
  purposeLabel: string;
  requestedAt: Date;
  requestedBy: string | null;
  patientId: string;
  patientName: string;
  nhsNumber: string | null;
  orderId: string;
  orderState: string;
  href: string | null;
  /** For revocation: the 72 hours end (the AMHP must agree before then). */
  recallDeadlineAt: Date | null;
  /**
   * Issue 8 (decision 704): the last moment the agreement is any use, for every request: an ISO
   * instant where the law counts hours, otherwise the calendar day; null if it cannot be known.
   */
  dueAt: string | null;
  dueBasis: string;
}

export async function listAmhpAgreements(ctx: QueryContext): Promise<AgreementListItem[]> {
  const access = await resolvePatientAccess(ctx, 'record:amhp-agreement', {
    includeBreakGlass: false,
  });
  const client = ctx.client ?? db;
  const rows = await client.amhpAgreement.findMany({
    where: {
      amhpId: ctx.actor.userId,
      decision: 'PENDING',
      enteredInErrorAt: null,
      order: { patient: access.where },
    },
    orderBy: [{ requestedAt: 'asc' }],
    take: 200,
    select: {
      id: true,
      purpose: true,
      requestedAt: true,
      requestedById: true,
      recall: { select: { deadlineAt: true } },
      extension: { select: { expiryDate: true } },
      order: {
        select: {
          id: true,
          state: true,
          currentExpiryDate: true,
          legalStatusPeriod: { select: { expiryDate: true } },
          patient: { select: { id: true, givenName: true, familyName: true, nhsNumber: true } },
        },
      },
    },
  });
  const requesterIds = [...new Set(rows.map((r) => r.requestedById))];
  const requesters = await client.user.findMany({
    where: { id: { in: requesterIds } },
    select: { id: true, name: true },
  });
  const names = new Map(requesters.map((u) => [u.id, u.name]));
  const items = rows.map((row) => {
    const event = AGREE_EVENT[row.purpose];
    const due = agreementDue(row);
    return {
      id: row.id,
      purpose: row.purpose,
      purposeLabel: AGREEMENT_PURPOSE_LABELS[row.purpose] ?? row.purpose,
      requestedAt: row.requestedAt,
      requestedBy: names.get(row.requestedById) ?? null,
      patientId: row.order.patient.id,
      patientName: `${row.order.patient.givenName} ${row.order.patient.familyName}`,
      nhsNumber: row.order.patient.nhsNumber,
      orderId: row.order.id,
      orderState: row.order.state,
      href: event ? actionHref(row.order.patient.id, row.order.id, event) : null,
      recallDeadlineAt: row.recall?.deadlineAt ?? null,
      dueAt: due.dueAt,
      dueBasis: due.basis,
    };
  });
  await audit(ctx, {
    action: 'amhp-agreement.list',
    outcome: 'SUCCESS',
    entityType: 'AmhpAgreement',
    metadata: { patientIds: [...new Set(items.map((i) => i.patientId))], count: items.length },
  });
  return items;
}
