import { describe, expect, it } from 'vitest';

import {
  allowedEvents,
  applyEvent,
  checkEvent,
  currentExpiry,
  effectiveState,
  evaluateEvents,
  inForceUntil,
  type EventOutcome,
  type OrderSnapshot,
} from '@/lib/cto';

import {
  MADE_AT,
  SYSTEM_ACTOR,
  active,
  agreed,
  amhp,
  auditor,
  careCoordinator,
  manager,
  mha,
  must,
  proposed,
  rc,
  recallPending,
  recalled,
  t,
} from './fixtures';

function refused(result: EventOutcome | ReturnType<typeof checkEvent>): {
  code: string;
  message: string;
} {
  if (result.ok) throw new Error('expected a refusal');
  return { code: result.code, message: result.message };
}

describe('making the order (CTO1)', () => {
  it('walks Part 1 -> Part 2 -> Part 3 and starts the first clocks and tasks', () => {
    const r = must(agreed(), { type: 'MAKE', effectiveAt: MADE_AT }, rc, MADE_AT);
    expect(r.fromState).toBe('AGREED');
    expect(r.state).toBe('ACTIVE');
    expect(r.order.madeOn).toBe('2025-10-05');
    expect(r.expiry).toBe('2026-04-04');
    const byKind = Object.fromEntries(r.clocks.map((c) => [c.kind, c]));
    expect(byKind.CTO_EXPIRY?.date).toBe('2026-04-04');
    expect(byKind.EXTENSION_WINDOW?.opensOn).toBe('2026-02-05');
    expect(byKind.EXTENSION_WINDOW?.date).toBe('2026-04-04');
    expect(byKind.PATIENT_APPLICATION_WINDOW?.date).toBe('2026-04-04');
    expect(byKind.RIGHTS_INFORMATION?.date).toBe('2025-10-12');
    expect(r.tasks.map((task) => task.kind)).toEqual(
      expect.arrayContaining([
        'GIVE_RIGHTS_INFORMATION',
        'ARRANGE_EXTENSION_EXAMINATION',
        'FURNISH_FORM_TO_MANAGERS',
        'RECORD_FIRST_MEDICATION_DATE',
      ]),
    );
    expect(r.warnings).toEqual([]);
  });

  it('creates the certificate task from C6 and the first reference from C8 when the dates are known', () => {
    const order: OrderSnapshot = {
      ...agreed(),
      firstMedicationOn: '2025-08-01',
      applicableDay: '2025-07-20',
    };
    const r = must(order, { type: 'MAKE', effectiveAt: MADE_AT }, rc, MADE_AT);
    const cert = r.clocks.find((c) => c.kind === 'CERTIFICATE_REQUIRED');
    // one month from 5 Oct ends 4 Nov 2025; three months from 1 Aug end 31 Oct 2025 -> 5 Nov 2025
    expect(cert?.date).toBe('2025-11-05');
    expect(r.tasks.find((task) => task.kind === 'ARRANGE_PART4A_CERTIFICATE')?.dueOn).toBe(
      '2025-11-04',
    );
    expect(r.clocks.find((c) => c.kind === 'FIRST_MANAGERS_REFERENCE')?.date).toBe('2026-01-20');
  });

  it('refuses a CTO from a status that cannot lead to one', () => {
    for (const code of ['02', '09', '15', '17', '35', '04', '01', '37']) {
      const r = applyEvent(
        null,
        { type: 'PROPOSE', legalStatusCode: code, conditions: [] },
        rc,
        MADE_AT,
      );
      expect(refused(r).code, code).toBe('INELIGIBLE_LEGAL_STATUS');
    }
    expect(
      refused(
        applyEvent(null, { type: 'PROPOSE', legalStatusCode: '02', conditions: [] }, rc, MADE_AT),
      ).message,
    ).toContain('section 2');
    for (const code of ['03', '10', '16', '18', '38']) {
      expect(
        applyEvent(null, { type: 'PROPOSE', legalStatusCode: code, conditions: [] }, rc, MADE_AT)
          .ok,
        code,
      ).toBe(true);
    }
  });

  it('re-checks the status at Part 3 (a snapshot mapped from a bad row)', () => {
    const order: OrderSnapshot = { ...agreed(), legalStatusCode: '09' };
    expect(
      refused(applyEvent(order, { type: 'MAKE', effectiveAt: MADE_AT }, rc, MADE_AT)).code,
    ).toBe('INELIGIBLE_LEGAL_STATUS');
  });

  it('refuses Part 3 before Part 2, and Part 3 dated before the AMHP signed', () => {
    expect(
      refused(applyEvent(proposed(), { type: 'MAKE', effectiveAt: MADE_AT }, rc, MADE_AT)).code,
    ).toBe('PART3_BEFORE_PART2');
    const early = t('2025-10-05T10:00:00+01:00'); // the AMHP signed at 11:00
    const r = refused(
      applyEvent(agreed(), { type: 'MAKE', signedAt: early, effectiveAt: early }, rc, MADE_AT),
    );
    expect(r.code).toBe('PART3_BEFORE_PART2');
    expect(r.message).toContain('Sunday 5 October 2025 at 10:00 BST');
  });

  it('treats Part 3 signed in the same minute as the AMHP agreed as in sequence', () => {
    // The AMHP's agreement is saved at 11:00:40; the RC states the time signed to the minute.
    const order = must(
      proposed(),
      { type: 'AMHP_AGREE_MAKING' },
      amhp,
      t('2025-10-05T11:00:40+01:00'),
    ).order;
    const sameMinute = t('2025-10-05T11:00:00+01:00');
    const r = applyEvent(
      order,
      { type: 'MAKE', signedAt: sameMinute, effectiveAt: sameMinute },
      rc,
      t('2025-10-05T11:01:00+01:00'),
    );
    expect(r.ok).toBe(true);
    const minuteBefore = t('2025-10-05T10:59:00+01:00');
    const early = refused(
      applyEvent(
        order,
        { type: 'MAKE', signedAt: minuteBefore, effectiveAt: minuteBefore },
        rc,
        t('2025-10-05T11:01:00+01:00'),
      ),
    );
    expect(early.code).toBe('PART3_BEFORE_PART2');
  });

  it('refuses a discretionary condition the AMHP did not agree', () => {
    const order = must(
      proposed(),
      { type: 'AMHP_AGREE_MAKING', agreedConditionIds: [] },
      amhp,
      t('2025-10-05T11:00:00+01:00'),
    ).order;
    const r = refused(applyEvent(order, { type: 'MAKE', effectiveAt: MADE_AT }, rc, MADE_AT));
    expect(r.code).toBe('DISCRETIONARY_CONDITION_WITHOUT_AMHP');
    expect(r.message).toContain('Live at 1 High Street');
    expect(allowedEvents(order, rc, MADE_AT)).not.toContain('MAKE');
  });

  it('warns when signature and effective dates differ, counts from the earlier, and waits for the effective time', () => {
    const signed = t('2026-03-10T16:00:00Z');
    const effective = t('2026-03-12T09:00:00Z');
    const order = { ...agreed() };
    const r = must(order, { type: 'MAKE', signedAt: signed, effectiveAt: effective }, rc, signed);
    expect(r.state).toBe('AWAITING_EFFECT');
    expect(r.order.madeOn).toBe('2026-03-10');
    expect(r.expiry).toBe('2026-09-09');
    const w = r.warnings.find((x) => x.code === 'SIGNED_EFFECTIVE_DIFFER');
    expect(w?.message).toContain('10 March 2026');
    expect(w?.message).toContain('12 March 2026');
    // Time passing: the system records that it took effect.
    expect(allowedEvents(r.order, SYSTEM_ACTOR, t('2026-03-11T09:00:00Z'))).toEqual([]);
    expect(allowedEvents(r.order, SYSTEM_ACTOR, t('2026-03-12T09:00:00Z'))).toEqual([
      'TAKE_EFFECT',
    ]);
    expect(effectiveState(r.order, t('2026-03-12T09:00:00Z')).state).toBe('ACTIVE');
    // A person cannot record it; a recall before it takes effect is refused.
    expect(
      refused(applyEvent(r.order, { type: 'TAKE_EFFECT' }, rc, t('2026-03-12T10:00:00Z'))).code,
    ).toBe('TIME_EVENT_ONLY');
    const early = t('2026-03-11T10:00:00Z');
    expect(
      refused(
        applyEvent(
          r.order,
          { type: 'SERVE_RECALL_NOTICE', method: 'HANDED_TO_PATIENT', handedOrPostedAt: early },
          rc,
          early,
        ),
      ).code,
    ).toBe('ORDER_NOT_YET_IN_EFFECT');
    // ...but once the effective time has passed, the RC may recall even before the system catches up.
    const later = t('2026-03-13T10:00:00Z');
    const recall = must(
      r.order,
      { type: 'SERVE_RECALL_NOTICE', method: 'HANDED_TO_PATIENT', handedOrPostedAt: later },
      rc,
      later,
    );
    expect(recall.state).toBe('RECALL_PENDING');
  });

  it('refuses an order back-dated before it was signed', () => {
    const signed = t('2026-03-10T16:00:00Z');
    const r = refused(
      applyEvent(
        agreed(),
        { type: 'MAKE', signedAt: signed, effectiveAt: t('2026-03-09T09:00:00Z') },
        rc,
        signed,
      ),
    );
    expect(r.code).toBe('EFFECTIVE_BEFORE_SIGNED');
    expect(r.message).toContain('9 March 2026');
  });

  it('warns about a month-end start and shows the alternative reading', () => {
    const at = t('2025-08-31T12:00:00+01:00');
    const order = must(
      proposed(),
      { type: 'AMHP_AGREE_MAKING' },
      amhp,
      t('2025-08-31T11:00:00+01:00'),
    ).order;
    const r = must(order, { type: 'MAKE', effectiveAt: at }, rc, at);
    const w = r.warnings.find((x) => x.code === 'MONTH_END_START');
    expect(w?.message).toContain('28 February 2026');
    expect(w?.message).toContain('30 August 2026 (the other reading gives 31 August 2026)');
    expect(r.expiry).toBe('2026-02-28');
  });

  it('the AMHP can decline, and the RC can withdraw', () => {
    expect(must(proposed(), { type: 'AMHP_DECLINE_MAKING' }, amhp, MADE_AT).state).toBe('DECLINED');
    expect(must(agreed(), { type: 'WITHDRAW_PROPOSAL' }, rc, MADE_AT).state).toBe('DECLINED');
  });
});

describe('extension (CTO7)', () => {
  const inWindow = t('2026-03-01T10:00:00Z');

  function readyToFurnish(): OrderSnapshot {
    let o = active();
    o = must(o, { type: 'EXAMINE_FOR_EXTENSION', examinedOn: '2026-02-20' }, rc, inWindow).order;
    o = must(o, { type: 'CONSULT_FOR_EXTENSION', consultedOn: '2026-02-21' }, rc, inWindow).order;
    o = must(o, { type: 'AMHP_AGREE_EXTENSION' }, amhp, t('2026-03-02T10:00:00Z')).order;
    return o;
  }

  it('refuses an examination outside the window and gives the window dates', () => {
    const r = refused(
      checkEvent(
        active(),
        { type: 'EXAMINE_FOR_EXTENSION', examinedOn: '2026-01-20' },
        rc,
        inWindow,
      ),
    );
    expect(r.code).toBe('EXAMINATION_OUTSIDE_WINDOW');
    expect(r.message).toContain('20 January 2026');
    expect(r.message).toContain('5 February 2026');
    expect(r.message).toContain('4 April 2026');
    // The action is not offered before the window opens.
    const early = evaluateEvents(active(), rc, t('2026-02-04T12:00:00Z')).find(
      (e) => e.type === 'EXAMINE_FOR_EXTENSION',
    );
    expect(early?.allowed).toBe(false);
    expect(early?.message).toContain('opens on 5 February 2026');
    expect(allowedEvents(active(), rc, t('2026-02-05T00:30:00Z'))).toContain(
      'EXAMINE_FOR_EXTENSION',
    );
  });

  it('refuses the CTO7 before the AMHP agreed', () => {
    let o = active();
    o = must(o, { type: 'EXAMINE_FOR_EXTENSION', examinedOn: '2026-02-20' }, rc, inWindow).order;
    o = must(o, { type: 'CONSULT_FOR_EXTENSION', consultedOn: '2026-02-21' }, rc, inWindow).order;
    const r = refused(applyEvent(o, { type: 'FURNISH_CTO7' }, rc, inWindow));
    expect(r.code).toBe('CTO7_BEFORE_AMHP_AGREEMENT');
  });

  it('refuses AMHP agreement before the examination (forms out of sequence)', () => {
    expect(
      refused(applyEvent(active(), { type: 'AMHP_AGREE_EXTENSION' }, amhp, inWindow)).code,
    ).toBe('CTO7_PART2_BEFORE_PART1');
  });

  it('refuses the CTO7 without a consultation', () => {
    let o = active();
    o = must(o, { type: 'EXAMINE_FOR_EXTENSION', examinedOn: '2026-02-20' }, rc, inWindow).order;
    o = must(o, { type: 'AMHP_AGREE_EXTENSION' }, amhp, inWindow).order;
    expect(refused(applyEvent(o, { type: 'FURNISH_CTO7' }, rc, inWindow)).code).toBe(
      'CONSULTATION_MISSING',
    );
  });

  it('refuses the CTO7 outside the window: before it opens, and after expiry', () => {
    const early = t('2026-02-01T10:00:00Z');
    const r = refused(applyEvent(active(), { type: 'FURNISH_CTO7' }, rc, early));
    expect(r.code).toBe('CTO7_OUTSIDE_WINDOW');
    expect(r.message).toContain('5 February 2026 to 4 April 2026');
    const late = t('2026-04-05T09:00:00+01:00');
    const after = refused(applyEvent(readyToFurnish(), { type: 'FURNISH_CTO7' }, rc, late));
    expect(after.code).toBe('ORDER_EXPIRED');
    expect(after.message).toContain('4 April 2026');
  });

  it('the CTO7 on the last day at 23:59 BST still counts; midnight is too late', () => {
    expect(
      applyEvent(readyToFurnish(), { type: 'FURNISH_CTO7' }, rc, t('2026-04-04T23:59:00+01:00')).ok,
    ).toBe(true);
    expect(
      refused(
        applyEvent(readyToFurnish(), { type: 'FURNISH_CTO7' }, rc, t('2026-04-05T00:00:00+01:00')),
      ).code,
    ).toBe('ORDER_EXPIRED');
  });

  it('a valid CTO7 extends the order, and creates the managers review due by the old expiry', () => {
    const r = must(readyToFurnish(), { type: 'FURNISH_CTO7' }, rc, t('2026-03-03T10:00:00Z'));
    expect(r.expiry).toBe('2026-10-04');
    expect(r.order.extensionsGranted).toBe(1);
    const review = r.tasks.find((task) => task.kind === 'MANAGERS_REVIEW_OF_EXTENSION');
    expect(review?.dueOn).toBe('2026-04-04');
    expect(r.clocks.find((c) => c.kind === 'EXTENSION_WINDOW')?.opensOn).toBe('2026-08-05');
    expect(r.clocks.find((c) => c.kind === 'PATIENT_APPLICATION_WINDOW')).toMatchObject({
      opensOn: '2026-04-05',
      date: '2026-10-04',
    });
    expect(r.completesTasks).toContain('ARRANGE_EXTENSION_EXAMINATION');
    // Managers: receipt (Part 4), then review; a late review warns.
    const receipt = must(
      r.order,
      { type: 'MANAGERS_RECEIVE_CTO7' },
      mha,
      t('2026-03-03T11:00:00Z'),
    );
    expect(
      refused(
        applyEvent(
          receipt.order,
          { type: 'MANAGERS_RECEIVE_CTO7' },
          mha,
          t('2026-03-03T12:00:00Z'),
        ),
      ).code,
    ).toBe('ALREADY_RECORDED');
    const late = must(
      receipt.order,
      { type: 'MANAGERS_REVIEW_EXTENSION' },
      manager,
      t('2026-04-10T11:00:00+01:00'),
    );
    expect(late.warnings[0]?.code).toBe('MANAGERS_REVIEW_LATE');
    expect(late.warnings[0]?.message).toContain('4 April 2026');
    // The order is not expired on 5 April: it was extended.
    expect(effectiveState(r.order, t('2026-04-06T12:00:00+01:00')).state).toBe('ACTIVE');
  });

  it('refuses Part 4 before Part 3', () => {
    expect(
      refused(applyEvent(readyToFurnish(), { type: 'MANAGERS_RECEIVE_CTO7' }, mha, inWindow)).code,
    ).toBe('CTO7_PART4_BEFORE_PART3');
  });
});

describe('time passing', () => {
  it('an ACTIVE order expires at the end of its last day in England', () => {
    const o = active();
    expect(effectiveState(o, t('2026-04-04T22:59:59Z')).state).toBe('ACTIVE'); // 23:59:59 BST
    const after = effectiveState(o, t('2026-04-04T23:00:00Z')); // 00:00 BST on 5 April
    expect(after.state).toBe('EXPIRED');
    expect(after.dueTimeEvents).toEqual(['EXPIRE']);
    expect(after.reason).toContain('4 April 2026');
    expect(allowedEvents(o, SYSTEM_ACTOR, t('2026-04-05T09:00:00+01:00'))).toEqual(['EXPIRE']);
    const r = must(o, { type: 'EXPIRE' }, SYSTEM_ACTOR, t('2026-04-05T09:00:00+01:00'));
    expect(r.state).toBe('EXPIRED');
    expect(r.order.endedAt?.toISOString()).toBe('2026-04-04T23:00:00.000Z');
  });

  it('EXPIRE before the end of the last day is refused', () => {
    expect(
      refused(
        applyEvent(active(), { type: 'EXPIRE' }, SYSTEM_ACTOR, t('2026-04-04T12:00:00+01:00')),
      ).code,
    ).toBe('NOT_DUE_YET');
  });

  it('people cannot record time events and the system cannot record people’s events', () => {
    expect(
      refused(applyEvent(active(), { type: 'EXPIRE' }, rc, t('2026-04-05T12:00:00+01:00'))).code,
    ).toBe('TIME_EVENT_ONLY');
    expect(
      refused(applyEvent(active(), { type: 'DISCHARGE_BY_RC' }, SYSTEM_ACTOR, MADE_AT)).code,
    ).toBe('NOT_A_SYSTEM_EVENT');
  });

  it('events cannot be in the future', () => {
    const r = refused(
      applyEvent(
        active(),
        { type: 'DISCHARGE_BY_RC', at: t('2026-01-11T00:00:00Z') },
        rc,
        t('2026-01-10T00:00:00Z'),
      ),
    );
    expect(r.code).toBe('EVENT_IN_FUTURE');
  });
});

describe('recall, detention, revocation', () => {
  it('recall of an order that has expired, been discharged or revoked is refused with the date', () => {
    const at = t('2026-04-06T10:00:00+01:00');
    const r = refused(
      applyEvent(
        active(),
        { type: 'SERVE_RECALL_NOTICE', method: 'HANDED_TO_PATIENT', handedOrPostedAt: at },
        rc,
        at,
      ),
    );
    expect(r.code).toBe('RECALL_OF_ENDED_ORDER');
    expect(r.message).toContain('expired (at the end of 4 April 2026)');
    const discharged = must(
      active(),
      { type: 'DISCHARGE_BY_RC' },
      rc,
      t('2026-01-09T10:00:00Z'),
    ).order;
    const d = refused(
      applyEvent(
        discharged,
        { type: 'SERVE_RECALL_NOTICE', method: 'HANDED_TO_PATIENT', handedOrPostedAt: at },
        rc,
        at,
      ),
    );
    expect(d.code).toBe('RECALL_OF_ENDED_ORDER');
    expect(d.message).toContain('discharged (on 9 January 2026)');
  });

  it('a posted notice that would be served after expiry is refused', () => {
    const posted = t('2026-04-02T15:00:00+01:00'); // Thursday before Easter: served Wed 8 April
    const r = refused(
      applyEvent(
        active(),
        { type: 'SERVE_RECALL_NOTICE', method: 'FIRST_CLASS_POST', handedOrPostedAt: posted },
        rc,
        posted,
      ),
    );
    expect(r.code).toBe('RECALL_OF_ENDED_ORDER');
    expect(r.message).toContain('8 April 2026');
    expect(r.message).toContain('4 April 2026');
  });

  it('CTO3 by email only is refused', () => {
    const at = t('2026-01-09T10:00:00Z');
    const r = refused(
      applyEvent(
        active(),
        { type: 'SERVE_RECALL_NOTICE', method: 'EMAIL', handedOrPostedAt: at },
        rc,
        at,
      ),
    );
    expect(r.code).toBe('CTO3_EMAIL_NOT_VALID_SERVICE');
  });

  it('CTO4 before the CTO3 is served is refused (posted notice)', () => {
    const posted = t('2026-01-08T15:00:00Z'); // Thu: served Mon 12 Jan 2026
    const o = must(
      active(),
      { type: 'SERVE_RECALL_NOTICE', method: 'FIRST_CLASS_POST', handedOrPostedAt: posted },
      rc,
      posted,
    ).order;
    expect(o.recall?.noticeServedAt.toISOString()).toBe('2026-01-12T00:00:00.000Z');
    const now = t('2026-01-10T12:00:00Z');
    const r = refused(applyEvent(o, { type: 'DETENTION_BEGINS', detentionBeganAt: now }, mha, now));
    expect(r.code).toBe('NOTICE_NOT_YET_SERVED');
    const later = t('2026-01-12T12:00:00Z');
    const early = refused(
      applyEvent(
        o,
        { type: 'DETENTION_BEGINS', detentionBeganAt: t('2026-01-11T20:00:00Z') },
        mha,
        later,
      ),
    );
    expect(early.code).toBe('CTO4_BEFORE_CTO3_SERVED');
    expect(early.message).toContain('Monday 12 January 2026 at 00:00 GMT');
    expect(must(o, { type: 'DETENTION_BEGINS', detentionBeganAt: later }, mha, later).state).toBe(
      'RECALLED',
    );
  });

  it('CTO4 starts the 72 hours and the release-or-revoke task', () => {
    const at = t('2026-01-09T23:47:00Z');
    const r = must(recallPending(), { type: 'DETENTION_BEGINS', detentionBeganAt: at }, mha, at);
    const clock = r.clocks.find((c) => c.kind === 'RECALL_72_HOURS');
    expect(clock?.instant?.toISOString()).toBe('2026-01-12T23:47:00.000Z');
    expect(r.tasks.find((task) => task.kind === 'RELEASE_OR_REVOKE')?.dueAt?.toISOString()).toBe(
      '2026-01-12T23:47:00.000Z',
    );
  });

  it('revocation without AMHP agreement is refused; with it, revokes and restarts the s3 clocks', () => {
    const o = recalled();
    const now = t('2026-01-11T10:00:00Z');
    const r = refused(applyEvent(o, { type: 'REVOKE' }, rc, now));
    expect(r.code).toBe('REVOCATION_WITHOUT_AMHP_AGREEMENT');
    expect(r.message).toContain('Monday 12 January 2026 at 23:47 GMT');
    const agreedRev = must(o, { type: 'AMHP_AGREE_REVOCATION' }, amhp, now).order;
    const done = must(agreedRev, { type: 'REVOKE' }, rc, t('2026-01-11T11:00:00Z'));
    expect(done.state).toBe('REVOKED');
    const kinds = Object.fromEntries(done.clocks.map((c) => [c.kind, c]));
    expect(kinds.DETENTION_EXPIRY?.date).toBe('2026-07-10'); // 6 months beginning 11 Jan 2026
    expect(kinds.DETENTION_RENEWAL_WINDOW?.opensOn).toBe('2026-05-11');
    expect(kinds.PATIENT_APPLICATION_WINDOW).toMatchObject({
      opensOn: '2026-01-11',
      date: '2026-07-10',
    });
    const ref = done.tasks.find((task) => task.kind === 'REFER_TO_TRIBUNAL');
    expect(ref).toMatchObject({ dueOn: '2026-01-11', overdueAfter: '2026-01-18' });
    expect(done.tasks.map((task) => task.kind)).toEqual(
      expect.arrayContaining([
        'ARRANGE_S58_CERTIFICATE',
        'GIVE_RIGHTS_INFORMATION',
        'RENEW_DETENTION',
      ]),
    );
  });

  it('revocation after the 72 hours is refused, and the order must be released', () => {
    const o = must(
      recalled(),
      { type: 'AMHP_AGREE_REVOCATION' },
      amhp,
      t('2026-01-12T10:00:00Z'),
    ).order;
    const late = t('2026-01-12T23:47:00Z');
    const r = refused(applyEvent(o, { type: 'REVOKE' }, rc, late));
    expect(r.code).toBe('REVOCATION_AFTER_72_HOURS');
    expect(r.message).toContain('Monday 12 January 2026 at 23:47 GMT');
    expect(applyEvent(o, { type: 'REVOKE' }, rc, t('2026-01-12T23:46:00Z')).ok).toBe(true);
    const eff = effectiveState(o, late);
    expect(eff.state).toBe('RECALLED');
    expect(eff.alerts.map((a) => a.code)).toContain('RELEASE_REQUIRED');
    expect(eff.dueTimeEvents).toEqual(['SEVENTY_TWO_HOURS_END']);
    const released = must(o, { type: 'SEVENTY_TWO_HOURS_END' }, SYSTEM_ACTOR, late);
    expect(released.state).toBe('ACTIVE');
    expect(released.order.recall?.endedAt?.toISOString()).toBe('2026-01-12T23:47:00.000Z');
    // An RC release recorded late is accepted, with a warning.
    const rel = must(o, { type: 'RELEASE_FROM_RECALL' }, rc, t('2026-01-13T09:00:00Z'));
    expect(rel.warnings[0]?.code).toBe('RELEASED_AFTER_72_HOURS');
  });

  it('a transfer (CTO6) does not restart the 72 hours', () => {
    const r = must(recalled(), { type: 'TRANSFER_DURING_RECALL' }, mha, t('2026-01-11T10:00:00Z'));
    expect(r.clocks[0]?.instant?.toISOString()).toBe('2026-01-12T23:47:00.000Z');
    expect(r.clocks[0]?.explain).toContain('s17F(3)');
  });

  it('s21(4): AWOL on the day the 72 hours would end -> 72 hours from the return', () => {
    let o = must(recalled(), { type: 'AWOL_BEGINS' }, mha, t('2026-01-12T09:00:00Z')).order;
    expect(effectiveState(o, t('2026-01-13T09:00:00Z')).alerts.map((a) => a.code)).toContain(
      'AWAITING_RETURN_72_HOURS',
    );
    const back = must(o, { type: 'AWOL_ENDS' }, mha, t('2026-01-14T15:00:00Z'));
    o = back.order;
    expect(back.state).toBe('RECALLED');
    expect(back.clocks.find((c) => c.kind === 'RECALL_72_HOURS')?.instant?.toISOString()).toBe(
      '2026-01-17T15:00:00.000Z',
    );
    expect(
      applyEvent(
        must(o, { type: 'AMHP_AGREE_REVOCATION' }, amhp, t('2026-01-16T10:00:00Z')).order,
        { type: 'REVOKE' },
        rc,
        t('2026-01-16T11:00:00Z'),
      ).ok,
    ).toBe(true);
  });
});

describe('AWOL at expiry (C12, cto-law 8.10)', () => {
  // Expiry 4 Apr 2026; recalled (notice handed over 31 Mar), AWOL from 1 Apr, returned 20 Apr.
  function awolAroundExpiry(): OrderSnapshot {
    const served = t('2026-03-31T10:00:00+01:00');
    let o = must(
      active(),
      { type: 'SERVE_RECALL_NOTICE', method: 'HANDED_TO_PATIENT', handedOrPostedAt: served },
      rc,
      served,
    ).order;
    o = must(o, { type: 'AWOL_BEGINS' }, mha, t('2026-04-01T09:00:00+01:00')).order;
    return o;
  }

  it('the order does not expire while the patient is absent', () => {
    const o = awolAroundExpiry();
    const eff = effectiveState(o, t('2026-04-10T12:00:00+01:00'));
    expect(eff.state).toBe('AWOL');
    expect(inForceUntil(o)).toBe('2026-09-30'); // s18 limit: 6 months beginning with 1 April
  });

  it('returned 20 Apr: continues to 26 Apr; CTO7 possible until then, extension from 5 Apr', () => {
    const back = must(
      awolAroundExpiry(),
      { type: 'AWOL_ENDS' },
      mha,
      t('2026-04-20T14:00:00+01:00'),
    );
    let o = back.order;
    expect(back.warnings.find((w) => w.code === 'ORDER_CONTINUES_BECAUSE_AWOL')?.message).toContain(
      '26 April 2026',
    );
    expect(inForceUntil(o)).toBe('2026-04-26');
    expect(back.tasks.map((task) => task.kind)).toContain('COMPLETE_CTO4');
    expect(o.recall?.detentionBeganAt?.toISOString()).toBe('2026-04-20T13:00:00.000Z');
    expect(effectiveState(o, t('2026-04-26T23:00:00+01:00')).state).toBe('RECALLED');
    expect(effectiveState(o, t('2026-04-27T00:00:00+01:00')).state).toBe('EXPIRED');
    // Release, then extend in the s21A time.
    o = must(o, { type: 'RELEASE_FROM_RECALL' }, rc, t('2026-04-21T09:00:00+01:00')).order;
    expect(effectiveState(o, t('2026-04-22T09:00:00+01:00')).state).toBe('ACTIVE');
    o = must(
      o,
      { type: 'EXAMINE_FOR_EXTENSION', examinedOn: '2026-04-22' },
      rc,
      t('2026-04-22T10:00:00+01:00'),
    ).order;
    o = must(
      o,
      { type: 'CONSULT_FOR_EXTENSION', consultedOn: '2026-04-22' },
      rc,
      t('2026-04-22T10:00:00+01:00'),
    ).order;
    o = must(o, { type: 'AMHP_AGREE_EXTENSION' }, amhp, t('2026-04-23T10:00:00+01:00')).order;
    const ext = must(o, { type: 'FURNISH_CTO7' }, rc, t('2026-04-24T10:00:00+01:00'));
    expect(ext.expiry).toBe('2026-10-04'); // runs from 5 April 2026
    expect(ext.warnings.find((w) => w.code === 'ORDER_CONTINUES_BECAUSE_AWOL')?.message).toContain(
      '5 April 2026',
    );
  });

  it('returned after 28 days: CTO8 within a week of return, or the order ends', () => {
    const back = must(
      awolAroundExpiry(),
      { type: 'AWOL_ENDS' },
      mha,
      t('2026-05-10T14:00:00+01:00'),
    );
    expect(back.clocks.find((c) => c.kind === 'CTO8_DUE')?.date).toBe('2026-05-16');
    expect(back.tasks.map((task) => task.kind)).toContain('ARRANGE_CTO8');
    const o = back.order;
    expect(allowedEvents(o, rc, t('2026-05-11T10:00:00+01:00'))).toContain('FURNISH_CTO8');
    const cto8 = must(
      o,
      {
        type: 'FURNISH_CTO8',
        examinedOn: '2026-05-11',
        amhpAgreedAt: t('2026-05-12T09:00:00+01:00'),
      },
      rc,
      t('2026-05-12T10:00:00+01:00'),
    );
    expect(cto8.expiry).toBe('2026-10-04');
    expect(effectiveState(o, t('2026-05-17T00:00:00+01:00')).state).toBe('EXPIRED');
  });
});

describe('nearest relative (C11)', () => {
  const received = t('2026-01-05T10:00:00Z');

  it('discharge takes effect 72 hours after receipt unless barred', () => {
    const o = must(active(), { type: 'NR_DISCHARGE_ORDER_RECEIVED' }, mha, received).order;
    expect(effectiveState(o, t('2026-01-08T09:59:00Z')).state).toBe('ACTIVE');
    expect(effectiveState(o, t('2026-01-08T09:59:00Z')).alerts[0]?.code).toBe(
      'NR_DISCHARGE_PENDING',
    );
    const eff = effectiveState(o, t('2026-01-08T10:00:00Z'));
    expect(eff.state).toBe('DISCHARGED');
    expect(eff.dueTimeEvents).toEqual(['NR_DISCHARGE_TAKES_EFFECT']);
    expect(
      refused(applyEvent(o, { type: 'NR_BARRING_REPORT' }, rc, t('2026-01-08T10:00:00Z'))).code,
    ).toBe('ORDER_ENDED');
    expect(
      must(o, { type: 'NR_DISCHARGE_TAKES_EFFECT' }, SYSTEM_ACTOR, t('2026-01-08T11:00:00Z')).state,
    ).toBe('DISCHARGED');
  });

  it('a barring report opens the NR tribunal window and bars a new order for 6 months', () => {
    let o = must(active(), { type: 'NR_DISCHARGE_ORDER_RECEIVED' }, mha, received).order;
    const barred = must(o, { type: 'NR_BARRING_REPORT' }, rc, t('2026-01-06T10:00:00Z'));
    o = barred.order;
    expect(barred.clocks.find((c) => c.kind === 'NEAREST_RELATIVE_TRIBUNAL_WINDOW')).toMatchObject({
      opensOn: '2026-01-06',
      date: '2026-02-02',
    });
    expect(barred.clocks.find((c) => c.kind === 'NR_BAR')?.date).toBe('2026-07-05');
    expect(effectiveState(o, t('2026-01-09T10:00:00Z')).state).toBe('ACTIVE');
    const again = refused(
      applyEvent(o, { type: 'NR_DISCHARGE_ORDER_RECEIVED' }, mha, t('2026-03-01T10:00:00Z')),
    );
    expect(again.code).toBe('NR_BARRED');
    expect(again.message).toContain('5 July 2026');
  });
});

describe('roles and other checks', () => {
  it('only the RC recalls; the message names who can', () => {
    const at = t('2026-01-09T10:00:00Z');
    const event = {
      type: 'SERVE_RECALL_NOTICE',
      method: 'HANDED_TO_PATIENT',
      handedOrPostedAt: at,
    } as const;
    const r = refused(applyEvent(active(), event, careCoordinator, at));
    expect(r.code).toBe('ROLE_NOT_PERMITTED');
    expect(r.message).toContain('responsible clinician');
    expect(r.message).toContain('care coordinator');
    expect(
      refused(applyEvent(active(), event, { ...rc, isResponsibleClinicianForPatient: false }, at))
        .code,
    ).toBe('NOT_PATIENTS_RESPONSIBLE_CLINICIAN');
    expect(allowedEvents(active(), auditor, at)).toEqual([]);
  });

  it('CTO12 needs the approved clinician; consent withdrawn needs a CTO11 at once', () => {
    const at = t('2026-01-09T10:00:00Z');
    expect(
      refused(
        applyEvent(
          active(),
          {
            type: 'CERTIFICATE_GIVEN',
            certificateId: 'c1',
            certificate: 'CTO12',
            givenOn: '2026-01-09',
          },
          mha,
          at,
        ),
      ).code,
    ).toBe('CTO12_NEEDS_APPROVED_CLINICIAN');
    const o = must(
      active(),
      {
        type: 'CERTIFICATE_GIVEN',
        certificateId: 'c1',
        certificate: 'CTO12',
        givenOn: '2026-01-09',
      },
      rc,
      at,
    ).order;
    const w = must(
      o,
      {
        type: 'CERTIFICATE_ENDED',
        certificateId: 'c1',
        reason: 'CONSENT_WITHDRAWN',
      },
      rc,
      at,
    );
    expect(w.tasks[0]).toMatchObject({ kind: 'ARRANGE_CTO11', dueOn: '2026-01-09' });
    expect(w.order.certificates[0]).toMatchObject({
      status: 'ENDED',
      endReason: 'CONSENT_WITHDRAWN',
    });
  });

  it('a tribunal reference while recalled is due in 3 weeks, with a nursing report', () => {
    const r = must(
      recalled(),
      {
        type: 'TRIBUNAL_CASE_OPENED',
        kind: 'APPLICATION',
        applicant: 'PATIENT',
        receivedOn: '2026-01-10',
      },
      mha,
      t('2026-01-10T12:00:00Z'),
    );
    expect(r.tasks[0]).toMatchObject({ kind: 'SUBMIT_TRIBUNAL_DOCUMENTS', dueOn: '2026-02-02' }); // 31 Jan is a Saturday
    expect(r.tasks[0]?.title).toContain('nursing report');
  });

  it('rights information: both ways, or a warning; the target is configurable', () => {
    const at = t('2026-01-09T10:00:00Z');
    expect(
      refused(
        applyEvent(
          active(),
          { type: 'RIGHTS_INFORMATION_GIVEN', givenOrally: false, givenInWriting: false },
          careCoordinator,
          at,
        ),
      ).code,
    ).toBe('RIGHTS_INFORMATION_EMPTY');
    const partial = must(
      active(),
      { type: 'RIGHTS_INFORMATION_GIVEN', givenOrally: true, givenInWriting: false },
      careCoordinator,
      at,
    );
    expect(partial.warnings[0]?.code).toBe('RIGHTS_INFORMATION_PARTIAL');
    const made = applyEvent(agreed(), { type: 'MAKE', effectiveAt: MADE_AT }, rc, MADE_AT, {
      rightsInformationTargetDays: 3,
    });
    expect(
      made.ok && made.tasks.find((task) => task.kind === 'GIVE_RIGHTS_INFORMATION')?.dueOn,
    ).toBe('2025-10-08');
  });

  it('conditions: suspend and reinstate; variation needs no AMHP', () => {
    const at = t('2026-01-09T10:00:00Z');
    let o = must(active(), { type: 'SUSPEND_CONDITION', conditionId: 'd-residence' }, rc, at).order;
    expect(
      refused(applyEvent(o, { type: 'SUSPEND_CONDITION', conditionId: 'd-residence' }, rc, at))
        .code,
    ).toBe('CONDITION_NOT_IN_FORCE');
    o = must(o, { type: 'REINSTATE_CONDITION', conditionId: 'd-residence' }, rc, at).order;
    const varied = must(
      o,
      {
        type: 'VARY_CONDITIONS',
        conditions: [
          { id: 'm-exam', kind: 'MANDATORY' },
          { id: 'd-new', kind: 'DISCRETIONARY', text: 'Attend the clinic' },
        ],
      },
      rc,
      at,
    );
    expect(varied.order.conditions.find((c) => c.id === 'd-residence')?.status).toBe('ENDED');
    expect(varied.order.conditions.find((c) => c.id === 'd-new')).toMatchObject({
      status: 'ACTIVE',
      amhpAgreed: false,
    });
    expect(varied.tasks.map((task) => task.kind)).toEqual([
      'GIVE_RIGHTS_INFORMATION',
      'FURNISH_FORM_TO_MANAGERS',
    ]);
  });

  it('death ends the order from any live state', () => {
    const r = must(
      recalled(),
      { type: 'DEATH', diedOn: '2026-01-10' },
      mha,
      t('2026-01-10T12:00:00Z'),
    );
    expect(r.state).toBe('DIED');
    expect(r.tasks[0]?.kind).toBe('NOTIFY_CQC_OF_DEATH');
    expect(
      refused(
        applyEvent(
          active(),
          { type: 'DEATH', diedOn: '2026-02-10' },
          mha,
          t('2026-01-10T12:00:00Z'),
        ),
      ).code,
    ).toBe('EVENT_IN_FUTURE');
  });

  it('assignment of responsibility (CTO10) does not change any date', () => {
    const o = active();
    const r = must(
      o,
      { type: 'ASSIGN_RESPONSIBILITY', toHospital: 'St Elsewhere' },
      mha,
      t('2026-01-09T10:00:00Z'),
    );
    expect(currentExpiry(r.order)).toBe(currentExpiry(o));
    expect(r.order.madeOn).toBe(o.madeOn);
  });
});

describe('end reasons, recall outcomes, AMHP declines, alerts', () => {
  it('gives the Prisma CtoEndReason of every ending', () => {
    const at = t('2026-01-09T10:00:00Z');
    expect(must(active(), { type: 'DISCHARGE_BY_RC' }, rc, at).endReason).toBe(
      'DISCHARGED_BY_RESPONSIBLE_CLINICIAN',
    );
    expect(must(active(), { type: 'DISCHARGE_BY_MANAGERS' }, manager, at).endReason).toBe(
      'DISCHARGED_BY_HOSPITAL_MANAGERS',
    );
    expect(must(active(), { type: 'DISCHARGE_BY_TRIBUNAL' }, mha, at).endReason).toBe(
      'DISCHARGED_BY_TRIBUNAL',
    );
    expect(must(active(), { type: 'DEATH', diedOn: '2026-01-08' }, mha, at).endReason).toBe('DIED');
    expect(
      must(active(), { type: 'EXPIRE' }, SYSTEM_ACTOR, t('2026-04-05T12:00:00+01:00')).endReason,
    ).toBe('EXPIRED');
    expect(must(active(), { type: 'VARY_CONDITIONS', conditions: [] }, rc, at).endReason).toBe(
      undefined,
    );
    const nr = must(active(), { type: 'NR_DISCHARGE_ORDER_RECEIVED' }, mha, at).order;
    expect(
      must(nr, { type: 'NR_DISCHARGE_TAKES_EFFECT' }, SYSTEM_ACTOR, t('2026-01-12T10:00:00Z'))
        .endReason,
    ).toBe('DISCHARGED_BY_NEAREST_RELATIVE');
  });

  it('expiry after an absence of more than 28 days without a CTO8 is NOT_EXTENDED_AFTER_AWOL', () => {
    const served = t('2026-03-31T10:00:00+01:00');
    let o = must(
      active(),
      { type: 'SERVE_RECALL_NOTICE', method: 'HANDED_TO_PATIENT', handedOrPostedAt: served },
      rc,
      served,
    ).order;
    o = must(o, { type: 'AWOL_BEGINS' }, mha, t('2026-04-01T09:00:00+01:00')).order;
    o = must(o, { type: 'AWOL_ENDS' }, mha, t('2026-05-10T14:00:00+01:00')).order;
    const r = must(o, { type: 'EXPIRE' }, SYSTEM_ACTOR, t('2026-05-17T09:00:00+01:00'));
    expect(r.endReason).toBe('NOT_EXTENDED_AFTER_AWOL');
    expect(r.order.endedAt?.toISOString()).toBe('2026-05-16T23:00:00.000Z');
    expect(r.order.recall?.outcome).toBe('ORDER_ENDED');
    expect(r.warnings.map((w) => w.code)).toContain('EXPIRED_DURING_RECALL');
  });

  it('records the recall outcome (Prisma RecallOutcome)', () => {
    expect(recallPending().recall?.outcome).toBe('ONGOING');
    expect(
      must(recalled(), { type: 'RELEASE_FROM_RECALL' }, rc, t('2026-01-10T12:00:00Z')).order.recall
        ?.outcome,
    ).toBe('RELEASED');
    expect(
      must(recalled(), { type: 'SEVENTY_TWO_HOURS_END' }, SYSTEM_ACTOR, t('2026-01-13T00:00:00Z'))
        .order.recall?.outcome,
    ).toBe('RELEASED_AT_72_HOURS');
    const agreedRev = must(
      recalled(),
      { type: 'AMHP_AGREE_REVOCATION' },
      amhp,
      t('2026-01-10T12:00:00Z'),
    );
    expect(
      must(agreedRev.order, { type: 'REVOKE' }, rc, t('2026-01-10T13:00:00Z')).order.recall
        ?.outcome,
    ).toBe('REVOKED');
  });

  it('an AMHP can decline revocation; a later agreement still allows it in time', () => {
    const declined = must(
      recalled(),
      { type: 'AMHP_DECLINE_REVOCATION' },
      amhp,
      t('2026-01-10T12:00:00Z'),
    );
    expect(declined.warnings[0]?.code).toBe('AMHP_DECLINED');
    expect(declined.warnings[0]?.message).toContain('Monday 12 January 2026 at 23:47 GMT');
    expect(
      refused(applyEvent(declined.order, { type: 'REVOKE' }, rc, t('2026-01-10T13:00:00Z'))).code,
    ).toBe('REVOCATION_WITHOUT_AMHP_AGREEMENT');
    const other = must(
      declined.order,
      { type: 'AMHP_AGREE_REVOCATION' },
      { userId: 'amhp-2', roles: ['AMHP'] },
      t('2026-01-11T12:00:00Z'),
    );
    expect(applyEvent(other.order, { type: 'REVOKE' }, rc, t('2026-01-11T13:00:00Z')).ok).toBe(
      true,
    );
  });

  it('an AMHP can decline an extension; the CTO7 is then refused', () => {
    const at = t('2026-03-01T10:00:00Z');
    let o = must(
      active(),
      { type: 'EXAMINE_FOR_EXTENSION', examinedOn: '2026-02-20' },
      rc,
      at,
    ).order;
    o = must(o, { type: 'CONSULT_FOR_EXTENSION', consultedOn: '2026-02-21' }, rc, at).order;
    const d = must(o, { type: 'AMHP_DECLINE_EXTENSION' }, amhp, at);
    expect(d.warnings[0]?.message).toContain('4 April 2026');
    expect(refused(applyEvent(d.order, { type: 'FURNISH_CTO7' }, rc, at)).code).toBe(
      'CTO7_BEFORE_AMHP_AGREEMENT',
    );
  });

  it('alerts while the renewal (extension) window is open', () => {
    const before = effectiveState(active(), t('2026-02-04T12:00:00Z'));
    expect(before.alerts.map((a) => a.code)).not.toContain('EXTENSION_WINDOW_OPEN');
    const open = effectiveState(active(), t('2026-02-05T12:00:00Z'));
    expect(open.alerts.find((a) => a.code === 'EXTENSION_WINDOW_OPEN')?.message).toContain(
      '5 February 2026 to 4 April 2026',
    );
  });
});
