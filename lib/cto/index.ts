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
