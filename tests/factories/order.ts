/**
 * Community treatment orders and their life: making (CTO1), extension (CTO7), conditions and
 * their variation (CTO2), recall (CTO3, CTO4), transfer during recall (CTO6), release,
 * revocation (CTO5), discharge by every route (incl. the nearest relative and the barring report,
 * M2), expiry, absence without leave, death and assignment of responsibility (CTO10).
 *
 * Each step writes the rows a real service would (the event with stateBefore/stateAfter, the
 * statutory form, the agreement ...) and keeps the order's stored computed fields consistent
 * (state, version, madeOn, current expiry and period index, endedAt/endedOn/endReason). Dates come
 * from the lib/cto contract functions. The steps take an OrderHandle, which tracks the order's
 * state between calls: call them in chronological order (they refuse an event earlier than the
 * previous one, so every order's event log tells its story in order).
 */
import { ctoPeriods, periodEnd, recallDeadline, renewalWindow } from '@/lib/cto';
import type {
  ConditionCategory,
  ConditionKind,
  ConditionPurpose,
  ConditionStatus,
  CtoEndReason,
  CtoEventType,
  CtoState,
  FormScrutinyOutcome,
  NoticeServiceMethod,
  Prisma,
  RecallGround,
  StatutoryFormType,
} from '@/lib/generated/prisma/client';
import {
  addCalendarDays,
  fromDbDate,
  londonDateOf,
  londonTime,
  maxIsoDate,
  minIsoDate,
  toDbDate,
  type IsoDate,
} from '@/lib/server/dates';
import { addHoursTo, newId, type FactoryDb } from './db';

// --- Handles ---------------------------------------------------------------------------------

export interface PeriodValue {
  index: number;
  start: IsoDate;
  end: IsoDate;
  months: 6 | 12;
  alternativeEnd?: IsoDate;
}

export interface ConditionValue {
  id: string;
  kind: ConditionKind;
  category: ConditionCategory;
  wording: string;
  purpose: ConditionPurpose | null;
  status: ConditionStatus;
}

/** The factories' view of an order between steps. */
export interface OrderHandle {
  readonly id: string;
  readonly patientId: string;
  readonly legalStatusPeriodId: string;
  readonly legalStatusCode: string;
  teamId: string | null;
  responsibleClinicianId: string;
  responsibleHospitalId: string;
  state: CtoState;
  version: number;
  madeOn: IsoDate | null;
  signedAt: Date | null;
  effectiveAt: Date | null;
  /** The periods reached so far (CtoPeriod rows). */
  periods: PeriodValue[];
  conditions: ConditionValue[];
  /** The time of the latest event: the next step must not be earlier. */
  lastEventAt: Date;
  /** Ids of the key events, for rights information and social factor links. */
  eventIds: Partial<Record<CtoEventType, string>>;
}

export interface RecallHandle {
  readonly id: string;
  hospitalId: string;
  readonly deemedServedAt: Date;
  detentionBeganAt: Date | null;
  deadlineAt: Date | null;
  serveEventId: string;
  detentionEventId: string | null;
}

const LIVE: readonly CtoState[] = [
  'AWAITING_EFFECT',
  'ACTIVE',
  'RECALL_PENDING',
  'RECALLED',
  'AWOL',
];

export function currentPeriod(order: OrderHandle): PeriodValue {
  const period = order.periods.at(-1);
  if (!period) throw new Error(`Order ${order.id} has not been made: it has no periods.`);
  return period;
}

export function currentExpiry(order: OrderHandle): IsoDate {
  return currentPeriod(order).end;
}

// --- Internal helpers ------------------------------------------------------------------------

interface EventOptions {
  stateAfter?: CtoState;
  recordedById?: string | null;
  formId?: string | null;
  facts?: Prisma.InputJsonValue;
}

/** An event row; advances the handle's state, version and clock. */
function eventRow(
  order: OrderHandle,
  type: CtoEventType,
  occurredAt: Date,
  options: EventOptions = {},
): Prisma.CtoEventCreateManyInput {
  if (occurredAt.getTime() < order.lastEventAt.getTime()) {
    throw new Error(
      `${type} at ${occurredAt.toISOString()} is earlier than the order's previous event (${order.lastEventAt.toISOString()}).`,
    );
  }
  const before = order.state;
  const after = options.stateAfter ?? before;
  order.state = after;
  order.version += 1;
  order.lastEventAt = occurredAt;
  const id = newId(occurredAt.getTime());
  order.eventIds[type] = id;
  return {
    id,
    orderId: order.id,
    patientId: order.patientId,
    type,
    occurredAt,
    recordedAt: addHoursTo(occurredAt, 0.25),
    recordedById: options.recordedById ?? null,
    formId: options.formId ?? null,
    stateBefore: before,
    stateAfter: after,
    facts: options.facts ?? {},
  };
}

interface FormOptions {
  signedById?: string | null;
  signedAt?: Date | null;
  furnishedAt?: Date | null;
  receivedAt?: Date | null;
  receivedById?: string | null;
  scrutiny?: FormScrutinyOutcome;
  scrutinisedById?: string | null;
  facts: Prisma.InputJsonValue;
}

function formRow(
  order: OrderHandle,
  type: StatutoryFormType,
  options: FormOptions,
): Prisma.StatutoryFormCreateManyInput {
  const signedAt = options.signedAt ?? null;
  const receivedAt = options.receivedAt ?? options.furnishedAt ?? signedAt;
  const scrutiny = options.scrutiny ?? 'VALID';
  return {
    id: newId(signedAt?.getTime()),
    patientId: order.patientId,
    orderId: order.id,
    type,
    facts: options.facts,
    signedById: options.signedById ?? null,
    signedAt,
    furnishedAt: options.furnishedAt ?? signedAt,
    receivedAt,
    receivedById: options.receivedById ?? null,
    scrutinyOutcome: scrutiny,
    scrutinisedAt: scrutiny === 'PENDING' || !receivedAt ? null : addHoursTo(receivedAt, 20),
    scrutinisedById: scrutiny === 'PENDING' ? null : (options.scrutinisedById ?? null),
  };
}

async function saveOrder(
  db: FactoryDb,
  order: OrderHandle,
  data: Prisma.CommunityTreatmentOrderUncheckedUpdateInput = {},
): Promise<void> {
  await db.communityTreatmentOrder.update({
    where: { id: order.id },
    data: { state: order.state, version: order.version, ...data },
  });
}

function periodFields(order: OrderHandle) {
  const p = currentPeriod(order);
  return {
    currentExpiryDate: toDbDate(p.end),
    currentExpiryAlternative: p.alternativeEnd ? toDbDate(p.alternativeEnd) : null,
    currentPeriodIndex: p.index,
  };
}

function assertState(order: OrderHandle, allowed: readonly CtoState[], step: string): void {
  if (!allowed.includes(order.state)) {
    throw new Error(`Cannot ${step}: order ${order.id} is ${order.state}.`);
  }
}

/** Ends what lives only as long as the order: its conditions and certificates. */
async function closeOrderScopedRows(db: FactoryDb, order: OrderHandle, at: Date): Promise<void> {
  await db.condition.updateMany({
    where: { orderId: order.id, status: { in: ['ACTIVE', 'SUSPENDED'] } },
    data: { status: 'ENDED', endedAt: at },
  });
  for (const c of order.conditions) if (c.status !== 'ENDED') c.status = 'ENDED';
  await db.treatmentCertificate.updateMany({
    where: { orderId: order.id, status: 'ACTIVE' },
    data: { status: 'ENDED', endedOn: toDbDate(londonDateOf(at)), endReason: 'ORDER_ENDED' },
  });
}

async function endOrder(
  db: FactoryDb,
  order: OrderHandle,
  at: Date,
  reason: CtoEndReason,
  endedOn: IsoDate = londonDateOf(at),
): Promise<void> {
  await closeOrderScopedRows(db, order, at);
  await saveOrder(db, order, { endedAt: at, endedOn: toDbDate(endedOn), endReason: reason });
}

// --- Conditions (s17B) -----------------------------------------------------------------------

export interface ConditionInput {
  category: ConditionCategory;
  wording: string;
  purpose: ConditionPurpose;
}

/** s17B(3): the two conditions every order must contain (CTO1 Part 1). */
export const MANDATORY_CONDITIONS: readonly (ConditionInput & { purpose: ConditionPurpose })[] = [
  {
    category: 'EXAMINATION_FOR_EXTENSION',
    wording:
      'The patient is to make himself or herself available for examination under section 20A, as requested.',
    purpose: 'ENSURE_TREATMENT',
  },
  {
    category: 'EXAMINATION_FOR_CERTIFICATE',
    wording:
      'If it is proposed to give a certificate under Part 4A of the Act in the patient’s case, the patient is to make himself or herself available for examination to enable the certificate to be given, as requested.',
    purpose: 'ENSURE_TREATMENT',
  },
];

export const DEFAULT_DISCRETIONARY_CONDITIONS: readonly ConditionInput[] = [
  {
    category: 'RESIDENCE',
    wording: 'To live at the address agreed with the care team.',
    purpose: 'PREVENT_RISK_TO_PATIENT',
  },
  {
    category: 'ATTEND_APPOINTMENTS',
    wording: 'To attend appointments with the care coordinator and the responsible clinician.',
    purpose: 'ENSURE_TREATMENT',
  },
];

// --- Making the order (CTO1, s17A) -----------------------------------------------------------

export type OrderStage = 'PROPOSED' | 'AGREED' | 'DECLINED' | 'MADE';

export interface CreateOrderInput {
  patientId: string;
  legalStatusPeriodId: string;
  /** The underlying authority's MHSDS code (for the handle; '03' by default). */
  legalStatusCode?: string;
  responsibleHospitalId: string;
  responsibleClinicianId: string;
  /** The patient's team (dashboards scope by it). */
  teamId: string | null;
  amhpId: string;
  /** Who asked the AMHP (defaults to the RC). */
  requestedById?: string;
  proposedAt: Date;
  /** How far the order has got (default MADE). */
  stage?: OrderStage;
  /** When the AMHP agreed or declined (default: 1 day after the proposal). */
  amhpRespondedAt?: Date;
  /** CTO1 Part 3 (default: 2 hours after the AMHP agreed). */
  signedAt?: Date;
  /** Effective time (default: the signature). Later than `now` means AWAITING_EFFECT. */
  effectiveAt?: Date;
  /** Decides whether a forward-dated order has taken effect yet (default: the real time). */
  now?: Date;
  discretionaryConditions?: readonly ConditionInput[];
  grounds?: string;
  necessaryFor?: readonly ('health' | 'safety' | 'protection of others')[];
  localAuthority?: string;
  declineReasons?: string;
  scrutiny?: FormScrutinyOutcome;
  mhaAdministratorId?: string | null;
}

/**
 * Proposes the order (CTO1 Part 1), asks the AMHP (Part 2), and unless the stage says otherwise
 * makes it (Part 3): the first period from ctoPeriods(), the two mandatory conditions of s17B(3)
 * plus the discretionary ones, the CTO1 StatutoryForm, the AmhpAgreement and the events.
 */
export async function createOrder(db: FactoryDb, input: CreateOrderInput): Promise<OrderHandle> {
  const stage = input.stage ?? 'MADE';
  const id = newId(input.proposedAt.getTime());
  const rc = input.responsibleClinicianId;
  const respondedAt = input.amhpRespondedAt ?? addHoursTo(input.proposedAt, 24);
  const signedAt = input.signedAt ?? addHoursTo(respondedAt, 2);
  const effectiveAt = input.effectiveAt ?? signedAt;
  const now = input.now ?? new Date();
  const made = stage === 'MADE';
  const order: OrderHandle = {
    id,
    patientId: input.patientId,
    legalStatusPeriodId: input.legalStatusPeriodId,
    legalStatusCode: input.legalStatusCode ?? '03',
    teamId: input.teamId,
    responsibleClinicianId: rc,
    responsibleHospitalId: input.responsibleHospitalId,
    state: 'PROPOSED',
    version: 0,
    madeOn: null,
    signedAt: null,
    effectiveAt: null,
    periods: [],
    conditions: [],
    lastEventAt: input.proposedAt,
    eventIds: {},
  };

  const discretionary = input.discretionaryConditions ?? DEFAULT_DISCRETIONARY_CONDITIONS;
  const conditionsStartAt = made ? effectiveAt : input.proposedAt;
  const conditions: Prisma.ConditionCreateManyInput[] = [
    ...MANDATORY_CONDITIONS.map((c) => ({ ...c, kind: 'MANDATORY' as const, amhpAgreed: false })),
    ...discretionary.map((c) => ({
      ...c,
      kind: 'DISCRETIONARY' as const,
      amhpAgreed: stage === 'AGREED' || made,
    })),
  ].map((c) => ({
    id: newId(conditionsStartAt.getTime()),
    orderId: id,
    kind: c.kind,
    category: c.category,
    wording: c.wording,
    purpose: c.purpose,
    amhpAgreed: c.amhpAgreed,
    // Conditions of a proposal that never became an order are not in force.
    status: made || stage === 'AGREED' || stage === 'PROPOSED' ? 'ACTIVE' : 'ENDED',
    startedAt: conditionsStartAt,
    endedAt: stage === 'DECLINED' ? respondedAt : null,
  }));
  order.conditions = conditions.map((c) => ({
    id: c.id as string,
    kind: c.kind,
    category: c.category,
    wording: c.wording,
    purpose: c.purpose ?? null,
    status: c.status ?? 'ACTIVE',
  }));

  const formId = newId(input.proposedAt.getTime());
  const agreementId = newId(input.proposedAt.getTime());
  const localAuthority = input.localAuthority ?? 'Northshire County Council';
  const events: Prisma.CtoEventCreateManyInput[] = [];
  // The order row must exist before its events; its final state is saved at the end.
  await db.communityTreatmentOrder.create({
    data: {
      id,
      patientId: input.patientId,
      legalStatusPeriodId: input.legalStatusPeriodId,
      responsibleHospitalId: input.responsibleHospitalId,
      responsibleClinicianId: rc,
      teamId: input.teamId,
      state: 'PROPOSED',
      version: 1,
      proposedAt: input.proposedAt,
    },
  });
  order.state = 'PROPOSED';
  events.push({
    ...eventRow(order, 'PROPOSE', input.proposedAt, { recordedById: rc, formId }),
    stateBefore: null,
  });

  let decision: 'PENDING' | 'AGREED' | 'DECLINED' = 'PENDING';
  if (stage === 'DECLINED') {
    decision = 'DECLINED';
    events.push(
      eventRow(order, 'AMHP_DECLINE_MAKING', respondedAt, {
        stateAfter: 'DECLINED',
        recordedById: input.amhpId,
        formId,
        facts: {
          reasons: input.declineReasons ?? 'The AMHP did not agree that the criteria are met.',
        },
      }),
    );
  } else if (stage === 'AGREED' || made) {
    decision = 'AGREED';
    events.push(
      eventRow(order, 'AMHP_AGREE_MAKING', respondedAt, {
        stateAfter: 'AGREED',
        recordedById: input.amhpId,
        formId,
      }),
    );
  }

  let madeOn: IsoDate | null = null;
  if (made) {
    if (effectiveAt.getTime() < signedAt.getTime()) {
      throw new Error('The order cannot take effect before Part 3 is signed.');
    }
    // C2: periods count from the earlier of the signature and effective days.
    madeOn = minIsoDate(londonDateOf(signedAt), londonDateOf(effectiveAt));
    const inEffect = effectiveAt.getTime() <= now.getTime();
    const forwardDated = effectiveAt.getTime() > signedAt.getTime();
    events.push(
      eventRow(order, 'MAKE', signedAt, {
        stateAfter: forwardDated ? 'AWAITING_EFFECT' : 'ACTIVE',
        recordedById: rc,
        formId,
        facts: { madeOn, effectiveAt: effectiveAt.toISOString() },
      }),
    );
    if (forwardDated && inEffect) {
      events.push(eventRow(order, 'TAKE_EFFECT', effectiveAt, { stateAfter: 'ACTIVE' }));
    }
    const first = ctoPeriods(madeOn, 1)[0];
    if (!first) throw new Error('ctoPeriods returned no period.');
    order.periods = [{ index: 0, ...first }];
    order.madeOn = madeOn;
    order.signedAt = signedAt;
    order.effectiveAt = effectiveAt;
  }

  const necessaryFor = input.necessaryFor ?? ['health', 'safety'];
  const form = formRow(order, 'CTO1', {
    signedById: rc,
    signedAt: made ? signedAt : null,
    furnishedAt: made ? addHoursTo(signedAt, 1) : null,
    receivedById: input.mhaAdministratorId ?? null,
    scrutinisedById: input.mhaAdministratorId ?? null,
    scrutiny: made ? (input.scrutiny ?? 'VALID') : 'PENDING',
    facts: {
      part1: {
        responsibleClinicianId: rc,
        signedAt: input.proposedAt.toISOString(),
        criteria: { a: true, b: true, c: true, d: true, e: true },
        necessaryFor: [...necessaryFor],
        grounds:
          input.grounds ??
          'Relapsing psychotic illness with repeated admissions after stopping medication. Treatment can be given in the community provided recall remains available.',
        deteriorationRiskConsidered: true,
        mandatoryConditions: MANDATORY_CONDITIONS.map((c) => c.wording),
        discretionaryConditions: discretionary.map((c) => ({
          wording: c.wording,
          purpose: c.purpose,
        })),
      },
      ...(decision === 'PENDING'
        ? {}
        : {
            part2: {
              amhpId: input.amhpId,
              localAuthority,
              approvedBy: localAuthority,
              agrees: decision === 'AGREED',
              agreesToConditions: decision === 'AGREED',
              signedAt: respondedAt.toISOString(),
            },
          }),
      ...(made
        ? {
            part3: {
              effectiveAt: effectiveAt.toISOString(),
              signedAt: signedAt.toISOString(),
            },
          }
        : {}),
    },
  });
  form.id = formId;
  await db.statutoryForm.create({ data: form });
  await db.amhpAgreement.create({
    data: {
      id: agreementId,
      orderId: id,
      purpose: 'MAKING',
      requestedAt: input.proposedAt,
      requestedById: input.requestedById ?? rc,
      amhpId: input.amhpId,
      decision,
      respondedAt: decision === 'PENDING' ? null : respondedAt,
      reasons: decision === 'DECLINED' ? (input.declineReasons ?? null) : null,
      agreesToConditions: decision === 'PENDING' ? null : decision === 'AGREED',
      formId,
    },
  });
  await db.ctoEvent.createMany({ data: events });
  await db.condition.createMany({ data: conditions });
  await db.conditionChange.createMany({
    data: conditions.map((c) => ({
      id: newId(conditionsStartAt.getTime()),
      conditionId: c.id as string,
      orderId: id,
      kind: 'ADDED' as const,
      occurredAt: input.proposedAt,
      byId: rc,
      newWording: c.wording,
      formId,
    })),
  });
  if (made) {
    const p = currentPeriod(order);
    await db.ctoPeriod.create({
      data: {
        id: newId(signedAt.getTime()),
        orderId: id,
        index: 0,
        months: p.months,
        startDate: toDbDate(p.start),
        endDate: toDbDate(p.end),
        alternativeEndDate: p.alternativeEnd ? toDbDate(p.alternativeEnd) : null,
        source: 'MADE',
      },
    });
  }
  await saveOrder(db, order, {
    signedAt: made ? signedAt : null,
    effectiveAt: made ? effectiveAt : null,
    madeOn: madeOn ? toDbDate(madeOn) : null,
    ...(made ? periodFields(order) : {}),
  });
  return order;
}

/** A forward-dated order reaches its effective time (TAKE_EFFECT). */
export async function takeEffect(db: FactoryDb, order: OrderHandle): Promise<void> {
  assertState(order, ['AWAITING_EFFECT'], 'take effect');
  if (!order.effectiveAt) throw new Error('The order has no effective time.');
  await db.ctoEvent.create({
    data: eventRow(order, 'TAKE_EFFECT', order.effectiveAt, { stateAfter: 'ACTIVE' }),
  });
  await saveOrder(db, order);
}

// --- Extension (CTO7, s20A) ------------------------------------------------------------------

export interface ExtendOrderInput {
  examinedOn: IsoDate;
  amhpId: string;
  /** How far the extension has got (default COMPLETED). */
  stopAt?: 'EXAMINED' | 'AMHP_AGREED' | 'COMPLETED';
  consultedOn?: IsoDate;
  consulteeName?: string;
  consulteeRole?: string;
  amhpAgreedAt?: Date;
  furnishedAt?: Date;
  managersReceivedAt?: Date;
  /** The managers' review (CoP 38.14); null when still to come. */
  managersReviewedOn?: IsoDate | null;
  managersPanel?: string;
  reasons?: string;
  localAuthority?: string;
  mhaAdministratorId?: string | null;
  scrutiny?: FormScrutinyOutcome;
}

export interface ExtensionHandle {
  id: string;
  periodIndex: number;
  expiryDate: IsoDate;
  newPeriod: PeriodValue | null;
  furnishEventId: string | null;
}

function assertInWindow(date: IsoDate, expiry: IsoDate, what: string): void {
  const w = renewalWindow(expiry);
  if (date < w.opens || date > w.closes) {
    throw new Error(
      `${what} on ${date} is outside the extension window ${w.opens} to ${w.closes} (s20A(4)).`,
    );
  }
}

/**
 * Examines, consults, gets the AMHP's agreement and furnishes the CTO7 for the current period;
 * a completed extension adds the next period (ctoPeriods) and moves the current expiry.
 */
export async function extendOrder(
  db: FactoryDb,
  order: OrderHandle,
  input: ExtendOrderInput,
): Promise<ExtensionHandle> {
  assertState(order, LIVE, 'extend');
  if (!order.madeOn) throw new Error('The order has not been made.');
  const stopAt = input.stopAt ?? 'COMPLETED';
  const period = currentPeriod(order);
  const expiry = period.end;
  const window = renewalWindow(expiry);
  assertInWindow(input.examinedOn, expiry, 'The examination');
  const rc = order.responsibleClinicianId;
  const extensionId = newId(londonTime(input.examinedOn, 10).getTime());
  const examinedAt = londonTime(input.examinedOn, 11, 0);
  const consultedOn = input.consultedOn ?? input.examinedOn;
  const consultedAt = londonTime(consultedOn, 15, 30);
  const amhpAgreedAt = input.amhpAgreedAt ?? londonTime(addCalendarDays(consultedOn, 2), 14, 0);
  const furnishedAt = input.furnishedAt ?? londonTime(londonDateOf(amhpAgreedAt), 16, 45);
  const receivedAt = input.managersReceivedAt ?? addHoursTo(furnishedAt, 18);
  const reviewedOn = input.managersReviewedOn === undefined ? null : input.managersReviewedOn;
  const events: Prisma.CtoEventCreateManyInput[] = [];
  const extensionFacts = { extensionId, periodIndex: period.index, expiryDate: expiry };

  events.push(
    eventRow(order, 'EXAMINE_FOR_EXTENSION', examinedAt, {
      recordedById: rc,
      facts: extensionFacts,
    }),
  );
  if (stopAt !== 'EXAMINED') {
    events.push(
      eventRow(order, 'CONSULT_FOR_EXTENSION', consultedAt, {
        recordedById: rc,
        facts: { ...extensionFacts, consultee: input.consulteeName ?? null },
      }),
    );
    events.push(
      eventRow(order, 'AMHP_AGREE_EXTENSION', amhpAgreedAt, {
        recordedById: input.amhpId,
        facts: extensionFacts,
      }),
    );
  }
  const completed = stopAt === 'COMPLETED';
  let newPeriod: PeriodValue | null = null;
  let formId: string | null = null;
  let furnishEventId: string | null = null;
  if (completed) {
    assertInWindow(londonDateOf(furnishedAt), expiry, 'Furnishing the CTO7');
    formId = newId(furnishedAt.getTime());
    const next = ctoPeriods(order.madeOn, period.index + 2)[period.index + 1];
    if (!next) throw new Error('ctoPeriods returned too few periods.');
    newPeriod = { index: period.index + 1, ...next };
    const furnish = eventRow(order, 'FURNISH_CTO7', furnishedAt, {
      recordedById: rc,
      formId,
      facts: { ...extensionFacts, newExpiryDate: newPeriod.end },
    });
    furnishEventId = furnish.id as string;
    events.push(furnish);
    events.push(
      eventRow(order, 'MANAGERS_RECEIVE_CTO7', receivedAt, {
        recordedById: input.mhaAdministratorId ?? null,
        formId,
        facts: extensionFacts,
      }),
    );
    if (reviewedOn) {
      events.push(
        eventRow(order, 'MANAGERS_REVIEW_EXTENSION', londonTime(reviewedOn, 14, 0), {
          formId,
          facts: { ...extensionFacts, outcome: 'CONTINUE' },
        }),
      );
    }
  }

  await db.extension.create({
    data: {
      id: extensionId,
      orderId: order.id,
      periodIndex: period.index,
      expiryDate: toDbDate(expiry),
      windowOpensOn: toDbDate(window.opens),
      status: completed ? 'COMPLETED' : 'IN_PROGRESS',
      examinedOn: toDbDate(input.examinedOn),
      examinedById: rc,
      consultedOn: stopAt === 'EXAMINED' ? null : toDbDate(consultedOn),
      consulteeName: stopAt === 'EXAMINED' ? null : (input.consulteeName ?? 'Care coordinator'),
      consulteeRole: stopAt === 'EXAMINED' ? null : (input.consulteeRole ?? 'Care coordinator'),
      rcReasons: input.reasons ?? 'The criteria in section 20A(6) continue to be met.',
      cto7FurnishedAt: completed ? furnishedAt : null,
      cto7FurnishedById: completed ? rc : null,
      managersReceivedAt: completed ? receivedAt : null,
      managersReceivedById: completed ? (input.mhaAdministratorId ?? null) : null,
      managersReviewDueOn: toDbDate(expiry),
      managersReviewedOn: completed && reviewedOn ? toDbDate(reviewedOn) : null,
      managersReviewOutcome: completed && reviewedOn ? 'CONTINUE' : null,
      cto7FormId: formId,
    },
  });
  if (stopAt !== 'EXAMINED') {
    await db.amhpAgreement.create({
      data: {
        id: newId(amhpAgreedAt.getTime()),
        orderId: order.id,
        purpose: 'EXTENSION',
        requestedAt: consultedAt,
        requestedById: rc,
        amhpId: input.amhpId,
        decision: 'AGREED',
        respondedAt: amhpAgreedAt,
        extensionId,
        formId,
      },
    });
  }
  if (completed && formId && newPeriod) {
    const localAuthority = input.localAuthority ?? 'Northshire County Council';
    const form = formRow(order, 'CTO7', {
      signedById: rc,
      signedAt: furnishedAt,
      furnishedAt,
      receivedAt,
      receivedById: input.mhaAdministratorId ?? null,
      scrutinisedById: input.mhaAdministratorId ?? null,
      ...(input.scrutiny ? { scrutiny: input.scrutiny } : {}),
      facts: {
        part1: {
          responsibleClinicianId: rc,
          orderMadeOn: order.madeOn,
          examinedOn: input.examinedOn,
          criteria: { a: true, b: true, c: true, d: true, e: true },
          grounds: input.reasons ?? 'The criteria in section 20A(6) continue to be met.',
          deteriorationRiskConsidered: true,
        },
        part2: {
          amhpId: input.amhpId,
          localAuthority,
          agrees: true,
          signedAt: amhpAgreedAt.toISOString(),
        },
        part3: {
          consultee: input.consulteeName ?? 'Care coordinator',
          consulteeProfession: input.consulteeRole ?? 'Care coordinator',
          furnishedBy: 'internal mail',
          signedAt: furnishedAt.toISOString(),
        },
        part4: { receivedOn: londonDateOf(receivedAt) },
        extendsExpiry: expiry,
        newExpiry: newPeriod.end,
      },
    });
    form.id = formId;
    await db.statutoryForm.create({ data: form });
    await db.ctoPeriod.create({
      data: {
        id: newId(furnishedAt.getTime()),
        orderId: order.id,
        index: newPeriod.index,
        months: newPeriod.months,
        startDate: toDbDate(newPeriod.start),
        endDate: toDbDate(newPeriod.end),
        alternativeEndDate: newPeriod.alternativeEnd ? toDbDate(newPeriod.alternativeEnd) : null,
        source: 'EXTENSION',
        extensionId,
      },
    });
    order.periods.push(newPeriod);
    if (reviewedOn) {
      await db.managersHearing.create({
        data: {
          id: newId(),
          patientId: order.patientId,
          orderId: order.id,
          extensionId,
          reason: 'EXTENSION_REVIEW',
          scheduledAt: londonTime(reviewedOn, 14, 0),
          heldOn: toDbDate(reviewedOn),
          panel: input.managersPanel ?? 'Three associate hospital managers',
          panelMembers: [
            'Associate Manager One',
            'Associate Manager Two',
            'Associate Manager Three',
          ],
          outcome: 'CONTINUE',
          decisionOn: toDbDate(reviewedOn),
          notes: 'The panel was satisfied that the order should continue.',
        },
      });
    }
  }
  await db.ctoEvent.createMany({ data: events });
  await saveOrder(db, order, periodFields(order));
  return {
    id: extensionId,
    periodIndex: period.index,
    expiryDate: expiry,
    newPeriod,
    furnishEventId,
  };
}

/** The hospital managers review a completed extension later (CoP 38.14). */
export async function reviewExtension(
  db: FactoryDb,
  order: OrderHandle,
  extension: ExtensionHandle,
  input: { reviewedOn: IsoDate; panel?: string; notes?: string },
): Promise<void> {
  const at = londonTime(input.reviewedOn, 14, 0);
  await db.ctoEvent.create({
    data: eventRow(order, 'MANAGERS_REVIEW_EXTENSION', at, {
      facts: { extensionId: extension.id, outcome: 'CONTINUE' },
    }),
  });
  await db.extension.update({
    where: { id: extension.id },
    data: { managersReviewedOn: toDbDate(input.reviewedOn), managersReviewOutcome: 'CONTINUE' },
  });
  await db.managersHearing.create({
    data: {
      id: newId(),
      patientId: order.patientId,
      orderId: order.id,
      extensionId: extension.id,
      reason: 'EXTENSION_REVIEW',
      scheduledAt: at,
      heldOn: toDbDate(input.reviewedOn),
      panel: input.panel ?? 'Three associate hospital managers',
      panelMembers: ['Associate Manager One', 'Associate Manager Two', 'Associate Manager Three'],
      outcome: 'CONTINUE',
      decisionOn: toDbDate(input.reviewedOn),
      notes: input.notes ?? 'The panel was satisfied that the order should continue.',
    },
  });
  await saveOrder(db, order);
}

/** s20B: no CTO7 in the window, so the order expires at the end of the expiry day. */
export async function expireOrder(
  db: FactoryDb,
  order: OrderHandle,
  input: { recordedById?: string | null } = {},
): Promise<void> {
  assertState(order, ['ACTIVE'], 'expire');
  const expiry = currentExpiry(order);
  const at = londonTime(addCalendarDays(expiry, 1), 0, 0);
  await db.ctoEvent.create({
    data: eventRow(order, 'EXPIRE', at, {
      stateAfter: 'EXPIRED',
      recordedById: input.recordedById ?? null,
      facts: { expiryDate: expiry },
    }),
  });
  await db.extension.updateMany({
    where: { orderId: order.id, status: 'IN_PROGRESS' },
    data: { status: 'LAPSED' },
  });
  await endOrder(db, order, at, 'EXPIRED', expiry);
}

// --- Conditions: variation (CTO2) and suspension (s17B(4)-(5)) ---------------------------------

export async function varyCondition(
  db: FactoryDb,
  order: OrderHandle,
  input: {
    conditionId: string;
    wording: string;
    at: Date;
    reason?: string;
    purpose?: ConditionPurpose;
  },
): Promise<string> {
  assertState(order, LIVE, 'vary conditions');
  const old = order.conditions.find((c) => c.id === input.conditionId);
  if (!old || old.kind !== 'DISCRETIONARY')
    throw new Error('Only a discretionary condition can be varied.');
  const formId = newId(input.at.getTime());
  const newConditionId = newId(input.at.getTime());
  const rc = order.responsibleClinicianId;
  const form = formRow(order, 'CTO2', {
    signedById: rc,
    signedAt: input.at,
    facts: {
      responsibleClinicianId: rc,
      conditionsAsVaried: order.conditions
        .filter((c) => c.kind === 'DISCRETIONARY' && c.status !== 'ENDED')
        .map((c) => (c.id === old.id ? input.wording : c.wording)),
      takesEffectFrom: londonDateOf(input.at),
    },
  });
  form.id = formId;
  await db.statutoryForm.create({ data: form });
  await db.condition.update({
    where: { id: old.id },
    data: { status: 'ENDED', endedAt: input.at },
  });
  await db.condition.create({
    data: {
      id: newConditionId,
      orderId: order.id,
      kind: 'DISCRETIONARY',
      category: old.category,
      wording: input.wording,
      purpose: input.purpose ?? old.purpose,
      status: 'ACTIVE',
      // s17B(4): variation needs no AMHP agreement.
      amhpAgreed: false,
      startedAt: input.at,
      supersedesId: old.id,
    },
  });
  await db.conditionChange.create({
    data: {
      id: newId(input.at.getTime()),
      conditionId: newConditionId,
      orderId: order.id,
      kind: 'VARIED',
      occurredAt: input.at,
      byId: rc,
      reason: input.reason ?? null,
      previousWording: old.wording,
      newWording: input.wording,
      formId,
    },
  });
  await db.ctoEvent.create({
    data: eventRow(order, 'VARY_CONDITIONS', input.at, {
      recordedById: rc,
      formId,
      facts: { conditionId: old.id, newConditionId },
    }),
  });
  old.status = 'ENDED';
  order.conditions.push({ ...old, id: newConditionId, wording: input.wording, status: 'ACTIVE' });
  await saveOrder(db, order);
  return newConditionId;
}

export async function suspendCondition(
  db: FactoryDb,
  order: OrderHandle,
  input: { conditionId: string; at: Date; reason: string },
): Promise<void> {
  const c = order.conditions.find((x) => x.id === input.conditionId);
  if (!c || c.status !== 'ACTIVE') throw new Error('Only a condition in force can be suspended.');
  const rc = order.responsibleClinicianId;
  await db.condition.update({ where: { id: c.id }, data: { status: 'SUSPENDED' } });
  await db.conditionChange.create({
    data: {
      id: newId(input.at.getTime()),
      conditionId: c.id,
      orderId: order.id,
      kind: 'SUSPENDED',
      occurredAt: input.at,
      byId: rc,
      reason: input.reason,
    },
  });
  await db.ctoEvent.create({
    data: eventRow(order, 'SUSPEND_CONDITION', input.at, {
      recordedById: rc,
      facts: { conditionId: c.id, reason: input.reason },
    }),
  });
  c.status = 'SUSPENDED';
  await saveOrder(db, order);
}

// --- Recall (CTO3, CTO4; s17E) ---------------------------------------------------------------

export interface RecallInput {
  hospitalId: string;
  ground?: RecallGround;
  reasons: string;
  noticeSignedAt: Date;
  serviceMethod?: NoticeServiceMethod;
  /** When the notice was handed over, delivered or posted. */
  servedOrPostedAt: Date;
  /**
   * C15: when the notice counts as served. Handed to the patient: that moment (the default).
   * Delivery to the address or first-class post: must be given (the next day, the second
   * business day after posting).
   */
  deemedServedAt?: Date;
  /** CTO4: when detention in hospital began (starts the 72 hours); omit while pending. */
  detentionBeganAt?: Date | null;
  mhaAdministratorId?: string | null;
}

export async function recallOrder(
  db: FactoryDb,
  order: OrderHandle,
  input: RecallInput,
): Promise<RecallHandle> {
  assertState(order, ['ACTIVE'], 'recall');
  const method = input.serviceMethod ?? 'HANDED_TO_PATIENT';
  if (method !== 'HANDED_TO_PATIENT' && !input.deemedServedAt) {
    throw new Error('Give deemedServedAt for a notice not handed to the patient (C15).');
  }
  const deemedServedAt = input.deemedServedAt ?? input.servedOrPostedAt;
  const rc = order.responsibleClinicianId;
  const recallId = newId(input.noticeSignedAt.getTime());
  const cto3Id = newId(input.noticeSignedAt.getTime());
  const ground = input.ground ?? 'RISK_OF_HARM';
  const forms: Prisma.StatutoryFormCreateManyInput[] = [
    {
      ...formRow(order, 'CTO3', {
        signedById: rc,
        signedAt: input.noticeSignedAt,
        furnishedAt: deemedServedAt,
        receivedById: input.mhaAdministratorId ?? null,
        scrutinisedById: input.mhaAdministratorId ?? null,
        facts: {
          hospitalId: input.hospitalId,
          ground: ground === 'RISK_OF_HARM' ? 'a' : 'b',
          grounds: input.reasons,
          serviceMethod: method,
          servedOrPostedAt: input.servedOrPostedAt.toISOString(),
          deemedServedAt: deemedServedAt.toISOString(),
        },
      }),
      id: cto3Id,
    },
  ];
  const events: Prisma.CtoEventCreateManyInput[] = [];
  const serve = eventRow(order, 'SERVE_RECALL_NOTICE', deemedServedAt, {
    stateAfter: 'RECALL_PENDING',
    recordedById: rc,
    formId: cto3Id,
    facts: { recallId, serviceMethod: method },
  });
  events.push(serve);
  let cto4Id: string | null = null;
  let deadlineAt: Date | null = null;
  let detentionEventId: string | null = null;
  const began = input.detentionBeganAt ?? null;
  if (began) {
    if (began.getTime() < deemedServedAt.getTime()) {
      throw new Error('Detention by virtue of the notice cannot begin before it is served (C15).');
    }
    deadlineAt = recallDeadline(began);
    cto4Id = newId(began.getTime());
    forms.push({
      ...formRow(order, 'CTO4', {
        signedById: input.mhaAdministratorId ?? null,
        signedAt: addHoursTo(began, 0.5),
        receivedById: input.mhaAdministratorId ?? null,
        scrutinisedById: input.mhaAdministratorId ?? null,
        facts: { hospitalId: input.hospitalId, detentionBeganAt: began.toISOString() },
      }),
      id: cto4Id,
    });
    const detained = eventRow(order, 'DETENTION_BEGINS', began, {
      stateAfter: 'RECALLED',
      recordedById: input.mhaAdministratorId ?? null,
      formId: cto4Id,
      facts: { recallId, deadlineAt: deadlineAt.toISOString() },
    });
    detentionEventId = detained.id as string;
    events.push(detained);
  }
  await db.statutoryForm.createMany({ data: forms });
  await db.recall.create({
    data: {
      id: recallId,
      orderId: order.id,
      ground,
      reasons: input.reasons,
      hospitalId: input.hospitalId,
      noticeSignedAt: input.noticeSignedAt,
      serviceMethod: method,
      servedOrPostedAt: input.servedOrPostedAt,
      deemedServedAt,
      detentionBeganAt: began,
      deadlineAt,
      cto3FormId: cto3Id,
      cto4FormId: cto4Id,
    },
  });
  await db.ctoEvent.createMany({ data: events });
  await saveOrder(db, order);
  return {
    id: recallId,
    hospitalId: input.hospitalId,
    deemedServedAt,
    detentionBeganAt: began,
    deadlineAt,
    serveEventId: serve.id as string,
    detentionEventId,
  };
}

/** CTO4 for a recall whose notice was served earlier (RECALL_PENDING -> RECALLED). */
export async function beginRecallDetention(
  db: FactoryDb,
  order: OrderHandle,
  recall: RecallHandle,
  input: { at: Date; mhaAdministratorId?: string | null },
): Promise<void> {
  assertState(order, ['RECALL_PENDING', 'AWOL'], 'record detention after recall');
  if (input.at.getTime() < recall.deemedServedAt.getTime()) {
    throw new Error('Detention by virtue of the notice cannot begin before it is served (C15).');
  }
  const deadlineAt = recallDeadline(input.at);
  const formId = newId(input.at.getTime());
  const form = formRow(order, 'CTO4', {
    signedById: input.mhaAdministratorId ?? null,
    signedAt: addHoursTo(input.at, 0.5),
    facts: { hospitalId: recall.hospitalId, detentionBeganAt: input.at.toISOString() },
  });
  form.id = formId;
  await db.statutoryForm.create({ data: form });
  const row = eventRow(order, 'DETENTION_BEGINS', input.at, {
    stateAfter: 'RECALLED',
    recordedById: input.mhaAdministratorId ?? null,
    formId,
    facts: { recallId: recall.id, deadlineAt: deadlineAt.toISOString() },
  });
  await db.ctoEvent.create({ data: row });
  await db.recall.update({
    where: { id: recall.id },
    data: { detentionBeganAt: input.at, deadlineAt, cto4FormId: formId },
  });
  recall.detentionBeganAt = input.at;
  recall.deadlineAt = deadlineAt;
  recall.detentionEventId = row.id as string;
  await saveOrder(db, order);
}

/** CTO6: transfer of a recalled patient to a hospital under other managers; the 72 hours run on (s17F(3)). */
export async function transferDuringRecall(
  db: FactoryDb,
  order: OrderHandle,
  recall: RecallHandle,
  input: { toHospitalId: string; at: Date; recordedById?: string | null },
): Promise<void> {
  assertState(order, ['RECALLED'], 'transfer during recall');
  const formId = newId(input.at.getTime());
  const form = formRow(order, 'CTO6', {
    signedById: input.recordedById ?? null,
    signedAt: input.at,
    facts: {
      part1: { fromHospitalId: recall.hospitalId, authorisedAt: input.at.toISOString() },
      part2: {
        toHospitalId: input.toHospitalId,
        admittedAt: addHoursTo(input.at, 1.5).toISOString(),
      },
      detentionBeganAt: recall.detentionBeganAt?.toISOString() ?? null,
    },
  });
  form.id = formId;
  await db.statutoryForm.create({ data: form });
  await db.recallTransfer.create({
    data: {
      id: newId(input.at.getTime()),
      recallId: recall.id,
      fromHospitalId: recall.hospitalId,
      toHospitalId: input.toHospitalId,
      transferredAt: input.at,
      cto6FormId: formId,
      recordedById: input.recordedById ?? null,
    },
  });
  await db.ctoEvent.create({
    data: eventRow(order, 'TRANSFER_DURING_RECALL', input.at, {
      recordedById: input.recordedById ?? null,
      formId,
      facts: { recallId: recall.id, toHospitalId: input.toHospitalId },
    }),
  });
  await db.recall.update({ where: { id: recall.id }, data: { hospitalId: input.toHospitalId } });
  recall.hospitalId = input.toHospitalId;
  await saveOrder(db, order);
}

/** s17F(5): release before the 72 hours end (or at them, s17F(6)); the order continues. */
export async function releaseFromRecall(
  db: FactoryDb,
  order: OrderHandle,
  recall: RecallHandle,
  input: { at: Date; atSeventyTwoHours?: boolean; reasons?: string },
): Promise<void> {
  assertState(order, ['RECALLED'], 'release from recall');
  if (recall.deadlineAt && input.at.getTime() > recall.deadlineAt.getTime()) {
    throw new Error('Release must happen by the end of the 72 hours (s17F(6)).');
  }
  const atLimit = input.atSeventyTwoHours ?? false;
  await db.ctoEvent.create({
    data: eventRow(order, atLimit ? 'SEVENTY_TWO_HOURS_END' : 'RELEASE_FROM_RECALL', input.at, {
      stateAfter: 'ACTIVE',
      recordedById: order.responsibleClinicianId,
      facts: { recallId: recall.id, reasons: input.reasons ?? null },
    }),
  });
  await db.recall.update({
    where: { id: recall.id },
    data: {
      outcome: atLimit ? 'RELEASED_AT_72_HOURS' : 'RELEASED',
      endedAt: input.at,
      endedById: order.responsibleClinicianId,
    },
  });
  await saveOrder(db, order);
}

// --- Revocation (CTO5; s17F(4), s17G) --------------------------------------------------------

export interface RevokeInput {
  amhpId: string;
  amhpAgreedAt: Date;
  revokedAt: Date;
  rcReasons: string;
  /** How many s20 detention periods have been reached (default 1: renewals need a report). */
  detentionPeriods?: number;
  /** The restarted detention ended (e.g. discharged from section): its end. */
  detentionEndedAt?: Date | null;
  detentionEndReason?: string;
  /** s62A: the medication clock is not reset, so the first medication day carries over. */
  firstMedicationOn?: IsoDate | null;
  localAuthority?: string;
  mhaAdministratorId?: string | null;
}

export interface RevocationHandle {
  id: string;
  revokedOn: IsoDate;
  detentionLegalStatusPeriodId: string;
  revokeEventId: string;
}

export async function revokeOrder(
  db: FactoryDb,
  order: OrderHandle,
  recall: RecallHandle,
  input: RevokeInput,
): Promise<RevocationHandle> {
  assertState(order, ['RECALLED'], 'revoke');
  if (!recall.detentionBeganAt || !recall.deadlineAt)
    throw new Error('The recall has no detention.');
  if (input.revokedAt.getTime() > recall.deadlineAt.getTime()) {
    throw new Error('Revocation must be made within the 72 hours (s17F(4), (6)).');
  }
  const rc = order.responsibleClinicianId;
  const revokedOn = londonDateOf(input.revokedAt);
  const formId = newId(input.revokedAt.getTime());
  const agreementId = newId(input.amhpAgreedAt.getTime());
  const events: Prisma.CtoEventCreateManyInput[] = [
    eventRow(order, 'AMHP_AGREE_REVOCATION', input.amhpAgreedAt, {
      recordedById: input.amhpId,
      formId,
      facts: { recallId: recall.id },
    }),
  ];
  const revoke = eventRow(order, 'REVOKE', input.revokedAt, {
    stateAfter: 'REVOKED',
    recordedById: rc,
    formId,
    facts: { recallId: recall.id, revokedOn },
  });
  events.push(revoke);
  const form = formRow(order, 'CTO5', {
    signedById: rc,
    signedAt: input.revokedAt,
    receivedById: input.mhaAdministratorId ?? null,
    scrutinisedById: input.mhaAdministratorId ?? null,
    facts: {
      part1: {
        responsibleClinicianId: rc,
        hospitalId: recall.hospitalId,
        necessaryFor: ['health', 'safety'],
        reasons: input.rcReasons,
        appropriateTreatmentAvailable: true,
      },
      part2: {
        amhpId: input.amhpId,
        localAuthority: input.localAuthority ?? 'Northshire County Council',
        agrees: true,
        signedAt: input.amhpAgreedAt.toISOString(),
      },
      part3: {
        detainedSince: recall.detentionBeganAt.toISOString(),
        signedAt: input.revokedAt.toISOString(),
      },
    },
  });
  form.id = formId;
  await db.statutoryForm.create({ data: form });
  await db.amhpAgreement.create({
    data: {
      id: agreementId,
      orderId: order.id,
      purpose: 'REVOCATION',
      requestedAt: addHoursTo(input.amhpAgreedAt, -3),
      requestedById: rc,
      amhpId: input.amhpId,
      decision: 'AGREED',
      respondedAt: input.amhpAgreedAt,
      recallId: recall.id,
      formId,
    },
  });
  const revocationId = newId(input.revokedAt.getTime());
  await db.revocation.create({
    data: {
      id: revocationId,
      orderId: order.id,
      recallId: recall.id,
      revokedAt: input.revokedAt,
      revokedOn: toDbDate(revokedOn),
      hospitalId: recall.hospitalId,
      rcReasons: input.rcReasons,
      amhpAgreementId: agreementId,
      cto5FormId: formId,
      recordedById: rc,
    },
  });
  await db.ctoEvent.createMany({ data: events });
  await db.recall.update({
    where: { id: recall.id },
    data: { outcome: 'REVOKED', endedAt: input.revokedAt, endedById: rc },
  });
  // s17G: the order ends; the application applies again as if the patient had been admitted on
  // the day of revocation. MHSDS records that as a new legal status period (category D).
  await db.legalStatusPeriod.update({
    where: { id: order.legalStatusPeriodId },
    data: {
      endAt: input.revokedAt,
      endDate: toDbDate(revokedOn),
      endReason: 'Community treatment order revoked: detention restarted (s17G)',
    },
  });
  // s20 arithmetic after revocation is the same as C1 (6, 6, then 12 months, chained and
  // anchored, earlier reading operational), so ctoPeriods(R, n) gives the detention periods.
  const periods = ctoPeriods(revokedOn, Math.max(1, input.detentionPeriods ?? 1));
  const last = periods.at(-1);
  if (!last) throw new Error('ctoPeriods returned no period.');
  const lspId = newId(input.revokedAt.getTime());
  const endedAt = input.detentionEndedAt ?? null;
  await db.legalStatusPeriod.create({
    data: {
      id: lspId,
      patientId: order.patientId,
      legalStatusCode: order.legalStatusCode,
      hospitalId: recall.hospitalId,
      startAt: input.revokedAt,
      startDate: toDbDate(revokedOn),
      applicableDay: null,
      firstMedicationOn: input.firstMedicationOn ? toDbDate(input.firstMedicationOn) : null,
      expiryDate: toDbDate(last.end),
      endAt: endedAt,
      endDate: endedAt ? toDbDate(londonDateOf(endedAt)) : null,
      endReason: endedAt ? (input.detentionEndReason ?? 'Discharged from section') : null,
      revokedOrderId: order.id,
    },
  });
  await db.detentionPeriod.createMany({
    data: periods.map((p, index) => ({
      id: newId(),
      legalStatusPeriodId: lspId,
      index,
      months: p.months,
      startDate: toDbDate(p.start),
      endDate: toDbDate(p.end),
      alternativeEndDate: p.alternativeEnd ? toDbDate(p.alternativeEnd) : null,
      basis: index === 0 ? 's17G, s20(1)' : 's17G, s20(2)',
    })),
  });
  await endOrder(db, order, input.revokedAt, 'REVOKED', revokedOn);
  return {
    id: revocationId,
    revokedOn,
    detentionLegalStatusPeriodId: lspId,
    revokeEventId: revoke.id as string,
  };
}

// --- Discharge (s23, s72) --------------------------------------------------------------------

export interface DischargeInput {
  route: 'RESPONSIBLE_CLINICIAN' | 'HOSPITAL_MANAGERS' | 'TRIBUNAL';
  at: Date;
  reasons: string;
  decidedById?: string | null;
  /** HOSPITAL_MANAGERS: the panel. */
  panel?: string;
  /** TRIBUNAL: the application (defaults: received 6 weeks before the hearing). */
  tribunal?: {
    applicant?: 'PATIENT' | 'NEAREST_RELATIVE';
    basis?: string;
    madeOn?: IsoDate;
    receivedOn?: IsoDate;
    documentsDueOn: IsoDate;
    reference?: string;
  };
}

export async function dischargeOrder(
  db: FactoryDb,
  order: OrderHandle,
  input: DischargeInput,
): Promise<string> {
  assertState(order, ['ACTIVE', 'RECALLED', 'RECALL_PENDING', 'AWOL'], 'discharge');
  const dischargeId = newId(input.at.getTime());
  const day = londonDateOf(input.at);
  let managersHearingId: string | null = null;
  let tribunalHearingId: string | null = null;
  let type: CtoEventType = 'DISCHARGE_BY_RC';
  let reason: CtoEndReason = 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN';
  if (input.route === 'HOSPITAL_MANAGERS') {
    type = 'DISCHARGE_BY_MANAGERS';
    reason = 'DISCHARGED_BY_HOSPITAL_MANAGERS';
    managersHearingId = newId(input.at.getTime());
    await db.managersHearing.create({
      data: {
        id: managersHearingId,
        patientId: order.patientId,
        orderId: order.id,
        reason: 'PATIENT_REQUEST',
        scheduledAt: addHoursTo(input.at, -2),
        heldOn: toDbDate(day),
        panel: input.panel ?? 'Three associate hospital managers',
        panelMembers: ['Associate Manager One', 'Associate Manager Two', 'Associate Manager Three'],
        outcome: 'DISCHARGE',
        decisionOn: toDbDate(day),
        notes: input.reasons,
      },
    });
  } else if (input.route === 'TRIBUNAL') {
    type = 'DISCHARGE_BY_TRIBUNAL';
    reason = 'DISCHARGED_BY_TRIBUNAL';
    const t = input.tribunal;
    if (!t) throw new Error('Give the tribunal application for a tribunal discharge.');
    const receivedOn = t.receivedOn ?? addCalendarDays(day, -42);
    const caseId = newId();
    tribunalHearingId = newId(input.at.getTime());
    await db.tribunalCase.create({
      data: {
        id: caseId,
        patientId: order.patientId,
        orderId: order.id,
        kind: 'APPLICATION',
        applicant: t.applicant ?? 'PATIENT',
        basis: t.basis ?? 's66(1)(ca)',
        madeOn: toDbDate(t.madeOn ?? receivedOn),
        receivedOn: toDbDate(receivedOn),
        documentsDueOn: toDbDate(t.documentsDueOn),
        statementSentAt: londonTime(addCalendarDays(receivedOn, 14), 12),
        rcReportSentAt: londonTime(addCalendarDays(receivedOn, 18), 12),
        socialCircumstancesSentAt: londonTime(addCalendarDays(receivedOn, 19), 12),
        status: 'DECIDED',
        tribunalReference: t.reference ?? null,
      },
    });
    await db.ctoEvent.create({
      data: eventRow(order, 'TRIBUNAL_CASE_OPENED', londonTime(receivedOn, 9, 0), {
        facts: { tribunalCaseId: caseId, kind: 'APPLICATION', receivedOn },
      }),
    });
    await db.tribunalHearing.create({
      data: {
        id: tribunalHearingId,
        caseId,
        scheduledAt: londonTime(day, 10, 0),
        heldOn: toDbDate(day),
        outcome: 'DISCHARGED',
        decisionOn: toDbDate(day),
        notes: input.reasons,
      },
    });
  }
  await db.discharge.create({
    data: {
      id: dischargeId,
      orderId: order.id,
      route: input.route,
      orderedAt: input.at,
      effectiveAt: input.at,
      decidedById:
        input.decidedById ??
        (input.route === 'RESPONSIBLE_CLINICIAN' ? order.responsibleClinicianId : null),
      reasons: input.reasons,
      managersHearingId,
      tribunalHearingId,
    },
  });
  await db.ctoEvent.create({
    data: eventRow(order, type, input.at, {
      stateAfter: 'DISCHARGED',
      recordedById: input.route === 'RESPONSIBLE_CLINICIAN' ? order.responsibleClinicianId : null,
      facts: { dischargeId, route: input.route },
    }),
  });
  await db.recall.updateMany({
    where: { orderId: order.id, outcome: 'ONGOING' },
    data: { outcome: 'ORDER_ENDED', endedAt: input.at },
  });
  await endOrder(db, order, input.at, reason);
  return dischargeId;
}

// --- Nearest relative's order for discharge and the barring report (s23, s25; M2) -------------

export interface NearestRelativeOrderInput {
  nearestRelativeId: string;
  /** Received by an officer authorised by the managers (Kingswood Centre): the 72 hours start. */
  receivedAt: Date;
  receivedById?: string | null;
  outcome: 'DISCHARGED' | 'BARRED' | 'PENDING';
  barringReportAt?: Date;
  barringReasons?: string;
}

export async function nearestRelativeDischargeOrder(
  db: FactoryDb,
  order: OrderHandle,
  input: NearestRelativeOrderInput,
): Promise<string> {
  assertState(order, ['ACTIVE'], 'receive a nearest relative order for discharge');
  const rc = order.responsibleClinicianId;
  // s25(1): the order takes effect 72 hours after it is received unless barred before then.
  const takesEffectAt = addHoursTo(input.receivedAt, 72);
  const nrOrderId = newId(input.receivedAt.getTime());
  const events: Prisma.CtoEventCreateManyInput[] = [
    eventRow(order, 'NR_DISCHARGE_ORDER_RECEIVED', input.receivedAt, {
      recordedById: input.receivedById ?? null,
      facts: { nrOrderId, takesEffectAt: takesEffectAt.toISOString() },
    }),
  ];
  const nrEvents: Prisma.NearestRelativeEventCreateManyInput[] = [
    {
      id: newId(input.receivedAt.getTime()),
      patientId: order.patientId,
      nearestRelativeId: input.nearestRelativeId,
      kind: 'DISCHARGE_ORDER_RECEIVED',
      occurredAt: input.receivedAt,
      recordedById: input.receivedById ?? null,
      notes: 'Written order for discharge received by the MHA office.',
    },
  ];
  let barring: Partial<Prisma.NearestRelativeDischargeOrderCreateManyInput> = {};
  let m2: Prisma.StatutoryFormCreateManyInput | null = null;
  if (input.outcome === 'BARRED') {
    const at = input.barringReportAt;
    if (!at || at.getTime() >= takesEffectAt.getTime()) {
      throw new Error('The barring report must be furnished within the 72 hours (s25(1)).');
    }
    const on = londonDateOf(at);
    const formId = newId(at.getTime());
    m2 = {
      ...formRow(order, 'M2', {
        signedById: rc,
        signedAt: at,
        facts: {
          nrOrderReceivedAt: input.receivedAt.toISOString(),
          reasons:
            input.barringReasons ??
            'If discharged the patient would be likely to act in a manner dangerous to themselves or others.',
        },
      }),
      id: formId,
    };
    barring = {
      barringReportAt: at,
      barringReportOn: toDbDate(on),
      barredById: rc,
      barringReasons: input.barringReasons ?? null,
      nearestRelativeInformedOn: toDbDate(on),
      // s66(1)(g), s66(2)(d): 28 days beginning with the day the nearest relative is informed.
      tribunalWindowEndsOn: toDbDate(addCalendarDays(on, 27)),
      // s25(1)(b): no further order within six months beginning with the report.
      noFurtherOrderUntil: toDbDate(periodEnd(on, 6)),
      m2FormId: formId,
    };
    events.push(
      eventRow(order, 'NR_BARRING_REPORT', at, {
        recordedById: rc,
        formId,
        facts: { nrOrderId },
      }),
    );
    nrEvents.push({
      id: newId(at.getTime()),
      patientId: order.patientId,
      nearestRelativeId: input.nearestRelativeId,
      kind: 'BARRING_REPORT_SENT',
      occurredAt: at,
      recordedById: rc,
      notes:
        'Barring report (M2) furnished; nearest relative informed of the right to apply to the tribunal.',
    });
  }
  if (m2) await db.statutoryForm.create({ data: m2 });
  await db.nearestRelativeDischargeOrder.create({
    data: {
      id: nrOrderId,
      orderId: order.id,
      nearestRelativeId: input.nearestRelativeId,
      receivedAt: input.receivedAt,
      receivedById: input.receivedById ?? null,
      takesEffectAt,
      outcome: input.outcome,
      ...barring,
    },
  });
  await db.nearestRelativeEvent.createMany({ data: nrEvents });
  if (input.outcome === 'DISCHARGED') {
    events.push(
      eventRow(order, 'NR_DISCHARGE_TAKES_EFFECT', takesEffectAt, {
        stateAfter: 'DISCHARGED',
        facts: { nrOrderId },
      }),
    );
    await db.discharge.create({
      data: {
        id: newId(takesEffectAt.getTime()),
        orderId: order.id,
        route: 'NEAREST_RELATIVE',
        orderedAt: input.receivedAt,
        effectiveAt: takesEffectAt,
        reasons: 'Order for discharge by the nearest relative; no barring report was made.',
        nrOrderId,
      },
    });
  }
  await db.ctoEvent.createMany({ data: events });
  if (input.outcome === 'DISCHARGED') {
    await endOrder(db, order, takesEffectAt, 'DISCHARGED_BY_NEAREST_RELATIVE');
  } else {
    await saveOrder(db, order);
  }
  return nrOrderId;
}

// --- Absence without leave (s18, s21) --------------------------------------------------------

export interface AwolInput {
  startedAt: Date;
  recallId?: string | null;
  returnedAt?: Date | null;
  returnHow?: 'RETURNED_SELF' | 'TAKEN_INTO_CUSTODY';
  notes?: string;
  recordedById?: string | null;
}

export async function startAwol(
  db: FactoryDb,
  order: OrderHandle,
  input: AwolInput,
): Promise<string> {
  assertState(order, ['RECALL_PENDING', 'RECALLED'], 'record absence without leave');
  const before = order.state;
  const absentFrom = londonDateOf(input.startedAt);
  // s18(4): taken into custody no later than the later of six months beginning with the first
  // day of absence and the end of the period the order would otherwise be in force.
  const custodyLimitOn = maxIsoDate(periodEnd(absentFrom, 6), currentExpiry(order));
  const id = newId(input.startedAt.getTime());
  const events: Prisma.CtoEventCreateManyInput[] = [
    eventRow(order, 'AWOL_BEGINS', input.startedAt, {
      stateAfter: 'AWOL',
      recordedById: input.recordedById ?? null,
      facts: { awolEpisodeId: id },
    }),
  ];
  if (input.returnedAt) {
    events.push(
      eventRow(order, 'AWOL_ENDS', input.returnedAt, {
        stateAfter: before,
        recordedById: input.recordedById ?? null,
        facts: { awolEpisodeId: id, returnHow: input.returnHow ?? 'RETURNED_SELF' },
      }),
    );
  }
  await db.awolEpisode.create({
    data: {
      id,
      orderId: order.id,
      recallId: input.recallId ?? null,
      startedAt: input.startedAt,
      returnedAt: input.returnedAt ?? null,
      returnHow: input.returnedAt ? (input.returnHow ?? 'RETURNED_SELF') : null,
      custodyLimitOn: toDbDate(custodyLimitOn),
      notes: input.notes ?? null,
      recordedById: input.recordedById ?? null,
    },
  });
  await db.ctoEvent.createMany({ data: events });
  await saveOrder(db, order);
  return id;
}

// --- Death -----------------------------------------------------------------------------------

export async function recordDeath(
  db: FactoryDb,
  order: OrderHandle,
  input: { diedOn: IsoDate; recordedAt?: Date; recordedById?: string | null; notes?: string },
): Promise<void> {
  assertState(order, LIVE, 'record a death');
  const at = input.recordedAt ?? londonTime(addCalendarDays(input.diedOn, 1), 10, 0);
  await db.patient.update({
    where: { id: order.patientId },
    data: { dateOfDeath: toDbDate(input.diedOn) },
  });
  await db.ctoEvent.create({
    data: eventRow(order, 'DEATH', at, {
      stateAfter: 'DIED',
      recordedById: input.recordedById ?? null,
      facts: { diedOn: input.diedOn, notes: input.notes ?? null },
    }),
  });
  await db.recall.updateMany({
    where: { orderId: order.id, outcome: 'ONGOING' },
    data: { outcome: 'ORDER_ENDED', endedAt: at },
  });
  await endOrder(db, order, at, 'DIED', input.diedOn);
}

// --- Assignment of responsibility (s19A, CTO10) ----------------------------------------------

export async function assignResponsibility(
  db: FactoryDb,
  order: OrderHandle,
  input: { toHospitalId: string; at: Date; recordedById?: string | null },
): Promise<void> {
  assertState(order, ['ACTIVE'], 'assign responsibility');
  const formId = newId(input.at.getTime());
  const form = formRow(order, 'CTO10', {
    signedById: input.recordedById ?? null,
    signedAt: input.at,
    facts: { fromHospitalId: order.responsibleHospitalId, toHospitalId: input.toHospitalId },
  });
  form.id = formId;
  await db.statutoryForm.create({ data: form });
  await db.responsibilityAssignment.create({
    data: {
      id: newId(input.at.getTime()),
      orderId: order.id,
      fromHospitalId: order.responsibleHospitalId,
      toHospitalId: input.toHospitalId,
      assignedAt: input.at,
      cto10FormId: formId,
      recordedById: input.recordedById ?? null,
    },
  });
  // s19A(2)(b): the order's dates do not change.
  await db.ctoEvent.create({
    data: eventRow(order, 'ASSIGN_RESPONSIBILITY', input.at, {
      recordedById: input.recordedById ?? null,
      formId,
      facts: { fromHospitalId: order.responsibleHospitalId, toHospitalId: input.toHospitalId },
    }),
  });
  order.responsibleHospitalId = input.toHospitalId;
  await saveOrder(db, order, { responsibleHospitalId: input.toHospitalId });
}

/** Appends an event that changes no state (used by the care factories). */
export async function appendOrderEvent(
  db: FactoryDb,
  order: OrderHandle,
  type: CtoEventType,
  at: Date,
  options: EventOptions = {},
): Promise<string> {
  const row = eventRow(order, type, at, options);
  await db.ctoEvent.create({ data: row });
  await saveOrder(db, order);
  return row.id as string;
}

/** Reads a stored order back into a handle (for tests that start from existing rows). */
export async function loadOrderHandle(db: FactoryDb, orderId: string): Promise<OrderHandle> {
  const o = await db.communityTreatmentOrder.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      periods: { where: { enteredInErrorAt: null }, orderBy: { index: 'asc' } },
      conditions: true,
      legalStatusPeriod: { select: { legalStatusCode: true } },
      events: { orderBy: { occurredAt: 'desc' }, take: 1, select: { occurredAt: true } },
    },
  });
  return {
    id: o.id,
    patientId: o.patientId,
    legalStatusPeriodId: o.legalStatusPeriodId,
    legalStatusCode: o.legalStatusPeriod.legalStatusCode,
    teamId: o.teamId,
    responsibleClinicianId: o.responsibleClinicianId ?? '',
    responsibleHospitalId: o.responsibleHospitalId,
    state: o.state,
    version: o.version,
    madeOn: o.madeOn ? fromDbDate(o.madeOn) : null,
    signedAt: o.signedAt,
    effectiveAt: o.effectiveAt,
    periods: o.periods.map((p) => ({
      index: p.index,
      start: fromDbDate(p.startDate),
      end: fromDbDate(p.endDate),
      months: p.months === 12 ? 12 : 6,
      ...(p.alternativeEndDate ? { alternativeEnd: fromDbDate(p.alternativeEndDate) } : {}),
    })),
    conditions: o.conditions.map((c) => ({
      id: c.id,
      kind: c.kind,
      category: c.category,
      wording: c.wording,
      purpose: c.purpose,
      status: c.status,
    })),
    lastEventAt: o.events[0]?.occurredAt ?? o.proposedAt,
    eventIds: {},
  };
}
