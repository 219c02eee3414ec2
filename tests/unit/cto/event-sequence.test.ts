/**
 * Times out of sequence: an event on an order in force dated before the order took effect, an
 * event dated before the event it depends on (the barring report before the nearest relative's
 * order, a transfer before detention), and the grammar of the refusals that name an event.
 */
import { describe, expect, it } from 'vitest';

import {
  EVENT_TYPES,
  ORDER_STATES,
  TRANSITIONS,
  applyEvent,
  evaluateEvents,
  type EventOutcome,
  type EventType,
  type FromState,
  type OrderEvent,
  type OrderSnapshot,
  type Refusal,
} from '@/lib/cto';

import { MADE_AT, agreed, amhp, auditor, everyone, fixture, mha, must, rc, t } from './fixtures';

function refused(outcome: EventOutcome): Refusal {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.state}`);
  return outcome;
}

/** Made on Thursday 26 November 2026, signed 10:00 GMT, effective 11:01 GMT. */
function madeLaterThatMorning(): OrderSnapshot {
  return must(
    agreed(),
    {
      type: 'MAKE',
      signedAt: t('2026-11-26T10:00:00Z'),
      effectiveAt: t('2026-11-26T11:01:00Z'),
    },
    rc,
    t('2026-11-26T11:30:00Z'),
  ).order;
}

const NOON = t('2026-11-26T12:00:00Z');

describe('no event on an order in force may be dated before the order took effect (s17A, s17C)', () => {
  it('refuses a recall notice served before the effective time, giving both times', () => {
    const order = madeLaterThatMorning();
    expect(order.state).toBe('ACTIVE');
    const servedAt = t('2026-11-26T10:30:00Z');
    const r = refused(
      applyEvent(
        order,
        {
          type: 'SERVE_RECALL_NOTICE',
          method: 'HANDED_TO_PATIENT',
          handedOrPostedAt: servedAt,
          at: servedAt,
        },
        rc,
        NOON,
      ),
    );
    expect(r.code).toBe('BEFORE_ORDER_EFFECTIVE');
    expect(r.message).toContain(
      'The recall notice cannot be served before the order took effect (Thursday 26 November 2026 at 11:01 GMT).',
    );
    expect(r.message).toContain('Thursday 26 November 2026 at 10:30 GMT');
  });

  it('refuses it when only the time of service is early (the event itself recorded now)', () => {
    const r = refused(
      applyEvent(
        madeLaterThatMorning(),
        {
          type: 'SERVE_RECALL_NOTICE',
          method: 'HANDED_TO_PATIENT',
          handedOrPostedAt: t('2026-11-26T10:30:00Z'),
        },
        rc,
        NOON,
      ),
    );
    expect(r.code).toBe('BEFORE_ORDER_EFFECTIVE');
  });

  it('accepts a recall served in the minute the order took effect', () => {
    const at = t('2026-11-26T11:01:00Z');
    const ok = applyEvent(
      madeLaterThatMorning(),
      { type: 'SERVE_RECALL_NOTICE', method: 'HANDED_TO_PATIENT', handedOrPostedAt: at, at },
      rc,
      NOON,
    );
    expect(ok.ok).toBe(true);
  });

  it('refuses detention dated before the order took effect, even after a (wrong) notice', () => {
    const base = madeLaterThatMorning();
    const servedAt = t('2026-11-26T10:30:00Z');
    const order: OrderSnapshot = {
      ...base,
      state: 'RECALL_PENDING',
      recall: {
        serviceMethod: 'HANDED_TO_PATIENT',
        handedOrPostedAt: servedAt,
        noticeServedAt: servedAt,
        detentionBeganAt: null,
        amhpAgreedRevocationAt: null,
        endedAt: null,
        outcome: 'ONGOING',
      },
    };
    const began = t('2026-11-26T10:50:00Z');
    const r = refused(
      applyEvent(
        order,
        { type: 'DETENTION_BEGINS', detentionBeganAt: began, at: began },
        mha,
        NOON,
      ),
    );
    expect(r.code).toBe('BEFORE_ORDER_EFFECTIVE');
    expect(r.message).toContain('Detention after recall cannot begin before the order took effect');
    expect(r.message).toContain('10:50 GMT');
    expect(r.message).toContain('11:01 GMT');
  });

  it('refuses a date typed in a form (examination, certificate, death) before the day of effect', () => {
    const order = madeLaterThatMorning();
    const now = t('2026-11-27T12:00:00Z');
    const cert = refused(
      applyEvent(
        order,
        {
          type: 'CERTIFICATE_GIVEN',
          certificateId: 'c1',
          certificate: 'CTO11',
          givenOn: '2026-11-25',
        },
        rc,
        now,
      ),
    );
    expect(cert.code).toBe('BEFORE_ORDER_EFFECTIVE');
    expect(cert.message).toContain('25 November 2026');
    expect(cert.message).toContain('Thursday 26 November 2026 at 11:01 GMT');
    // The same day as the effective time is not "before" it for a date.
    expect(
      applyEvent(
        order,
        {
          type: 'CERTIFICATE_GIVEN',
          certificateId: 'c1',
          certificate: 'CTO11',
          givenOn: '2026-11-26',
        },
        rc,
        now,
      ).ok,
    ).toBe(true);
    expect(refused(applyEvent(order, { type: 'DEATH', diedOn: '2026-11-25' }, mha, now)).code).toBe(
      'BEFORE_ORDER_EFFECTIVE',
    );
  });

  it('still allows what may happen before an order takes effect (AWAITING_EFFECT)', () => {
    const waiting = must(
      agreed(),
      { type: 'MAKE', signedAt: t('2026-11-26T10:00:00Z'), effectiveAt: t('2026-11-27T09:00:00Z') },
      rc,
      t('2026-11-26T10:05:00Z'),
    ).order;
    expect(waiting.state).toBe('AWAITING_EFFECT');
    const discharged = applyEvent(
      waiting,
      { type: 'DISCHARGE_BY_RC' },
      rc,
      t('2026-11-26T15:00:00Z'),
    );
    expect(discharged.ok).toBe(true);
  });

  // Every event a person records on an order in force (or revoked), dated the day before the
  // order took effect (Sunday 5 October 2025 at 12:00 BST in the fixtures).
  const BEFORE = t('2025-10-04T10:00:00Z');
  const DAY_BEFORE = '2025-10-04';
  function sample(type: EventType): OrderEvent | null {
    const at = BEFORE;
    switch (type) {
      case 'VARY_CONDITIONS':
        return { type, at, conditions: [{ id: 'm-exam', kind: 'MANDATORY' }] };
      case 'SUSPEND_CONDITION':
      case 'REINSTATE_CONDITION':
        return { type, at, conditionId: 'd-residence' };
      case 'EXAMINE_FOR_EXTENSION':
        return { type, examinedOn: DAY_BEFORE };
      case 'CONSULT_FOR_EXTENSION':
        return { type, consultedOn: DAY_BEFORE };
      case 'FURNISH_CTO8':
        return { type, at, examinedOn: DAY_BEFORE, amhpAgreedAt: at };
      case 'SERVE_RECALL_NOTICE':
        return { type, at, method: 'HANDED_TO_PATIENT', handedOrPostedAt: at };
      case 'DETENTION_BEGINS':
        return { type, at, detentionBeganAt: at };
      case 'CERTIFICATE_GIVEN':
        return {
          type,
          at,
          certificateId: 'c-new',
          certificate: 'CTO11',
          givenOn: DAY_BEFORE,
        };
      case 'CERTIFICATE_ENDED':
        return { type, at, certificateId: 'c-12', reason: 'CONSENT_WITHDRAWN' };
      case 'TRIBUNAL_CASE_OPENED':
        return { type, kind: 'APPLICATION', applicant: 'PATIENT', receivedOn: DAY_BEFORE };
      case 'TRIBUNAL_HEARING_HELD':
        return { type, consideredOn: DAY_BEFORE, patientUnder18: false };
      case 'RIGHTS_INFORMATION_GIVEN':
        return { type, at, givenOrally: true, givenInWriting: true };
      case 'DEATH':
        return { type, diedOn: DAY_BEFORE };
      case 'PROPOSE':
      case 'AMHP_AGREE_MAKING':
      case 'AMHP_DECLINE_MAKING':
      case 'WITHDRAW_PROPOSAL':
      case 'MAKE':
        return null;
      default:
        return { type, at } as OrderEvent;
    }
  }

  const LATER_STATES = ['ACTIVE', 'RECALL_PENDING', 'RECALLED', 'AWOL', 'REVOKED'] as const;
  for (const state of LATER_STATES) {
    for (const type of EVENT_TYPES) {
      const spec = TRANSITIONS[type];
      if (spec.trigger !== 'USER') continue;
      if (!(spec.from as readonly FromState[]).includes(state)) continue;
      const event = sample(type);
      if (!event) continue;
      it(`${state} x ${type} dated before the order took effect is refused`, () => {
        const { order, now } = fixture(state);
        const r = refused(applyEvent(order, event, everyone, now));
        expect(r.code).toBe('BEFORE_ORDER_EFFECTIVE');
        expect(r.message).toContain(
          'before the order took effect (Sunday 5 October 2025 at 12:00 BST)',
        );
        expect(r.message).toContain('4 October 2025');
        expect(MADE_AT.toISOString()).toBe('2025-10-05T11:00:00.000Z');
      });
    }
  }
});

describe('an event cannot be dated before the event it depends on', () => {
  it('s25(1): a barring report before the nearest relative’s order was received is refused', () => {
    const base = madeLaterThatMorning();
    const received = t('2026-11-26T11:07:00Z');
    const order = must(
      base,
      { type: 'NR_DISCHARGE_ORDER_RECEIVED', at: received },
      mha,
      t('2026-11-26T11:10:00Z'),
    ).order;
    const r = refused(
      applyEvent(order, { type: 'NR_BARRING_REPORT', at: t('2026-11-26T11:05:00Z') }, rc, NOON),
    );
    expect(r.code).toBe('NR_BARRING_BEFORE_ORDER_RECEIVED');
    expect(r.message).toContain('Thursday 26 November 2026 at 11:05 GMT');
    expect(r.message).toContain('Thursday 26 November 2026 at 11:07 GMT');
    // The reviewer's case (10:00, before the order even took effect at 11:01) is refused too.
    const earlier = refused(
      applyEvent(order, { type: 'NR_BARRING_REPORT', at: t('2026-11-26T10:00:00Z') }, rc, NOON),
    );
    expect(earlier.code).toBe('BEFORE_ORDER_EFFECTIVE');
    expect(earlier.message).toContain('The barring report cannot be furnished before the order');
    // In the same minute, and within the 72 hours: accepted.
    expect(applyEvent(order, { type: 'NR_BARRING_REPORT', at: received }, rc, NOON).ok).toBe(true);
    // After the 72 hours: refused (the discharge has taken effect).
    const late = refused(
      applyEvent(
        order,
        { type: 'NR_BARRING_REPORT', at: t('2026-11-29T11:07:00Z') },
        rc,
        t('2026-11-29T12:00:00Z'),
      ),
    );
    expect(['NR_BARRING_TOO_LATE', 'ORDER_ENDED']).toContain(late.code);
    expect(late.message).toContain('Sunday 29 November 2026 at 11:07 GMT');
  });

  it('a transfer, release, AMHP decision or revocation cannot pre-date detention after recall', () => {
    const { order, now } = fixture('RECALLED'); // detention began Fri 9 Jan 2026 23:47 GMT
    const before = t('2026-01-09T23:00:00Z');
    for (const [event, actor] of [
      [{ type: 'TRANSFER_DURING_RECALL', at: before }, mha],
      [{ type: 'RELEASE_FROM_RECALL', at: before }, rc],
      [{ type: 'AMHP_AGREE_REVOCATION', at: before }, amhp],
      [{ type: 'AMHP_DECLINE_REVOCATION', at: before }, amhp],
      [{ type: 'AWOL_BEGINS', at: before }, mha],
    ] as const) {
      const r = refused(applyEvent(order, event, actor, now));
      expect(r.code, event.type).toBe('BEFORE_DETENTION_BEGAN');
      expect(r.message).toContain('Friday 9 January 2026 at 23:47 GMT');
      expect(r.message).toContain('Friday 9 January 2026 at 23:00 GMT');
    }
  });

  it('a release cannot pre-date the recall notice being handed over', () => {
    const { order, now } = fixture('RECALL_PENDING'); // handed over Fri 9 Jan 2026 10:00 GMT
    const r = refused(
      applyEvent(order, { type: 'RELEASE_FROM_RECALL', at: t('2026-01-09T09:00:00Z') }, rc, now),
    );
    expect(r.code).toBe('BEFORE_RECALL_NOTICE');
    expect(r.message).toContain('Friday 9 January 2026 at 10:00 GMT');
  });
});

describe('refusals that name an event read as sentences', () => {
  /** Verbs an event's action may start with ("Only X can <verb> ..."). */
  const VERBS = new Set([
    'propose',
    'agree',
    'decline',
    'withdraw',
    'make',
    'record',
    'vary',
    'suspend',
    'end',
    'furnish',
    'recall',
    'transfer',
    'release',
    'revoke',
    'discharge',
    'bar',
    'assign',
  ]);

  function messagesFor(code: string): Map<EventType, string> {
    const found = new Map<EventType, string>();
    for (const state of ['NONE', ...ORDER_STATES] as const) {
      const { order, now } = fixture(state);
      for (const e of evaluateEvents(order, auditor, now)) {
        if (e.code === code && e.message && !found.has(e.type)) found.set(e.type, e.message);
      }
    }
    return found;
  }

  it('every event a person records has a role refusal: “Only … can <verb> …. You are signed in as: …”', () => {
    const messages = messagesFor('ROLE_NOT_PERMITTED');
    const userEvents = EVENT_TYPES.filter((type) => TRANSITIONS[type].trigger === 'USER');
    expect([...messages.keys()].sort()).toEqual([...userEvents].sort());
    for (const [type, message] of messages) {
      const match = /^Only (.+?) can (\S+) (.+?)\. You are signed in as: auditor\.$/.exec(message);
      expect(match, `${type}: ${message}`).not.toBeNull();
      expect(VERBS.has(match?.[2] ?? ''), `${type}: “${match?.[2]}” is not a verb`).toBe(true);
      expect(message).not.toMatch(/\.\./);
    }
    expect(messages.get('NR_DISCHARGE_ORDER_RECEIVED')).toBe(
      'Only the MHA administrator or a hospital manager can record a nearest relative’s order for discharge. You are signed in as: auditor.',
    );
  });

  it('every event’s action is a verb phrase (used in “you cannot …” refusals too)', () => {
    for (const type of EVENT_TYPES) {
      const action = TRANSITIONS[type].action;
      const verb = action.split(' ')[0] ?? '';
      expect(VERBS.has(verb), `${type}: “${action}”`).toBe(true);
      expect(action).not.toMatch(/\.$/);
    }
    const ended = fixture('DISCHARGED');
    const e = refused(applyEvent(ended.order, { type: 'NR_BARRING_REPORT' }, rc, ended.now));
    expect(e.message).toMatch(/you cannot bar the nearest relative’s discharge\.$/);
  });
});
