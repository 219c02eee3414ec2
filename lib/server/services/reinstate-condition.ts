import 'server-only';
// s17B(5): the end of a condition's suspension (same use case as suspend-condition.ts).
export { reinstateCondition } from './suspend-condition';
