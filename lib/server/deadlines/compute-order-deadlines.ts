/**
 * The open statutory deadlines of one community treatment order, from its stored facts.
 *
 * Pure: plain facts in, plain deadline values out (no Prisma, no clock). recompute.ts loads the
 * facts and writes the rows. Every date comes from the lib/cto contract functions; this file only
 * decides which clocks apply to the order as it stands, and says so in plain English.
 */
import {
  awolAtExpiry,
  certificateRequiredFrom,
  nrTribunalWindow,
  firstManagersReferenceDue,
  periodicReferenceDue,
  recallDeadline,
  renewalWindow,
  tribunalDocumentsDue,
} from '@/lib/cto';
import type {
  CertificateStatus,
  CertificateType,
  CtoState,
  DeadlineKind,
  ExtensionStatus,
  RecallOutcome,
  Role,
  TribunalCaseKind,
  TribunalCaseStatus,
} from '@/lib/generated/prisma/enums';
import {
  addCalendarDays,
  formatLondonInstant,
  formatLongDate,
  londonDateOf,
  maxIsoDate,
  type IsoDate,
} from '@/lib/server/dates';
import { legalStatusShortLabel } from '@/lib/codes/legal-status';

/** Default local target for s132A rights information (C13); lib/env's RIGHTS_INFORMATION_TARGET_DAYS. */
export const DEFAULT_RIGHTS_TARGET_DAYS = 7;

/** Orders that are in force (or made and about to be): their clocks run. */
export const LIVE_STATES: readonly CtoState[] = [
  'AWAITING_EFFECT',
  'ACTIVE',
  'RECALL_PENDING',
  'RECALLED',
  'AWOL',
];

export type RightsTriggerKind = 'MAKING' | 'EXTENSION' | 'RECALL' | 'REVOCATION';

export interface OrderDeadlineFacts {
  readonly orderId: string;
  readonly patientId: string;
  readonly teamId: string | null;
  readonly state: CtoState;
  readonly responsibleClinicianId: string | null;
  readonly careCoordinatorId: string | null;
  readonly patientDateOfBirth: IsoDate | null;
  readonly madeOn: IsoDate | null;
  readonly currentExpiryDate: IsoDate | null;
  readonly currentExpiryAlternative: IsoDate | null;
  readonly currentPeriodIndex: number | null;
  /** The underlying s3/s37... period the order hangs off (MHS401). */
  readonly underlying: {
    readonly legalStatusCode: string;
    readonly applicableDay: IsoDate | null;
    readonly firstMedicationOn: IsoDate | null;
  };
  readonly extensions: readonly {
    readonly id: string;
    readonly periodIndex: number;
    readonly expiryDate: IsoDate;
    readonly status: ExtensionStatus;
    readonly examinedOn: IsoDate | null;
    readonly amhpAgreed: boolean;
    readonly cto7FurnishedAt: Date | null;
    readonly managersReviewedOn: IsoDate | null;
  }[];
  readonly recalls: readonly {
    readonly id: string;
    readonly outcome: RecallOutcome;
    readonly detentionBeganAt: Date | null;
    readonly deadlineAt: Date | null;
  }[];
  readonly certificates: readonly {
    readonly id: string;
    readonly type: CertificateType;
    readonly status: CertificateStatus;
    readonly givenOn: IsoDate;
    readonly endedOn: IsoDate | null;
  }[];
  /** The events that trigger s132A information (MAKE, FURNISH_CTO7, DETENTION_BEGINS, REVOKE). */
  readonly rightsTriggers: readonly {
    readonly eventId: string;
    readonly kind: RightsTriggerKind;
    readonly occurredOn: IsoDate;
    /**
     * The London day the event was imported from the trust's register (decision 812), when it
     * was: history whose local target had already passed on that day raises no task.
     */
    readonly importedOn?: IsoDate | null;
  }[];
  readonly rightsRecords: readonly {
    readonly trigger: string;
    readonly triggerEventId: string | null;
    readonly givenOrallyAt: Date | null;
    readonly givenInWritingAt: Date | null;
  }[];
  /** All of the patient's tribunal cases (an application before the order counts for s68). */
  readonly tribunalCases: readonly {
    readonly id: string;
    readonly orderId: string | null;
    readonly kind: TribunalCaseKind;
    readonly basis: string;
    readonly madeOn: IsoDate;
    readonly receivedOn: IsoDate;
    readonly status: TribunalCaseStatus;
    readonly nursingReportRequired: boolean;
    readonly statementSent: boolean;
    readonly rcReportSent: boolean;
    readonly socialCircumstancesSent: boolean;
    readonly nursingReportSent: boolean;
    /** Days a hearing considered the case (withdrawn applications do not count, s68(4)). */
    readonly consideredOn: readonly IsoDate[];
  }[];
  /** The nearest relative's orders for discharge (s23, s25), not entered in error. */
  readonly nearestRelativeOrders?: readonly {
    readonly id: string;
    readonly receivedAt: Date;
    readonly takesEffectAt: Date;
    readonly outcome: 'PENDING' | 'BARRED' | 'DISCHARGED' | 'WITHDRAWN';
    readonly barringReportOn: IsoDate | null;
  }[];
  readonly revocation: {
    readonly revokedOn: IsoDate;
    readonly revokedAt: Date;
    /** The day it was imported from the register, when it was (decision 812). */
    readonly importedOn?: IsoDate | null;
  } | null;
  readonly revocationDetention: {
    readonly legalStatusCode: string;
    readonly ended: boolean;
    readonly expiryDate: IsoDate | null;
    readonly periods: readonly {
      readonly index: number;
      readonly months: number;
      readonly startDate: IsoDate;
      readonly endDate: IsoDate;
      readonly alternativeEndDate: IsoDate | null;
    }[];
  } | null;
  /**
   * C12: absences without leave with their return, and when CTO8 extensions (CtoPeriod source
   * AWOL_EXTENSION) were recorded. Optional: older callers and tests give none.
   */
  readonly awolEpisodes?: readonly {
    readonly id: string;
    readonly startedAt: Date;
    readonly returnedAt: Date | null;
  }[];
  readonly cto8FurnishedAt?: readonly Date[];
}

export interface DeadlineValue {
  readonly kind: DeadlineKind;
  readonly title: string;
  readonly dueOn: IsoDate;
  readonly dueAt?: Date;
  readonly opensOn?: IsoDate;
  readonly alternativeDueOn?: IsoDate;
  readonly basis: string;
  readonly explanation: string;
  readonly inputs: Record<string, string | number | boolean | null>;
  readonly ownerRole: Role;
  readonly ownerId: string | null;
  readonly sourceEventId?: string;
}

export interface ComputeOptions {
  /** Local s132A target in days (C13), 7 unless the trust configures otherwise. */
  readonly rightsTargetDays?: number;
}

const RIGHTS_WORDS: Record<RightsTriggerKind, { title: string; because: string; role: Role }> = {
  MAKING: {
    title: 'Give rights information: order made',
    because: 'the order was made',
    role: 'CARE_COORDINATOR',
  },
  EXTENSION: {
    title: 'Give rights information: order extended',
    because: 'the order was extended',
    role: 'CARE_COORDINATOR',
  },
  RECALL: {
    title: 'Give rights information: recalled to hospital',
    because: 'the patient was detained in hospital after recall',
    role: 'MHA_ADMINISTRATOR',
  },
  REVOCATION: {
    title: 'Give rights information: order revoked',
    because: 'the order was revoked',
    role: 'MHA_ADMINISTRATOR',
  },
};

function isLive(state: CtoState): boolean {
  return LIVE_STATES.includes(state);
}

function ageOn(dateOfBirth: IsoDate, day: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The OPEN deadlines of the order on `today` (a London calendar date). `now` is accepted for
 * symmetry with the services (instant-based clocks); the values themselves never depend on it.
 */
export function computeOrderDeadlines(
  facts: OrderDeadlineFacts,
  today: IsoDate,
  _now: Date,
  options: ComputeOptions = {},
): DeadlineValue[] {
  const out: DeadlineValue[] = [];
  const rc = facts.responsibleClinicianId;
  const cc = facts.careCoordinatorId;
  const live = isLive(facts.state);

  // C1: the current operational expiry (s20A(1)/(3); s20B at the end of the day).
  if (live && facts.currentExpiryDate) {
    const expiry = facts.currentExpiryDate;
    const index = facts.currentPeriodIndex ?? 0;
    const alt = facts.currentExpiryAlternative;
    out.push({
      kind: 'CTO_EXPIRY',
      title: 'Order expires unless extended',
      dueOn: expiry,
      ...(alt ? { alternativeDueOn: alt } : {}),
      basis: index === 0 ? 's20A(1), s20B' : 's20A(3), s20B',
      explanation:
        `The ${index === 0 ? 'first community treatment period' : 'current extension'} ends on ${formatLongDate(expiry)}: ` +
        `the order expires at midnight at the end of that day unless a CTO7 has been furnished in the extension window.` +
        (alt
          ? ` Another reading of the month end gives ${formatLongDate(alt)}; the earlier day is used because it is lawful under both.`
          : ''),
      inputs: {
        madeOn: facts.madeOn,
        currentPeriodIndex: index,
        currentExpiryDate: expiry,
        currentExpiryAlternative: alt,
      },
      // The MHA office's: it keeps the register of expiries and records a lapse. The RC's own
      // duty is the renewal, stored as EXTENSION_WINDOW with the same last day (decision 825).
      ownerRole: 'MHA_ADMINISTRATOR',
      ownerId: null,
    });
  }

  // C3: the extension window, while the current period has not been extended (s20A(4)).
  if (live && facts.currentExpiryDate) {
    const expiry = facts.currentExpiryDate;
    const index = facts.currentPeriodIndex ?? 0;
    const extended = facts.extensions.some(
      (e) => e.periodIndex === index && e.status === 'COMPLETED',
    );
    if (!extended) {
      const window = renewalWindow(expiry);
      const inProgress = facts.extensions.find(
        (e) => e.periodIndex === index && e.status === 'IN_PROGRESS',
      );
      let progress = 'Nothing has been recorded yet for this extension.';
      if (inProgress) {
        progress = inProgress.examinedOn
          ? `The patient was examined on ${formatLongDate(inProgress.examinedOn)}; ${
              inProgress.amhpAgreed
                ? 'the AMHP has agreed, so the CTO7 can now be furnished.'
                : "the AMHP's agreement and the CTO7 are still to come."
            }`
          : 'An extension has been started but the examination is not recorded yet.';
      }
      out.push({
        kind: 'EXTENSION_WINDOW',
        title: 'Examine and extend (CTO7) in the extension window',
        opensOn: window.opens,
        dueOn: window.closes,
        basis: 's20A(4), s20B',
        explanation:
          `To extend the order the responsible clinician must examine the patient and, with an AMHP's agreement, furnish a CTO7 ` +
          `between ${formatLongDate(window.opens)} and ${formatLongDate(window.closes)} (the two months ending with the expiry). ` +
          `Nothing can be done after ${formatLongDate(window.closes)}. ${progress}`,
        inputs: {
          currentExpiryDate: expiry,
          currentPeriodIndex: index,
          extensionId: inProgress?.id ?? null,
          examinedOn: inProgress?.examinedOn ?? null,
          amhpAgreed: inProgress?.amhpAgreed ?? false,
        },
        ownerRole: 'RESPONSIBLE_CLINICIAN',
        ownerId: rc,
      });
    }
  }

  // C4: the 72 hours from the start of detention after recall (s17F(6), (8)(a)).
  if (facts.state === 'RECALLED') {
    for (const recall of facts.recalls) {
      if (recall.outcome !== 'ONGOING' || !recall.detentionBeganAt) continue;
      const dueAt = recall.deadlineAt ?? recallDeadline(recall.detentionBeganAt);
      out.push({
        kind: 'RECALL_72_HOURS',
        title: 'Release or revoke before the 72 hours end',
        dueOn: londonDateOf(dueAt),
        dueAt,
        basis: 's17F(6), s17F(8)(a)',
        explanation:
          `Detention after recall began ${formatLondonInstant(recall.detentionBeganAt)}. ` +
          `The patient must be released, or the order revoked (CTO5 with an AMHP's agreement), before ${formatLondonInstant(dueAt)}.`,
        inputs: {
          recallId: recall.id,
          detentionBeganAt: recall.detentionBeganAt.toISOString(),
          deadlineAt: dueAt.toISOString(),
        },
        ownerRole: 'RESPONSIBLE_CLINICIAN',
        ownerId: rc,
      });
    }
  }

  // C11: the nearest relative's order for discharge. While it is pending, the RC has until it
  // takes effect (72 hours after receipt, s23, s25(1)) to furnish a barring report (M2); once
  // barred, the nearest relative may apply to the tribunal within 28 days (s66(1)(g), s66(2)(d)).
  if (live) {
    for (const nr of facts.nearestRelativeOrders ?? []) {
      if (nr.outcome === 'PENDING') {
        out.push({
          kind: 'NEAREST_RELATIVE_DISCHARGE',
          title: "Bar the nearest relative's order for discharge, or it takes effect",
          dueOn: londonDateOf(nr.takesEffectAt),
          dueAt: nr.takesEffectAt,
          basis: 's23, s25(1)',
          explanation:
            `The nearest relative's order for discharge was received ${formatLondonInstant(nr.receivedAt)}. ` +
            `It discharges the patient at ${formatLondonInstant(nr.takesEffectAt)} unless the responsible clinician furnishes a barring report (M2) before then.`,
          inputs: {
            nearestRelativeOrderId: nr.id,
            receivedAt: nr.receivedAt.toISOString(),
            takesEffectAt: nr.takesEffectAt.toISOString(),
          },
          ownerRole: 'RESPONSIBLE_CLINICIAN',
          ownerId: rc,
        });
      } else if (nr.outcome === 'BARRED' && nr.barringReportOn) {
        const window = nrTribunalWindow(nr.barringReportOn);
        if (today <= window.closes.date) {
          out.push({
            kind: 'NEAREST_RELATIVE_TRIBUNAL_WINDOW',
            title: 'Nearest relative may apply to the tribunal',
            dueOn: window.closes.date,
            opensOn: window.opens,
            basis: window.closes.basis,
            explanation: `${window.closes.explain} The MHA office tells the nearest relative of this right.`,
            inputs: { nearestRelativeOrderId: nr.id, barringReportOn: nr.barringReportOn },
            ownerRole: 'MHA_ADMINISTRATOR',
            ownerId: null,
          });
        }
      }
    }
  }

  // C6: a Part 4A certificate (s64B, s64C) once the grace periods have run.
  if (live && facts.madeOn && facts.underlying.firstMedicationOn) {
    const active = facts.certificates.some((c) => c.status === 'ACTIVE');
    if (!active) {
      const from = certificateRequiredFrom(facts.madeOn, facts.underlying.firstMedicationOn);
      const lastEnded = facts.certificates
        .map((c) => c.endedOn)
        .filter((d): d is IsoDate => d !== null)
        .sort()
        .at(-1);
      const dueOn = lastEnded ? maxIsoDate(from, lastEnded) : from;
      out.push({
        kind: 'CERTIFICATE_REQUIRED',
        title: 'Treatment certificate (CTO11 or CTO12) needed',
        dueOn,
        basis: 's64B, s64C, s58',
        explanation:
          `Medication for mental disorder needs a CTO11 or CTO12 from ${formatLongDate(from)} ` +
          `(the later of one month from the order on ${formatLongDate(facts.madeOn)} and three months from the first medication on ${formatLongDate(facts.underlying.firstMedicationOn)}).` +
          (lastEnded
            ? ` The last certificate stopped covering treatment on ${formatLongDate(lastEnded)}, so a new one is needed from ${formatLongDate(dueOn)}.`
            : ' No certificate in force is recorded.'),
        inputs: {
          madeOn: facts.madeOn,
          firstMedicationOn: facts.underlying.firstMedicationOn,
          certificateRequiredFrom: from,
          lastCertificateEndedOn: lastEnded ?? null,
        },
        ownerRole: 'RESPONSIBLE_CLINICIAN',
        ownerId: rc,
      });
    }
  }

  // C13: rights information (s132A) after the latest trigger of each kind, until recorded.
  const targetDays = options.rightsTargetDays ?? DEFAULT_RIGHTS_TARGET_DAYS;
  const relevantKinds: readonly RightsTriggerKind[] = live
    ? ['MAKING', 'EXTENSION', 'RECALL']
    : facts.state === 'REVOKED'
      ? ['REVOCATION']
      : [];
  for (const kind of relevantKinds) {
    const latest = facts.rightsTriggers
      .filter((t) => t.kind === kind)
      .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0))
      .at(-1);
    if (!latest) continue;
    // Imported history (decision 812): a trigger whose local target had passed by the day it was
    // imported was dealt with before the trust used this app; no task is raised for the past.
    if (latest.importedOn && addCalendarDays(latest.occurredOn, targetDays) < latest.importedOn) {
      continue;
    }
    // Only the recall that is still running (or its release) needs the recall information.
    if (kind === 'RECALL' && facts.state !== 'RECALLED') continue;
    const records = facts.rightsRecords.filter(
      (r) =>
        r.triggerEventId === latest.eventId ||
        (r.triggerEventId === null &&
          r.trigger === kind &&
          (r.givenOrallyAt ?? r.givenInWritingAt) !== null &&
          londonDateOf((r.givenOrallyAt ?? r.givenInWritingAt) as Date) >= latest.occurredOn),
    );
    const oral = records.some((r) => r.givenOrallyAt !== null);
    const written = records.some((r) => r.givenInWritingAt !== null);
    if (oral && written) continue;
    const words = RIGHTS_WORDS[kind];
    const dueOn = addCalendarDays(latest.occurredOn, targetDays);
    const partly =
      oral || written
        ? ` Given ${oral ? 'orally' : 'in writing'} so far; still to give ${oral ? 'in writing' : 'orally'}.`
        : '';
    out.push({
      kind: 'RIGHTS_INFORMATION',
      title: words.title,
      dueOn,
      basis: kind === 'REVOCATION' || kind === 'RECALL' ? 's132' : 's132A',
      explanation:
        `Because ${words.because} on ${formatLongDate(latest.occurredOn)}, the patient must be told their rights orally and in writing ` +
        `(and the nearest relative, unless the patient objects): local target ${formatLongDate(dueOn)}, ${targetDays} days later.${partly}`,
      inputs: {
        trigger: kind,
        triggerEventId: latest.eventId,
        triggerOn: latest.occurredOn,
        targetDays,
        givenOrally: oral,
        givenInWriting: written,
      },
      ownerRole: words.role,
      ownerId: words.role === 'CARE_COORDINATOR' ? cc : null,
      sourceEventId: latest.eventId,
    });
  }

  // C14: the hospital managers' review of each extension (Code of Practice 38.14, 38.50).
  if (live) {
    for (const ext of facts.extensions) {
      if (ext.status !== 'COMPLETED' || !ext.cto7FurnishedAt || ext.managersReviewedOn) continue;
      out.push({
        kind: 'MANAGERS_REVIEW_OF_EXTENSION',
        title: "Hospital managers' review of the extension",
        dueOn: ext.expiryDate,
        basis: 'Code of Practice 38.14, 38.50',
        explanation:
          `The CTO7 was furnished on ${formatLongDate(londonDateOf(ext.cto7FurnishedAt))}. The hospital managers should review the extension ` +
          `by ${formatLongDate(ext.expiryDate)}, the day the period it extends would have expired; after that the review is overdue.`,
        inputs: {
          extensionId: ext.id,
          extendsExpiry: ext.expiryDate,
          cto7FurnishedAt: ext.cto7FurnishedAt.toISOString(),
        },
        ownerRole: 'HOSPITAL_MANAGER',
        ownerId: null,
      });
    }
  }

  // C8: the first managers' reference (s68(2)), unless an application or reference was made.
  if (live && facts.underlying.applicableDay) {
    const applicable = facts.underlying.applicableDay;
    const due = firstManagersReferenceDue(applicable);
    const inPeriod = facts.tribunalCases.some((c) => c.madeOn >= applicable && c.madeOn < due);
    if (!inPeriod) {
      out.push({
        kind: 'FIRST_MANAGERS_REFERENCE',
        title: 'Refer the case to the tribunal (first reference)',
        dueOn: due,
        basis: 's68(2), s68(5)',
        explanation:
          `No tribunal application or reference has been made in the six months beginning with ${formatLongDate(applicable)} ` +
          `(admission under the ${legalStatusShortLabel(facts.underlying.legalStatusCode).toLowerCase()} application). ` +
          `The hospital managers must refer the case to the tribunal on ${formatLongDate(due)} unless one is made before then.`,
        inputs: { applicableDay: applicable, legalStatusCode: facts.underlying.legalStatusCode },
        ownerRole: 'MHA_ADMINISTRATOR',
        ownerId: null,
      });
    }
  }

  // C9: the periodic reference (s68(6)) once a tribunal has considered the case.
  if (live) {
    const considered = facts.tribunalCases
      .flatMap((c) => c.consideredOn)
      .sort()
      .at(-1);
    const pending = considered
      ? facts.tribunalCases.some((c) => c.status === 'OPEN' && c.madeOn > considered)
      : false;
    if (considered && !pending) {
      const under18 =
        facts.patientDateOfBirth !== null && ageOn(facts.patientDateOfBirth, today) < 18;
      const due = periodicReferenceDue(considered, under18);
      out.push({
        kind: 'PERIODIC_MANAGERS_REFERENCE',
        title: `Refer the case to the tribunal (${under18 ? 'yearly' : 'three-yearly'} reference)`,
        dueOn: due,
        basis: 's68(6)',
        explanation:
          `A tribunal last considered the case on ${formatLongDate(considered)}. If it has not been considered again, the hospital managers ` +
          `must refer it on ${formatLongDate(due)}${under18 ? ' (one year, because the patient is under 18)' : ''}.`,
        inputs: { lastConsideredOn: considered, under18 },
        ownerRole: 'MHA_ADMINISTRATOR',
        ownerId: null,
      });
    }
  }

  // C7: statement and reports for the open tribunal cases of this order (HESC r32(6)).
  for (const c of facts.tribunalCases) {
    if (c.orderId !== facts.orderId || c.status !== 'OPEN') continue;
    const missing = [
      c.statementSent ? null : "the responsible authority's statement",
      c.rcReportSent ? null : "the responsible clinician's report",
      c.socialCircumstancesSent ? null : 'the social circumstances report',
      !c.nursingReportRequired || c.nursingReportSent ? null : 'the nursing report',
    ].filter((m): m is string => m !== null);
    if (missing.length === 0) continue;
    const due = tribunalDocumentsDue(c.receivedOn);
    out.push({
      kind: 'TRIBUNAL_DOCUMENTS',
      title: 'Send the statement and reports to the tribunal',
      dueOn: due,
      basis: 'HESC Rules r32(6); Practice Direction 2013',
      explanation:
        `The ${c.kind === 'REFERENCE' ? 'reference was made' : 'copy of the application was received'} on ${formatLongDate(c.receivedOn)} (${c.basis}). ` +
        `The tribunal must receive the reports within 3 weeks, by 5pm on ${formatLongDate(due)} (the next working day if that is not one). ` +
        `Still to send: ${missing.join(', ')}.`,
      inputs: {
        tribunalCaseId: c.id,
        receivedOn: c.receivedOn,
        kind: c.kind,
        basis: c.basis,
        outstanding: missing.length,
      },
      ownerRole: 'MHA_ADMINISTRATOR',
      ownerId: null,
    });
  }

  // C5: after revocation, the managers' reference (s68(7)) and the restarted detention (s17G, s20).
  if (facts.state === 'REVOKED' && facts.revocation) {
    const revokedOn = facts.revocation.revokedOn;
    const referred = facts.tribunalCases.some(
      (c) => c.kind === 'REFERENCE' && c.madeOn >= revokedOn,
    );
    // An imported revocation older than the local target window was referred (or not) before
    // the trust used this app: no task for the past (decision 812).
    const pastImport =
      facts.revocation.importedOn &&
      addCalendarDays(revokedOn, targetDays) < facts.revocation.importedOn;
    if (!referred && !pastImport) {
      out.push({
        kind: 'MANAGERS_REFERENCE_AFTER_REVOCATION',
        title: 'Refer the case to the tribunal after revocation',
        dueOn: revokedOn,
        basis: 's68(7)',
        explanation:
          `The order was revoked on ${formatLongDate(revokedOn)}. The hospital managers must refer the case to the tribunal as soon as possible: ` +
          `the target is the day of revocation.`,
        inputs: { revokedOn, revokedAt: facts.revocation.revokedAt.toISOString() },
        ownerRole: 'MHA_ADMINISTRATOR',
        ownerId: null,
      });
    }
    const detention = facts.revocationDetention;
    if (detention && !detention.ended) {
      // The rows hold the s20 schedule (6 months from R, then 6, then 12: C5). The period that
      // matters is the one running today; before the first ends, that is the first.
      const sorted = [...detention.periods].sort((a, b) => a.index - b.index);
      const last = sorted.find((p) => p.endDate >= today) ?? sorted.at(-1);
      const end = last?.endDate ?? detention.expiryDate;
      const first = sorted[0];
      if (end) {
        const window = renewalWindow(end);
        const alt = last?.alternativeEndDate ?? null;
        const section = legalStatusShortLabel(detention.legalStatusCode);
        out.push({
          kind: 'DETENTION_EXPIRY',
          title: `Detention (${section.toLowerCase()}) ends unless renewed`,
          dueOn: end,
          opensOn: window.opens,
          ...(alt ? { alternativeDueOn: alt } : {}),
          basis: 's17G, s20',
          explanation:
            `After revocation on ${formatLongDate(revokedOn)} the detention restarted as if the patient had been admitted that day. ` +
            `The current period ends on ${formatLongDate(end)}; a renewal examination and report must fall between ${formatLongDate(window.opens)} and ${formatLongDate(end)}.` +
            (alt ? ` Another reading of the month end gives ${formatLongDate(alt)}.` : '') +
            // s66(1)(cb), s66(2)(cb): the patient's own window runs to the end of the first period.
            (first && today <= first.endDate
              ? ` The patient may apply to the tribunal until ${formatLongDate(first.endDate)} (s66(1)(cb)).`
              : ''),
          inputs: {
            revokedOn,
            periodIndex: last?.index ?? 0,
            periodStart: last?.startDate ?? revokedOn,
            periodEnd: end,
          },
          ownerRole: 'RESPONSIBLE_CLINICIAN',
          ownerId: rc,
        });
      }
    }
  }

  // C12: the CTO8 after a return from absence without leave (s21B): the RC examines within a
  // week of the return and furnishes the report with an AMHP's agreement; stored so that the
  // RC's list, the MHA office's queue and the reminders all read it (decision 825).
  if (live && facts.currentExpiryDate) {
    for (const e of facts.awolEpisodes ?? []) {
      const returnedAt = e.returnedAt;
      if (!returnedAt) continue;
      if ((facts.cto8FurnishedAt ?? []).some((at) => at >= returnedAt)) continue;
      const result = awolAtExpiry({
        expiry: facts.currentExpiryDate,
        absentFrom: londonDateOf(e.startedAt),
        returnedOn: londonDateOf(returnedAt),
      });
      if (!result.applies || !result.cto8Due) continue;
      out.push({
        kind: 'AWOL_EXTENDED_EXPIRY',
        title: 'Examine and furnish a CTO8 after the return from absence',
        dueOn: result.cto8Due.date,
        basis: result.cto8Due.basis,
        explanation: result.cto8Due.explain,
        inputs: {
          awolEpisodeId: e.id,
          expiry: facts.currentExpiryDate,
          absentFrom: londonDateOf(e.startedAt),
          returnedOn: londonDateOf(returnedAt),
        },
        ownerRole: 'RESPONSIBLE_CLINICIAN',
        ownerId: rc,
      });
    }
  }

  return out;
}
