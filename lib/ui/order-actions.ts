// Where each lifecycle event is recorded in the app: the route segment under
// /patients/[patientId]/orders/[orderId]/. Which events are offered comes from lib/cto
// (evaluateEvents); this file only says where their forms live. Time-passing events have no
// form: the scheduled job records them.
import type { EventType } from '@/lib/cto';

export const ACTION_ROUTES: Partial<Record<EventType, string>> = {
  // Making (CTO1)
  AMHP_AGREE_MAKING: 'agreement',
  AMHP_DECLINE_MAKING: 'agreement',
  WITHDRAW_PROPOSAL: 'withdraw',
  MAKE: 'make',
  // Conditions (CTO2, s17B(5))
  VARY_CONDITIONS: 'conditions',
  SUSPEND_CONDITION: 'conditions',
  REINSTATE_CONDITION: 'conditions',
  // Extension (CTO7)
  EXAMINE_FOR_EXTENSION: 'extension',
  CONSULT_FOR_EXTENSION: 'extension',
  AMHP_AGREE_EXTENSION: 'extension/agreement',
  AMHP_DECLINE_EXTENSION: 'extension/agreement',
  FURNISH_CTO7: 'extension',
  MANAGERS_RECEIVE_CTO7: 'extension/managers',
  MANAGERS_REVIEW_EXTENSION: 'extension/managers',
  FURNISH_CTO8: 'extension/cto8',
  // Recall (CTO3, CTO4, CTO6), release, revocation (CTO5)
  SERVE_RECALL_NOTICE: 'recall',
  DETENTION_BEGINS: 'recall/detention',
  TRANSFER_DURING_RECALL: 'recall/transfer',
  RELEASE_FROM_RECALL: 'recall/release',
  AMHP_AGREE_REVOCATION: 'revocation/agreement',
  AMHP_DECLINE_REVOCATION: 'revocation/agreement',
  REVOKE: 'revocation',
  // Discharge and other endings
  DISCHARGE_BY_RC: 'discharge',
  DISCHARGE_BY_MANAGERS: 'discharge',
  DISCHARGE_BY_TRIBUNAL: 'discharge',
  NR_DISCHARGE_ORDER_RECEIVED: 'nearest-relative',
  NR_BARRING_REPORT: 'nearest-relative/barring',
  AWOL_BEGINS: 'awol',
  AWOL_ENDS: 'awol',
  ASSIGN_RESPONSIBILITY: 'assignment',
  CERTIFICATE_GIVEN: 'certificates',
  CERTIFICATE_ENDED: 'certificates',
  TRIBUNAL_CASE_OPENED: 'tribunal',
  TRIBUNAL_HEARING_HELD: 'tribunal',
  RIGHTS_INFORMATION_GIVEN: 'rights',
  DEATH: 'death',
};

export function actionHref(patientId: string, orderId: string, event: EventType): string | null {
  const route = ACTION_ROUTES[event];
  return route ? `/patients/${patientId}/orders/${orderId}/${route}` : null;
}
