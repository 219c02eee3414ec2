// The order-flow forms' view of their state (issue 5 part B): FlowState and the refusal as a
// state live in lib/schemas/flow-state.ts (shared with the server actions); the fields read
// their kept values through the form binding (components/forms/bind.ts).
export {
  EMPTY_FLOW_STATE,
  enteredValues,
  refusedState,
  type FlowState,
} from '@/lib/schemas/flow-state';
