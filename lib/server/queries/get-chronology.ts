import 'server-only';
// The patient's chronology (issue 5, part 3; issue 9, part 4): the whole story in one list,
// dated when each thing happened and ordered by lib/chronology (oldest first by default) -
// legal status periods, orders and their periods, conditions and their changes, recalls and
// their outcome, revocations, discharges, treatment certificates, rights information, social
// factors assessments, contacts, quality-of-life ratings, tribunal and managers' hearings, and
// the other steps of the order's event log. Entries entered in error are kept, flagged with the
// reason. Scoped by the actor in the where clause and audited.
//
// Free of UI on purpose: the page renders it, and the tribunal paperwork (the chronology a
// responsible authority's statement includes) will draw on the same entries. Titles and details
// are plain English; `source` names the row each entry came from.
import { db } from '@/lib/server/db';
import type { CtoEventType, Prisma, StatutoryFormType } from '@/lib/generated/prisma/client';
import {
  CARE_ACTIVITY_KIND_LABELS,
  CERTIFICATE_END_REASON_LABELS,
  CERTIFICATE_TYPE_LABELS,
  CONDITION_CHANGE_KIND_LABELS,
  CONTACT_MODE_LABELS,
  CTO_END_REASON_LABELS,
  CTO_EVENT_TYPE_LABELS,
  CTO_PERIOD_SOURCE_LABELS,
  DECISION_POINT_LABELS,
  DISCHARGE_ROUTE_LABELS,
  HEARING_OUTCOME_LABELS,
  MANAGERS_HEARING_OUTCOME_LABELS,
  MANAGERS_HEARING_REASON_LABELS,
  NOTICE_SERVICE_METHOD_LABELS,
  RECALL_GROUND_LABELS,
  RECALL_OUTCOME_LABELS,
  RIGHTS_TRIGGER_LABELS,
  SOCIAL_DOMAIN_LABELS,
  SOCIAL_RATING_LABELS,
  TRIBUNAL_APPLICANT_LABELS,
  UNDERSTANDING_LEVEL_LABELS,
} from '@/lib/codes/labels';
import { legalStatusShortLabel } from '@/lib/codes/legal-status';
import { formatDate, formatDateTime } from '@/lib/format';
import { fromDbDate, londonDateOf, type IsoDate } from '@/lib/server/dates';
import { humanise } from '@/lib/ui/humanise';
import { readPatientInScope, type ScopedPatient } from '@/lib/server/services/social/read-scope';
import { audit, type QueryContext } from './access';
import { patientChangeEntries } from './patient-change-entries';
import {
  EVENT_STEPS,
  eventHappenedAt,
  orderChronology,
  parseChronologyDirection,
  type ChronologyDirection,
  type LawfulStep,
} from '@/lib/chronology/order';

export const CHRONOLOGY_KINDS = [
  'legal-status',
  'order',
  'condition',
  'recall',
  'revocation',
  'discharge',
  'certificate',
  'rights',
  'social',
  'contact',
  'quality-of-life',
  'hearing',
  'record', // issue 10: corrections and changes of the patient's record
] as const;
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

export const CHRONOLOGY_KIND_LABELS: Record<ChronologyKind, string> = {
  'legal-status': 'Detention and legal status',
  order: 'Orders, periods and extensions',
  condition: 'Conditions',
  recall: 'Recalls',
  revocation: 'Revocations',
  discharge: 'Discharges',
  certificate: 'Treatment certificates',
  rights: 'Rights information',
  social: 'Social factors',
  contact: 'Contacts and activities',
  'quality-of-life': 'Quality of life',
  hearing: "Tribunals and managers' hearings",
  record: 'Changes to the patient’s details',
};

export interface ChronologyEntry {
  /** Stable and unique within the chronology (for keys and links). */
  id: string;
  /** An instant, or a calendar date ('YYYY-MM-DD') when only the day is known. */
  at: Date | IsoDate;
  kind: ChronologyKind;
  title: string;
  detail: string | null;
  /** Who did it, when known. */
  by?: string | null;
  /** When and by whom it was recorded in the app (shown as a second line). */
  recorded?: { at: Date | null; by: string | null } | null;
  /** Its place in the law's sequence, for entries known only by their day. */
  step?: LawfulStep;
  /** The statutory form that goes with it. */
  form?: StatutoryFormType;
  enteredInError?: { at: Date | null; reason: string | null };
  source: { table: string; id: string };
}

export interface ChronologyFilter {
  /** Only these kinds; all when empty or missing. */
  kinds?: readonly ChronologyKind[];
  /** Calendar dates in England, inclusive. */
  from?: IsoDate;
  to?: IsoDate;
  /** Oldest first unless asked otherwise (how a tribunal reads a history). */
  direction?: ChronologyDirection;
}

export interface Chronology {
  patient: ScopedPatient;
  entries: ChronologyEntry[];
}

/** The calendar day in England an entry falls on. */
export function chronologyDay(at: Date | IsoDate): IsoDate {
  return typeof at === 'string' ? at : londonDateOf(at);
}

/** In the order lib/chronology fixes (oldest first unless asked); kinds break exact ties. */
export function sortChronology(
  entries: ChronologyEntry[],
  direction: ChronologyDirection = 'oldest-first',
): ChronologyEntry[] {
  const rank = new Map<string, number>(CHRONOLOGY_KINDS.map((k, i) => [k, i]));
  return orderChronology(entries, direction, (k) => rank.get(k) ?? 0);
}

export function filterChronology(
  entries: readonly ChronologyEntry[],
  filter: ChronologyFilter,
): ChronologyEntry[] {
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  return entries.filter((e) => {
    if (kinds && !kinds.has(e.kind)) return false;
    const day = chronologyDay(e.at);
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
    return true;
  });
}

// Order events shown from their own tables (richer detail) rather than from the event log.
const SHOWN_FROM_TABLES: ReadonlySet<CtoEventType> = new Set<CtoEventType>([
  'PROPOSE',
  'MAKE',
  'TAKE_EFFECT',
  'VARY_CONDITIONS',
  'SUSPEND_CONDITION',
  'REINSTATE_CONDITION',
  'SERVE_RECALL_NOTICE',
  'DETENTION_BEGINS',
  'TRANSFER_DURING_RECALL',
  'RELEASE_FROM_RECALL',
  'SEVENTY_TWO_HOURS_END',
  'REVOKE',
  'DISCHARGE_BY_RC',
  'DISCHARGE_BY_MANAGERS',
  'DISCHARGE_BY_TRIBUNAL',
  'NR_DISCHARGE_TAKES_EFFECT',
  'CERTIFICATE_GIVEN',
  'CERTIFICATE_ENDED',
  'RIGHTS_INFORMATION_GIVEN',
  'TRIBUNAL_CASE_OPENED',
  'EXPIRE',
  'DEATH',
]);

function eventKind(type: CtoEventType): ChronologyKind {
  switch (type) {
    case 'AMHP_AGREE_REVOCATION':
    case 'AMHP_DECLINE_REVOCATION':
      return 'revocation';
    case 'NR_DISCHARGE_ORDER_RECEIVED':
    case 'NR_BARRING_REPORT':
      return 'discharge';
    default:
      return 'order';
  }
}

// Hearings held are told by the hearing's own row (panel, outcome). When the step was entered in
// error the row is put back to "not held" (decision 402), so only then does the log's row show,
// struck through: a hearing appears once, never twice (issue 9, part 4).
const TOLD_BY_HEARING_ROW: ReadonlySet<CtoEventType> = new Set<CtoEventType>([
  'MANAGERS_REVIEW_EXTENSION',
  'TRIBUNAL_HEARING_HELD',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const EVENT_LABELS: Partial<Record<CtoEventType, string>> = CTO_EVENT_TYPE_LABELS;

function sentence(parts: (string | null | undefined | false)[]): string | null {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return kept.length ? kept.join(' ') : null;
}

function inError(at: Date | null, reason?: string | null): ChronologyEntry['enteredInError'] {
  return at ? { at, reason: reason ?? null } : undefined;
}

/** When and by whom a fact's own row says it was recorded (names resolved below). */
function rowRecorded(row: object): { at: Date | null; by: string | null } {
  const r = row as Record<string, unknown>;
  const by = ['recordedById', 'createdById', 'byId', 'givenById', 'assessedById'].find(
    (k) => typeof r[k] === 'string',
  );
  return {
    at: r.createdAt instanceof Date ? r.createdAt : null,
    by: by ? (r[by] as string) : null,
  };
}

const wants = (filter: ChronologyFilter, kind: ChronologyKind) =>
  !filter.kinds || filter.kinds.length === 0 || filter.kinds.includes(kind);

/**
 * The chronology of one patient, newest first, filtered by kind and date. NotFound (audited)
 * when the patient is outside the actor's scope.
 */
export async function getChronology(
  ctx: QueryContext,
  patientId: string,
  filter: ChronologyFilter = {},
): Promise<Chronology> {
  const client = ctx.client ?? db;
  const scoped = await readPatientInScope(ctx, patientId, 'chronology.read');
  // Every query below carries the scope in its own where clause.
  const mine = { patientId, patient: scoped.patientWhere };
  const orderOfMine: Prisma.CommunityTreatmentOrderWhereInput = mine;
  const entries: ChronologyEntry[] = [];
  const userIds = new Set<string>();
  const push = (e: ChronologyEntry) => entries.push(e);

  const needsOrders =
    wants(filter, 'order') ||
    wants(filter, 'condition') ||
    wants(filter, 'recall') ||
    wants(filter, 'revocation') ||
    wants(filter, 'discharge') ||
    wants(filter, 'legal-status');

  const [forms, hospitals] = await Promise.all([
    client.statutoryForm.findMany({ where: mine, select: { id: true, type: true } }),
    client.hospital.findMany({ select: { id: true, name: true } }),
  ]);
  const formType = new Map(forms.map((f) => [f.id, f.type]));
  const hospitalName = (id: string | null | undefined) =>
    (id ? hospitals.find((h) => h.id === id)?.name : undefined) ?? null;

  // --- Legal status periods -------------------------------------------------------------------
  if (wants(filter, 'legal-status')) {
    const periods = await client.legalStatusPeriod.findMany({ where: mine });
    for (const p of periods) {
      const name = legalStatusShortLabel(p.legalStatusCode);
      const error = inError(p.enteredInErrorAt, p.enteredInErrorReason);
      push({
        id: `lsp:${p.id}:start`,
        at: p.startAt,
        kind: 'legal-status',
        title: `${name} began`,
        detail: sentence([
          hospitalName(p.hospitalId) ? `At ${hospitalName(p.hospitalId)}.` : null,
          p.revokedOrderId
            ? 'Began when the community treatment order was revoked (section 17G).'
            : null,
          p.expiryDate ? `Due to end on ${formatDate(p.expiryDate)}.` : null,
        ]),
        enteredInError: error,
        recorded: rowRecorded(p),
        source: { table: 'LegalStatusPeriod', id: p.id },
      });
      if (p.endAt ?? p.endDate) {
        push({
          id: `lsp:${p.id}:end`,
          at: p.endAt ?? fromDbDate(p.endDate as Date),
          kind: 'legal-status',
          title: `${name} ended`,
          detail: p.endReason ? humanise(p.endReason) : null,
          enteredInError: error,
          recorded: rowRecorded(p),
          source: { table: 'LegalStatusPeriod', id: p.id },
        });
      }
    }
  }

  // --- Orders, periods, conditions, recalls, revocations, discharges, order events ------------
  if (needsOrders) {
    const orders = await client.communityTreatmentOrder.findMany({
      where: orderOfMine,
      select: {
        id: true,
        proposedAt: true,
        signedAt: true,
        effectiveAt: true,
        madeOn: true,
        endedAt: true,
        endedOn: true,
        endReason: true,
        responsibleHospital: { select: { name: true } },
        responsibleClinician: { select: { name: true } },
        periods: true,
        conditionChanges: {
          include: { condition: { select: { wording: true, kind: true } } },
        },
        recalls: { include: { transfers: true } },
        revocation: true,
        discharges: true,
        events: {
          include: { recordedBy: { select: { name: true } } },
          orderBy: { recordedAt: 'asc' },
        },
      },
    });
    for (const o of orders) {
      if (wants(filter, 'order')) {
        push({
          id: `order:${o.id}:proposed`,
          at: o.proposedAt,
          kind: 'order',
          title: 'Community treatment order proposed',
          step: 'order-proposed',
          detail: sentence([
            o.responsibleClinician ? `By ${o.responsibleClinician.name}.` : null,
            `Responsible hospital: ${o.responsibleHospital.name}.`,
          ]),
          recorded: rowRecorded(o),
          source: { table: 'CommunityTreatmentOrder', id: o.id },
        });
        const madeAt = o.effectiveAt ?? o.signedAt;
        if (madeAt) {
          push({
            id: `order:${o.id}:made`,
            at: madeAt,
            kind: 'order',
            title: 'Community treatment order made',
            step: 'order-made',
            form: 'CTO1',
            detail: sentence([
              o.signedAt ? `Signed ${formatDateTime(o.signedAt)}.` : null,
              o.effectiveAt ? `In force from ${formatDateTime(o.effectiveAt)}.` : null,
              o.responsibleClinician
                ? `Responsible clinician: ${o.responsibleClinician.name}.`
                : null,
            ]),
            recorded: rowRecorded(o),
            source: { table: 'CommunityTreatmentOrder', id: o.id },
          });
        }
        if (o.endedAt ?? o.endedOn) {
          // A death is recorded with the day it happened (endedOn) after the fact: that day,
          // not the moment it was typed in, is when the order ended.
          const endedOn = o.endedOn ? fromDbDate(o.endedOn) : null;
          push({
            id: `order:${o.id}:ended`,
            at:
              o.endedAt && (!endedOn || londonDateOf(o.endedAt) === endedOn)
                ? o.endedAt
                : (endedOn as IsoDate),
            step: 'order-ended',
            kind: 'order',
            title: 'Community treatment order ended',
            detail: o.endReason ? `${CTO_END_REASON_LABELS[o.endReason]}.` : null,
            recorded: rowRecorded(o),
            source: { table: 'CommunityTreatmentOrder', id: o.id },
          });
        }
        for (const p of o.periods) {
          push({
            id: `period:${p.id}`,
            at: fromDbDate(p.startDate),
            kind: 'order',
            step: 'period-began',
            title:
              p.index === 0
                ? 'First period of the order began'
                : `Period ${p.index + 1} of the order began`,
            form:
              p.source === 'EXTENSION'
                ? 'CTO7'
                : p.source === 'AWOL_EXTENSION'
                  ? 'CTO8'
                  : undefined,
            detail: sentence([
              `${CTO_PERIOD_SOURCE_LABELS[p.source]}: ${p.months} months, ${formatDate(p.startDate)} to ${formatDate(p.endDate)}.`,
              p.alternativeEndDate
                ? `Another reading of the Act gives ${formatDate(p.alternativeEndDate)}.`
                : null,
            ]),
            enteredInError: inError(p.enteredInErrorAt),
            recorded: rowRecorded(p),
            source: { table: 'CtoPeriod', id: p.id },
          });
        }
      }
      for (const e of o.events) {
        if (SHOWN_FROM_TABLES.has(e.type)) continue;
        if (TOLD_BY_HEARING_ROW.has(e.type) && !e.enteredInErrorAt) continue;
        const kind = TOLD_BY_HEARING_ROW.has(e.type) ? 'hearing' : eventKind(e.type);
        if (!wants(filter, kind)) continue;
        push({
          id: `event:${e.id}`,
          // The day typed on the form, not the moment it was typed in (issue 9, part 4).
          at: eventHappenedAt(e.type, e.occurredAt, e.facts),
          kind,
          title: EVENT_LABELS[e.type] ?? humanise(e.type),
          detail: null,
          by: null,
          recorded: { at: e.recordedAt, by: e.recordedBy?.name ?? null },
          step: EVENT_STEPS[e.type],
          form: e.formId ? formType.get(e.formId) : undefined,
          enteredInError: inError(e.enteredInErrorAt, e.enteredInErrorReason),
          source: { table: 'CtoEvent', id: e.id },
        });
      }
      if (wants(filter, 'condition')) {
        for (const c of o.conditionChanges) {
          if (c.byId) userIds.add(c.byId);
          push({
            id: `condition:${c.id}`,
            at: c.occurredAt,
            kind: 'condition',
            title: `Condition ${CONDITION_CHANGE_KIND_LABELS[c.kind].toLowerCase()}`,
            form: c.kind === 'VARIED' ? 'CTO2' : c.formId ? formType.get(c.formId) : undefined,
            detail: sentence([
              c.kind === 'VARIED' && c.previousWording
                ? `From “${c.previousWording}” to “${c.newWording ?? c.condition.wording}”.`
                : `“${c.newWording ?? c.condition.wording}”.`,
              c.condition.kind === 'MANDATORY' ? '(Mandatory condition, section 17B(3).)' : null,
              c.reason ? `Reason: ${c.reason}` : null,
            ]),
            by: c.byId,
            enteredInError: inError(c.enteredInErrorAt),
            recorded: rowRecorded(c),
            source: { table: 'ConditionChange', id: c.id },
          });
        }
      }
      if (wants(filter, 'recall')) {
        for (const r of o.recalls) {
          const error = inError(r.enteredInErrorAt, r.enteredInErrorReason);
          push({
            id: `recall:${r.id}:served`,
            at: r.deemedServedAt,
            kind: 'recall',
            // An imported recall (decision 813) has no notice on record.
            title: r.ground
              ? 'Recalled to hospital: notice served'
              : 'Recalled to hospital (from the imported register)',
            ...(r.ground ? { form: 'CTO3' as const } : {}),
            detail: sentence([
              r.ground
                ? `${RECALL_GROUND_LABELS[r.ground]}.`
                : 'Imported from the register, which does not record the ground, the notice or the times: the recall day stands in for them.',
              `Hospital: ${hospitalName(r.hospitalId) ?? 'not recorded'}.`,
              r.serviceMethod
                ? `${NOTICE_SERVICE_METHOD_LABELS[r.serviceMethod]} on ${formatDateTime(r.servedOrPostedAt)}.`
                : null,
              r.reasons ? `Reasons: ${r.reasons}` : null,
            ]),
            enteredInError: error,
            recorded: rowRecorded(r),
            source: { table: 'Recall', id: r.id },
          });
          if (r.detentionBeganAt) {
            push({
              id: `recall:${r.id}:detained`,
              at: r.detentionBeganAt,
              kind: 'recall',
              title: 'Detained in hospital after recall',
              form: 'CTO4',
              detail: r.deadlineAt
                ? `The 72 hours end at ${formatDateTime(r.deadlineAt)} (section 17F(6)).`
                : null,
              enteredInError: error,
              recorded: rowRecorded(r),
              source: { table: 'Recall', id: r.id },
            });
          }
          for (const t of r.transfers) {
            push({
              id: `transfer:${t.id}`,
              at: t.transferredAt,
              kind: 'recall',
              title: 'Transferred to another hospital during recall',
              form: 'CTO6',
              detail: `From ${hospitalName(t.fromHospitalId) ?? 'a hospital'} to ${hospitalName(t.toHospitalId) ?? 'another hospital'}. The 72 hours are unchanged.`,
              enteredInError: error,
              recorded: rowRecorded(t),
              source: { table: 'RecallTransfer', id: t.id },
            });
          }
          if (r.outcome !== 'ONGOING' && r.endedAt) {
            push({
              id: `recall:${r.id}:ended`,
              at: r.endedAt,
              kind: 'recall',
              title: `Recall ended: ${RECALL_OUTCOME_LABELS[r.outcome].toLowerCase()}`,
              detail: null,
              enteredInError: error,
              recorded: rowRecorded(r),
              source: { table: 'Recall', id: r.id },
            });
          }
        }
      }
      if (wants(filter, 'revocation') && o.revocation) {
        const v = o.revocation;
        push({
          id: `revocation:${v.id}`,
          at: v.revokedAt,
          kind: 'revocation',
          title: 'Community treatment order revoked',
          form: 'CTO5',
          detail: sentence([
            `Detained again at ${hospitalName(v.hospitalId) ?? 'hospital'} (section 17G).`,
            v.rcReasons ? `Reasons: ${v.rcReasons}` : null,
          ]),
          recorded: rowRecorded(v),
          source: { table: 'Revocation', id: v.id },
        });
      }
      if (wants(filter, 'discharge')) {
        for (const d of o.discharges) {
          if (d.decidedById) userIds.add(d.decidedById);
          push({
            id: `discharge:${d.id}`,
            at: d.effectiveAt,
            kind: 'discharge',
            title: `Discharged by the ${DISCHARGE_ROUTE_LABELS[d.route].toLowerCase()}`,
            detail: sentence([
              d.orderedAt.getTime() !== d.effectiveAt.getTime()
                ? `Ordered ${formatDateTime(d.orderedAt)}.`
                : null,
              d.reasons ? `Reasons: ${d.reasons}` : null,
            ]),
            by: d.decidedById,
            enteredInError: inError(d.enteredInErrorAt, d.enteredInErrorReason),
            recorded: rowRecorded(d),
            source: { table: 'Discharge', id: d.id },
          });
        }
      }
    }
  }

  // --- Treatment certificates -----------------------------------------------------------------
  if (wants(filter, 'certificate')) {
    const certificates = await client.treatmentCertificate.findMany({ where: mine });
    for (const c of certificates) {
      const error = inError(c.enteredInErrorAt, c.enteredInErrorReason);
      push({
        id: `certificate:${c.id}:given`,
        at: fromDbDate(c.givenOn),
        kind: 'certificate',
        title: `Treatment certificate given: ${CERTIFICATE_TYPE_LABELS[c.type]}`,
        form: c.type,
        detail: sentence([
          `By ${c.certifierName}.`,
          `Covers: ${c.treatments}`,
          c.appliesOnRecall ? 'Applies if the patient is recalled.' : null,
        ]),
        enteredInError: error,
        recorded: rowRecorded(c),
        source: { table: 'TreatmentCertificate', id: c.id },
      });
      if (c.endedOn) {
        push({
          id: `certificate:${c.id}:ended`,
          at: fromDbDate(c.endedOn),
          kind: 'certificate',
          title: `Treatment certificate ended: ${CERTIFICATE_TYPE_LABELS[c.type]}`,
          form: c.type,
          detail: sentence([
            c.endReason ? `${CERTIFICATE_END_REASON_LABELS[c.endReason]}.` : null,
            c.endNotes,
          ]),
          enteredInError: error,
          recorded: rowRecorded(c),
          source: { table: 'TreatmentCertificate', id: c.id },
        });
      }
    }
  }

  // --- Rights information (s132A) -------------------------------------------------------------
  if (wants(filter, 'rights')) {
    const rights = await client.rightsInformation.findMany({ where: mine });
    for (const r of rights) {
      const givenAt = r.givenOrallyAt ?? r.givenInWritingAt;
      if (!givenAt) continue; // still owed: a task on the deadlines list, not a past event
      if (r.givenById) userIds.add(r.givenById);
      push({
        id: `rights:${r.id}`,
        at: givenAt,
        kind: 'rights',
        title: `Rights information given (${RIGHTS_TRIGGER_LABELS[r.trigger].toLowerCase()})`,
        detail: sentence([
          r.givenOrallyAt && r.givenInWritingAt
            ? 'Told and given in writing.'
            : r.givenOrallyAt
              ? 'Told, not yet in writing.'
              : 'Given in writing.',
          r.understanding ? `${UNDERSTANDING_LEVEL_LABELS[r.understanding]}.` : null,
          r.nearestRelativeInformedAt
            ? `Nearest relative informed ${formatDateTime(r.nearestRelativeInformedAt)}.`
            : r.patientObjectsToNearestRelativeInformed
              ? 'The patient objected to the nearest relative being told.'
              : null,
        ]),
        by: r.givenById,
        enteredInError: inError(r.enteredInErrorAt),
        recorded: rowRecorded(r),
        source: { table: 'RightsInformation', id: r.id },
      });
    }
  }

  // --- Social factors assessments -------------------------------------------------------------
  if (wants(filter, 'social')) {
    const assessments = await client.socialFactorAssessment.findMany({
      where: mine,
      include: { ratings: { select: { domain: true, rating: true } } },
    });
    // An assessment made with a decision sits at the moment of that decision, so that it is
    // read beside it rather than at an arbitrary time of its day.
    const decisionIds = assessments.flatMap((a) => (a.decisionEventId ? [a.decisionEventId] : []));
    const decisions = decisionIds.length
      ? await client.ctoEvent.findMany({
          where: { id: { in: decisionIds }, patientId },
          select: { id: true, occurredAt: true },
        })
      : [];
    const decidedAt = new Map(decisions.map((e) => [e.id, e.occurredAt]));
    for (const a of assessments) {
      userIds.add(a.assessedById);
      const concerns = (['SERIOUS_CONCERN', 'SOME_CONCERN', 'STRENGTH'] as const)
        .map((level) => {
          const domains = a.ratings
            .filter((r) => r.rating === level)
            .map((r) => SOCIAL_DOMAIN_LABELS[r.domain].toLowerCase());
          return domains.length ? `${SOCIAL_RATING_LABELS[level]}: ${domains.join(', ')}.` : null;
        })
        .filter(Boolean);
      push({
        id: `social:${a.id}`,
        at:
          (a.decisionEventId ? decidedAt.get(a.decisionEventId) : undefined) ??
          fromDbDate(a.assessedOn),
        kind: 'social',
        title: `Social factors assessed: ${DECISION_POINT_LABELS[a.decisionPoint].toLowerCase()}`,
        detail: sentence([...concerns, a.summary]),
        by: a.assessedById,
        enteredInError: inError(a.enteredInErrorAt, a.enteredInErrorReason),
        recorded: rowRecorded(a),
        source: { table: 'SocialFactorAssessment', id: a.id },
      });
    }
  }

  // --- Contacts and care activities -----------------------------------------------------------
  if (wants(filter, 'contact')) {
    const contacts = await client.contact.findMany({
      where: mine,
      include: {
        staff: { select: { name: true } },
        activities: { select: { kind: true, description: true } },
      },
    });
    for (const c of contacts) {
      const extras = [
        c.durationMinutes ? `${c.durationMinutes} minutes` : null,
        c.withCarer ? 'with a carer or relative' : null,
      ].filter(Boolean);
      push({
        id: `contact:${c.id}`,
        at: c.occurredAt,
        kind: 'contact',
        title: `Contact: ${CONTACT_MODE_LABELS[c.mode].toLowerCase()}${extras.length ? ` (${extras.join(', ')})` : ''}`,
        detail: sentence([
          c.summary,
          c.activities.length
            ? `Care activities: ${c.activities
                .map(
                  (a) =>
                    `${CARE_ACTIVITY_KIND_LABELS[a.kind].toLowerCase()} – ${a.description.replace(/[.\s]+$/, '')}`,
                )
                .join('; ')}.`
            : null,
        ]),
        by: c.staff.name,
        enteredInError: inError(c.enteredInErrorAt, c.enteredInErrorReason),
        recorded: rowRecorded(c),
        source: { table: 'Contact', id: c.id },
      });
    }
  }

  // --- Quality of life ------------------------------------------------------------------------
  if (wants(filter, 'quality-of-life')) {
    const ratings = await client.qualityOfLifeRating.findMany({ where: mine });
    for (const q of ratings) {
      if (q.recordedById) userIds.add(q.recordedById);
      push({
        id: `qol:${q.id}`,
        at: fromDbDate(q.ratedOn),
        kind: 'quality-of-life',
        title: `Quality of life: ${q.instrument} score ${q.score} out of ${q.maxScore}`,
        detail: sentence([q.selfRated ? 'Rated by the patient.' : 'Rated by staff.', q.notes]),
        by: q.recordedById,
        enteredInError: inError(q.enteredInErrorAt),
        recorded: rowRecorded(q),
        source: { table: 'QualityOfLifeRating', id: q.id },
      });
    }
  }

  // --- Tribunals and hospital managers' hearings ----------------------------------------------
  if (wants(filter, 'hearing')) {
    const [cases, managers] = await Promise.all([
      client.tribunalCase.findMany({ where: mine, include: { hearings: true } }),
      client.managersHearing.findMany({ where: mine }),
    ]);
    for (const c of cases) {
      const error = inError(c.enteredInErrorAt);
      push({
        id: `tribunal:${c.id}`,
        at: fromDbDate(c.madeOn),
        kind: 'hearing',
        step: 'tribunal-case-received',
        title:
          c.kind === 'APPLICATION'
            ? `Application to the tribunal by the ${TRIBUNAL_APPLICANT_LABELS[c.applicant].toLowerCase()}`
            : `Reference to the tribunal (${c.basis})`,
        detail: sentence([
          `Reports due ${formatDate(c.documentsDueOn)}.`,
          c.withdrawnOn ? `Withdrawn ${formatDate(c.withdrawnOn)}.` : null,
        ]),
        enteredInError: error,
        recorded: rowRecorded(c),
        source: { table: 'TribunalCase', id: c.id },
      });
      for (const h of c.hearings) {
        push({
          id: `tribunal-hearing:${h.id}`,
          // Held: the day it was held. Not yet held: the listing is what happened, when it was
          // recorded; the hearing's own date is in the future and belongs to the diary.
          at: h.heldOn ? fromDbDate(h.heldOn) : h.createdAt,
          kind: 'hearing',
          step: h.heldOn ? 'tribunal-hearing-held' : 'tribunal-hearing-listed',
          title: h.heldOn
            ? `Tribunal hearing${h.outcome ? `: ${HEARING_OUTCOME_LABELS[h.outcome].toLowerCase()}` : ''}`
            : `Tribunal hearing listed for ${formatDateTime(h.scheduledAt)}`,
          detail: sentence([
            h.deferredToOn ? `Discharge deferred to ${formatDate(h.deferredToOn)}.` : null,
            h.notes,
          ]),
          enteredInError: error,
          recorded: rowRecorded(h),
          source: { table: 'TribunalHearing', id: h.id },
        });
      }
    }
    for (const m of managers) {
      push({
        id: `managers-hearing:${m.id}`,
        at: m.heldOn ? fromDbDate(m.heldOn) : m.createdAt,
        kind: 'hearing',
        step: m.heldOn ? 'managers-hearing-held' : 'managers-hearing-listed',
        title: m.heldOn
          ? `Hospital managers' hearing${m.outcome ? `: ${MANAGERS_HEARING_OUTCOME_LABELS[m.outcome].toLowerCase()}` : ''}`
          : `Hospital managers' hearing listed for ${formatDateTime(m.scheduledAt)}`,
        detail: sentence([`${MANAGERS_HEARING_REASON_LABELS[m.reason]}.`, m.notes]),
        recorded: rowRecorded(m),
        source: { table: 'ManagersHearing', id: m.id },
      });
    }
  }

  // Issue 10: corrections and changes of the patient's record (lib/server/queries/patient-change-entries.ts).
  if (wants(filter, 'record')) {
    for (const e of await patientChangeEntries(client, mine)) {
      push(e);
      if (e.by) userIds.add(e.by);
    }
  }

  // Names for entries that hold a user id in `by`.
  // When and by whom each entry was recorded: the order's event log where it names the row
  // (or the order's step), otherwise the row's own creation time and recorder.
  const logged = await client.ctoEvent.findMany({
    where: { patientId, patient: scoped.patientWhere },
    select: {
      orderId: true,
      type: true,
      recordedAt: true,
      enteredInErrorAt: true,
      facts: true,
      recordedBy: { select: { name: true } },
    },
    orderBy: { recordedAt: 'asc' },
  });
  const byRow = new Map<string, { at: Date; by: string | null }>();
  const byOrderStep = new Map<string, { at: Date; by: string | null }>();
  const ENDING = new Set<CtoEventType>([
    'WITHDRAW_PROPOSAL',
    'AMHP_DECLINE_MAKING',
    'REVOKE',
    'DISCHARGE_BY_RC',
    'DISCHARGE_BY_MANAGERS',
    'DISCHARGE_BY_TRIBUNAL',
    'NR_DISCHARGE_TAKES_EFFECT',
    'EXPIRE',
    'DEATH',
  ]);
  for (const e of logged) {
    const rec = { at: e.recordedAt, by: e.recordedBy?.name ?? null };
    const facts = (e.facts ?? {}) as Record<string, unknown>;
    for (const v of Object.values(facts)) {
      if (typeof v === 'string' && UUID.test(v) && !byRow.has(v)) byRow.set(v, rec);
    }
    if (e.type === 'PROPOSE' && !byOrderStep.has(`${e.orderId}:proposed`)) {
      byOrderStep.set(`${e.orderId}:proposed`, rec);
    }
    if (e.type === 'MAKE' || e.type === 'TAKE_EFFECT') {
      if (!byOrderStep.has(`${e.orderId}:made`)) byOrderStep.set(`${e.orderId}:made`, rec);
    }
    if (ENDING.has(e.type) && !e.enteredInErrorAt) byOrderStep.set(`${e.orderId}:ended`, rec);
  }
  for (const e of entries) {
    if (e.source.table === 'CtoEvent') continue;
    const stage = e.source.table === 'CommunityTreatmentOrder' ? e.id.split(':')[2] : null;
    const fromLog = stage ? byOrderStep.get(`${e.source.id}:${stage}`) : byRow.get(e.source.id);
    if (fromLog) e.recorded = fromLog;
    else if (e.recorded?.by) userIds.add(e.recorded.by);
    if (e.recorded && !e.recorded.at && !e.recorded.by) e.recorded = null;
  }

  // Names for entries that hold a user id in `by` (or in who recorded them).
  const ids = [...userIds];
  if (ids.length) {
    const users = await client.user.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true },
    });
    const names = new Map(users.map((u) => [u.id, u.name]));
    for (const e of entries) {
      if (e.by && names.has(e.by)) e.by = names.get(e.by) ?? null;
      else if (e.by && /^[0-9a-f-]{36}$/i.test(e.by)) e.by = null;
      const rec = e.recorded;
      if (rec?.by && UUID.test(rec.by)) rec.by = names.get(rec.by) ?? null;
    }
  }

  const result = sortChronology(filterChronology(entries, filter), filter.direction);
  await audit(ctx, {
    action: 'chronology.read',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    entityId: patientId,
    patientId,
    breakGlassId: scoped.breakGlassId,
    metadata: {
      kinds: filter.kinds && filter.kinds.length ? [...filter.kinds] : 'all',
      from: filter.from ?? null,
      to: filter.to ?? null,
      direction: filter.direction ?? 'oldest-first',
      count: result.length,
    },
  });
  return { patient: scoped.patient, entries: result };
}

// --- The page's filter (a GET form: kinds[]=..., from.day/month/year, to.day/month/year) ------

export interface ChronologyFilterParse {
  filter: ChronologyFilter;
  /** Field errors keyed 'from' / 'to'. */
  errors: Record<string, string>;
  /** What the form should show again. */
  values: {
    kinds: ChronologyKind[];
    from: DateParts;
    to: DateParts;
    direction: ChronologyDirection;
  };
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function parseDateParts(parts: DateParts, what: string): { date?: IsoDate; error?: string } {
  const { day, month, year } = parts;
  if (!day && !month && !year) return {};
  if (!day || !month || !year) return { error: `${what} must include a day, month and year` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { error: `${what} must be a real date, like 27 3 2026` };
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
    return { error: `${what} must be a real date` };
  }
  return { date: iso };
}

/** Reads the chronology page's query string; never throws. */
export function parseChronologyParams(
  params: Record<string, string | string[] | undefined>,
): ChronologyFilterParse {
  const raw = params['kinds[]'] ?? params.kinds;
  const listed = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((k): k is ChronologyKind =>
    (CHRONOLOGY_KINDS as readonly string[]).includes(k),
  );
  const kinds = CHRONOLOGY_KINDS.filter((k) => listed.includes(k));
  const parts = (prefix: string): DateParts => ({
    day: one(params[`${prefix}.day`]),
    month: one(params[`${prefix}.month`]),
    year: one(params[`${prefix}.year`]),
  });
  const fromParts = parts('from');
  const toParts = parts('to');
  const from = parseDateParts(fromParts, 'The start date');
  const to = parseDateParts(toParts, 'The end date');
  const errors: Record<string, string> = {};
  if (from.error) errors.from = from.error;
  if (to.error) errors.to = to.error;
  if (from.date && to.date && from.date > to.date) {
    errors.to = 'The end date must be the same as or after the start date';
  }
  const direction = parseChronologyDirection(params.order);
  return {
    filter: {
      kinds,
      from: errors.from ? undefined : from.date,
      to: errors.to ? undefined : to.date,
      direction,
    },
    errors,
    values: { kinds, from: fromParts, to: toParts, direction },
  };
}
