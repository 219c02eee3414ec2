/**
 * What an event handler is, and the small checks the handlers share. One handler per event type,
 * in the file of its family (making.ts, conditions.ts, extension.ts, recall-revocation.ts,
 * discharge-nearest-relative.ts, awol.ts, certificates-rights.ts, tribunal.ts,
 * ending-and-administration.ts); the engine (../lifecycle.ts) assembles them. Who may record an
 * event, and from which states, is the transition table's (../transitions.ts), never a handler's:
 * a handler's guard and validate add the checks of time and law, and apply says what follows.
 */
import { compareDates, formatDate, type IsoDate, isValidIsoDate } from '../dates';
import {
  type Clock,
  type Refusal,
  refuse,
  type Task,
  type TaskKind,
  type Warning,
} from '../outcomes';
import type { FromState, TransitionSpec } from '../transitions';
import type {
  Actor,
  CtoEndReason,
  EventOf,
  EventType,
  OrderSnapshot,
  OrderState,
  RecallSnapshot,
} from '../types';

export interface LifecycleOptions {
  /** Local target for giving s132A rights information (C13). Default 7 days. */
  readonly rightsInformationTargetDays?: number;
}

/** Events may be recorded up to this long "in the future" to allow for clock skew. */
export const FUTURE_TOLERANCE_MS = 60_000;

export interface Ctx {
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

export interface Effects {
  readonly order: OrderSnapshot;
  readonly state?: OrderState;
  readonly clocks?: readonly Clock[];
  readonly tasks?: readonly Task[];
  readonly warnings?: readonly Warning[];
  readonly completes?: readonly TaskKind[];
  readonly endReason?: CtoEndReason;
}

export interface Handler<T extends EventType> {
  /** Payload-independent preconditions (used by allowedEvents too). */
  readonly guard?: (ctx: Ctx & { order: OrderSnapshot }) => Refusal | undefined;
  /** Payload checks: a refusal, or warnings. */
  readonly validate?: (
    ctx: Ctx & { order: OrderSnapshot | null },
    event: EventOf<T>,
  ) => Refusal | readonly Warning[] | undefined;
  readonly apply: (ctx: Ctx & { order: OrderSnapshot | null }, event: EventOf<T>) => Effects;
}

/** Handlers for a family of events: one entry per event type, checked by the compiler. */
export type HandlerTable<E extends EventType> = { readonly [K in E]: Handler<K> };

export function mustOrder(ctx: { order: OrderSnapshot | null }): OrderSnapshot {
  if (!ctx.order) throw new Error('lib/cto: an order is required for this event');
  return ctx.order;
}

export function validDay(value: string, what: string): Refusal | undefined {
  return isValidIsoDate(value)
    ? undefined
    : refuse('INVALID_INPUT', `The ${what} “${value}” is not a real date (YYYY-MM-DD).`);
}

export function notAfterToday(day: IsoDate, today: IsoDate, what: string): Refusal | undefined {
  return compareDates(day, today) > 0
    ? refuse('EVENT_IN_FUTURE', `The ${what} (${formatDate(day)}) cannot be in the future.`)
    : undefined;
}

export function validInstant(value: Date | undefined, what: string): Refusal | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime())
    ? undefined
    : refuse('INVALID_INPUT', `The ${what} is not a valid date and time.`);
}

export function uniqueIds(ids: readonly string[]): Refusal | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return refuse('INVALID_INPUT', `Condition “${id}” is listed twice.`);
    seen.add(id);
  }
  return undefined;
}

export function setRecall(order: OrderSnapshot, patch: Partial<RecallSnapshot>): OrderSnapshot {
  if (!order.recall) return order;
  return { ...order, recall: { ...order.recall, ...patch } };
}
