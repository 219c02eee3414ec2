/**
 * Every state x event pair of the lifecycle. The generated part checks the engine against the
 * table (from-states and refusal codes); the hand-written matrix below pins the answers for the
 * pairs that matter most, so a wrong row in the table itself makes a test fail.
 */
import { describe, expect, it } from 'vitest';

import {
  EVENT_TYPES,
  ORDER_STATES,
  SYSTEM_ACTOR,
  TERMINAL_STATES,
  TRANSITIONS,
  evaluateEvents,
  type EventType,
  type FromState,
  type OrderState,
  type TransitionSpec,
} from '@/lib/cto';

import { everyone, fixture } from './fixtures';

const STATES: readonly FromState[] = ['NONE', ...ORDER_STATES];

/** Codes the engine gives for a state that is not in an event's from-list. */
const STATE_CODES = new Set([
  'NOT_ALLOWED_IN_STATE',
  'ORDER_ENDED',
  'NO_ORDER_YET',
  'NO_ORDER_IN_FORCE',
  'ORDER_NOT_YET_IN_EFFECT',
  'ORDER_ALREADY_EXISTS',
  'PART3_BEFORE_PART2',
  'RECALL_OF_ENDED_ORDER',
  'ALREADY_RECALLED',
  'CTO4_BEFORE_CTO3',
  'ALREADY_DETAINED',
  'PATIENT_IS_AWOL',
  'NOT_RECALLED',
  'CTO5_BEFORE_CTO4',
  'ALREADY_RECORDED',
]);

function answer(state: FromState, type: EventType): { allowed: boolean; code?: string } {
  const { order, now } = fixture(state);
  const actor = TRANSITIONS[type].trigger === 'TIME' ? SYSTEM_ACTOR : everyone;
  const found = evaluateEvents(order, actor, now).find((e) => e.type === type);
  if (!found) throw new Error(`no answer for ${type}`);
  return found.allowed
    ? { allowed: true }
    : { allowed: false, ...(found.code ? { code: found.code } : {}) };
}

describe('every state x event pair follows the transition table', () => {
  for (const state of STATES) {
    for (const type of EVENT_TYPES) {
      const spec: TransitionSpec = TRANSITIONS[type];
      const inFrom = (spec.from as readonly FromState[]).includes(state);
      it(`${state} x ${type}: ${inFrom ? 'state allowed' : 'refused by state'}`, () => {
        const result = answer(state, type);
        if (inFrom) {
          // Allowed, or refused for a reason other than the state (a time or law precondition).
          if (!result.allowed)
            expect(STATE_CODES.has(result.code ?? ''), `${result.code}`).toBe(false);
        } else {
          const expected =
            spec.refusalsByState?.[state] ??
            (state !== 'NONE' && (TERMINAL_STATES as readonly string[]).includes(state)
              ? 'ORDER_ENDED'
              : 'NOT_ALLOWED_IN_STATE');
          expect(result).toEqual({ allowed: false, code: expected });
        }
      });
    }
  }
});

// Hand-written: state -> event -> expected ('ALLOWED' or the refusal code). Times: see fixtures.ts
// (ACTIVE on 10 Jan 2026 is before the renewal window, which opens 5 Feb 2026).
const EXPECTED: Partial<Record<FromState, Partial<Record<EventType, string>>>> = {
  NONE: {
    PROPOSE: 'ALLOWED',
    MAKE: 'NO_ORDER_YET',
    SERVE_RECALL_NOTICE: 'NO_ORDER_YET',
    DEATH: 'NO_ORDER_YET',
  },
  PROPOSED: {
    AMHP_AGREE_MAKING: 'ALLOWED',
    AMHP_DECLINE_MAKING: 'ALLOWED',
    MAKE: 'PART3_BEFORE_PART2',
    WITHDRAW_PROPOSAL: 'ALLOWED',
    SERVE_RECALL_NOTICE: 'NO_ORDER_IN_FORCE',
    PROPOSE: 'ORDER_ALREADY_EXISTS',
  },
  AGREED: {
    MAKE: 'ALLOWED',
    AMHP_AGREE_MAKING: 'NOT_ALLOWED_IN_STATE',
    DISCHARGE_BY_RC: 'NO_ORDER_IN_FORCE',
  },
  DECLINED: {
    MAKE: 'ORDER_ENDED',
    SERVE_RECALL_NOTICE: 'NO_ORDER_IN_FORCE',
  },
  AWAITING_EFFECT: {
    SERVE_RECALL_NOTICE: 'ORDER_NOT_YET_IN_EFFECT',
    TAKE_EFFECT: 'NOT_DUE_YET',
    DISCHARGE_BY_RC: 'ALLOWED',
    VARY_CONDITIONS: 'ORDER_NOT_YET_IN_EFFECT',
  },
  ACTIVE: {
    SERVE_RECALL_NOTICE: 'ALLOWED',
    DETENTION_BEGINS: 'CTO4_BEFORE_CTO3',
    REVOKE: 'NOT_RECALLED',
    AMHP_AGREE_REVOCATION: 'NOT_RECALLED',
    AWOL_BEGINS: 'NOT_RECALLED',
    EXAMINE_FOR_EXTENSION: 'EXAMINATION_OUTSIDE_WINDOW',
    FURNISH_CTO7: 'CTO7_OUTSIDE_WINDOW',
    AMHP_AGREE_EXTENSION: 'CTO7_PART2_BEFORE_PART1',
    MANAGERS_RECEIVE_CTO7: 'CTO7_PART4_BEFORE_PART3',
    MANAGERS_REVIEW_EXTENSION: 'NO_EXTENSION_TO_REVIEW',
    EXPIRE: 'NOT_DUE_YET',
    VARY_CONDITIONS: 'ALLOWED',
    SUSPEND_CONDITION: 'ALLOWED',
    REINSTATE_CONDITION: 'CONDITION_NOT_SUSPENDED',
    DISCHARGE_BY_RC: 'ALLOWED',
    DISCHARGE_BY_MANAGERS: 'ALLOWED',
    DISCHARGE_BY_TRIBUNAL: 'ALLOWED',
    NR_DISCHARGE_ORDER_RECEIVED: 'ALLOWED',
    NR_BARRING_REPORT: 'NO_NR_ORDER_PENDING',
    NR_DISCHARGE_TAKES_EFFECT: 'NO_NR_ORDER_PENDING',
    FURNISH_CTO8: 'S21B_NOT_APPLICABLE',
    CERTIFICATE_ENDED: 'NO_CTO12_IN_FORCE',
    RIGHTS_INFORMATION_GIVEN: 'ALLOWED',
    PROPOSE: 'ORDER_ALREADY_EXISTS',
    MAKE: 'NOT_ALLOWED_IN_STATE',
    SEVENTY_TWO_HOURS_END: 'NOT_RECALLED',
    RELEASE_FROM_RECALL: 'NOT_RECALLED',
    TRANSFER_DURING_RECALL: 'NOT_RECALLED',
    AWOL_ENDS: 'NOT_ALLOWED_IN_STATE',
    ASSIGN_RESPONSIBILITY: 'ALLOWED',
    CERTIFICATE_GIVEN: 'ALLOWED',
    TRIBUNAL_CASE_OPENED: 'ALLOWED',
    TRIBUNAL_HEARING_HELD: 'ALLOWED',
    DEATH: 'ALLOWED',
    TAKE_EFFECT: 'NOT_ALLOWED_IN_STATE',
    AMHP_DECLINE_EXTENSION: 'CTO7_PART2_BEFORE_PART1',
    AMHP_DECLINE_REVOCATION: 'NOT_RECALLED',
    WITHDRAW_PROPOSAL: 'NOT_ALLOWED_IN_STATE',
  },
  RECALL_PENDING: {
    SERVE_RECALL_NOTICE: 'ALREADY_RECALLED',
    DETENTION_BEGINS: 'ALLOWED',
    REVOKE: 'CTO5_BEFORE_CTO4',
    AMHP_AGREE_REVOCATION: 'CTO5_BEFORE_CTO4',
    RELEASE_FROM_RECALL: 'ALLOWED',
    AWOL_BEGINS: 'ALLOWED',
    TRANSFER_DURING_RECALL: 'CTO4_BEFORE_CTO3',
  },
  RECALLED: {
    REVOKE: 'REVOCATION_WITHOUT_AMHP_AGREEMENT',
    AMHP_AGREE_REVOCATION: 'ALLOWED',
    TRANSFER_DURING_RECALL: 'ALLOWED',
    RELEASE_FROM_RECALL: 'ALLOWED',
    SEVENTY_TWO_HOURS_END: 'NOT_DUE_YET',
    DETENTION_BEGINS: 'ALREADY_DETAINED',
    SERVE_RECALL_NOTICE: 'ALREADY_RECALLED',
    AWOL_BEGINS: 'ALLOWED',
    AWOL_ENDS: 'NOT_ALLOWED_IN_STATE',
    AMHP_DECLINE_REVOCATION: 'ALLOWED',
  },
  AWOL: {
    REVOKE: 'PATIENT_IS_AWOL',
    AWOL_ENDS: 'ALLOWED',
    AWOL_BEGINS: 'ALREADY_RECORDED',
    DETENTION_BEGINS: 'PATIENT_IS_AWOL',
    EXAMINE_FOR_EXTENSION: 'PATIENT_IS_AWOL',
    RELEASE_FROM_RECALL: 'ALLOWED',
  },
  REVOKED: {
    SERVE_RECALL_NOTICE: 'RECALL_OF_ENDED_ORDER',
    TRIBUNAL_CASE_OPENED: 'ALLOWED',
    RIGHTS_INFORMATION_GIVEN: 'ALLOWED',
    DISCHARGE_BY_RC: 'ORDER_ENDED',
  },
  DISCHARGED: { SERVE_RECALL_NOTICE: 'RECALL_OF_ENDED_ORDER', REVOKE: 'ORDER_ENDED' },
  EXPIRED: {
    SERVE_RECALL_NOTICE: 'RECALL_OF_ENDED_ORDER',
    FURNISH_CTO7: 'ORDER_ENDED',
    EXPIRE: 'ORDER_ENDED',
  },
  DIED: { SERVE_RECALL_NOTICE: 'RECALL_OF_ENDED_ORDER', DEATH: 'ORDER_ENDED' },
};

describe('hand-written expectations for key pairs', () => {
  for (const [state, row] of Object.entries(EXPECTED) as [
    FromState,
    Partial<Record<EventType, string>>,
  ][]) {
    for (const [type, expected] of Object.entries(row) as [EventType, string][]) {
      it(`${state} x ${type} -> ${expected}`, () => {
        const result = answer(state, type);
        expect(result.allowed ? 'ALLOWED' : result.code).toBe(expected);
      });
    }
  }
});

describe('the table itself', () => {
  it('has a row for every event and only known states', () => {
    expect(EVENT_TYPES.length).toBe(41);
    for (const type of EVENT_TYPES) {
      const spec = TRANSITIONS[type];
      for (const s of spec.from) expect(STATES).toContain(s);
      if (spec.to !== 'UNCHANGED') for (const s of spec.to) expect(ORDER_STATES).toContain(s);
      expect(spec.trigger === 'TIME' ? spec.roles.length === 0 : spec.roles.length > 0).toBe(true);
    }
  });

  it('terminal states have no way out', () => {
    for (const type of EVENT_TYPES) {
      const spec = TRANSITIONS[type];
      const fromTerminal = spec.from.filter((s) =>
        (TERMINAL_STATES as readonly string[]).includes(s),
      );
      // Only record-keeping about a revoked order (rights, tribunal) may start from a terminal state.
      if (fromTerminal.length > 0) {
        expect(fromTerminal).toEqual(['REVOKED']);
        expect(spec.to).toBe('UNCHANGED');
      }
    }
  });

  it('every state can be reached', () => {
    const reachable = new Set<OrderState>();
    for (const type of EVENT_TYPES) {
      const spec = TRANSITIONS[type];
      if (spec.to !== 'UNCHANGED') for (const s of spec.to) reachable.add(s);
    }
    expect([...reachable].sort()).toEqual([...ORDER_STATES].sort());
  });

  it('AMHP agreement is required exactly where the Act requires it', () => {
    const needing = EVENT_TYPES.filter((type) => TRANSITIONS[type].needsAmhpAgreement).sort();
    expect(needing).toEqual(['FURNISH_CTO7', 'FURNISH_CTO8', 'MAKE', 'REVOKE']);
  });

  it('the people who may act are as the law says for key events', () => {
    expect(TRANSITIONS.SERVE_RECALL_NOTICE.roles).toEqual(['RESPONSIBLE_CLINICIAN']);
    expect(TRANSITIONS.REVOKE.roles).toEqual(['RESPONSIBLE_CLINICIAN']);
    expect(TRANSITIONS.AMHP_AGREE_REVOCATION.roles).toEqual(['AMHP']);
    expect([...TRANSITIONS.DETENTION_BEGINS.roles].sort()).toEqual([
      'MHA_ADMINISTRATOR',
      'RESPONSIBLE_CLINICIAN',
    ]);
    expect([...TRANSITIONS.DISCHARGE_BY_MANAGERS.roles].sort()).toEqual([
      'HOSPITAL_MANAGER',
      'MHA_ADMINISTRATOR',
    ]);
    expect(TRANSITIONS.ASSIGN_RESPONSIBILITY.roles).toEqual(['MHA_ADMINISTRATOR']);
    for (const type of EVENT_TYPES) {
      expect(TRANSITIONS[type].roles).not.toContain('AUDITOR');
      expect(TRANSITIONS[type].roles).not.toContain('SYSTEM_ADMINISTRATOR');
    }
  });
});
