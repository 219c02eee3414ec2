/**
 * Builders for lifecycle tests: orders in every state, reached by applying real events (so a
 * fixture can never be a state the engine itself could not produce).
 */
import {
  ROLES,
  SYSTEM_ACTOR,
  applyEvent,
  type Actor,
  type EventOutcome,
  type OrderEvent,
  type OrderSnapshot,
  type OrderState,
} from '@/lib/cto';

export const rc: Actor = { userId: 'rc-1', roles: ['RESPONSIBLE_CLINICIAN'] };
export const amhp: Actor = { userId: 'amhp-1', roles: ['AMHP'] };
export const mha: Actor = { userId: 'mha-1', roles: ['MHA_ADMINISTRATOR'] };
export const manager: Actor = { userId: 'hm-1', roles: ['HOSPITAL_MANAGER'] };
export const careCoordinator: Actor = { userId: 'cc-1', roles: ['CARE_COORDINATOR'] };
export const auditor: Actor = { userId: 'aud-1', roles: ['AUDITOR'] };
/** Holds every role: isolates state and time checks from role checks. */
export const everyone: Actor = { userId: 'all', roles: [...ROLES] };
export { SYSTEM_ACTOR };

export const t = (iso: string): Date => new Date(iso);

/** Applies an event and fails loudly if it is refused. */
export function must(
  order: OrderSnapshot | null,
  event: OrderEvent,
  actor: Actor,
  now: Date,
): Extract<EventOutcome, { ok: true }> {
  const result = applyEvent(order, event, actor, now);
  if (!result.ok) throw new Error(`${event.type} refused: ${result.code}: ${result.message}`);
  return result;
}

export const MADE_AT = t('2025-10-05T12:00:00+01:00'); // made 5 Oct 2025: expiry 4 Apr 2026

export function proposed(legalStatusCode = '03'): OrderSnapshot {
  return must(
    null,
    {
      type: 'PROPOSE',
      legalStatusCode,
      conditions: [
        { id: 'm-exam', kind: 'MANDATORY', text: 'Make yourself available for examination (s20A)' },
        { id: 'd-residence', kind: 'DISCRETIONARY', text: 'Live at 1 High Street' },
      ],
    },
    rc,
    t('2025-10-05T09:00:00+01:00'),
  ).order;
}

export function agreed(): OrderSnapshot {
  return must(proposed(), { type: 'AMHP_AGREE_MAKING' }, amhp, t('2025-10-05T11:00:00+01:00'))
    .order;
}

export function active(): OrderSnapshot {
  return must(agreed(), { type: 'MAKE', effectiveAt: MADE_AT }, rc, MADE_AT).order;
}

/** Served by hand on Fri 9 Jan 2026 10:00 GMT. */
export function recallPending(): OrderSnapshot {
  const at = t('2026-01-09T10:00:00Z');
  return must(
    active(),
    { type: 'SERVE_RECALL_NOTICE', method: 'HANDED_TO_PATIENT', handedOrPostedAt: at },
    rc,
    at,
  ).order;
}

/** Detention began Fri 9 Jan 2026 23:47 GMT: the 72 hours end Mon 12 Jan 2026 23:47. */
export function recalled(): OrderSnapshot {
  const at = t('2026-01-09T23:47:00Z');
  return must(recallPending(), { type: 'DETENTION_BEGINS', detentionBeganAt: at }, mha, at).order;
}

export interface StateFixture {
  readonly order: OrderSnapshot | null;
  readonly now: Date;
}

const NOW = t('2026-01-10T12:00:00Z');

export function fixture(state: OrderState | 'NONE'): StateFixture {
  switch (state) {
    case 'NONE':
      return { order: null, now: NOW };
    case 'PROPOSED':
      return { order: proposed(), now: NOW };
    case 'AGREED':
      return { order: agreed(), now: NOW };
    case 'DECLINED':
      return {
        order: must(proposed(), { type: 'AMHP_DECLINE_MAKING' }, amhp, NOW).order,
        now: NOW,
      };
    case 'AWAITING_EFFECT': {
      const signed = t('2026-01-10T10:00:00Z');
      const order = must(
        agreed(),
        { type: 'MAKE', effectiveAt: t('2026-01-12T09:00:00Z') },
        rc,
        signed,
      ).order;
      return { order, now: NOW };
    }
    case 'ACTIVE':
      return { order: active(), now: NOW };
    case 'RECALL_PENDING':
      return { order: recallPending(), now: NOW };
    case 'RECALLED':
      return { order: recalled(), now: NOW };
    case 'AWOL':
      return {
        order: must(recalled(), { type: 'AWOL_BEGINS' }, mha, t('2026-01-10T08:00:00Z')).order,
        now: NOW,
      };
    case 'REVOKED': {
      let order = must(
        recalled(),
        { type: 'AMHP_AGREE_REVOCATION' },
        amhp,
        t('2026-01-10T09:00:00Z'),
      ).order;
      order = must(order, { type: 'REVOKE' }, rc, t('2026-01-10T10:00:00Z')).order;
      return { order, now: NOW };
    }
    case 'DISCHARGED':
      return {
        order: must(active(), { type: 'DISCHARGE_BY_RC' }, rc, t('2026-01-09T10:00:00Z')).order,
        now: NOW,
      };
    case 'EXPIRED': {
      const now = t('2026-04-10T12:00:00+01:00');
      return { order: must(active(), { type: 'EXPIRE' }, SYSTEM_ACTOR, now).order, now };
    }
    case 'DIED':
      return {
        order: must(
          active(),
          { type: 'DEATH', diedOn: '2026-01-08' },
          mha,
          t('2026-01-09T10:00:00Z'),
        ).order,
        now: NOW,
      };
  }
}
