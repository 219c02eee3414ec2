/**
 * lib/cto: the law as code. Pure functions only: no I/O, no clock reads (pass `now`).
 */
export * from './errors';
export * from './dates';
export * from './computed';
export * from './bank-holidays';
export * from './working-days';
export * from './clocks';
export * from './nhs-number';
export * from './types';
export * from './outcomes';
export * from './checks';
export {
  TRANSITIONS,
  EVENT_TYPES,
  transitionFor,
  type TransitionSpec,
  type FromState,
} from './transitions';
export {
  allowedEvents,
  applyEvent,
  awolAroundExpiry,
  checkEvent,
  currentExpiry,
  currentRecallDeadline,
  effectiveState,
  evaluateEvents,
  extensionWindow,
  inForceUntil,
  orderPeriods,
  type EffectiveState,
  type EventAvailability,
  type LifecycleOptions,
} from './lifecycle';
export { renderStates, renderTransitionTable } from './describe';
export {
  RENEWAL_OFFER_DAYS,
  RENEWAL_STEP_EVENTS,
  renewalOfferedFrom,
  renewalStepsOffered,
  withRenewalOffer,
} from './renewal-offer';
export * from './tribunal-paperwork';
export * from './same-day-order';
