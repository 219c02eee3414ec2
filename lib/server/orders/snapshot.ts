// Stored rows -> lib/cto's OrderSnapshot: what the law needs to know about one order.
// Every service that changes an order loads it with `orderInclude`, inside its transaction
// and with the actor's scope in the `where` clause, then asks lib/cto.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { OrderSnapshot, Actor as CtoActor } from '@/lib/cto';
import { fromDbDate } from '@/lib/server/dates';
import type { ServiceActor } from '@/lib/server/services/run-service';

const live = { enteredInErrorAt: null } as const;

export const orderInclude = {
  patient: { select: { id: true, dateOfBirth: true, dateOfDeath: true, currentTeamId: true } },
  legalStatusPeriod: {
    select: { id: true, legalStatusCode: true, applicableDay: true, firstMedicationOn: true },
  },
  periods: { where: live, orderBy: { index: 'asc' } },
  amhpAgreements: { where: live, orderBy: { requestedAt: 'asc' } },
  extensions: { where: live, orderBy: { createdAt: 'asc' } },
  recalls: { where: live, orderBy: { createdAt: 'asc' } },
  awolEpisodes: { where: live, orderBy: { startedAt: 'asc' } },
  nrOrders: { where: live, orderBy: { receivedAt: 'asc' } },
  conditions: { orderBy: { startedAt: 'asc' } },
  certificates: { where: live, orderBy: { givenOn: 'asc' } },
  revocation: true,
} satisfies Prisma.CommunityTreatmentOrderInclude;

export type LoadedOrder = Prisma.CommunityTreatmentOrderGetPayload<{
  include: typeof orderInclude;
}>;

function day(value: Date | null | undefined): string | null {
  return value ? fromDbDate(value) : null;
}

export function toSnapshot(order: LoadedOrder): OrderSnapshot {
  const making = order.amhpAgreements.filter((a) => a.purpose === 'MAKING');
  const agreedMaking = making.find((a) => a.decision === 'AGREED');
  const extension = [...order.extensions]
    .reverse()
    .find((e) => e.status === 'IN_PROGRESS' || e.status === 'COMPLETED');
  const extensionAgreements = extension
    ? order.amhpAgreements.filter(
        (a) => a.purpose === 'EXTENSION' && a.extensionId === extension.id,
      )
    : [];
  const recall = order.recalls[order.recalls.length - 1];
  const recallAgreements = recall
    ? order.amhpAgreements.filter((a) => a.purpose === 'REVOCATION' && a.recallId === recall.id)
    : [];
  const pendingNr = [...order.nrOrders].reverse().find((o) => o.outcome === 'PENDING');
  const barred = order.nrOrders.filter((o) => o.barringReportOn !== null);
  const lastBarring = barred[barred.length - 1];
  const agreedAt = (rows: typeof order.amhpAgreements) =>
    rows.find((a) => a.decision === 'AGREED')?.respondedAt ?? null;
  const declinedAt = (rows: typeof order.amhpAgreements) =>
    rows.find((a) => a.decision === 'DECLINED')?.respondedAt ?? null;

  return {
    id: order.id,
    state: order.state,
    legalStatusCode: order.legalStatusPeriod.legalStatusCode,
    proposedAt: order.proposedAt,
    amhpAgreedAt: agreedMaking?.respondedAt ?? null,
    signedAt: order.signedAt,
    effectiveAt: order.effectiveAt,
    madeOn: day(order.madeOn),
    extensionsGranted: order.periods.filter((p) => p.source !== 'MADE').length,
    extension: extension
      ? {
          forExpiry: fromDbDate(extension.expiryDate),
          examinedOn: day(extension.examinedOn),
          consultedOn: day(extension.consultedOn),
          amhpAgreedAt: agreedAt(extensionAgreements),
          amhpDeclinedAt: declinedAt(extensionAgreements),
          cto7FurnishedAt: extension.cto7FurnishedAt,
          managersReceivedAt: extension.managersReceivedAt,
          managersReviewedOn: day(extension.managersReviewedOn),
        }
      : null,
    recall: recall
      ? {
          serviceMethod: recall.serviceMethod,
          handedOrPostedAt: recall.servedOrPostedAt,
          noticeServedAt: recall.deemedServedAt,
          detentionBeganAt: recall.detentionBeganAt,
          amhpAgreedRevocationAt: agreedAt(recallAgreements),
          amhpDeclinedRevocationAt: declinedAt(recallAgreements),
          endedAt: recall.endedAt,
          outcome: recall.outcome,
        }
      : null,
    absences: order.awolEpisodes.map((a) => ({ from: a.startedAt, to: a.returnedAt })),
    nearestRelative: {
      orderReceivedAt: pendingNr?.receivedAt ?? null,
      barredOn: pendingNr ? day(pendingNr.barringReportOn) : null,
      lastBarringReportOn: lastBarring ? day(lastBarring.barringReportOn) : null,
    },
    conditions: order.conditions
      .filter((c) => c.status !== 'ENDED')
      .map((c) => ({
        id: c.id,
        kind: c.kind,
        text: c.wording,
        amhpAgreed: c.amhpAgreed,
        status: c.status,
      })),
    certificates: order.certificates.map((c) => ({
      id: c.id,
      kind: c.type,
      givenOn: fromDbDate(c.givenOn),
      status: c.status,
      ...(c.endReason ? { endReason: c.endReason } : {}),
      coversRecall: c.appliesOnRecall,
    })),
    firstMedicationOn: day(order.legalStatusPeriod.firstMedicationOn),
    applicableDay: day(order.legalStatusPeriod.applicableDay),
    revokedAt: order.revocation?.revokedAt ?? null,
    endedAt: order.endedAt,
    diedOn: day(order.patient.dateOfDeath),
  };
}

/** The actor as lib/cto sees them: roles, and whether they are this patient's RC. */
export function ctoActor(
  actor: ServiceActor,
  order: { responsibleClinicianId: string | null },
): CtoActor {
  return {
    userId: actor.userId,
    roles: actor.roles,
    ...(order.responsibleClinicianId !== null
      ? { isResponsibleClinicianForPatient: order.responsibleClinicianId === actor.userId }
      : {}),
  };
}
