/**
 * The order lifecycle engine. It reads the transition table (transitions.ts), works out what time
 * has done to the order (effectiveState), and answers, for an event, either a specific refusal or
 * the new state with the clocks it starts, the tasks it creates and any warnings.
 *
 * Pure: `now` is always a parameter; nothing here reads the clock or the database.
 */
import {
  awolAtExpiry,
  ctoPeriodsDetailed,
  DEFAULT_RIGHTS_INFORMATION_TARGET_DAYS,
  madeOnDay,
  managersReviewDue,
  nrBarEnds,
  nrDischargeTakesEffectAt,
  nrTribunalWindow,
  certificateRequiredFromDetailed,
  firstManagersReferenceDueDetailed,
  periodicReferenceDueDetailed,
  recallDeadlineDetailed,
  recallNoticeService,
  renewalWindowDetailed,
  revocationConsequences,
  rightsInformationDue,
  tribunalDocumentsDueDetailed,
  type AwolAtExpiry,
  type AbsenceInterval,
  type PeriodDetail,
  type RecallDeadline,
  type RightsTrigger,
} from './clocks';
import {
  checkBarringAfterReceipt,
  checkCto7Furnishing,
  checkNotBeforeDetention,
  checkNotBeforeOrderEffective,
  checkNotBeforeRecallNotice,
  checkDetentionAfterService,
  checkDiscretionaryConditionsAgreed,
  checkEffectiveTime,
  checkExaminationInWindow,
  checkLegalStatus,
  checkPart3AfterPart2,
  checkRevocation,
  checkServiceMethod,
  checkWithin72Hours,
  monthEndWarning,
  recallOfEndedOrder,
  signedEffectiveWarning,
  type EventTime,
  type ExtensionWindow,
} from './checks';
import {
  addDays,
  compareDates,
  endOfLondonDay,
  formatDate,
  formatInstant,
  isValidIsoDate,
  londonDateOf,
  maxDate,
  periodEnd,
  type IsoDate,
} from './dates';
import {
  refuse,
  type Alert,
  type Clock,
  type EventCheck,
  type EventOutcome,
  type Refusal,
  type RefusalCode,
  type Task,
  type TaskKind,
  type Warning,
} from './outcomes';
import { EVENT_TYPES, TRANSITIONS, type FromState, type TransitionSpec } from './transitions';
import {
  IN_FORCE_STATES,
  ROLE_LABELS,
  STATE_LABELS,
  isTerminalState,
  type Actor,
  type ConditionSnapshot,
  type CtoEndReason,
  type EventOf,
  type EventType,
  type ExtensionSnapshot,
  type OrderEvent,
  type OrderSnapshot,
  type OrderState,
  type RecallSnapshot,
  type Role,
} from './types';

export interface LifecycleOptions {
  /** Local target for giving s132A rights information (C13). Default 7 days. */
  readonly rightsInformationTargetDays?: number;
}

/** Events may be recorded up to this long "in the future" to allow for clock skew. */
const FUTURE_TOLERANCE_MS = 60_000;

// =============================================================================================
// Derived facts about an order
// =============================================================================================

/** The periods granted so far (the first, plus one per extension), or null if not made. */
export function orderPeriods(order: OrderSnapshot): PeriodDetail[] | null {
  if (order.madeOn === null) return null;
  return ctoPeriodsDetailed(order.madeOn, 1 + Math.max(0, order.extensionsGranted));
}

/** The operational expiry of the current period (C1), or null if not made. */
export function currentExpiry(order: OrderSnapshot): IsoDate | null {
  const periods = orderPeriods(order);
  return periods ? (periods[periods.length - 1]?.end ?? null) : null;
}

/** The absence around the current expiry that s21 applies to (the one giving the latest day). */
export function awolAroundExpiry(
  order: OrderSnapshot,
): { result: Extract<AwolAtExpiry, { applies: true }>; absence: AbsenceInterval } | null {
  const expiry = currentExpiry(order);
  if (expiry === null) return null;
  let best: { result: Extract<AwolAtExpiry, { applies: true }>; absence: AbsenceInterval } | null =
    null;
  for (const absence of order.absences) {
    const result = awolAtExpiry({
      expiry,
      absentFrom: londonDateOf(absence.from),
      returnedOn: absence.to ? londonDateOf(absence.to) : null,
    });
    if (!result.applies) continue;
    if (!best || compareDates(result.continuesUntil.date, best.result.continuesUntil.date) > 0) {
      best = { result, absence };
    }
  }
  return best;
}

/** The last day the order is in force: the expiry, or later under s21 (C12). */
export function inForceUntil(order: OrderSnapshot): IsoDate | null {
  const expiry = currentExpiry(order);
  if (expiry === null) return null;
  const awol = awolAroundExpiry(order);
  return awol ? maxDate(expiry, awol.result.continuesUntil.date) : expiry;
}

/** C3 window for the current expiry; after AWOL with return within 28 days, s21A widens it. */
export function extensionWindow(order: OrderSnapshot): ExtensionWindow | null {
  const expiry = currentExpiry(order);
  if (expiry === null) return null;
  const w = renewalWindowDetailed(expiry);
  const awol = awolAroundExpiry(order);
  if (awol && awol.result.route === 'S21A') {
    const closes = maxDate(expiry, awol.result.continuesUntil.date);
    return { opens: w.opens.date, closes, expiry, via21A: closes !== expiry };
  }
  return { opens: w.opens.date, closes: expiry, expiry, via21A: false };
}

/** C4 for the current recall, with s21(4) from the order's absences. */
export function currentRecallDeadline(order: OrderSnapshot): RecallDeadline | null {
  const began = order.recall?.detentionBeganAt;
  if (!order.recall || !began) return null;
  return recallDeadlineDetailed(began, order.absences);
}

function currentExtension(order: OrderSnapshot): ExtensionSnapshot | null {
  const expiry = currentExpiry(order);
  return order.extension && order.extension.forExpiry === expiry ? order.extension : null;
}

/** The extension whose CTO7 was furnished most recently (its forExpiry is the previous period's). */
function furnishedExtension(order: OrderSnapshot): ExtensionSnapshot | null {
  return order.extension && order.extension.cto7FurnishedAt ? order.extension : null;
}

// =============================================================================================
// Time passing
// =============================================================================================

export interface EffectiveState {
  /** The state the law gives the order at `now`. */
  readonly state: OrderState;
  readonly recordedState: OrderState;
  readonly changed: boolean;
  /** Time events to record (with SYSTEM_ACTOR, in order) to bring the record up to date. */
  readonly dueTimeEvents: readonly EventType[];
  readonly reason?: string;
  /** When the order ended, if time ended it. */
  readonly endedAt?: Date;
  readonly expiry: IsoDate | null;
  readonly inForceUntil: IsoDate | null;
  readonly alerts: readonly Alert[];
}

/**
 * What time has done to the order. An order whose last day (in England) has ended is EXPIRED from
 * the next day without anyone acting; a nearest relative's unbarred order discharges 72 hours
 * after receipt; an order made with a later effective time becomes ACTIVE at that time.
 * A RECALLED order past its 72 hours stays RECALLED with a RELEASE_REQUIRED alert: the record
 * must not pretend the patient has been released (s17F(6)) until someone records it.
 */
export function effectiveState(order: OrderSnapshot, now: Date): EffectiveState {
  const recordedState = order.state;
  const expiry = currentExpiry(order);
  const until = inForceUntil(order);
  const base = { recordedState, expiry, inForceUntil: until };
  if (isTerminalState(recordedState)) {
    return { ...base, state: recordedState, changed: false, dueTimeEvents: [], alerts: [] };
  }
  let state: OrderState = recordedState;
  const due: EventType[] = [];
  const alerts: Alert[] = [];
  if (
    state === 'AWAITING_EFFECT' &&
    order.effectiveAt &&
    now.getTime() >= order.effectiveAt.getTime()
  ) {
    state = 'ACTIVE';
    due.push('TAKE_EFFECT');
  }
  if (IN_FORCE_STATES.includes(state)) {
    const endings: { at: Date; state: OrderState; event: EventType; reason: string }[] = [];
    if (until !== null) {
      const endAt = endOfLondonDay(until);
      if (now.getTime() >= endAt.getTime()) {
        endings.push({
          at: endAt,
          state: 'EXPIRED',
          event: 'EXPIRE',
          reason:
            until === expiry
              ? `The order expired at the end of ${formatDate(until)} with no extension furnished (s20B).`
              : `The order expired at the end of ${formatDate(until)}, the end of its extension under s21 after the patient’s absence.`,
        });
      }
    }
    const nr = order.nearestRelative;
    if (nr.orderReceivedAt && nr.barredOn === null) {
      const effect = nrDischargeTakesEffectAt(nr.orderReceivedAt).instant;
      if (now.getTime() >= effect.getTime()) {
        endings.push({
          at: effect,
          state: 'DISCHARGED',
          event: 'NR_DISCHARGE_TAKES_EFFECT',
          reason: `The nearest relative’s order for discharge took effect ${formatInstant(effect)}, with no barring report (s23, s25).`,
        });
      } else {
        alerts.push({
          code: 'NR_DISCHARGE_PENDING',
          message: `The nearest relative’s order for discharge takes effect ${formatInstant(effect)} unless the responsible clinician furnishes a barring report (M2) before then.`,
        });
      }
    }
    endings.sort((a, b) => a.at.getTime() - b.at.getTime());
    const first = endings[0];
    if (first) {
      return {
        ...base,
        state: first.state,
        changed: true,
        dueTimeEvents: [...due, first.event],
        reason: first.reason,
        endedAt: first.at,
        alerts: [],
      };
    }
    if (until !== null && expiry !== null && until !== expiry) {
      alerts.push({
        code: 'ORDER_CONTINUES_BECAUSE_AWOL',
        message: `The period ended on ${formatDate(expiry)}, but because the patient was absent without leave around then the order continues until the end of ${formatDate(until)} (s21).`,
      });
    }
    const window = extensionWindow(order);
    const today = londonDateOf(now);
    if (
      window &&
      compareDates(today, window.opens) >= 0 &&
      compareDates(today, window.closes) <= 0 &&
      !currentExtension(order)?.cto7FurnishedAt
    ) {
      alerts.push({
        code: 'EXTENSION_WINDOW_OPEN',
        message: `The renewal (extension) window is open from ${formatDate(window.opens)} to ${formatDate(window.closes)}. Without a CTO7 furnished by the end of ${formatDate(window.closes)} the order expires.`,
      });
    }
    if (state === 'RECALLED') {
      const deadline = currentRecallDeadline(order);
      if (deadline && !deadline.awaitingReturn && now.getTime() >= deadline.instant.getTime()) {
        due.push('SEVENTY_TWO_HOURS_END');
        alerts.push({
          code: 'RELEASE_REQUIRED',
          message: `The 72 hours ended ${formatInstant(deadline.instant)}. The patient must be released now (s17F(6)); they remain on the order. Revocation is no longer possible.`,
        });
      }
    }
    if (state === 'AWOL') {
      const deadline = currentRecallDeadline(order);
      if (deadline?.awaitingReturn) {
        alerts.push({ code: 'AWAITING_RETURN_72_HOURS', message: deadline.explain });
      }
    }
  }
  return {
    ...base,
    state,
    changed: state !== recordedState,
    dueTimeEvents: due,
    ...(state !== recordedState
      ? { reason: 'The order took effect at the time stated in CTO1 Part 3.' }
      : {}),
    alerts,
  };
}

// =============================================================================================
// The engine
// =============================================================================================

interface Ctx {
  readonly type: EventType;
  readonly spec: TransitionSpec;
  readonly recorded: OrderSnapshot | null;
  /** The order, with any non-terminal catch-up (AWAITING_EFFECT -> ACTIVE) applied. */
  readonly order: OrderSnapshot | null;
  readonly state: FromState;
  readonly actor: Actor;
  readonly now: Date;
  readonly at: Date;
  readonly atDay: IsoDate;
  readonly options: LifecycleOptions;
}

interface Effects {
  readonly order: OrderSnapshot;
  readonly state?: OrderState;
  readonly clocks?: readonly Clock[];
  readonly tasks?: readonly Task[];
  readonly warnings?: readonly Warning[];
  readonly completes?: readonly TaskKind[];
  readonly endReason?: CtoEndReason;
}

interface Handler<T extends EventType> {
  /** Payload-independent preconditions (used by allowedEvents too). */
  readonly guard?: (ctx: Ctx & { order: OrderSnapshot }) => Refusal | undefined;
  /** Payload checks: a refusal, or warnings. */
  readonly validate?: (
    ctx: Ctx & { order: OrderSnapshot | null },
    event: EventOf<T>,
  ) => Refusal | readonly Warning[] | undefined;
  readonly apply: (ctx: Ctx & { order: OrderSnapshot | null }, event: EventOf<T>) => Effects;
}

function mustOrder(ctx: { order: OrderSnapshot | null }): OrderSnapshot {
  if (!ctx.order) throw new Error('lib/cto: an order is required for this event');
  return ctx.order;
}

function rightsTask(
  day: IsoDate,
  trigger: RightsTrigger,
  options: LifecycleOptions,
): { clock: Clock; task: Task } {
  const due = rightsInformationDue(
    day,
    trigger,
    options.rightsInformationTargetDays ?? DEFAULT_RIGHTS_INFORMATION_TARGET_DAYS,
  );
  return {
    clock: { kind: 'RIGHTS_INFORMATION', date: due.date, basis: due.basis, explain: due.explain },
    task: {
      kind: 'GIVE_RIGHTS_INFORMATION',
      title: 'Give rights information (s132A)',
      basis: due.basis,
      explain: due.explain,
      dueOn: due.date,
      assigneeRoles: ['CARE_COORDINATOR', 'RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
    },
  };
}

function expiryClocks(order: OrderSnapshot): { clocks: Clock[]; tasks: Task[] } {
  const periods = orderPeriods(order);
  const last = periods?.[periods.length - 1];
  if (!last) return { clocks: [], tasks: [] };
  const w = renewalWindowDetailed(last.end);
  const tribunal =
    last.index === 0
      ? { basis: 's66(1)(ca), s66(2)(ca)', why: 'the order was made' }
      : { basis: 's66(1)(fza), s66(2)(fza)', why: 'the order was extended' };
  return {
    clocks: [
      {
        kind: 'CTO_EXPIRY',
        date: last.end,
        basis: last.basis,
        explain: last.explain,
        ...(last.alternativeEnd
          ? {
              alternative: {
                date: last.alternativeEnd,
                explain: `The other reading of the period gives ${formatDate(last.alternativeEnd)}.`,
              },
            }
          : {}),
      },
      {
        kind: 'EXTENSION_WINDOW',
        opensOn: w.opens.date,
        date: w.closes.date,
        basis: 's20A(4)',
        explain: `${w.opens.explain} ${w.closes.explain}`,
        ...(w.opens.alternative ? { alternative: w.opens.alternative } : {}),
      },
      {
        kind: 'PATIENT_APPLICATION_WINDOW',
        opensOn: last.start,
        date: last.end,
        basis: tribunal.basis,
        explain: `Because ${tribunal.why}, the patient may apply to the tribunal once between ${formatDate(last.start)} and ${formatDate(last.end)}.`,
      },
    ],
    tasks: [
      {
        kind: 'ARRANGE_EXTENSION_EXAMINATION',
        title: 'Examine the patient for renewal (extension) of the order',
        basis: 's20A(4)',
        explain: `Examine between ${formatDate(w.opens.date)} and ${formatDate(w.closes.date)}; consult another professional, get the AMHP’s agreement and furnish the CTO7 by the end of ${formatDate(last.end)}, or the order expires.`,
        opensOn: w.opens.date,
        dueOn: w.closes.date,
        assigneeRoles: ['RESPONSIBLE_CLINICIAN'],
      },
    ],
  };
}

function furnishTask(form: string, day: IsoDate, basis: string): Task {
  return {
    kind: 'FURNISH_FORM_TO_MANAGERS',
    title: `Furnish ${form} to the hospital managers`,
    basis,
    explain: `${form} must be furnished to the managers as soon as reasonably practicable.`,
    dueOn: day,
    assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
  };
}

function endTask(day: IsoDate, why: string): Task {
  return {
    kind: 'INFORM_PATIENT_OF_END',
    title: 'Tell the patient (and nearest relative) that the order has ended',
    basis: 's132A, s133',
    explain: `${why} Update the record and inform those who need to know.`,
    dueOn: day,
    assigneeRoles: ['MHA_ADMINISTRATOR'],
  };
}

function setRecall(order: OrderSnapshot, patch: Partial<RecallSnapshot>): OrderSnapshot {
  if (!order.recall) return order;
  return { ...order, recall: { ...order.recall, ...patch } };
}

function recallClock(order: OrderSnapshot): { clock: Clock; task: Task } | null {
  const d = currentRecallDeadline(order);
  if (!d) return null;
  return {
    clock: {
      kind: 'RECALL_72_HOURS',
      instant: d.instant,
      basis: d.basis,
      explain: d.explain,
      ...(d.alternative
        ? { alternative: { instant: d.alternative.instant, explain: d.alternative.explain } }
        : {}),
      ...(d.awaitingReturn ? { awaitingReturn: true } : {}),
    },
    task: {
      kind: 'RELEASE_OR_REVOKE',
      title: 'Release the patient or revoke the order (with AMHP agreement)',
      basis: d.basis,
      explain: d.explain,
      dueAt: d.instant,
      assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'AMHP'],
    },
  };
}

function validDay(value: string, what: string): Refusal | undefined {
  return isValidIsoDate(value)
    ? undefined
    : refuse('INVALID_INPUT', `The ${what} “${value}” is not a real date (YYYY-MM-DD).`);
}

function notAfterToday(day: IsoDate, today: IsoDate, what: string): Refusal | undefined {
  return compareDates(day, today) > 0
    ? refuse('EVENT_IN_FUTURE', `The ${what} (${formatDate(day)}) cannot be in the future.`)
    : undefined;
}

function validInstant(value: Date | undefined, what: string): Refusal | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime())
    ? undefined
    : refuse('INVALID_INPUT', `The ${what} is not a valid date and time.`);
}

function uniqueIds(ids: readonly string[]): Refusal | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return refuse('INVALID_INPUT', `Condition “${id}” is listed twice.`);
    seen.add(id);
  }
  return undefined;
}

function s58Task(order: OrderSnapshot, revokedOn: IsoDate, explain: string): Task {
  // s62A: the three months run from the first medication, not from revocation.
  const from = order.firstMedicationOn
    ? addDays(periodEnd(order.firstMedicationOn, 3), 1)
    : revokedOn;
  const dueOn = compareDates(from, revokedOn) < 0 ? revokedOn : from;
  return {
    kind: 'ARRANGE_S58_CERTIFICATE',
    title: 'Check consent to treatment: s58 certificate (T2/T3) after revocation',
    basis: 's62A, s58',
    explain: `${explain}${order.firstMedicationOn ? ` The three months from first medication on ${formatDate(order.firstMedicationOn)} end on ${formatDate(addDays(from, -1))}.` : ' Record the first medication date to know when a certificate is needed.'}`,
    dueOn,
    assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
  };
}

const HANDLERS: { readonly [K in EventType]: Handler<K> } = {
  // ---- Making the order ------------------------------------------------------------------------
  PROPOSE: {
    validate: (_ctx, e) =>
      checkLegalStatus(e.legalStatusCode) ?? uniqueIds(e.conditions.map((c) => c.id)),
    apply: (ctx, e) => ({
      order: {
        ...blankFrom(ctx.order),
        state: 'PROPOSED',
        legalStatusCode: e.legalStatusCode,
        proposedAt: ctx.at,
        conditions: e.conditions.map((c) => ({
          id: c.id,
          kind: c.kind,
          ...(c.text !== undefined ? { text: c.text } : {}),
          amhpAgreed: c.kind === 'MANDATORY',
          status: 'ACTIVE' as const,
        })),
      },
    }),
  },
  AMHP_AGREE_MAKING: {
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const unknown = (e.agreedConditionIds ?? []).find(
        (id) => !order.conditions.some((c) => c.id === id),
      );
      if (unknown !== undefined)
        return refuse('CONDITION_NOT_FOUND', `There is no condition “${unknown}” on this order.`);
      return undefined;
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const agreed = (c: ConditionSnapshot): boolean =>
        c.kind === 'MANDATORY' ||
        e.agreedConditionIds === undefined ||
        e.agreedConditionIds.includes(c.id);
      return {
        order: {
          ...order,
          amhpAgreedAt: ctx.at,
          conditions: order.conditions.map((c) => ({ ...c, amhpAgreed: agreed(c) })),
        },
      };
    },
  },
  AMHP_DECLINE_MAKING: {
    apply: (ctx) => ({ order: { ...mustOrder(ctx), endedAt: ctx.at } }),
  },
  WITHDRAW_PROPOSAL: {
    apply: (ctx) => ({ order: { ...mustOrder(ctx), endedAt: ctx.at } }),
  },
  MAKE: {
    guard: (ctx) =>
      checkLegalStatus(ctx.order.legalStatusCode) ??
      checkPart3AfterPart2(ctx.at, ctx.order.amhpAgreedAt) ??
      checkDiscretionaryConditionsAgreed(ctx.order.conditions),
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const signedAt = e.signedAt ?? ctx.at;
      const bad =
        validInstant(signedAt, 'signature time') ?? validInstant(e.effectiveAt, 'effective time');
      if (bad) return bad;
      if (signedAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
        return refuse(
          'EVENT_IN_FUTURE',
          `Part 3 cannot be signed in the future (${formatInstant(signedAt)}).`,
        );
      }
      const sequence = checkPart3AfterPart2(signedAt, order.amhpAgreedAt);
      if (sequence) return sequence;
      const effective = checkEffectiveTime(signedAt, e.effectiveAt);
      if (effective && 'ok' in effective) return effective;
      const madeOn = madeOnDay(signedAt, e.effectiveAt).date;
      return [
        effective,
        signedEffectiveWarning(signedAt, e.effectiveAt),
        monthEndWarning(madeOn),
      ].filter((w): w is Warning => w !== undefined && !('ok' in w));
    },
    apply: (ctx, e) => {
      const signedAt = e.signedAt ?? ctx.at;
      const made = madeOnDay(signedAt, e.effectiveAt);
      const inEffect = e.effectiveAt.getTime() <= ctx.now.getTime();
      const order: OrderSnapshot = {
        ...mustOrder(ctx),
        signedAt,
        effectiveAt: e.effectiveAt,
        madeOn: made.date,
        extensionsGranted: 0,
        extension: null,
      };
      const { clocks, tasks } = expiryClocks(order);
      const rights = rightsTask(made.date, 'MAKING', ctx.options);
      const extraClocks: Clock[] = [];
      const extraTasks: Task[] = [furnishTask('CTO1', londonDateOf(signedAt), 'reg 6(1)(b)')];
      if (!inEffect) {
        extraClocks.push({
          kind: 'EFFECTIVE_TIME',
          instant: e.effectiveAt,
          basis: 's17A; CTO1 Part 3',
          explain: `The order takes effect ${formatInstant(e.effectiveAt)}.`,
        });
      }
      if (order.firstMedicationOn) {
        const c = certificateRequiredFromDetailed(made.date, order.firstMedicationOn);
        extraClocks.push({
          kind: 'CERTIFICATE_REQUIRED',
          date: c.date,
          basis: c.basis,
          explain: c.explain,
        });
        extraTasks.push({
          kind: 'ARRANGE_PART4A_CERTIFICATE',
          title: 'Arrange a Part 4A certificate (CTO11 or CTO12)',
          basis: c.basis,
          explain: c.explain,
          dueOn: addDays(c.date, -1),
          assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
        });
      } else {
        extraTasks.push({
          kind: 'RECORD_FIRST_MEDICATION_DATE',
          title: 'Record the first date medication was given while liable to be detained',
          basis: 's64B, s64C, s58',
          explain:
            'The date a Part 4A certificate is needed depends on it (one month after the order was made, or three months after first medication, whichever is later).',
          dueOn: made.date,
          assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
        });
      }
      if (order.applicableDay && order.legalStatusCode === '03') {
        const ref = firstManagersReferenceDueDetailed(order.applicableDay);
        extraClocks.push({
          kind: 'FIRST_MANAGERS_REFERENCE',
          date: ref.date,
          basis: ref.basis,
          explain: ref.explain,
        });
        extraTasks.push({
          kind: 'FIRST_MANAGERS_REFERENCE',
          title: 'Refer the case to the tribunal (first reference), unless an application is made',
          basis: ref.basis,
          explain: ref.explain,
          dueOn: ref.date,
          assigneeRoles: ['MHA_ADMINISTRATOR'],
        });
      }
      return {
        order,
        state: inEffect ? 'ACTIVE' : 'AWAITING_EFFECT',
        clocks: [...extraClocks, ...clocks, rights.clock],
        tasks: [rights.task, ...extraTasks, ...tasks],
      };
    },
  },
  TAKE_EFFECT: {
    guard: (ctx) =>
      ctx.order.effectiveAt && ctx.at.getTime() >= ctx.order.effectiveAt.getTime()
        ? undefined
        : refuse(
            'NOT_DUE_YET',
            ctx.order.effectiveAt
              ? `The order takes effect ${formatInstant(ctx.order.effectiveAt)}, not yet.`
              : 'The order has no effective time.',
          ),
    apply: (ctx) => ({ order: mustOrder(ctx) }),
  },

  // ---- Conditions --------------------------------------------------------------------------------
  VARY_CONDITIONS: {
    validate: (_ctx, e) => uniqueIds(e.conditions.map((c) => c.id)),
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const existing = new Map(order.conditions.map((c) => [c.id, c]));
      const listed = new Set(e.conditions.map((c) => c.id));
      // s17B(4): the RC varies alone; a new discretionary condition keeps amhpAgreed false (true
      // only if the AMHP agreed it when the order was made).
      const conditions: ConditionSnapshot[] = [
        ...e.conditions.map((c) => ({
          id: c.id,
          kind: c.kind,
          ...(c.text !== undefined ? { text: c.text } : {}),
          amhpAgreed: c.kind === 'MANDATORY' || (existing.get(c.id)?.amhpAgreed ?? false),
          status: 'ACTIVE' as const,
        })),
        ...order.conditions
          .filter((c) => !listed.has(c.id))
          .map((c) => ({ ...c, status: 'ENDED' as const })),
      ];
      const rights = rightsTask(ctx.atDay, 'VARIATION', ctx.options);
      return {
        order: { ...order, conditions },
        clocks: [rights.clock],
        tasks: [rights.task, furnishTask('CTO2', ctx.atDay, 'reg 6(2)(c)')],
      };
    },
  },
  SUSPEND_CONDITION: {
    guard: (ctx) =>
      ctx.order.conditions.some((c) => c.status === 'ACTIVE')
        ? undefined
        : refuse('CONDITION_NOT_IN_FORCE', 'No condition is in force to suspend.'),
    validate: (ctx, e) => {
      const c = mustOrder(ctx).conditions.find((x) => x.id === e.conditionId);
      if (!c)
        return refuse(
          'CONDITION_NOT_FOUND',
          `There is no condition “${e.conditionId}” on this order.`,
        );
      if (c.status !== 'ACTIVE')
        return refuse(
          'CONDITION_NOT_IN_FORCE',
          `The condition “${c.text ?? c.id}” is not in force (${c.status.toLowerCase()}).`,
        );
      return undefined;
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      return {
        order: {
          ...order,
          conditions: order.conditions.map((c) =>
            c.id === e.conditionId ? { ...c, status: 'SUSPENDED' as const } : c,
          ),
        },
      };
    },
  },
  REINSTATE_CONDITION: {
    guard: (ctx) =>
      ctx.order.conditions.some((c) => c.status === 'SUSPENDED')
        ? undefined
        : refuse('CONDITION_NOT_SUSPENDED', 'No condition is suspended.'),
    validate: (ctx, e) => {
      const c = mustOrder(ctx).conditions.find((x) => x.id === e.conditionId);
      if (!c)
        return refuse(
          'CONDITION_NOT_FOUND',
          `There is no condition “${e.conditionId}” on this order.`,
        );
      if (c.status !== 'SUSPENDED')
        return refuse(
          'CONDITION_NOT_SUSPENDED',
          `The condition “${c.text ?? c.id}” is not suspended.`,
        );
      return undefined;
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      return {
        order: {
          ...order,
          conditions: order.conditions.map((c) =>
            c.id === e.conditionId ? { ...c, status: 'ACTIVE' as const } : c,
          ),
        },
      };
    },
  },

  // ---- Extension -----------------------------------------------------------------------------------
  EXAMINE_FOR_EXTENSION: {
    guard: (ctx) => {
      const w = extensionWindow(ctx.order);
      if (!w) return refuse('NO_ORDER_IN_FORCE', 'The order has not been made.');
      if (compareDates(ctx.atDay, w.opens) < 0) {
        return refuse(
          'EXAMINATION_OUTSIDE_WINDOW',
          `The renewal window for the expiry on ${formatDate(w.expiry)} opens on ${formatDate(w.opens)} and closes on ${formatDate(w.closes)}. An examination before ${formatDate(w.opens)} does not count (s20A(4)).`,
        );
      }
      return undefined;
    },
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const bad =
        validDay(e.examinedOn, 'examination date') ??
        notAfterToday(e.examinedOn, ctx.atDay, 'examination date');
      if (bad) return bad;
      const w = extensionWindow(order);
      if (!w) return refuse('NO_ORDER_IN_FORCE', 'The order has not been made.');
      const outside = checkExaminationInWindow(e.examinedOn, w);
      if (outside) return outside;
      const ext = currentExtension(order);
      return ext?.examinedOn
        ? [
            {
              code: 'RE_EXAMINATION' as const,
              message: `An examination on ${formatDate(ext.examinedOn)} was already recorded for this renewal; it is replaced by ${formatDate(e.examinedOn)}${ext.amhpAgreedAt ? ', and the AMHP must agree again' : ''}.`,
            },
          ]
        : [];
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const expiry = currentExpiry(order) ?? ctx.atDay;
      const ext = currentExtension(order);
      const extension: ExtensionSnapshot = ext
        ? { ...ext, examinedOn: e.examinedOn, amhpAgreedAt: null }
        : blankExtension(expiry, { examinedOn: e.examinedOn });
      return { order: { ...order, extension } };
    },
  },
  CONSULT_FOR_EXTENSION: {
    validate: (ctx, e) =>
      validDay(e.consultedOn, 'consultation date') ??
      notAfterToday(e.consultedOn, ctx.atDay, 'consultation date'),
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const expiry = currentExpiry(order) ?? ctx.atDay;
      const ext = currentExtension(order);
      return {
        order: {
          ...order,
          extension: ext
            ? { ...ext, consultedOn: e.consultedOn }
            : blankExtension(expiry, { consultedOn: e.consultedOn }),
        },
      };
    },
  },
  AMHP_AGREE_EXTENSION: {
    guard: (ctx) => {
      const ext = currentExtension(ctx.order);
      if (!ext?.examinedOn) {
        return refuse(
          'CTO7_PART2_BEFORE_PART1',
          'The AMHP cannot agree the extension (CTO7 Part 2) before the responsible clinician has recorded the examination (Part 1). The forms are out of sequence.',
        );
      }
      if (compareDates(ctx.atDay, ext.examinedOn) < 0) {
        return refuse(
          'CTO7_PART2_BEFORE_PART1',
          `The AMHP’s agreement cannot pre-date the examination on ${formatDate(ext.examinedOn)}.`,
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const ext = currentExtension(order);
      return { order: { ...order, extension: ext ? { ...ext, amhpAgreedAt: ctx.at } : null } };
    },
  },
  AMHP_DECLINE_EXTENSION: {
    guard: (ctx) =>
      currentExtension(ctx.order)?.examinedOn
        ? undefined
        : refuse(
            'CTO7_PART2_BEFORE_PART1',
            'There is no examination (CTO7 Part 1) for the AMHP to consider yet.',
          ),
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const ext = currentExtension(order);
      const expiry = currentExpiry(order);
      return {
        order: {
          ...order,
          extension: ext ? { ...ext, amhpAgreedAt: null, amhpDeclinedAt: ctx.at } : null,
        },
        warnings: [
          {
            code: 'AMHP_DECLINED',
            message: `The AMHP did not agree the extension. Without an AMHP's agreement the order cannot be extended: it expires at the end of ${expiry ? formatDate(expiry) : 'the period'} unless another AMHP agrees in time (s20A(4)(b)).`,
          },
        ],
      };
    },
  },
  FURNISH_CTO7: {
    guard: (ctx) => {
      const w = extensionWindow(ctx.order);
      if (!w) return refuse('NO_ORDER_IN_FORCE', 'The order has not been made.');
      const ext = currentExtension(ctx.order);
      return checkCto7Furnishing({
        furnishedAt: ctx.at,
        window: w,
        examinedOn: ext?.examinedOn ?? null,
        consultedOn: ext?.consultedOn ?? null,
        amhpAgreedAt: ext?.amhpAgreedAt ?? null,
      });
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      const ext = currentExtension(before);
      const oldExpiry = currentExpiry(before) ?? ctx.atDay;
      const w = extensionWindow(before);
      const order: OrderSnapshot = {
        ...before,
        extensionsGranted: before.extensionsGranted + 1,
        extension: ext ? { ...ext, cto7FurnishedAt: ctx.at } : null,
      };
      const { clocks, tasks } = expiryClocks(order);
      const review = managersReviewDue(oldExpiry);
      const rights = rightsTask(ctx.atDay, 'EXTENSION', ctx.options);
      const warnings: Warning[] = [];
      if (w?.via21A && compareDates(ctx.atDay, oldExpiry) > 0) {
        warnings.push({
          code: 'ORDER_CONTINUES_BECAUSE_AWOL',
          message: `Furnished after the expiry on ${formatDate(oldExpiry)} under s21A: the extension runs from ${formatDate(addDays(oldExpiry, 1))}.`,
        });
      }
      return {
        order,
        clocks: [
          ...clocks,
          {
            kind: 'MANAGERS_REVIEW_OF_EXTENSION',
            date: review.date,
            basis: review.basis,
            explain: review.explain,
          },
          rights.clock,
        ],
        tasks: [
          {
            kind: 'RECORD_CTO7_RECEIPT',
            title: 'Record the managers’ receipt of the CTO7 (Part 4)',
            basis: 'reg 13(7)',
            explain: 'Part 4 of the CTO7 records the managers’ receipt of the report.',
            dueOn: ctx.atDay,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
          {
            kind: 'MANAGERS_REVIEW_OF_EXTENSION',
            title: 'Hospital managers’ review of the extension',
            basis: review.basis,
            explain: review.explain,
            dueOn: review.date,
            assigneeRoles: ['HOSPITAL_MANAGER', 'MHA_ADMINISTRATOR'],
          },
          rights.task,
          ...tasks,
        ],
        warnings,
        completes: ['ARRANGE_EXTENSION_EXAMINATION'],
      };
    },
  },
  MANAGERS_RECEIVE_CTO7: {
    guard: (ctx) => {
      const ext = furnishedExtension(ctx.order);
      if (!ext) {
        return refuse(
          'CTO7_PART4_BEFORE_PART3',
          'The managers cannot record receipt (CTO7 Part 4) before the responsible clinician has furnished the report (Parts 1-3). The forms are out of sequence.',
        );
      }
      if (ext.managersReceivedAt) {
        return refuse(
          'ALREADY_RECORDED',
          `Receipt of this CTO7 was already recorded ${formatInstant(ext.managersReceivedAt)}.`,
        );
      }
      if (ext.cto7FurnishedAt && ctx.at.getTime() < ext.cto7FurnishedAt.getTime()) {
        return refuse(
          'CTO7_PART4_BEFORE_PART3',
          `Part 4 cannot pre-date the furnishing of the report (${formatInstant(ext.cto7FurnishedAt)}).`,
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      return {
        order: {
          ...order,
          extension: order.extension ? { ...order.extension, managersReceivedAt: ctx.at } : null,
        },
        completes: ['RECORD_CTO7_RECEIPT'],
      };
    },
  },
  MANAGERS_REVIEW_EXTENSION: {
    guard: (ctx) => {
      const ext = furnishedExtension(ctx.order);
      if (!ext || ext.managersReviewedOn) {
        return refuse(
          'NO_EXTENSION_TO_REVIEW',
          'There is no furnished extension waiting for the managers’ review. (To discharge, use “Discharge by the hospital managers”.)',
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const ext = order.extension;
      const warnings: Warning[] = [];
      if (ext && compareDates(ctx.atDay, ext.forExpiry) > 0) {
        warnings.push({
          code: 'MANAGERS_REVIEW_LATE',
          message: `The review should have been held by ${formatDate(ext.forExpiry)}; failing to review before expiry is a very serious matter (Code of Practice 38.50).`,
        });
      }
      return {
        order: { ...order, extension: ext ? { ...ext, managersReviewedOn: ctx.atDay } : null },
        warnings,
        completes: ['MANAGERS_REVIEW_OF_EXTENSION'],
      };
    },
  },
  FURNISH_CTO8: {
    guard: (ctx) => {
      const awol = awolAroundExpiry(ctx.order);
      if (!awol || awol.result.route !== 'S21B') {
        return refuse(
          'S21B_NOT_APPLICABLE',
          'A CTO8 is only for a patient who returned more than 28 days after going absent without leave around the expiry (s21B). Use the CTO7 otherwise.',
        );
      }
      const due = awol.result.cto8Due;
      if (due && compareDates(ctx.atDay, due.date) > 0) {
        return refuse(
          'CTO8_TOO_LATE',
          `The CTO8 had to be furnished by ${formatDate(due.date)} (one week beginning with the return); the order ended at the end of that day (s21B).`,
        );
      }
      return undefined;
    },
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const bad =
        validDay(e.examinedOn, 'examination date') ??
        validInstant(e.amhpAgreedAt, 'AMHP agreement time');
      if (bad) return bad;
      const awol = awolAroundExpiry(order);
      const returnedOn = awol?.absence.to ? londonDateOf(awol.absence.to) : null;
      const due = awol?.result.cto8Due?.date;
      if (
        returnedOn &&
        due &&
        (compareDates(e.examinedOn, returnedOn) < 0 || compareDates(e.examinedOn, due) > 0)
      ) {
        return refuse(
          'EXAMINATION_OUTSIDE_WINDOW',
          `The examination on ${formatDate(e.examinedOn)} must be within one week beginning with the return on ${formatDate(returnedOn)}: ${formatDate(returnedOn)} to ${formatDate(due)} (s21B(2)).`,
        );
      }
      if (e.amhpAgreedAt.getTime() > ctx.at.getTime()) {
        return refuse(
          'CTO7_BEFORE_AMHP_AGREEMENT',
          'The CTO8 cannot be furnished before the AMHP has agreed (s21B(6A)).',
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      const order: OrderSnapshot = {
        ...before,
        extensionsGranted: before.extensionsGranted + 1,
        extension: null,
      };
      const { clocks, tasks } = expiryClocks(order);
      const rights = rightsTask(ctx.atDay, 'EXTENSION', ctx.options);
      return {
        order,
        clocks: [...clocks, rights.clock],
        tasks: [rights.task, ...tasks],
        completes: ['ARRANGE_CTO8'],
      };
    },
  },

  // ---- Recall -------------------------------------------------------------------------------------
  SERVE_RECALL_NOTICE: {
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const bad =
        validInstant(e.handedOrPostedAt, 'time of service') ?? checkServiceMethod(e.method);
      if (bad) return bad;
      if (e.handedOrPostedAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
        return refuse(
          'EVENT_IN_FUTURE',
          'The notice cannot be handed over, delivered or posted in the future.',
        );
      }
      const service = recallNoticeService(e.method, e.handedOrPostedAt);
      if (!service.ok) return refuse(service.code, service.message);
      const until = inForceUntil(order);
      if (until && service.instant.getTime() >= endOfLondonDay(until).getTime()) {
        return refuse(
          'RECALL_OF_ENDED_ORDER',
          `The notice would count as served on ${formatDate(service.servedOn)}, after the order ends at the end of ${formatDate(until)}. A recall served after the order has ended is unlawful; hand the notice to the patient instead if there is still time.`,
        );
      }
      return service.provisional
        ? [
            {
              code: 'PROVISIONAL_BANK_HOLIDAYS',
              message: `${service.explain} Bank holidays for that year are not yet published: check the date.`,
            },
          ]
        : [];
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const service = recallNoticeService(e.method, e.handedOrPostedAt);
      if (!service.ok) throw new Error(service.message);
      const rights = rightsTask(service.servedOn, 'RECALL', ctx.options);
      return {
        order: {
          ...order,
          recall: {
            serviceMethod: e.method,
            handedOrPostedAt: e.handedOrPostedAt,
            noticeServedAt: service.instant,
            detentionBeganAt: null,
            amhpAgreedRevocationAt: null,
            endedAt: null,
            outcome: 'ONGOING',
          },
        },
        clocks: [
          {
            kind: 'RECALL_NOTICE_SERVED',
            instant: service.instant,
            date: service.servedOn,
            basis: service.basis,
            explain: service.explain,
            ...(service.provisional ? { provisional: true } : {}),
          },
          rights.clock,
        ],
        tasks: [
          {
            kind: 'SEND_RECALL_COPY_TO_MANAGERS',
            title: 'Send a copy of the CTO3 to the managers of the hospital of recall',
            basis: 'reg 6(3)(b)-(c)',
            explain:
              'As soon as possible after it is served; if that is not the responsible hospital, tell them its name and address.',
            dueOn: service.servedOn,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
          },
          rights.task,
          {
            kind: 'CHECK_TREATMENT_ON_RECALL',
            title: 'Check authority for treatment on recall (CTO11 “on recall” section, s62A)',
            basis: 's62A, s64C',
            explain:
              'On recall Part 4 applies: check the CTO11 says the treatment may be given on recall, or that a CTO12 patient still consents with capacity.',
            dueOn: service.servedOn,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN'],
          },
        ],
      };
    },
  },
  DETENTION_BEGINS: {
    guard: (ctx) => {
      const recall = ctx.order.recall;
      if (!recall)
        return refuse(
          'CTO4_BEFORE_CTO3',
          'No recall notice (CTO3) has been served. Serve it first.',
        );
      if (ctx.at.getTime() < recall.noticeServedAt.getTime()) {
        return refuse(
          'NOTICE_NOT_YET_SERVED',
          `The recall notice counts as served only from ${formatInstant(recall.noticeServedAt)}; detention by virtue of it cannot begin before then.`,
        );
      }
      return undefined;
    },
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const bad = validInstant(e.detentionBeganAt, 'time detention began');
      if (bad) return bad;
      if (e.detentionBeganAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
        return refuse(
          'EVENT_IN_FUTURE',
          'Detention cannot be recorded as beginning in the future.',
        );
      }
      return order.recall
        ? checkDetentionAfterService(e.detentionBeganAt, order.recall.noticeServedAt)
        : undefined;
    },
    apply: (ctx, e) => {
      const order = setRecall(mustOrder(ctx), { detentionBeganAt: e.detentionBeganAt });
      const rc = recallClock(order);
      return { order, clocks: rc ? [rc.clock] : [], tasks: rc ? [rc.task] : [] };
    },
  },
  TRANSFER_DURING_RECALL: {
    guard: (ctx) => {
      const d = currentRecallDeadline(ctx.order);
      return d && !d.awaitingReturn
        ? checkWithin72Hours(ctx.at, d.instant, 'a transfer')
        : undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const rc = recallClock(order);
      return {
        order,
        clocks: rc
          ? [
              {
                ...rc.clock,
                explain: `${rc.clock.explain} The transfer does not restart the 72 hours (s17F(3)).`,
              },
            ]
          : [],
      };
    },
  },
  RELEASE_FROM_RECALL: {
    apply: (ctx) => {
      const order = setRecall(mustOrder(ctx), { endedAt: ctx.at, outcome: 'RELEASED' });
      const d = currentRecallDeadline(mustOrder(ctx));
      const warnings: Warning[] = [];
      if (d && !d.awaitingReturn && ctx.at.getTime() > d.instant.getTime()) {
        warnings.push({
          code: 'RELEASED_AFTER_72_HOURS',
          message: `The patient was released ${formatInstant(ctx.at)}, after the 72 hours ended (${formatInstant(d.instant)}). Detention after the 72 hours had no authority (s17F(6)): report it as an incident.`,
        });
      }
      return { order, warnings, completes: ['RELEASE_OR_REVOKE'] };
    },
  },
  SEVENTY_TWO_HOURS_END: {
    guard: (ctx) => {
      const d = currentRecallDeadline(ctx.order);
      if (!d || d.awaitingReturn || ctx.at.getTime() < d.instant.getTime()) {
        return refuse(
          'NOT_DUE_YET',
          d && !d.awaitingReturn
            ? `The 72 hours end ${formatInstant(d.instant)}, not yet.`
            : 'The 72 hours have not started or are suspended while the patient is absent.',
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      const d = currentRecallDeadline(before);
      const order = setRecall(before, {
        endedAt: d?.instant ?? ctx.at,
        outcome: 'RELEASED_AT_72_HOURS',
      });
      return {
        order,
        warnings: [
          {
            code: 'RELEASED_AFTER_72_HOURS',
            message: `The 72 hours ended ${d ? formatInstant(d.instant) : ''} without release or revocation. The patient must be released (s17F(6)) and remains on the order (s17F(7)).`,
          },
        ],
        completes: ['RELEASE_OR_REVOKE'],
      };
    },
  },
  AMHP_AGREE_REVOCATION: {
    guard: (ctx) => {
      const d = currentRecallDeadline(ctx.order);
      return d && !d.awaitingReturn
        ? checkWithin72Hours(ctx.at, d.instant, 'agreement to revocation')
        : undefined;
    },
    apply: (ctx) => ({ order: setRecall(mustOrder(ctx), { amhpAgreedRevocationAt: ctx.at }) }),
  },
  AMHP_DECLINE_REVOCATION: {
    guard: (ctx) => {
      const d = currentRecallDeadline(ctx.order);
      return d && !d.awaitingReturn
        ? checkWithin72Hours(ctx.at, d.instant, 'a decision on revocation')
        : undefined;
    },
    apply: (ctx) => {
      const order = setRecall(mustOrder(ctx), {
        amhpAgreedRevocationAt: null,
        amhpDeclinedRevocationAt: ctx.at,
      });
      const d = currentRecallDeadline(order);
      return {
        order,
        warnings: [
          {
            code: 'AMHP_DECLINED',
            message: `The AMHP did not agree revocation. The order cannot be revoked without an AMHP's agreement (s17F(4)(b)): release the patient${d ? ` before ${formatInstant(d.instant)}` : ''} unless another AMHP agrees in time.`,
          },
        ],
      };
    },
  },
  REVOKE: {
    guard: (ctx) => {
      const d = currentRecallDeadline(ctx.order);
      if (!d)
        return refuse(
          'CTO5_BEFORE_CTO4',
          'Detention after recall (CTO4) has not been recorded, so the order cannot be revoked. The forms are out of sequence.',
        );
      return checkRevocation({
        at: ctx.at,
        deadline: d.instant,
        ...(d.awaitingReturn ? { awaitingReturn: true } : {}),
        amhpAgreedAt: ctx.order.recall?.amhpAgreedRevocationAt ?? null,
      });
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      const r = revocationConsequences(ctx.atDay);
      const first = r.detentionPeriods[0];
      const order: OrderSnapshot = {
        ...setRecall(before, { endedAt: ctx.at, outcome: 'REVOKED' }),
        revokedAt: ctx.at,
        endedAt: ctx.at,
      };
      const rights = rightsTask(ctx.atDay, 'REVOCATION', ctx.options);
      return {
        order,
        clocks: [
          {
            kind: 'DETENTION_EXPIRY',
            opensOn: ctx.atDay,
            date: r.firstPeriodEnd.date,
            basis: r.firstPeriodEnd.basis,
            explain: r.firstPeriodEnd.explain,
          },
          {
            kind: 'DETENTION_RENEWAL_WINDOW',
            opensOn: r.renewalWindow.opens.date,
            date: r.renewalWindow.closes.date,
            basis: 's20(3)',
            explain: `Renew the detention (s20) between ${formatDate(r.renewalWindow.opens.date)} and ${formatDate(r.renewalWindow.closes.date)}.`,
            ...(r.renewalWindow.opens.alternative
              ? { alternative: r.renewalWindow.opens.alternative }
              : {}),
          },
          {
            kind: 'PATIENT_APPLICATION_WINDOW',
            opensOn: r.patientTribunalWindow.opens.date,
            date: r.patientTribunalWindow.closes.date,
            basis: r.patientTribunalWindow.closes.basis,
            explain: r.patientTribunalWindow.closes.explain,
          },
          {
            kind: 'MANAGERS_REFERENCE_AFTER_REVOCATION',
            date: r.managersReference.target.date,
            basis: 's68(7)',
            explain: `${r.managersReference.target.explain} ${r.managersReference.overdueAfter.explain}`,
          },
          rights.clock,
        ],
        tasks: [
          {
            kind: 'REFER_TO_TRIBUNAL',
            title: 'Refer the case to the tribunal after revocation (s68(7))',
            basis: 's68(7)',
            explain: `${r.managersReference.target.explain} ${r.managersReference.overdueAfter.explain}`,
            dueOn: r.managersReference.target.date,
            overdueAfter: r.managersReference.overdueAfter.date,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
          {
            kind: 'RENEW_DETENTION',
            title: 'Examine for renewal of detention (s20)',
            basis: 's20(3)',
            explain: first ? first.explain : r.firstPeriodEnd.explain,
            opensOn: r.renewalWindow.opens.date,
            dueOn: r.renewalWindow.closes.date,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN'],
          },
          rights.task,
          s58Task(before, ctx.atDay, r.part4Explain),
          furnishTask('CTO5', ctx.atDay, 'reg 6(8)(c)'),
        ],
        completes: ['RELEASE_OR_REVOKE', 'ARRANGE_EXTENSION_EXAMINATION'],
        endReason: 'REVOKED',
      };
    },
  },

  // ---- Discharge ------------------------------------------------------------------------------------
  DISCHARGE_BY_RC: {
    apply: (ctx) =>
      discharge(ctx, 'by the responsible clinician', 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN'),
  },
  DISCHARGE_BY_MANAGERS: {
    apply: (ctx) => discharge(ctx, 'by the hospital managers', 'DISCHARGED_BY_HOSPITAL_MANAGERS'),
  },
  DISCHARGE_BY_TRIBUNAL: {
    apply: (ctx) => discharge(ctx, 'by the tribunal', 'DISCHARGED_BY_TRIBUNAL'),
  },
  NR_DISCHARGE_ORDER_RECEIVED: {
    guard: (ctx) => {
      const nr = ctx.order.nearestRelative;
      if (nr.orderReceivedAt && nr.barredOn === null) {
        return refuse(
          'NR_ORDER_ALREADY_PENDING',
          `A nearest relative’s order received ${formatInstant(nr.orderReceivedAt)} is already pending.`,
        );
      }
      if (nr.lastBarringReportOn) {
        const bar = nrBarEnds(nr.lastBarringReportOn);
        if (compareDates(ctx.atDay, bar.date) <= 0) {
          return refuse(
            'NR_BARRED',
            `After the barring report of ${formatDate(nr.lastBarringReportOn)} the nearest relative cannot order discharge until after ${formatDate(bar.date)} (s25(1)(b)). They may apply to the tribunal instead.`,
          );
        }
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const effect = nrDischargeTakesEffectAt(ctx.at);
      return {
        order: {
          ...order,
          nearestRelative: { ...order.nearestRelative, orderReceivedAt: ctx.at, barredOn: null },
        },
        clocks: [
          {
            kind: 'NEAREST_RELATIVE_DISCHARGE',
            instant: effect.instant,
            basis: effect.basis,
            explain: effect.explain,
          },
        ],
        tasks: [
          {
            kind: 'CONSIDER_NR_BARRING',
            title: 'Consider whether to bar the nearest relative’s discharge (M2)',
            basis: 's25(1)',
            explain: effect.explain,
            dueAt: effect.instant,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN'],
          },
        ],
      };
    },
  },
  NR_BARRING_REPORT: {
    guard: (ctx) => {
      const nr = ctx.order.nearestRelative;
      if (!nr.orderReceivedAt)
        return refuse(
          'NO_NR_ORDER_PENDING',
          'There is no nearest relative’s order for discharge to bar.',
        );
      if (nr.barredOn)
        return refuse(
          'NR_ALREADY_BARRED',
          `The nearest relative’s order was already barred on ${formatDate(nr.barredOn)}.`,
        );
      // s25(1): the report answers the order, within the 72 hours after it was received.
      const early = checkBarringAfterReceipt(ctx.at, nr.orderReceivedAt);
      if (early) return early;
      const effect = nrDischargeTakesEffectAt(nr.orderReceivedAt).instant;
      if (ctx.at.getTime() >= effect.getTime()) {
        return refuse(
          'NR_BARRING_TOO_LATE',
          `The nearest relative’s discharge took effect ${formatInstant(effect)}, 72 hours after the order was received. A barring report now is too late (s25(1)).`,
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const window = nrTribunalWindow(ctx.atDay);
      const bar = nrBarEnds(ctx.atDay);
      return {
        order: {
          ...order,
          nearestRelative: {
            ...order.nearestRelative,
            barredOn: ctx.atDay,
            lastBarringReportOn: ctx.atDay,
          },
        },
        clocks: [
          {
            kind: 'NEAREST_RELATIVE_TRIBUNAL_WINDOW',
            opensOn: window.opens,
            date: window.closes.date,
            basis: window.closes.basis,
            explain: window.closes.explain,
          },
          {
            kind: 'NR_BAR',
            opensOn: ctx.atDay,
            date: bar.date,
            basis: bar.basis,
            explain: bar.explain,
          },
        ],
        tasks: [
          {
            kind: 'INFORM_NR_OF_BARRING',
            title:
              'Tell the nearest relative about the barring report and their right to apply to the tribunal',
            basis: 's25(2), s66(1)(g)',
            explain: window.closes.explain,
            dueOn: ctx.atDay,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
          {
            kind: 'CONSIDER_MANAGERS_REVIEW_AFTER_BARRING',
            title: 'Managers to consider a review after the barring report',
            basis: 'Code of Practice 38.20-38.21',
            explain:
              'The hospital managers should consider holding a review when the responsible clinician bars a nearest relative’s discharge.',
            dueOn: addDays(ctx.atDay, 7),
            assigneeRoles: ['HOSPITAL_MANAGER', 'MHA_ADMINISTRATOR'],
          },
        ],
        completes: ['CONSIDER_NR_BARRING'],
      };
    },
  },
  NR_DISCHARGE_TAKES_EFFECT: {
    guard: (ctx) => {
      const nr = ctx.order.nearestRelative;
      if (!nr.orderReceivedAt || nr.barredOn)
        return refuse(
          'NO_NR_ORDER_PENDING',
          'There is no unbarred nearest relative’s order pending.',
        );
      const effect = nrDischargeTakesEffectAt(nr.orderReceivedAt).instant;
      return ctx.at.getTime() >= effect.getTime()
        ? undefined
        : refuse(
            'NOT_DUE_YET',
            `The nearest relative’s discharge takes effect ${formatInstant(effect)}, not yet.`,
          );
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const effect = order.nearestRelative.orderReceivedAt
        ? nrDischargeTakesEffectAt(order.nearestRelative.orderReceivedAt).instant
        : ctx.at;
      return {
        order: {
          ...setRecall(
            order,
            order.recall && !order.recall.endedAt
              ? { endedAt: effect, outcome: 'ORDER_ENDED' }
              : {},
          ),
          endedAt: effect,
        },
        endReason: 'DISCHARGED_BY_NEAREST_RELATIVE',
        tasks: [
          endTask(
            londonDateOf(effect),
            `The nearest relative’s order for discharge took effect ${formatInstant(effect)}.`,
          ),
        ],
      };
    },
  },

  // ---- AWOL -------------------------------------------------------------------------------------------
  AWOL_BEGINS: {
    guard: (ctx) => {
      const recall = ctx.order.recall;
      if (
        ctx.state === 'RECALL_PENDING' &&
        recall &&
        ctx.at.getTime() < recall.noticeServedAt.getTime()
      ) {
        return refuse(
          'NOTICE_NOT_YET_SERVED',
          `The recall notice counts as served only from ${formatInstant(recall.noticeServedAt)}; the patient cannot be absent without leave before then.`,
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      const order: OrderSnapshot = {
        ...before,
        absences: [...before.absences, { from: ctx.at, to: null }],
      };
      const clocks: Clock[] = [];
      const rc = recallClock(order);
      if (rc) clocks.push(rc.clock);
      const awol = awolAroundExpiry(order);
      if (awol)
        clocks.push({
          kind: 'AWOL_EXTENDED_EXPIRY',
          date: awol.result.continuesUntil.date,
          basis: awol.result.continuesUntil.basis,
          explain: awol.result.continuesUntil.explain,
        });
      return {
        order,
        clocks,
        tasks: [
          {
            kind: 'RETURN_AWOL_PATIENT',
            title: 'Take and return the patient (s18)',
            basis: 's18',
            explain:
              'The patient may be taken into custody and returned by an AMHP, hospital staff, a constable or a person authorised by the managers.',
            dueOn: ctx.atDay,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
          },
        ],
      };
    },
  },
  AWOL_ENDS: {
    guard: (ctx) => {
      const open = ctx.order.absences.find((a) => a.to === null);
      if (open && ctx.at.getTime() < open.from.getTime()) {
        return refuse(
          'INVALID_INPUT',
          `The return cannot be before the absence began (${formatInstant(open.from)}).`,
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      let order: OrderSnapshot = {
        ...before,
        absences: before.absences.map((a) => (a.to === null ? { ...a, to: ctx.at } : a)),
      };
      const tasks: Task[] = [];
      const clocks: Clock[] = [];
      const warnings: Warning[] = [];
      if (order.recall && !order.recall.detentionBeganAt) {
        // Returned to hospital under the notice: detention by virtue of it begins now.
        order = setRecall(order, { detentionBeganAt: ctx.at });
        tasks.push({
          kind: 'COMPLETE_CTO4',
          title: 'Complete the CTO4 with the time detention began',
          basis: 'reg 6(3)(d)',
          explain: `The patient was returned ${formatInstant(ctx.at)}; record this on the CTO4.`,
          dueOn: ctx.atDay,
          assigneeRoles: ['MHA_ADMINISTRATOR'],
        });
      }
      const rc = recallClock(order);
      if (rc) {
        clocks.push(rc.clock);
        tasks.push(rc.task);
      }
      const awol = awolAroundExpiry(order);
      if (awol) {
        clocks.push({
          kind: 'AWOL_EXTENDED_EXPIRY',
          date: awol.result.continuesUntil.date,
          basis: awol.result.continuesUntil.basis,
          explain: awol.result.continuesUntil.explain,
        });
        warnings.push({
          code: 'ORDER_CONTINUES_BECAUSE_AWOL',
          message: awol.result.continuesUntil.explain,
        });
        if (awol.result.cto8Due) {
          clocks.push({
            kind: 'CTO8_DUE',
            date: awol.result.cto8Due.date,
            basis: awol.result.cto8Due.basis,
            explain: awol.result.cto8Due.explain,
          });
          tasks.push({
            kind: 'ARRANGE_CTO8',
            title: 'Examine and furnish a CTO8 (after absence of more than 28 days)',
            basis: awol.result.cto8Due.basis,
            explain: awol.result.cto8Due.explain,
            dueOn: awol.result.cto8Due.date,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'AMHP'],
          });
        }
      }
      return { order, clocks, tasks, warnings, completes: ['RETURN_AWOL_PATIENT'] };
    },
  },

  // ---- Administration ------------------------------------------------------------------------------
  ASSIGN_RESPONSIBILITY: {
    apply: (ctx) => ({ order: mustOrder(ctx) }),
  },
  CERTIFICATE_GIVEN: {
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const bad =
        validDay(e.givenOn, 'certificate date') ??
        notAfterToday(e.givenOn, ctx.atDay, 'certificate date');
      if (bad) return bad;
      if (e.certificate === 'CTO12' && !ctx.actor.roles.includes('RESPONSIBLE_CLINICIAN')) {
        return refuse(
          'CTO12_NEEDS_APPROVED_CLINICIAN',
          'A CTO12 is given by the approved clinician in charge of the treatment (s64C(4A)); record it as that clinician.',
        );
      }
      if (order.certificates.some((c) => c.id === e.certificateId)) {
        return refuse('ALREADY_RECORDED', `Certificate “${e.certificateId}” is already recorded.`);
      }
      return undefined;
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      return {
        order: {
          ...order,
          certificates: [
            ...order.certificates,
            {
              id: e.certificateId,
              kind: e.certificate,
              givenOn: e.givenOn,
              status: 'ACTIVE',
              ...(e.coversRecall !== undefined ? { coversRecall: e.coversRecall } : {}),
            },
          ],
        },
        completes:
          e.certificate === 'CTO11'
            ? ['ARRANGE_PART4A_CERTIFICATE', 'ARRANGE_CTO11']
            : ['ARRANGE_PART4A_CERTIFICATE'],
      };
    },
  },
  CERTIFICATE_ENDED: {
    guard: (ctx) =>
      ctx.order.certificates.some((c) => c.kind === 'CTO12' && c.status === 'ACTIVE')
        ? undefined
        : refuse('NO_CTO12_IN_FORCE', 'There is no CTO12 in force for this order.'),
    validate: (ctx, e) =>
      mustOrder(ctx).certificates.some(
        (c) => c.id === e.certificateId && c.kind === 'CTO12' && c.status === 'ACTIVE',
      )
        ? undefined
        : refuse('NO_CTO12_IN_FORCE', `Certificate “${e.certificateId}” is not a CTO12 in force.`),
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const explain = `The CTO12 no longer covers treatment because the patient ${e.reason === 'CONSENT_WITHDRAWN' ? 'withdrew consent' : 'lost capacity'} on ${formatDate(ctx.atDay)}. A CTO11 (SOAD) is needed before further medication, except in an emergency (s64G).`;
      return {
        order: {
          ...order,
          certificates: order.certificates.map((c) =>
            c.id === e.certificateId ? { ...c, status: 'ENDED' as const, endReason: e.reason } : c,
          ),
        },
        clocks: [{ kind: 'CERTIFICATE_REQUIRED', date: ctx.atDay, basis: 's64C(4A)', explain }],
        tasks: [
          {
            kind: 'ARRANGE_CTO11',
            title: 'Request a SOAD for a CTO11',
            basis: 's64C(4), s64H',
            explain,
            dueOn: ctx.atDay,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
          },
        ],
      };
    },
  },
  TRIBUNAL_CASE_OPENED: {
    validate: (ctx, e) =>
      validDay(e.receivedOn, 'date received') ??
      notAfterToday(e.receivedOn, ctx.atDay, 'date received'),
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const inpatient =
        e.patientIsInpatient === true || ctx.state === 'RECALLED' || ctx.state === 'REVOKED';
      const due = tribunalDocumentsDueDetailed(e.receivedOn, { patientIsInpatient: inpatient });
      const completes: TaskKind[] =
        e.kind === 'REFERENCE' && e.applicant === 'HOSPITAL_MANAGERS'
          ? ['REFER_TO_TRIBUNAL', 'FIRST_MANAGERS_REFERENCE', 'PERIODIC_MANAGERS_REFERENCE']
          : [];
      return {
        order,
        clocks: [
          {
            kind: 'TRIBUNAL_DOCUMENTS',
            date: due.date,
            basis: due.basis,
            explain: due.explain,
            ...(due.provisional ? { provisional: true } : {}),
          },
        ],
        tasks: [
          {
            kind: 'SUBMIT_TRIBUNAL_DOCUMENTS',
            title: `Send the statement and reports to the tribunal${inpatient ? ' (including a nursing report)' : ''}`,
            basis: due.basis,
            explain: due.explain,
            dueOn: due.date,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
        ],
        warnings: due.provisional
          ? [
              {
                code: 'PROVISIONAL_BANK_HOLIDAYS',
                message: `${due.explain} Bank holidays for that year are not yet published: check the date.`,
              },
            ]
          : [],
        completes,
      };
    },
  },
  TRIBUNAL_HEARING_HELD: {
    validate: (ctx, e) =>
      validDay(e.consideredOn, 'hearing date') ??
      notAfterToday(e.consideredOn, ctx.atDay, 'hearing date'),
    apply: (ctx, e) => {
      const due = periodicReferenceDueDetailed(e.consideredOn, e.patientUnder18);
      return {
        order: mustOrder(ctx),
        clocks: [
          {
            kind: 'PERIODIC_MANAGERS_REFERENCE',
            date: due.date,
            basis: due.basis,
            explain: due.explain,
          },
        ],
        tasks: [
          {
            kind: 'PERIODIC_MANAGERS_REFERENCE',
            title:
              'Refer the case to the tribunal (periodic reference), unless it is considered before then',
            basis: due.basis,
            explain: due.explain,
            dueOn: due.date,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
        ],
        completes: ['PERIODIC_MANAGERS_REFERENCE'],
      };
    },
  },
  RIGHTS_INFORMATION_GIVEN: {
    validate: (_ctx, e) => {
      if (!e.givenOrally && !e.givenInWriting)
        return refuse(
          'RIGHTS_INFORMATION_EMPTY',
          'Say whether the information was given orally, in writing, or both.',
        );
      if (!e.givenOrally || !e.givenInWriting) {
        return [
          {
            code: 'RIGHTS_INFORMATION_PARTIAL' as const,
            message: `Rights information must be given both orally and in writing (s132A(3)); only ${e.givenOrally ? 'oral' : 'written'} information is recorded.`,
          },
        ];
      }
      return undefined;
    },
    apply: (ctx) => ({ order: mustOrder(ctx), completes: ['GIVE_RIGHTS_INFORMATION'] }),
  },
  DEATH: {
    validate: (ctx, e) =>
      validDay(e.diedOn, 'date of death') ?? notAfterToday(e.diedOn, ctx.atDay, 'date of death'),
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      return {
        order: {
          ...setRecall(
            order,
            order.recall && !order.recall.endedAt
              ? { endedAt: ctx.at, outcome: 'ORDER_ENDED' }
              : {},
          ),
          diedOn: e.diedOn,
          endedAt: ctx.at,
        },
        endReason: 'DIED',
        tasks: [
          {
            kind: 'NOTIFY_CQC_OF_DEATH',
            title: 'Notify the CQC of the death of a patient subject to the Act',
            basis: 'CQC (Registration) Regulations 2009 reg 17',
            explain: `The patient died on ${formatDate(e.diedOn)} while subject to the Act (community patient).`,
            dueOn: ctx.atDay,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
        ],
      };
    },
  },

  // ---- Time ---------------------------------------------------------------------------------------------
  EXPIRE: {
    guard: (ctx) => {
      const until = inForceUntil(ctx.order);
      if (until === null || ctx.at.getTime() < endOfLondonDay(until).getTime()) {
        return refuse(
          'NOT_DUE_YET',
          until
            ? `The order is in force until the end of ${formatDate(until)}.`
            : 'The order has not been made.',
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const until = inForceUntil(order) ?? ctx.atDay;
      const endedAt = endOfLondonDay(until);
      const warnings: Warning[] = [];
      if (ctx.state === 'RECALLED' || ctx.state === 'RECALL_PENDING' || ctx.state === 'AWOL') {
        warnings.push({
          code: 'EXPIRED_DURING_RECALL',
          message: `The order expired at the end of ${formatDate(until)} while the patient was recalled. There is no longer any authority to detain or recall them (s20B).`,
        });
      }
      return {
        order: {
          ...setRecall(
            order,
            order.recall && !order.recall.endedAt ? { endedAt, outcome: 'ORDER_ENDED' } : {},
          ),
          endedAt,
        },
        endReason:
          awolAroundExpiry(order)?.result.route === 'S21B' ? 'NOT_EXTENDED_AFTER_AWOL' : 'EXPIRED',
        warnings,
        tasks: [
          endTask(
            addDays(until, 1),
            `The order expired at the end of ${formatDate(until)} (s20B).`,
          ),
        ],
      };
    },
  },
};

function discharge(
  ctx: Ctx & { order: OrderSnapshot | null },
  by: string,
  endReason: CtoEndReason,
): Effects {
  const order = mustOrder(ctx);
  const warnings: Warning[] = [];
  if (order.nearestRelative.orderReceivedAt && !order.nearestRelative.barredOn) {
    warnings.push({
      code: 'NR_ORDER_PENDING_AT_DISCHARGE',
      message: 'A nearest relative’s order for discharge was pending; it is no longer needed.',
    });
  }
  return {
    order: {
      ...setRecall(
        order,
        order.recall && !order.recall.endedAt ? { endedAt: ctx.at, outcome: 'ORDER_ENDED' } : {},
      ),
      endedAt: ctx.at,
    },
    warnings,
    endReason,
    tasks: [endTask(ctx.atDay, `The order was discharged ${by} on ${formatDate(ctx.atDay)}.`)],
  };
}

function blankExtension(forExpiry: IsoDate, patch: Partial<ExtensionSnapshot>): ExtensionSnapshot {
  return {
    forExpiry,
    examinedOn: null,
    consultedOn: null,
    amhpAgreedAt: null,
    cto7FurnishedAt: null,
    managersReceivedAt: null,
    managersReviewedOn: null,
    ...patch,
  };
}

function blankFrom(order: OrderSnapshot | null): OrderSnapshot {
  return {
    ...(order?.id !== undefined ? { id: order.id } : {}),
    state: 'PROPOSED',
    legalStatusCode: null,
    proposedAt: null,
    amhpAgreedAt: null,
    signedAt: null,
    effectiveAt: null,
    madeOn: null,
    extensionsGranted: 0,
    extension: null,
    recall: null,
    absences: [],
    nearestRelative: { orderReceivedAt: null, barredOn: null, lastBarringReportOn: null },
    conditions: [],
    certificates: [],
    firstMedicationOn: order?.firstMedicationOn ?? null,
    applicableDay: order?.applicableDay ?? null,
    revokedAt: null,
    endedAt: null,
    diedOn: null,
  };
}

// ---- State refusals -------------------------------------------------------------------------------

function endedOn(order: OrderSnapshot | null): IsoDate | null {
  if (!order) return null;
  if (order.state === 'EXPIRED') return inForceUntil(order);
  return order.endedAt ? londonDateOf(order.endedAt) : null;
}

function stateRefusal(
  code: RefusalCode,
  state: FromState,
  order: OrderSnapshot | null,
  spec: TransitionSpec,
): Refusal {
  const stateLabel = state === 'NONE' ? 'not yet proposed' : STATE_LABELS[state].toLowerCase();
  const action = spec.action;
  switch (code) {
    case 'NO_ORDER_YET':
      return refuse(
        code,
        `There is no order yet: propose one first (CTO1 Part 1) before you ${action}.`,
      );
    case 'ORDER_ALREADY_EXISTS':
      return refuse(code, `This order has already been proposed (it is now: ${stateLabel}).`);
    case 'NO_ORDER_IN_FORCE':
      return refuse(
        code,
        `The order has not been made yet (CTO1 Part 3 is not signed), so you cannot ${action}.`,
      );
    case 'ORDER_NOT_YET_IN_EFFECT':
      return refuse(
        code,
        `The order takes effect ${order?.effectiveAt ? formatInstant(order.effectiveAt) : 'later'}; you cannot ${action} before then.`,
      );
    case 'PART3_BEFORE_PART2':
      return refuse(
        code,
        'The order cannot be made (CTO1 Part 3) until an AMHP has agreed in Part 2 (s17A(4)(b)). The forms are out of sequence.',
      );
    case 'RECALL_OF_ENDED_ORDER':
      return recallOfEndedOrder(state === 'NONE' ? 'EXPIRED' : state, endedOn(order));
    case 'ALREADY_RECALLED':
      return refuse(
        code,
        `The patient has already been recalled${order?.recall ? ` (notice served ${formatInstant(order.recall.noticeServedAt)})` : ''}. Record detention (CTO4), the return, release or revocation instead.`,
      );
    case 'CTO4_BEFORE_CTO3':
      return refuse(
        code,
        'No recall notice (CTO3) has been served, so detention after recall (CTO4) cannot be recorded. The forms are out of sequence: serve the CTO3 first.',
      );
    case 'ALREADY_DETAINED':
      return refuse(
        code,
        `Detention after this recall was already recorded${order?.recall?.detentionBeganAt ? ` (${formatInstant(order.recall.detentionBeganAt)})` : ''}.`,
      );
    case 'PATIENT_IS_AWOL':
      return refuse(
        code,
        `The patient is absent without leave; you cannot ${action} until their return is recorded.`,
      );
    case 'NOT_RECALLED':
      return refuse(code, `The patient has not been recalled (no CTO3), so you cannot ${action}.`);
    case 'CTO5_BEFORE_CTO4':
      return refuse(
        code,
        'The patient has been sent a recall notice but detention in hospital (CTO4) has not been recorded. Revocation (CTO5) is only possible once the patient is detained after recall: the forms are out of sequence.',
      );
    case 'ALREADY_RECORDED':
      return refuse(code, `This has already been recorded (the order is ${stateLabel}).`);
    case 'ORDER_ENDED': {
      const on = endedOn(order);
      return refuse(
        code,
        `This order has ended (${stateLabel}${on ? `, ${formatDate(on)}` : ''}); you cannot ${action}.`,
      );
    }
    default:
      return refuse(code, `You cannot ${action} while the order is ${stateLabel}.`);
  }
}

/** A role as the subject of "Only … can": one of several hospital managers, the one RC. */
const ROLE_WITH_ARTICLE: Readonly<Record<Role, string>> = {
  CARE_COORDINATOR: `the ${ROLE_LABELS.CARE_COORDINATOR}`,
  RESPONSIBLE_CLINICIAN: `the ${ROLE_LABELS.RESPONSIBLE_CLINICIAN}`,
  AMHP: `an ${ROLE_LABELS.AMHP}`,
  MHA_ADMINISTRATOR: `the ${ROLE_LABELS.MHA_ADMINISTRATOR}`,
  HOSPITAL_MANAGER: `a ${ROLE_LABELS.HOSPITAL_MANAGER}`,
  AUDITOR: `an ${ROLE_LABELS.AUDITOR}`,
  SYSTEM_ADMINISTRATOR: `a ${ROLE_LABELS.SYSTEM_ADMINISTRATOR}`,
};

function roleRefusal(spec: TransitionSpec, actor: Actor): Refusal {
  const who = spec.roles.map((r) => ROLE_WITH_ARTICLE[r]).join(' or ');
  const mine =
    actor.roles.length > 0 ? actor.roles.map((r) => ROLE_LABELS[r]).join(', ') : 'no role';
  return refuse(
    'ROLE_NOT_PERMITTED',
    `Only ${who} can ${spec.action}. You are signed in as: ${mine}.`,
  );
}

// ---- Times out of sequence ----------------------------------------------------------------------------

/** What cannot happen before an earlier time, said of the event's own time (`at`). */
const AT_PHRASES: Partial<Record<EventType, string>> = {
  SERVE_RECALL_NOTICE: 'The recall notice cannot be served',
  DETENTION_BEGINS: 'Detention after recall cannot begin',
  TRANSFER_DURING_RECALL: 'The patient cannot be transferred',
  RELEASE_FROM_RECALL: 'The patient cannot be released from recall',
  REVOKE: 'The order cannot be revoked',
  DISCHARGE_BY_RC: 'The order cannot be discharged',
  DISCHARGE_BY_MANAGERS: 'The order cannot be discharged',
  DISCHARGE_BY_TRIBUNAL: 'The order cannot be discharged',
  NR_DISCHARGE_ORDER_RECEIVED: 'The nearest relative’s order for discharge cannot be received',
  NR_BARRING_REPORT: 'The barring report cannot be furnished',
  AWOL_BEGINS: 'The absence without leave cannot begin',
  AWOL_ENDS: 'The patient’s return cannot be',
  ASSIGN_RESPONSIBILITY: 'Responsibility cannot be assigned to another hospital',
};

function atPhrase(ctx: Ctx): string {
  return AT_PHRASES[ctx.type] ?? `You cannot ${ctx.spec.action}`;
}

/** Every time the event says something happened: its own `at`, and the dates typed in its form. */
function eventTimes(ctx: Ctx, event: OrderEvent): { when: EventTime; action: string }[] {
  const own = { when: ctx.at, action: atPhrase(ctx) };
  switch (event.type) {
    case 'SERVE_RECALL_NOTICE':
      return [{ when: event.handedOrPostedAt, action: own.action }, own];
    case 'DETENTION_BEGINS':
      return [{ when: event.detentionBeganAt, action: own.action }, own];
    case 'EXAMINE_FOR_EXTENSION':
      return [{ when: event.examinedOn, action: 'The examination cannot take place' }, own];
    case 'CONSULT_FOR_EXTENSION':
      return [{ when: event.consultedOn, action: 'The consultation cannot take place' }, own];
    case 'FURNISH_CTO8':
      return [
        { when: event.examinedOn, action: 'The examination cannot take place' },
        { when: event.amhpAgreedAt, action: 'The AMHP cannot agree' },
        own,
      ];
    case 'CERTIFICATE_GIVEN':
      return [{ when: event.givenOn, action: 'The certificate cannot be given' }, own];
    case 'TRIBUNAL_CASE_OPENED':
      return [
        { when: event.receivedOn, action: 'The application or reference cannot be received' },
        own,
      ];
    case 'TRIBUNAL_HEARING_HELD':
      return [{ when: event.consideredOn, action: 'The tribunal hearing cannot be held' }, own];
    case 'DEATH':
      return [{ when: event.diedOn, action: 'The date of death cannot be' }, own];
    default:
      return [own];
  }
}

/**
 * Times out of sequence, for events people record: on an order that has taken effect (in force,
 * or revoked), nothing can be dated before the effective time (s17A, s17C: see
 * checkNotBeforeOrderEffective); and what a recall leads to cannot be dated before the notice
 * (s17E) or, once the patient is detained, before detention began (s17F(1)-(5), s18). The
 * barring report's own sequence (s25(1)) is checked by its guard.
 */
function checkEventTimes(ctx: Ctx, event: OrderEvent): Refusal | undefined {
  const order = ctx.order;
  if (ctx.spec.trigger !== 'USER' || !order?.effectiveAt) return undefined;
  if (!IN_FORCE_STATES.includes(ctx.state as OrderState) && ctx.state !== 'REVOKED') {
    return undefined;
  }
  for (const { when, action } of eventTimes(ctx, event)) {
    const early = checkNotBeforeOrderEffective(when, order.effectiveAt, action);
    if (early) return early;
  }
  const recall = order.recall;
  if (!recall || recall.endedAt) return undefined;
  const afterDetention: readonly EventType[] = [
    'TRANSFER_DURING_RECALL',
    'RELEASE_FROM_RECALL',
    'AMHP_AGREE_REVOCATION',
    'AMHP_DECLINE_REVOCATION',
    'REVOKE',
    'AWOL_BEGINS',
  ];
  if (!afterDetention.includes(ctx.type)) return undefined;
  if (recall.detentionBeganAt) {
    return checkNotBeforeDetention(ctx.at, recall.detentionBeganAt, atPhrase(ctx));
  }
  return ctx.type === 'RELEASE_FROM_RECALL'
    ? checkNotBeforeRecallNotice(ctx.at, recall.handedOrPostedAt, atPhrase(ctx))
    : undefined;
}

// ---- The public API ---------------------------------------------------------------------------------

interface Prepared {
  readonly ctx: Ctx;
}

function prepare(
  order: OrderSnapshot | null,
  type: EventType,
  actor: Actor,
  now: Date,
  at: Date,
  options: LifecycleOptions,
): Prepared | Refusal {
  const spec: TransitionSpec | undefined = (TRANSITIONS as Record<string, TransitionSpec>)[type];
  if (!spec) return refuse('UNKNOWN_EVENT', `“${String(type)}” is not an event this system knows.`);
  const badNow = validInstant(now, 'current time') ?? validInstant(at, 'time of the event');
  if (badNow) return badNow;
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    return refuse(
      'EVENT_IN_FUTURE',
      `The event cannot be recorded as happening in the future (${formatInstant(at)}).`,
    );
  }
  if (spec.trigger === 'TIME' && actor.system !== true) {
    return refuse(
      'TIME_EVENT_ONLY',
      `“${spec.label}” happens as time passes; it is recorded by the system, not by a person.`,
    );
  }
  if (spec.trigger === 'USER' && actor.system === true) {
    return refuse('NOT_A_SYSTEM_EVENT', `“${spec.label}” must be recorded by a person.`);
  }

  // Where the order stands at the time of the event.
  let state: FromState = order ? order.state : 'NONE';
  let caughtUp = order;
  if (order && !isTerminalState(order.state)) {
    const eff = effectiveState(order, at);
    if (spec.trigger === 'USER' && eff.changed) {
      if (isTerminalState(eff.state)) {
        if (type === 'SERVE_RECALL_NOTICE') {
          return recallOfEndedOrder(
            eff.state,
            eff.endedAt ? londonDateOf(new Date(eff.endedAt.getTime() - 1)) : null,
          );
        }
        return refuse(
          eff.state === 'EXPIRED' ? 'ORDER_EXPIRED' : 'ORDER_ENDED',
          `${eff.reason ?? 'The order has ended.'} You cannot ${spec.action}.`,
        );
      }
      state = eff.state;
      caughtUp = { ...order, state: eff.state };
    }
  }
  if (!(spec.from as readonly FromState[]).includes(state)) {
    const code =
      spec.refusalsByState?.[state] ??
      (state !== 'NONE' && isTerminalState(state) ? 'ORDER_ENDED' : 'NOT_ALLOWED_IN_STATE');
    return stateRefusal(code, state, caughtUp, spec);
  }
  if (spec.trigger === 'USER') {
    const permitted = actor.roles.filter((r) => spec.roles.includes(r));
    if (permitted.length === 0) return roleRefusal(spec, actor);
    if (
      spec.patientsRcOnly === true &&
      permitted.every((r) => r === 'RESPONSIBLE_CLINICIAN') &&
      actor.isResponsibleClinicianForPatient === false
    ) {
      return refuse(
        'NOT_PATIENTS_RESPONSIBLE_CLINICIAN',
        `Only the patient’s own responsible clinician can ${spec.action}.`,
      );
    }
  }
  return {
    ctx: {
      type,
      spec,
      recorded: order,
      order: caughtUp,
      state,
      actor,
      now,
      at,
      atDay: londonDateOf(at),
      options,
    },
  };
}

function runGuard(ctx: Ctx): Refusal | undefined {
  const handler = HANDLERS[ctx.type] as Handler<EventType>;
  if (!handler.guard || !ctx.order) return undefined;
  return handler.guard({ ...ctx, order: ctx.order });
}

export interface EventAvailability {
  readonly type: EventType;
  readonly label: string;
  readonly form: string | null;
  readonly allowed: boolean;
  readonly code?: RefusalCode;
  readonly message?: string;
}

/** Every event, with whether this actor may do it now and, if not, why (for greyed-out actions). */
export function evaluateEvents(
  order: OrderSnapshot | null,
  actor: Actor,
  now: Date,
): EventAvailability[] {
  return EVENT_TYPES.map((type) => {
    const spec = TRANSITIONS[type];
    const prepared = prepare(order, type, actor, now, now, {});
    const refusal = 'ok' in prepared ? prepared : runGuard(prepared.ctx);
    return refusal
      ? {
          type,
          label: spec.label,
          form: spec.form,
          allowed: false,
          code: refusal.code,
          message: refusal.message,
        }
      : { type, label: spec.label, form: spec.form, allowed: true };
  });
}

/** The events this actor may do now: what the UI offers. */
export function allowedEvents(order: OrderSnapshot | null, actor: Actor, now: Date): EventType[] {
  return evaluateEvents(order, actor, now)
    .filter((e) => e.allowed)
    .map((e) => e.type);
}

/** Would this event be accepted? A specific refusal, or ok with any warnings. */
export function checkEvent(
  order: OrderSnapshot | null,
  event: OrderEvent,
  actor: Actor,
  now: Date,
  options: LifecycleOptions = {},
): EventCheck {
  const result = evaluate(order, event, actor, now, options);
  return 'refusal' in result ? result.refusal : { ok: true, warnings: result.warnings };
}

function evaluate(
  order: OrderSnapshot | null,
  event: OrderEvent,
  actor: Actor,
  now: Date,
  options: LifecycleOptions,
): { refusal: Refusal } | { ctx: Ctx; warnings: readonly Warning[] } {
  const at = event.at ?? now;
  const prepared = prepare(order, event.type, actor, now, at, options);
  if ('ok' in prepared) return { refusal: prepared };
  const { ctx } = prepared;
  const sequence = checkEventTimes(ctx, event);
  if (sequence) return { refusal: sequence };
  const guard = runGuard(ctx);
  if (guard) return { refusal: guard };
  const handler = HANDLERS[event.type] as Handler<EventType>;
  const v = handler.validate ? handler.validate(ctx, event) : undefined;
  if (v && 'ok' in v) return { refusal: v };
  return { ctx, warnings: v ?? [] };
}

/** Apply an event: the refusal, or the new state, the order after it, clocks, tasks and warnings. */
export function applyEvent(
  order: OrderSnapshot | null,
  event: OrderEvent,
  actor: Actor,
  now: Date,
  options: LifecycleOptions = {},
): EventOutcome {
  const result = evaluate(order, event, actor, now, options);
  if ('refusal' in result) return result.refusal;
  const { ctx, warnings } = result;
  const handler = HANDLERS[event.type] as Handler<EventType>;
  const effects = handler.apply(ctx, event);
  const spec = ctx.spec;
  const nextState: OrderState =
    effects.state ??
    (spec.to === 'UNCHANGED'
      ? ctx.state === 'NONE'
        ? 'PROPOSED'
        : ctx.state
      : (spec.to[0] ?? 'ACTIVE'));
  const next: OrderSnapshot = { ...effects.order, state: nextState };
  return {
    ok: true,
    type: event.type,
    fromState: order ? order.state : null,
    state: nextState,
    order: next,
    expiry: currentExpiry(next),
    clocks: effects.clocks ?? [],
    tasks: effects.tasks ?? [],
    completesTasks: effects.completes ?? [],
    warnings: [...warnings, ...(effects.warnings ?? [])],
    ...(effects.endReason ? { endReason: effects.endReason } : {}),
  };
}
