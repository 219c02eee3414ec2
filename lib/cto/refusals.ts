/**
 * The engine's refusals in plain English: an event in the wrong state (the transition table's
 * `refusalsByState`), by the wrong role, or dated out of sequence (s17A, s17C, s17E, s17F, s18;
 * decision 104).
 */
import {
  checkNotBeforeDetention,
  checkNotBeforeOrderEffective,
  checkNotBeforeRecallNotice,
  type EventTime,
  recallOfEndedOrder,
} from './checks';
import { formatDate, formatInstant, type IsoDate, londonDateOf } from './dates';
import type { Ctx } from './events/handler';
import { inForceUntil } from './order-facts';
import { type Refusal, type RefusalCode, refuse } from './outcomes';
import type { FromState, TransitionSpec } from './transitions';
import {
  type Actor,
  type EventType,
  IN_FORCE_STATES,
  type OrderEvent,
  type OrderSnapshot,
  type OrderState,
  type Role,
  ROLE_LABELS,
  STATE_LABELS,
} from './types';

function endedOn(order: OrderSnapshot | null): IsoDate | null {
  if (!order) return null;
  if (order.state === 'EXPIRED') return inForceUntil(order);
  return order.endedAt ? londonDateOf(order.endedAt) : null;
}

export function stateRefusal(
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

export function roleRefusal(spec: TransitionSpec, actor: Actor): Refusal {
  const who = spec.roles.map((r) => ROLE_WITH_ARTICLE[r]).join(' or ');
  const mine =
    actor.roles.length > 0 ? actor.roles.map((r) => ROLE_LABELS[r]).join(', ') : 'no role';
  return refuse(
    'ROLE_NOT_PERMITTED',
    `Only ${who} can ${spec.action}. You are signed in as: ${mine}.`,
  );
}

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

export function atPhrase(ctx: Ctx): string {
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
export function checkEventTimes(ctx: Ctx, event: OrderEvent): Refusal | undefined {
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
