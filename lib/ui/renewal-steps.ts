// The renewal (extension) as a task list (issue 8 §2): each step of one renewal with its status
// and what was recorded, read from the stored Extension row and its AMHP requests. Pure, and no
// statutory date is computed here: the dates shown are the ones recorded (lib/cto decided them
// when they were recorded), the window comes from lib/cto via the page.

export type RenewalStepKey =
  'examination' | 'consultation' | 'amhp' | 'cto7' | 'managers-receipt' | 'managers-review';

export type RenewalStepStatus = 'COMPLETED' | 'IN_PROGRESS' | 'NOT_STARTED' | 'CANNOT_START';

export const RENEWAL_STEP_STATUS_LABELS: Record<RenewalStepStatus, string> = {
  COMPLETED: 'Completed',
  IN_PROGRESS: 'In progress',
  NOT_STARTED: 'Not started',
  CANNOT_START: 'Cannot start yet',
};

export interface RenewalStep {
  key: RenewalStepKey;
  title: string;
  status: RenewalStepStatus;
  /** What was recorded, in plain English with its date (or what is awaited). */
  recorded: string | null;
}

/** What the task list reads of one renewal; dates already formatted by the page. */
export interface RenewalRecord {
  examinedOn: string | null;
  examinedBy: string | null;
  consultedOn: string | null;
  consulteeName: string | null;
  consulteeRole: string | null;
  cto7FurnishedAt: string | null;
  managersReceivedAt: string | null;
  managersReviewedOn: string | null;
  managersReviewOutcome: 'CONTINUE' | 'DISCHARGE' | 'ADJOURNED' | null;
  /** The AMHP requests of this renewal, oldest first. */
  agreements: {
    amhpName: string;
    decision: 'PENDING' | 'AGREED' | 'DECLINED' | 'WITHDRAWN';
    respondedAt: string | null;
    reasons: string | null;
  }[];
}

const OUTCOMES = {
  CONTINUE: 'the order continues',
  DISCHARGE: 'the patient is discharged',
  ADJOURNED: 'adjourned',
} as const;

function amhpStep(record: RenewalRecord): Pick<RenewalStep, 'status' | 'recorded'> {
  const agreed = record.agreements.find((a) => a.decision === 'AGREED');
  if (agreed) {
    return {
      status: 'COMPLETED',
      recorded: `${agreed.amhpName} agreed${agreed.respondedAt ? ` on ${agreed.respondedAt}` : ''}`,
    };
  }
  const pending = record.agreements.find((a) => a.decision === 'PENDING');
  if (pending) {
    return { status: 'IN_PROGRESS', recorded: `${pending.amhpName} asked, not answered yet` };
  }
  const declined = [...record.agreements].reverse().find((a) => a.decision === 'DECLINED');
  if (declined) {
    return {
      status: 'NOT_STARTED',
      recorded: `${declined.amhpName} did not agree${declined.reasons ? `: “${declined.reasons}”` : ''}. Ask another AMHP.`,
    };
  }
  return { status: record.examinedOn ? 'NOT_STARTED' : 'CANNOT_START', recorded: null };
}

/** The six steps of one renewal, in the order they are taken. No record: nothing started. */
export function renewalSteps(record: RenewalRecord | null): RenewalStep[] {
  const r: RenewalRecord = record ?? {
    examinedOn: null,
    examinedBy: null,
    consultedOn: null,
    consulteeName: null,
    consulteeRole: null,
    cto7FurnishedAt: null,
    managersReceivedAt: null,
    managersReviewedOn: null,
    managersReviewOutcome: null,
    agreements: [],
  };
  const amhp = amhpStep(r);
  const cto7Ready = r.examinedOn !== null && r.consultedOn !== null && amhp.status === 'COMPLETED';
  return [
    {
      key: 'examination',
      title: 'Examination and opinion (CTO7 Part 1)',
      status: r.examinedOn ? 'COMPLETED' : 'NOT_STARTED',
      recorded: r.examinedOn
        ? `Examined on ${r.examinedOn}${r.examinedBy ? ` by ${r.examinedBy}` : ''}`
        : null,
    },
    {
      key: 'consultation',
      title: 'Consultation with another professional (section 20A(9))',
      status: r.consultedOn ? 'COMPLETED' : 'NOT_STARTED',
      recorded: r.consultedOn
        ? `${[r.consulteeName, r.consulteeRole && `(${r.consulteeRole})`].filter(Boolean).join(' ')} consulted on ${r.consultedOn}`
        : null,
    },
    { key: 'amhp', title: 'AMHP’s agreement (CTO7 Part 2)', ...amhp },
    {
      key: 'cto7',
      title: 'Furnish the report to the managers (CTO7 Part 3)',
      status: r.cto7FurnishedAt ? 'COMPLETED' : cto7Ready ? 'NOT_STARTED' : 'CANNOT_START',
      recorded: r.cto7FurnishedAt ? `Furnished ${r.cto7FurnishedAt}` : null,
    },
    {
      key: 'managers-receipt',
      title: 'Managers’ receipt (CTO7 Part 4)',
      status: r.managersReceivedAt
        ? 'COMPLETED'
        : r.cto7FurnishedAt
          ? 'NOT_STARTED'
          : 'CANNOT_START',
      recorded: r.managersReceivedAt ? `Received ${r.managersReceivedAt}` : null,
    },
    {
      key: 'managers-review',
      title: 'Managers’ review of the renewal',
      status: r.managersReviewedOn
        ? 'COMPLETED'
        : r.cto7FurnishedAt
          ? 'NOT_STARTED'
          : 'CANNOT_START',
      recorded: r.managersReviewedOn
        ? `Reviewed on ${r.managersReviewedOn}${r.managersReviewOutcome ? `: ${OUTCOMES[r.managersReviewOutcome]}` : ''}`
        : null,
    },
  ];
}
