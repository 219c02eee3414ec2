// What each queued item tells whom, and the words of a digest (issue 8 §3): pure.
import { describe, expect, it } from 'vitest';
import { countLine, KINDS } from '@/lib/server/notifications/catalogue';
import { digestPersonalisation } from '@/lib/server/notifications/digests';
import { kindOf } from '@/lib/server/notifications/process-outbox';

describe('kindOf', () => {
  it('recalls and AMHP requests are immediate; an answer and an expiry are routine', () => {
    expect(kindOf('order-event.recorded', { type: 'SERVE_RECALL_NOTICE' })?.priority).toBe(
      'IMMEDIATE',
    );
    expect(kindOf('order-event.recorded', { type: 'DETENTION_BEGINS' })?.priority).toBe(
      'IMMEDIATE',
    );
    expect(kindOf('amhp-agreement.requested', { purpose: 'EXTENSION' })).toMatchObject({
      priority: 'IMMEDIATE',
      audiences: ['AMHP'],
    });
    expect(kindOf('notify.amhp-agreement-requested', { purpose: 'MAKING' })?.body).toContain(
      's17A',
    );
    expect(kindOf('notify.amhp-agreement-answered', {})?.priority).toBe('ROUTINE');
    expect(kindOf('order-event.recorded', { type: 'EXPIRE' })?.kind).toBe('ORDER_EXPIRED');
  });

  it('an order event nobody needs telling of, and a topic of another consumer, make nothing', () => {
    expect(kindOf('order-event.recorded', { type: 'FURNISH_CTO7' })).toBeNull();
    expect(kindOf('document.cto1', {})).toBeNull();
  });

  it('a recall reaches the RC, the care coordinators and the MHA office', () => {
    expect(KINDS.recallServed.audiences).toEqual(['RC', 'CC', 'MHA_OFFICE']);
  });
});

describe('the digest', () => {
  it('counts by kind, most first, with a link to the inbox and nothing else', () => {
    const p = digestPersonalisation(
      [
        { kind: 'RECALL', count: 1 },
        { kind: 'DEADLINE_OVERDUE', count: 3 },
        { kind: 'SOMETHING_NEW', count: 2 },
      ],
      'https://cto.example.nhs.uk/',
    );
    expect(p).toEqual({
      count: '6',
      summary: [
        '* 3 statutory items overdue',
        '* 2 other notifications',
        '* 1 recall to hospital',
      ].join('\n'),
      link: 'https://cto.example.nhs.uk/inbox',
    });
  });

  it('says one or many', () => {
    expect(countLine('AMHP_AGREEMENT_REQUESTED', 1)).toBe(
      '1 request for your agreement as an AMHP',
    );
    expect(countLine('AMHP_AGREEMENT_REQUESTED', 2)).toBe(
      '2 requests for your agreement as an AMHP',
    );
  });
});
