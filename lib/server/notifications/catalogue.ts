// What each queued item tells whom (issue 8 §3; docs/decisions/711). Pure: no database.
// Every title, body and email heading here is fixed wording: none names a patient or carries
// an identifier, so the same words are safe in the app and in an email (docs/security.md,
// "Emails name no patient"). The in-app link goes to the patient's page, where the reader's
// scope applies as on every page; emails link to the inbox only.
import type { Audience } from './recipients';

export type Priority = 'IMMEDIATE' | 'ROUTINE';

export interface NotificationKind {
  kind: string;
  priority: Priority;
  audiences: readonly Audience[];
  title: string;
  body: string;
  /** The words for one of these in an email digest's list ("2 recalls"). */
  digestLabel: readonly [singular: string, plural: string];
}

const AMHP_PURPOSE: Record<string, string> = {
  MAKING: 'making a community treatment order (s17A)',
  EXTENSION: 'extending a community treatment order (s20A)',
  REVOCATION: 'revoking a community treatment order (s17F)',
};

export const KINDS = {
  amhpRequested: (purpose: string): NotificationKind => ({
    kind: 'AMHP_AGREEMENT_REQUESTED',
    priority: 'IMMEDIATE',
    audiences: ['AMHP'],
    title: 'Your agreement as an AMHP has been asked for',
    body: `A responsible clinician has asked you to agree to ${AMHP_PURPOSE[purpose] ?? 'a decision about a community treatment order'}. Open your agreements to answer.`,
    digestLabel: [
      'request for your agreement as an AMHP',
      'requests for your agreement as an AMHP',
    ],
  }),
  amhpAnswered: {
    kind: 'AMHP_AGREEMENT_ANSWERED',
    priority: 'ROUTINE',
    audiences: ['RC'],
    title: 'An AMHP has answered your request',
    body: 'The AMHP you asked has recorded their decision. Open the record to see it and the next step.',
    digestLabel: ['answer from an AMHP', 'answers from AMHPs'],
  },
  recallServed: {
    kind: 'RECALL',
    priority: 'IMMEDIATE',
    audiences: ['RC', 'CC', 'MHA_OFFICE'],
    title: 'A patient has been recalled to hospital',
    body: 'A recall notice has been served (s17E). Open the record to see where the patient is to go and when the 72 hours end.',
    digestLabel: ['recall to hospital', 'recalls to hospital'],
  },
  recallDetained: {
    kind: 'RECALL',
    priority: 'IMMEDIATE',
    audiences: ['RC', 'CC', 'MHA_OFFICE'],
    title: 'A recalled patient is in hospital: the 72 hours are running',
    body: 'A recalled patient has been detained (s17E). The 72 hours allowed by s17F run from now: open the record to see when they end.',
    digestLabel: ['recall to hospital', 'recalls to hospital'],
  },
  seventyTwoHoursEnded: {
    kind: 'RECALL_ENDED',
    priority: 'ROUTINE',
    audiences: ['RC', 'CC'],
    title: "A recall's 72 hours have ended",
    body: 'The 72 hours of a recall ended without the order being revoked, so the patient is released (s17F(6)). Open the record.',
    digestLabel: ['recall that ended at 72 hours', 'recalls that ended at 72 hours'],
  },
  orderExpired: {
    kind: 'ORDER_EXPIRED',
    priority: 'ROUTINE',
    audiences: ['RC', 'CC', 'MHA_OFFICE'],
    title: 'A community treatment order has expired',
    body: 'An order reached the end of its period without being extended (s20). Open the record.',
    digestLabel: ['order that expired', 'orders that expired'],
  },
  nrDischargeOrder: {
    kind: 'NR_DISCHARGE_ORDER',
    priority: 'IMMEDIATE',
    audiences: ['RC', 'MHA_OFFICE'],
    title: "A nearest relative's order for discharge has been received",
    body: 'The responsible clinician has 72 hours to consider a barring report (s25). Open the record to see when they end.',
    digestLabel: [
      "nearest relative's order for discharge",
      "nearest relatives' orders for discharge",
    ],
  },
  nrBarred: {
    kind: 'NR_BARRED',
    priority: 'ROUTINE',
    audiences: ['MHA_OFFICE'],
    title: 'A barring report was made: the nearest relative must be told',
    body: 'The managers must tell the nearest relative, who may apply to the tribunal (s66(1)(g)). Open the record.',
    digestLabel: ['barring report to act on', 'barring reports to act on'],
  },
  certificateEnded: {
    kind: 'CERTIFICATE_ENDED',
    priority: 'ROUTINE',
    audiences: ['RC'],
    title: 'A treatment certificate has ended',
    body: 'A certificate for treatment has ended. Check whether a new one is needed. Open the record.',
    digestLabel: ['treatment certificate that ended', 'treatment certificates that ended'],
  },
  death: {
    kind: 'DEATH',
    priority: 'ROUTINE',
    audiences: ['MHA_OFFICE'],
    title: 'A death has been recorded: tell the CQC',
    body: 'The death of a patient on a community treatment order must be reported to the CQC. Open the record.',
    digestLabel: ['death to report', 'deaths to report'],
  },
  discharged: {
    kind: 'ORDER_DISCHARGED',
    priority: 'ROUTINE',
    audiences: ['RC', 'CC', 'MHA_OFFICE'],
    title: 'A community treatment order has been discharged',
    body: 'An order on your list has been discharged (s23). Open the record.',
    digestLabel: ['order discharged', 'orders discharged'],
  },
  assignment: {
    kind: 'ASSIGNMENT',
    priority: 'ROUTINE',
    audiences: ['MHA_OFFICE'],
    title: 'Responsibility for an order has been assigned',
    body: 'Responsibility for a community treatment order was assigned to another hospital: the receiving managers must tell the patient in writing (reg 17(4)). Open the record.',
    digestLabel: ['assignment of responsibility', 'assignments of responsibility'],
  },
  // Issue 9 §2: the author of a tribunal document is asked to write it (fixed words, no patient).
  tribunalDocumentRequested: {
    kind: 'TRIBUNAL_DOCUMENT_REQUESTED',
    priority: 'ROUTINE',
    audiences: ['RC', 'CC'],
    title: 'You have been asked to write a tribunal report',
    body: 'A tribunal case needs a report from you by its due date (HESC Rules r32(6)). Open it to draft it from the record.',
    digestLabel: ['tribunal report to write', 'tribunal reports to write'],
  },
} as const satisfies Record<string, NotificationKind | ((purpose: string) => NotificationKind)>;

export const DEADLINE_STAGES = ['due-soon', 'overdue'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

/** A stored deadline coming due, or overdue. `title` is the deadline's own fixed title. */
export function deadlineKind(stage: DeadlineStage, title: string, due: string): NotificationKind {
  return stage === 'overdue'
    ? {
        kind: 'DEADLINE_OVERDUE',
        priority: 'ROUTINE',
        audiences: [],
        title: `Overdue: ${title}`,
        body: `This was due on ${due}. Open the record to do it.`,
        digestLabel: ['statutory item overdue', 'statutory items overdue'],
      }
    : {
        kind: 'DEADLINE_DUE_SOON',
        priority: 'ROUTINE',
        audiences: [],
        title: `Due soon: ${title}`,
        body: `Due on ${due}. Open the record to do it.`,
        digestLabel: ['statutory item due within 7 days', 'statutory items due within 7 days'],
      };
}

/** The digest's words for each kind (kinds not listed are counted as "other notifications"). */
export const DIGEST_LABELS: Record<string, readonly [string, string]> = {
  AMHP_AGREEMENT_REQUESTED: KINDS.amhpRequested('MAKING').digestLabel,
  AMHP_AGREEMENT_ANSWERED: KINDS.amhpAnswered.digestLabel,
  RECALL: KINDS.recallServed.digestLabel,
  RECALL_ENDED: KINDS.seventyTwoHoursEnded.digestLabel,
  ORDER_EXPIRED: KINDS.orderExpired.digestLabel,
  NR_DISCHARGE_ORDER: KINDS.nrDischargeOrder.digestLabel,
  NR_BARRED: KINDS.nrBarred.digestLabel,
  CERTIFICATE_ENDED: KINDS.certificateEnded.digestLabel,
  DEATH: KINDS.death.digestLabel,
  ORDER_DISCHARGED: KINDS.discharged.digestLabel,
  ASSIGNMENT: KINDS.assignment.digestLabel,
  TRIBUNAL_DOCUMENT_REQUESTED: KINDS.tribunalDocumentRequested.digestLabel,
  DEADLINE_OVERDUE: deadlineKind('overdue', '', '').digestLabel,
  DEADLINE_DUE_SOON: deadlineKind('due-soon', '', '').digestLabel,
};

/** "3 recalls to hospital" */
export function countLine(kind: string, count: number): string {
  const [one, many] = DIGEST_LABELS[kind] ?? ['other notification', 'other notifications'];
  return `${count} ${count === 1 ? one : many}`;
}

/** The email heading of an immediate email: the kind's fixed title, never a deadline's. */
export function immediateHeading(kind: NotificationKind): string {
  return kind.title;
}
