/**
 * From a register's rows to what would be imported (issue 10 §2). Two steps, both pure:
 *
 * 1. `interpretTable`: each row's cells read into a record (values as people write them, dates
 *    in every spreadsheet form), with the reasons a row cannot be read, and duplicates found
 *    within the file and against patients already in the app.
 * 2. `evaluateRecord`: the record checked against the law with a person's decisions applied: the
 *    stated expiry reconciled with lib/cto's, and the order's history planned as events.
 *
 * A row is REJECTED (it cannot be imported as it is), WARNING (it can be, once a person has
 * decided each question it raises) or ACCEPTED. The plan says exactly what a commit writes.
 */
import {
  addDays,
  compareDates,
  formatDate,
  lastDayOfRecallDetention,
  maxDate,
  revocationConsequences,
  type IsoDate,
} from '@/lib/cto';
import {
  columnDateOrder,
  readDate,
  splitDateList,
  type Cell,
  type ColumnOrder,
  type YearRule,
} from './dates';
import { FIELD_LABELS, REQUIRED_FIELDS, type ColumnMapping, type ImportField } from './fields';
import { periodsFor, reconcileExpiry, type Reconciliation } from './reconcile';
import {
  cellText,
  nameKey,
  readEthnicCategory,
  readNhsNumber,
  readSection,
  readSex,
  type ImportSex,
} from './values';

export type Outcome = 'ACCEPTED' | 'WARNING' | 'REJECTED';

export type MessageCode =
  // Rejections
  | 'MISSING_VALUE'
  | 'INVALID_NHS_NUMBER'
  | 'UNREADABLE_DATE'
  | 'IMPOSSIBLE_DATE'
  | 'DATE_IN_FUTURE'
  | 'BORN_AFTER_START'
  | 'EXPIRY_BEFORE_START'
  | 'DATE_BEFORE_START'
  | 'RENEWAL_AFTER_EXPIRY'
  | 'ENDED_AFTER_EXPIRY'
  | 'REVOKED_AND_DISCHARGED'
  | 'UNKNOWN_SEX'
  | 'UNKNOWN_ETHNIC_CATEGORY'
  | 'UNKNOWN_SECTION'
  | 'SECTION_NOT_ELIGIBLE'
  | 'UNKNOWN_TEAM'
  | 'UNKNOWN_HOSPITAL'
  | 'DUPLICATE_IN_FILE'
  | 'LOCAL_ID_IN_USE'
  | 'ORDER_IN_FORCE'
  | 'RECALL_IN_PROGRESS'
  | 'RECALL_AFTER_END'
  // Questions for a person
  | 'AMBIGUOUS_DATE'
  | 'EXPIRY_MISMATCH'
  | 'EXISTING_PATIENT'
  // Information
  | 'ALREADY_IMPORTED'
  | 'STAFF_NOT_MATCHED'
  | 'NO_TEAM'
  | 'HOSPITAL_ASSUMED'
  | 'LOCAL_ID_FROM_NHS_NUMBER'
  | 'DISCHARGE_ROUTE_NOT_RECORDED'
  | 'EXPIRED'
  | 'NO_STATED_EXPIRY'
  | 'RECALL_FOR_REVOCATION_ASSUMED'
  | 'DETENTION_AFTER_REVOCATION_NOT_RECORDED';

export type Severity = 'error' | 'question' | 'info';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface RowMessage {
  readonly column: string | null;
  readonly code: MessageCode;
  readonly message: string;
  readonly severity: Severity;
  /** For a question: the answers a person can give. */
  readonly choices?: readonly Choice[];
}

/** A date as read: certain, or two readings a person must choose between. */
export type DateSlot = { date: IsoDate } | { dmy: IsoDate; mdy: IsoDate; text: string };

export interface ImportRecord {
  nhsNumber: string;
  localId: string;
  familyName: string;
  givenName: string;
  dateOfBirth: DateSlot;
  sex: ImportSex;
  ethnicCategory: string;
  teamId: string | null;
  careCoordinatorId: string | null;
  responsibleClinicianId: string | null;
  hospitalId: string;
  legalStatusCode: string;
  ctoStart: DateSlot;
  statedExpiry: DateSlot | null;
  renewals: DateSlot[];
  recalls: DateSlot[];
  revokedOn: DateSlot | null;
  dischargedOn: DateSlot | null;
  /** The header of the column each field came from, for messages at commit. */
  columns: Partial<Record<ImportField, string>>;
  /** A patient already in the app with this NHS number. */
  existingPatientId: string | null;
  existingHasOrderInForce: boolean;
  /** The order this row made in an earlier import (NHS number and start date). */
  alreadyImportedOrderId: string | null;
}

export interface ImportContext {
  readonly today: IsoDate;
  readonly teams: readonly { id: string; code: string; name: string }[];
  readonly hospitals: readonly { id: string; siteCode: string; name: string }[];
  readonly staff: readonly { id: string; name: string; roles: readonly string[] }[];
  /** Patients already in the app, by NHS number. */
  readonly patientsByNhsNumber: ReadonlyMap<
    string,
    { patientId: string; localId: string; hasOrderInForce: boolean }
  >;
  /** Local identifiers already in use, with the patient that holds each. */
  readonly patientsByLocalId: ReadonlyMap<string, string>;
  /** Orders made by earlier imports, by `importKey`. */
  readonly importedOrders: ReadonlyMap<string, string>;
}

export interface SheetRow {
  /** The spreadsheet's own row number (1 is the first row of the sheet). */
  readonly row: number;
  readonly cells: readonly Cell[];
}

export interface InterpretedRow {
  readonly row: number;
  readonly record: ImportRecord | null;
  readonly messages: RowMessage[];
}

/** The key an imported order is known by: re-importing the same row finds it. */
export function importKey(nhsNumber: string, ctoStart: IsoDate): string {
  return `${nhsNumber}:${ctoStart}`;
}

const DATE_FIELDS = [
  'dateOfBirth',
  'ctoStart',
  'statedExpiry',
  'renewedOn',
  'recalledOn',
  'revokedOn',
  'dischargedOn',
] as const satisfies readonly ImportField[];

type DateField = (typeof DATE_FIELDS)[number];

function error(column: string | null, code: MessageCode, message: string): RowMessage {
  return { column, code, message, severity: 'error' };
}

function info(column: string | null, code: MessageCode, message: string): RowMessage {
  return { column, code, message, severity: 'info' };
}

/** Reads every row of a sheet with the columns as mapped. */
export function interpretTable(
  rows: readonly SheetRow[],
  columns: readonly ColumnMapping[],
  context: ImportContext,
): InterpretedRow[] {
  return tableInterpreter(rows, columns, context)(rows);
}

/**
 * Reads a sheet's rows a batch at a time (decision 814): what needs the whole column (the order
 * its dates are written in) is worked out once from all the rows, and the NHS numbers seen carry
 * from one batch to the next, so that the rows read in batches are the rows read at once.
 */
export function tableInterpreter(
  rows: readonly SheetRow[],
  columns: readonly ColumnMapping[],
  context: ImportContext,
): (batch: readonly SheetRow[]) => InterpretedRow[] {
  const byField = new Map<ImportField, ColumnMapping>();
  for (const c of columns) if (c.field && c.field !== 'ignore') byField.set(c.field, c);

  const orders = new Map<DateField, ColumnOrder>();
  for (const field of DATE_FIELDS) {
    const column = byField.get(field);
    if (!column) continue;
    const values = rows.flatMap((r) => splitDateList(r.cells[column.index] ?? null));
    orders.set(field, columnDateOrder(values));
  }

  const seen = new Map<string, number>();
  return (batch) =>
    batch.map((sheetRow) => {
      const result = interpretRow(sheetRow, byField, orders, context);
      if (result.record) {
        const first = seen.get(result.record.nhsNumber);
        if (first !== undefined) {
          result.messages.push(
            error(
              byField.get('nhsNumber')?.header ?? null,
              'DUPLICATE_IN_FILE',
              `This NHS number is also on row ${first}: each patient's order can be imported once. Remove one of the rows, or enter a second order by hand.`,
            ),
          );
        } else {
          seen.set(result.record.nhsNumber, sheetRow.row);
        }
      }
      return result;
    });
}

function interpretRow(
  sheetRow: SheetRow,
  byField: ReadonlyMap<ImportField, ColumnMapping>,
  orders: ReadonlyMap<DateField, ColumnOrder>,
  context: ImportContext,
): InterpretedRow {
  const messages: RowMessage[] = [];
  const columns: Partial<Record<ImportField, string>> = {};
  for (const [field, c] of byField) columns[field] = c.header;
  const header = (field: ImportField): string | null => byField.get(field)?.header ?? null;
  const cell = (field: ImportField): Cell => {
    const c = byField.get(field);
    return c ? (sheetRow.cells[c.index] ?? null) : null;
  };
  const text = (field: ImportField) => cellText(cell(field));

  for (const field of REQUIRED_FIELDS) {
    if (text(field) === '') {
      messages.push(
        error(
          header(field),
          'MISSING_VALUE',
          byField.has(field)
            ? `${FIELD_LABELS[field]} is blank.`
            : `No column is mapped to ${FIELD_LABELS[field].toLowerCase()}: map one before importing.`,
        ),
      );
    }
  }

  const nhs = readNhsNumber(cell('nhsNumber'));
  if (text('nhsNumber') !== '' && !nhs.ok) {
    messages.push(
      error(
        header('nhsNumber'),
        'INVALID_NHS_NUMBER',
        nhs.reason === 'not-ten-digits'
          ? `"${text('nhsNumber')}" is not an NHS number: it needs 10 digits.`
          : `"${text('nhsNumber')}" is not a valid NHS number: the check digit is wrong (a digit may be mistyped).`,
      ),
    );
  }

  const yearFor = (field: DateField): YearRule =>
    field === 'dateOfBirth'
      ? { kind: 'past', referenceYear: Number(context.today.slice(0, 4)) }
      : { kind: 'cto' };

  const readSlot = (field: DateField, value: Cell): DateSlot | null => {
    const reading = readDate(value, orders.get(field) ?? 'DMY', yearFor(field));
    switch (reading.kind) {
      case 'blank':
        return null;
      case 'date':
        return { date: reading.date };
      case 'ambiguous':
        return { dmy: reading.dmy, mdy: reading.mdy, text: reading.text };
      case 'impossible':
        messages.push(
          error(
            header(field),
            'IMPOSSIBLE_DATE',
            `"${reading.text}" is not a real date: ${reading.reason}.`,
          ),
        );
        return null;
      case 'unreadable':
        messages.push(
          error(
            header(field),
            'UNREADABLE_DATE',
            `"${reading.text}" cannot be read as a date. Write it as, for example, 01/02/2025 or 1 February 2025.`,
          ),
        );
        return null;
    }
  };
  const one = (field: DateField) => readSlot(field, cell(field));
  const list = (field: DateField) =>
    splitDateList(cell(field))
      .map((v) => readSlot(field, v))
      .filter((s): s is DateSlot => s !== null);

  const dateOfBirth = one('dateOfBirth');
  const ctoStart = one('ctoStart');
  const statedExpiry = one('statedExpiry');
  const renewals = list('renewedOn');
  const recalls = list('recalledOn');
  const revokedOn = one('revokedOn');
  const dischargedOn = one('dischargedOn');

  let sex: ImportSex = 'NOT_KNOWN';
  if (text('sex') !== '') {
    const read = readSex(cell('sex'));
    if (read) sex = read;
    else
      messages.push(
        error(
          header('sex'),
          'UNKNOWN_SEX',
          `"${text('sex')}" is not a sex we know: use Male, Female, Indeterminate or Not known (or M, F, I, U).`,
        ),
      );
  }

  let ethnicCategory = '99';
  if (text('ethnicCategory') !== '') {
    const read = readEthnicCategory(cell('ethnicCategory'));
    if (read) ethnicCategory = read;
    else
      messages.push(
        error(
          header('ethnicCategory'),
          'UNKNOWN_ETHNIC_CATEGORY',
          `"${text('ethnicCategory')}" is not an NHS ethnic category: use its code (A to S, Z) or its name, for example "Black African".`,
        ),
      );
  }

  let legalStatusCode = '';
  if (text('section') !== '') {
    const read = readSection(cell('section'));
    if (read.ok) legalStatusCode = read.code;
    else if (read.reason === 'not-eligible')
      messages.push(
        error(
          header('section'),
          'SECTION_NOT_ELIGIBLE',
          `"${text('section')}" cannot lead to a CTO: only section 3 and unrestricted Part 3 sections (37, 47, 48, 45A once its limitation direction has ended) can (s17A).`,
        ),
      );
    else
      messages.push(
        error(
          header('section'),
          'UNKNOWN_SECTION',
          `"${text('section')}" is not a section we can read: write it as, for example, "s3", "Section 3" or "s37".`,
        ),
      );
  }

  let teamId: string | null = null;
  if (text('team') !== '') {
    const key = nameKey(text('team'));
    const team = context.teams.find((t) => nameKey(t.name) === key || nameKey(t.code) === key);
    if (team) teamId = team.id;
    else
      messages.push(
        error(
          header('team'),
          'UNKNOWN_TEAM',
          `There is no team called "${text('team')}" in CTO Tracker: correct the name or ask a system administrator to add the team.`,
        ),
      );
  } else {
    messages.push(
      info(
        header('team'),
        'NO_TEAM',
        'No team: the patient is imported without one; add it on their page.',
      ),
    );
  }

  let hospitalId = '';
  if (text('hospital') !== '') {
    const key = nameKey(text('hospital'));
    const hospital = context.hospitals.find(
      (h) => nameKey(h.name) === key || nameKey(h.siteCode) === key,
    );
    if (hospital) hospitalId = hospital.id;
    else
      messages.push(
        error(
          header('hospital'),
          'UNKNOWN_HOSPITAL',
          `There is no hospital called "${text('hospital')}" in CTO Tracker: correct the name or ask a system administrator to add it.`,
        ),
      );
  } else if (context.hospitals.length === 1 && context.hospitals[0]) {
    hospitalId = context.hospitals[0].id;
    messages.push(
      info(
        header('hospital'),
        'HOSPITAL_ASSUMED',
        `No hospital given: the trust has one, ${context.hospitals[0].name}, so it is the responsible hospital.`,
      ),
    );
  } else {
    messages.push(
      error(
        header('hospital'),
        'MISSING_VALUE',
        'The responsible hospital is blank, and the trust has more than one.',
      ),
    );
  }

  const staffFor = (field: 'careCoordinator' | 'responsibleClinician', role: string) => {
    if (text(field) === '') return null;
    const key = nameKey(text(field));
    const found = context.staff.filter((s) => s.roles.includes(role) && nameKey(s.name) === key);
    if (found.length === 1 && found[0]) return found[0].id;
    messages.push(
      info(
        header(field),
        'STAFF_NOT_MATCHED',
        `"${text(field)}" is not ${found.length > 1 ? 'one person' : 'a user'} in CTO Tracker with that role: the patient is imported without a ${FIELD_LABELS[field].toLowerCase()}; assign one on their page.`,
      ),
    );
    return null;
  };
  const careCoordinatorId = staffFor('careCoordinator', 'CARE_COORDINATOR');
  const responsibleClinicianId = staffFor('responsibleClinician', 'RESPONSIBLE_CLINICIAN');

  if (messages.some((m) => m.severity === 'error') || !nhs.ok || !dateOfBirth || !ctoStart) {
    return { row: sheetRow.row, record: null, messages };
  }

  let localId = text('localId');
  if (localId === '') {
    localId = nhs.value;
    if (byField.has('localId'))
      messages.push(
        info(
          header('localId'),
          'LOCAL_ID_FROM_NHS_NUMBER',
          'No local identifier: the NHS number is used until one is added.',
        ),
      );
  }
  const existing = context.patientsByNhsNumber.get(nhs.value);
  const holder = context.patientsByLocalId.get(localId);
  if (holder && holder !== existing?.patientId) {
    messages.push(
      error(
        header('localId'),
        'LOCAL_ID_IN_USE',
        `The local identifier "${localId}" already belongs to another patient in CTO Tracker.`,
      ),
    );
    return { row: sheetRow.row, record: null, messages };
  }
  const start = 'date' in ctoStart ? ctoStart.date : null;
  const already = start ? (context.importedOrders.get(importKey(nhs.value, start)) ?? null) : null;

  return {
    row: sheetRow.row,
    messages,
    record: {
      nhsNumber: nhs.value,
      localId,
      familyName: text('familyName'),
      givenName: text('givenName'),
      dateOfBirth,
      sex,
      ethnicCategory,
      teamId,
      careCoordinatorId,
      responsibleClinicianId,
      hospitalId,
      legalStatusCode,
      ctoStart,
      statedExpiry,
      renewals,
      recalls,
      revokedOn,
      dischargedOn,
      columns,
      existingPatientId: existing?.patientId ?? null,
      existingHasOrderInForce: existing?.hasOrderInForce ?? false,
      alreadyImportedOrderId: already,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Step 2: the law, with a person's decisions
// ---------------------------------------------------------------------------------------------

/** A person's answer to one question on one row (by code and column). */
export interface Decision {
  readonly code: 'AMBIGUOUS_DATE' | 'EXPIRY_MISMATCH' | 'EXISTING_PATIENT';
  readonly column?: string | null;
  readonly choice: string;
}

export const SKIP = 'SKIP';

export type PlannedState = 'ACTIVE' | 'RECALLED' | 'REVOKED' | 'DISCHARGED' | 'EXPIRED';

export interface PlannedEvent {
  readonly type:
    | 'MAKE'
    | 'FURNISH_CTO7'
    | 'DETENTION_BEGINS'
    | 'RELEASE_FROM_RECALL'
    | 'REVOKE'
    | 'DISCHARGE_BY_RC'
    | 'EXPIRE';
  readonly on: IsoDate;
  readonly stateBefore: PlannedState | null;
  readonly stateAfter: PlannedState;
  readonly column: string | null;
  readonly note: string;
  /** For a recall's events: which of the plan's recalls (its index in `recalls`). */
  readonly recall?: number;
}

/**
 * A recall the register records (s17E), with the day only: the patient was detained that day
 * and, within the 72 hours, released or the order revoked (s17F). `assumed` when the register
 * gives a revocation but no recall in the 72 hours before it (s17F(4) revokes only a recalled
 * patient's order).
 */
export interface PlannedRecall {
  readonly on: IsoDate;
  readonly outcome: 'RELEASED' | 'REVOKED';
  readonly column: string | null;
  readonly assumed: boolean;
}

export interface OrderPlan {
  readonly madeOn: IsoDate;
  readonly dateOfBirth: IsoDate;
  readonly state: PlannedState;
  readonly periods: {
    index: number;
    start: IsoDate;
    end: IsoDate;
    months: number;
    alternativeEnd?: IsoDate;
    source: 'MADE' | 'EXTENSION';
  }[];
  readonly currentExpiry: IsoDate;
  readonly currentExpiryAlternative: IsoDate | null;
  readonly endedOn: IsoDate | null;
  readonly endReason: 'REVOKED' | 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN' | 'EXPIRED' | null;
  readonly events: PlannedEvent[];
  readonly recalls: PlannedRecall[];
  /**
   * A revocation (s17F) and, when its first period of detention (s17G, lib/cto
   * revocationConsequences) has not ended by the day of import, that detention.
   */
  readonly revocation: {
    readonly on: IsoDate;
    readonly detentionPeriods:
      | {
          index: number;
          months: number;
          start: IsoDate;
          end: IsoDate;
          alternativeEnd?: IsoDate;
          basis: string;
        }[]
      | null;
  } | null;
  readonly statedExpiry: IsoDate | null;
  readonly reconciliation: Reconciliation;
  readonly decisions: readonly Decision[];
}

export interface Evaluation {
  readonly outcome: Outcome;
  readonly messages: RowMessage[];
  /** What a commit writes; null when the row is rejected, undecided, skipped or already in. */
  readonly plan: OrderPlan | null;
  readonly skipped: boolean;
}

function decisionFor(
  decisions: readonly Decision[],
  code: Decision['code'],
  column: string | null,
): string | undefined {
  return decisions.find((d) => d.code === code && (d.column ?? null) === column)?.choice;
}

/** The outcome of a row's messages: any error rejects, any open question warns. */
export function outcomeOf(messages: readonly RowMessage[]): Outcome {
  if (messages.some((m) => m.severity === 'error')) return 'REJECTED';
  if (messages.some((m) => m.severity === 'question')) return 'WARNING';
  return 'ACCEPTED';
}

/**
 * Checks a record against the law with the decisions given, and plans the order's history.
 * `earlier` are the messages from reading the row (they are kept).
 */
export function evaluateRecord(
  record: ImportRecord,
  decisions: readonly Decision[],
  today: IsoDate,
  earlier: readonly RowMessage[] = [],
): Evaluation {
  const messages: RowMessage[] = [...earlier];
  const col = (field: ImportField) => record.columns[field] ?? null;
  let skipped = false;

  if (record.alreadyImportedOrderId) {
    messages.push(
      info(
        col('nhsNumber'),
        'ALREADY_IMPORTED',
        'This order was imported before: nothing is changed. Record anything new on the order itself.',
      ),
    );
    return { outcome: outcomeOf(messages), messages, plan: null, skipped: true };
  }

  const resolve = (slot: DateSlot | null, field: ImportField): IsoDate | null | 'open' => {
    if (slot === null) return null;
    if ('date' in slot) return slot.date;
    const choice = decisionFor(decisions, 'AMBIGUOUS_DATE', col(field));
    if (choice === 'DMY') return slot.dmy;
    if (choice === 'MDY') return slot.mdy;
    if (choice === SKIP) {
      skipped = true;
      return 'open';
    }
    if (!messages.some((m) => m.code === 'AMBIGUOUS_DATE' && m.column === col(field))) {
      messages.push({
        column: col(field),
        code: 'AMBIGUOUS_DATE',
        severity: 'question',
        message: `"${slot.text}" could be ${formatDate(slot.dmy)} (day first) or ${formatDate(slot.mdy)} (month first), and this column has both kinds of date: say which it is.`,
        choices: [
          { value: 'DMY', label: `${formatDate(slot.dmy)} (day first)` },
          { value: 'MDY', label: `${formatDate(slot.mdy)} (month first)` },
          { value: SKIP, label: 'Do not import this row' },
        ],
      });
    }
    return 'open';
  };

  const dob = resolve(record.dateOfBirth, 'dateOfBirth');
  const start = resolve(record.ctoStart, 'ctoStart');
  const stated = resolve(record.statedExpiry, 'statedExpiry');
  const renewals = record.renewals.map((s) => resolve(s, 'renewedOn'));
  const recalls = record.recalls.map((s) => resolve(s, 'recalledOn'));
  const revoked = resolve(record.revokedOn, 'revokedOn');
  const discharged = resolve(record.dischargedOn, 'dischargedOn');

  const open = [dob, start, stated, revoked, discharged, ...renewals, ...recalls].some(
    (d) => d === 'open',
  );
  if (skipped) return { outcome: outcomeOf(messages), messages, plan: null, skipped: true };
  if (open || typeof dob !== 'string' || typeof start !== 'string') {
    return { outcome: outcomeOf(messages), messages, plan: null, skipped: false };
  }
  const fixed = (d: IsoDate | null | 'open'): d is IsoDate => typeof d === 'string' && d !== 'open';
  const renewalDates = renewals.filter(fixed).sort(compareDates);
  const recallDates = recalls.filter(fixed).sort(compareDates);
  const statedDate = fixed(stated) ? stated : null;
  const revokedDate = fixed(revoked) ? revoked : null;
  const dischargedDate = fixed(discharged) ? discharged : null;

  const future = (d: IsoDate | null, field: ImportField, what: string) => {
    if (d && compareDates(d, today) > 0)
      messages.push(
        error(col(field), 'DATE_IN_FUTURE', `The ${what}, ${formatDate(d)}, is in the future.`),
      );
  };
  future(dob, 'dateOfBirth', 'date of birth');
  future(start, 'ctoStart', 'start date');
  renewalDates.forEach((d) => future(d, 'renewedOn', 'renewal date'));
  recallDates.forEach((d) => future(d, 'recalledOn', 'recall date'));
  future(revokedDate, 'revokedOn', 'revocation date');
  future(dischargedDate, 'dischargedOn', 'discharge date');

  if (compareDates(dob, start) >= 0) {
    messages.push(
      error(
        col('dateOfBirth'),
        'BORN_AFTER_START',
        `The date of birth, ${formatDate(dob)}, is not before the CTO start date, ${formatDate(start)}.`,
      ),
    );
  }
  if (statedDate && compareDates(statedDate, start) <= 0) {
    messages.push(
      error(
        col('statedExpiry'),
        'EXPIRY_BEFORE_START',
        `The expiry, ${formatDate(statedDate)}, is not after the start date, ${formatDate(start)}.`,
      ),
    );
  }
  const before = (d: IsoDate | null, field: ImportField, what: string) => {
    if (d && compareDates(d, start) <= 0)
      messages.push(
        error(
          col(field),
          'DATE_BEFORE_START',
          `The ${what}, ${formatDate(d)}, is not after the start date, ${formatDate(start)}.`,
        ),
      );
  };
  renewalDates.forEach((d) => before(d, 'renewedOn', 'renewal date'));
  recallDates.forEach((d) => before(d, 'recalledOn', 'recall date'));
  before(revokedDate, 'revokedOn', 'revocation date');
  before(dischargedDate, 'dischargedOn', 'discharge date');
  const orderEndedOn = revokedDate ?? dischargedDate;
  recallDates.forEach((d) => {
    if (orderEndedOn && compareDates(d, orderEndedOn) > 0)
      messages.push(
        error(
          col('recalledOn'),
          'RECALL_AFTER_END',
          `The recall on ${formatDate(d)} is after the order ended on ${formatDate(orderEndedOn)}: a patient can be recalled only while the order is in force (s17E).`,
        ),
      );
  });
  const lastRecall = recallDates.at(-1);
  if (
    lastRecall &&
    !orderEndedOn &&
    compareDates(lastDayOfRecallDetention(lastRecall), today) >= 0
  ) {
    messages.push(
      error(
        col('recalledOn'),
        'RECALL_IN_PROGRESS',
        `The recall on ${formatDate(lastRecall)} may still be running: its 72 hours (s17F) need the time the patient was detained, which a register does not hold. Clear the recall from this row and record it on the order with its times once imported, or import the row after the recall has ended.`,
      ),
    );
  }
  if (revokedDate && dischargedDate) {
    messages.push(
      error(
        col('dischargedOn'),
        'REVOKED_AND_DISCHARGED',
        'The row gives both a revocation and a discharge: an order ends once. Keep the one that ended it.',
      ),
    );
  }
  if (messages.some((m) => m.severity === 'error')) {
    return { outcome: 'REJECTED', messages, plan: null, skipped: false };
  }

  // Each renewal extends the period it falls in: it must be made before that period ends.
  const periodsNow = periodsFor(start, renewalDates.length);
  renewalDates.forEach((d, i) => {
    const period = periodsNow[i];
    if (period && compareDates(d, period.end) > 0) {
      messages.push(
        error(
          col('renewedOn'),
          'RENEWAL_AFTER_EXPIRY',
          `The renewal on ${formatDate(d)} is after the period it would extend ended (${formatDate(period.end)}): an order that has expired cannot be renewed (s20A). A renewal before it may be missing, or the date is wrong.`,
        ),
      );
    }
  });

  // The stated expiry against lib/cto's.
  let extra = 0;
  const reconciliation = reconcileExpiry(start, renewalDates.length, statedDate);
  if (reconciliation.kind === 'mismatch') {
    const choice = decisionFor(decisions, 'EXPIRY_MISMATCH', col('statedExpiry'));
    const missing =
      reconciliation.explanation.kind === 'missed-renewal' ? reconciliation.explanation.missing : 0;
    const choices: Choice[] = [
      {
        value: 'COMPUTED',
        label: `Import with ${formatDate(reconciliation.computed)}, the expiry the law gives for the dates recorded`,
      },
      ...(missing > 0
        ? [
            {
              value: 'ADD_RENEWAL',
              label: `Add the missing ${missing === 1 ? 'renewal' : `${missing} renewals`} (dated the last day of the period renewed), giving ${formatDate(reconciliation.stated)}`,
            },
          ]
        : []),
      { value: SKIP, label: 'Do not import this row' },
    ];
    const text = `The register says the order expires on ${formatDate(reconciliation.stated)}; from the start date and the renewals recorded the law gives ${formatDate(reconciliation.computed)}${reconciliation.alternative ? ` (or ${formatDate(reconciliation.alternative)} on the other reading)` : ''}. ${reconciliation.explanation.message}`;
    if (choice === SKIP) skipped = true;
    else if (choice === 'COMPUTED') {
      messages.push(
        info(
          col('statedExpiry'),
          'EXPIRY_MISMATCH',
          `${text} Decided: import with ${formatDate(reconciliation.computed)}.`,
        ),
      );
    } else if (choice === 'ADD_RENEWAL' && missing > 0) {
      extra = missing;
      messages.push(
        info(
          col('statedExpiry'),
          'EXPIRY_MISMATCH',
          `${text} Decided: add the missing ${missing === 1 ? 'renewal' : 'renewals'}.`,
        ),
      );
    } else {
      messages.push({
        column: col('statedExpiry'),
        code: 'EXPIRY_MISMATCH',
        severity: 'question',
        message: text,
        choices,
      });
    }
  } else if (reconciliation.kind === 'no-stated-expiry') {
    messages.push(
      info(
        col('statedExpiry'),
        'NO_STATED_EXPIRY',
        `No expiry in the register to compare: the law gives ${formatDate(reconciliation.computed)}.`,
      ),
    );
  }

  if (record.existingPatientId) {
    if (record.existingHasOrderInForce) {
      messages.push(
        error(
          col('nhsNumber'),
          'ORDER_IN_FORCE',
          'This patient is already in CTO Tracker with an order in force: record this history on their page instead.',
        ),
      );
    } else {
      const choice = decisionFor(decisions, 'EXISTING_PATIENT', col('nhsNumber'));
      if (choice === SKIP) skipped = true;
      else if (choice !== 'IMPORT')
        messages.push({
          column: col('nhsNumber'),
          code: 'EXISTING_PATIENT',
          severity: 'question',
          message:
            'A patient with this NHS number is already in CTO Tracker. Add this order to their record (their details there are kept), or leave the row out?',
          choices: [
            { value: 'IMPORT', label: 'Add the order to the existing patient' },
            { value: SKIP, label: 'Do not import this row' },
          ],
        });
    }
  }

  if (skipped) return { outcome: outcomeOf(messages), messages, plan: null, skipped: true };
  const outcome = outcomeOf(messages);
  if (outcome !== 'ACCEPTED') return { outcome, messages, plan: null, skipped: false };

  // The history: made, each renewal, the missing renewals a person added, recalls, the end.
  const count = renewalDates.length + extra;
  const periods = periodsFor(start, count).map((p, index) => ({
    index,
    start: p.start,
    end: p.end,
    months: p.months,
    ...(p.alternativeEnd ? { alternativeEnd: p.alternativeEnd } : {}),
    source: index === 0 ? ('MADE' as const) : ('EXTENSION' as const),
  }));
  const last = periods[periods.length - 1];
  if (!last) throw new Error('ctoPeriods returned no period.');
  const events: PlannedEvent[] = [
    {
      type: 'MAKE',
      on: start,
      stateBefore: null,
      stateAfter: 'ACTIVE',
      column: col('ctoStart'),
      note: 'Order made (CTO1): imported from the register.',
    },
  ];
  renewalDates.forEach((d) =>
    events.push({
      type: 'FURNISH_CTO7',
      on: d,
      stateBefore: 'ACTIVE',
      stateAfter: 'ACTIVE',
      column: col('renewedOn'),
      note: 'Order renewed (CTO7): imported from the register.',
    }),
  );
  for (let i = renewalDates.length; i < count; i += 1) {
    const renewed = periods[i];
    if (!renewed) continue;
    events.push({
      type: 'FURNISH_CTO7',
      on: renewed.end,
      stateBefore: 'ACTIVE',
      stateAfter: 'ACTIVE',
      column: col('statedExpiry'),
      note: `Order renewed (CTO7): not in the register's renewal column; added by decision to match its expiry of ${statedDate ? formatDate(statedDate) : ''}. The date is the last day of the period renewed, not the date of the form.`,
    });
  }
  // Recalls: each one detained the patient (CTO4) and ended with a release within the 72 hours,
  // except the one the revocation followed (s17F(4)): the latest within the 72 hours before it,
  // or, when the register gives none, one assumed on the day of revocation.
  const plannedRecalls: PlannedRecall[] = recallDates.map((d) => ({
    on: d,
    outcome: 'RELEASED',
    column: col('recalledOn'),
    assumed: false,
  }));
  if (revokedDate) {
    const at = plannedRecalls.findLastIndex(
      (r) =>
        compareDates(r.on, revokedDate) <= 0 &&
        compareDates(lastDayOfRecallDetention(r.on), revokedDate) >= 0,
    );
    if (at >= 0) {
      const found = plannedRecalls[at] as PlannedRecall;
      plannedRecalls[at] = { ...found, outcome: 'REVOKED' };
    } else {
      plannedRecalls.push({
        on: revokedDate,
        outcome: 'REVOKED',
        column: col('revokedOn'),
        assumed: true,
      });
      messages.push(
        info(
          col('revokedOn'),
          'RECALL_FOR_REVOCATION_ASSUMED',
          `An order is revoked only after a recall (s17F(4)), and the register gives none in the 72 hours before ${formatDate(revokedDate)}: a recall on that day is recorded with the revocation.`,
        ),
      );
    }
  }
  plannedRecalls.forEach((r, index) => {
    events.push({
      type: 'DETENTION_BEGINS',
      on: r.on,
      stateBefore: 'ACTIVE',
      stateAfter: 'RECALLED',
      column: r.column,
      recall: index,
      note: r.assumed
        ? 'Recalled to hospital (s17E): not in the register, which records the revocation that followed; the day of revocation stands in.'
        : 'Recalled to hospital (s17E) and detained: imported from the register, which records the day only (no ground, notice or times).',
    });
    if (r.outcome === 'RELEASED') {
      events.push({
        type: 'RELEASE_FROM_RECALL',
        on: r.on,
        stateBefore: 'RECALLED',
        stateAfter: 'ACTIVE',
        column: r.column,
        recall: index,
        note: 'Released from recall (s17F(5)): the register does not record when; the order continued.',
      });
    }
  });
  const endedAt = revokedDate ?? dischargedDate;
  if (endedAt && compareDates(endedAt, last.end) > 0) {
    messages.push(
      error(
        col(revokedDate ? 'revokedOn' : 'dischargedOn'),
        'ENDED_AFTER_EXPIRY',
        `The order ended on ${formatDate(endedAt)}, but with the renewals recorded it expired on ${formatDate(last.end)}: a renewal may be missing from the register.`,
      ),
    );
    return { outcome: 'REJECTED', messages, plan: null, skipped: false };
  }
  let state: PlannedState = 'ACTIVE';
  let endedOn: IsoDate | null = null;
  let endReason: OrderPlan['endReason'] = null;
  if (revokedDate) {
    state = 'REVOKED';
    endedOn = revokedDate;
    endReason = 'REVOKED';
    events.push({
      type: 'REVOKE',
      on: revokedDate,
      stateBefore: 'RECALLED',
      stateAfter: 'REVOKED',
      column: col('revokedOn'),
      note: 'Order revoked (CTO5, s17F): imported from the register.',
    });
  } else if (dischargedDate) {
    state = 'DISCHARGED';
    endedOn = dischargedDate;
    endReason = 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN';
    events.push({
      type: 'DISCHARGE_BY_RC',
      on: dischargedDate,
      stateBefore: 'ACTIVE',
      stateAfter: 'DISCHARGED',
      column: col('dischargedOn'),
      note: 'Discharged (s23): imported from the register, which does not say who discharged.',
    });
    messages.push(
      info(
        col('dischargedOn'),
        'DISCHARGE_ROUTE_NOT_RECORDED',
        "The register does not say who discharged the order: it is recorded as the responsible clinician's discharge (s23(2)(c)); correct it on the order if it was the managers, the nearest relative or a tribunal.",
      ),
    );
  } else if (compareDates(last.end, today) < 0) {
    state = 'EXPIRED';
    endedOn = addDays(last.end, 1);
    endReason = 'EXPIRED';
    events.push({
      type: 'EXPIRE',
      on: endedOn,
      stateBefore: 'ACTIVE',
      stateAfter: 'EXPIRED',
      column: col('statedExpiry'),
      note: `Expired at the end of ${formatDate(last.end)} without renewal (s20A).`,
    });
    messages.push(
      info(
        col('statedExpiry'),
        'EXPIRED',
        `With the dates recorded, the order expired at the end of ${formatDate(last.end)}: it is imported as expired.`,
      ),
    );
  }
  // Events of one day keep the order they were planned in (a recall before its release).
  events.sort((a, b) => compareDates(a.on, b.on));

  let revocation: OrderPlan['revocation'] = null;
  if (revokedDate) {
    // s17G: the detention restarts on the day of revocation. When its first six months have
    // ended by the import, the register cannot say whether it was renewed: it is not recorded.
    const consequences = revocationConsequences(revokedDate);
    const first = consequences.detentionPeriods[0];
    const running = first !== undefined && compareDates(first.end, today) >= 0;
    revocation = {
      on: revokedDate,
      detentionPeriods: running
        ? consequences.detentionPeriods.map((p) => ({
            index: p.index,
            months: p.months,
            start: p.start,
            end: p.end,
            ...(p.alternativeEnd ? { alternativeEnd: p.alternativeEnd } : {}),
            basis: p.basis,
          }))
        : null,
    };
    if (!running) {
      messages.push(
        info(
          col('revokedOn'),
          'DETENTION_AFTER_REVOCATION_NOT_RECORDED',
          `After the revocation on ${formatDate(revokedDate)} the patient was detained again (s17G); its first six months have ended and the register does not say whether it was renewed, so that detention is not imported. Record it on the patient if they are still detained.`,
        ),
      );
    }
  }

  return {
    outcome: 'ACCEPTED',
    messages,
    skipped: false,
    plan: {
      madeOn: start,
      dateOfBirth: dob,
      state,
      periods,
      currentExpiry: last.end,
      currentExpiryAlternative: last.alternativeEnd ?? null,
      endedOn: endedOn ? maxDate(endedOn, start) : null,
      endReason,
      events,
      recalls: plannedRecalls,
      revocation,
      statedExpiry: statedDate,
      reconciliation,
      decisions,
    },
  };
}
