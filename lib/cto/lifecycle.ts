/**
 * The order lifecycle engine. It reads the transition table (transitions.ts: who may record each
 * event, and from which states), works out what time has done to the order (effectiveState), and
 * answers, for an event, either a specific refusal or the new state with the clocks it starts,
 * the tasks it creates and any warnings. The rules of each event are in the file of its family
 * under events/ (making, conditions, extension, recall and revocation, discharge and the nearest
 * relative, AWOL, certificates and rights, tribunal, ending and administration).
 *
 * Pure: `now` is always a parameter; nothing here reads the clock or the database.
 */
import { recallOfEndedOrder } from './checks';
import { effectiveState } from './effective-state';
import { currentExpiry } from './order-facts';
import { type LifecycleOptions } from './events/handler';
import { formatInstant, londonDateOf } from './dates';
import {
  type Ctx,
  FUTURE_TOLERANCE_MS,
  type Handler,
  type HandlerTable,
  validInstant,
} from './events/handler';
import {
  type EventCheck,
  type EventOutcome,
  type Refusal,
  type RefusalCode,
  refuse,
  type Warning,
} from './outcomes';
import { checkEventTimes, roleRefusal, stateRefusal } from './refusals';
import { EVENT_TYPES, type FromState, TRANSITIONS, type TransitionSpec } from './transitions';
import {
  type Actor,
  type EventType,
  isTerminalState,
  type OrderEvent,
  type OrderSnapshot,
  type OrderState,
} from './types';
import { MAKING_HANDLERS } from './events/making';
import { CONDITIONS_HANDLERS } from './events/conditions';
import { EXTENSION_HANDLERS } from './events/extension';
import { RECALL_REVOCATION_HANDLERS } from './events/recall-revocation';
import { DISCHARGE_NEAREST_RELATIVE_HANDLERS } from './events/discharge-nearest-relative';
import { AWOL_HANDLERS } from './events/awol';
import { CERTIFICATES_RIGHTS_HANDLERS } from './events/certificates-rights';
import { TRIBUNAL_HANDLERS } from './events/tribunal';
import { ENDING_ADMINISTRATION_HANDLERS } from './events/ending-and-administration';

export {
  awolAroundExpiry,
  currentExpiry,
  currentRecallDeadline,
  extensionWindow,
  inForceUntil,
  orderPeriods,
} from './order-facts';
export { effectiveState, type EffectiveState } from './effective-state';
export type { LifecycleOptions } from './events/handler';

/** Every event's handler, by family: the compiler checks that each event type has one. */
const HANDLERS: HandlerTable<EventType> = {
  ...MAKING_HANDLERS,
  ...CONDITIONS_HANDLERS,
  ...EXTENSION_HANDLERS,
  ...RECALL_REVOCATION_HANDLERS,
  ...DISCHARGE_NEAREST_RELATIVE_HANDLERS,
  ...AWOL_HANDLERS,
  ...CERTIFICATES_RIGHTS_HANDLERS,
  ...TRIBUNAL_HANDLERS,
  ...ENDING_ADMINISTRATION_HANDLERS,
};
oneFamilyEach([
  MAKING_HANDLERS,
  CONDITIONS_HANDLERS,
  EXTENSION_HANDLERS,
  RECALL_REVOCATION_HANDLERS,
  DISCHARGE_NEAREST_RELATIVE_HANDLERS,
  AWOL_HANDLERS,
  CERTIFICATES_RIGHTS_HANDLERS,
  TRIBUNAL_HANDLERS,
  ENDING_ADMINISTRATION_HANDLERS,
]);

/** A spread keeps the last of two handlers for one event silently: refuse to load instead. */
function oneFamilyEach(families: readonly object[]): void {
  const seen = new Set<string>();
  for (const family of families) {
    for (const type of Object.keys(family)) {
      if (seen.has(type))
        throw new Error(`lib/cto: the event ${type} has handlers in two families`);
      seen.add(type);
    }
  }
}

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
