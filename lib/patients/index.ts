// Pure rules about patients' records (issue 10): the NHS number check and the continuity count.
export * from './nhs-number';
export * from './continuity';
