import Link from 'next/link';
import type { EventAvailability } from '@/lib/cto';
import { actionHref } from '@/lib/ui/order-actions';

/**
 * Steps that wait only on an AMHP's agreement: the person who will take them asks for it on the
 * same page, so the step is offered with that said (revocation during a recall, the CTO7).
 */
const WAITING_FOR_AMHP = new Set([
  'REVOCATION_WITHOUT_AMHP_AGREEMENT',
  'CTO7_BEFORE_AMHP_AGREEMENT',
]);

/** The actions lib/cto allows this person now, as links to their forms. */
export function OrderActions({
  patientId,
  orderId,
  events,
  renewal = null,
}: {
  patientId: string;
  orderId: string;
  events: EventAvailability[];
  /**
   * The renewal is offered now (from 28 days before its window opens, decision 772): its task
   * list is linked even while the law still refuses its first step (the window not yet open).
   */
  renewal?: { opensText: string; open: boolean } | null;
}) {
  const seen = new Set<string>();
  const links = events
    .filter((e) => e.allowed || (e.code !== undefined && WAITING_FOR_AMHP.has(e.code)))
    .map((e) => ({ ...e, href: actionHref(patientId, orderId, e.type) }))
    .filter((e): e is typeof e & { href: string } => {
      if (!e.href || seen.has(e.href + e.label)) return false;
      seen.add(e.href + e.label);
      return true;
    });
  const renewalHref = `/patients/${patientId}/orders/${orderId}/extension`;
  const renewalLink =
    renewal && !links.some((e) => e.href === renewalHref) ? (
      <li key="renewal">
        <Link className="nhsuk-link" href={renewalHref}>
          Renewal (extension): the steps
        </Link>
        <span className="nhsuk-body-s">
          {' '}
          (the renewal window {renewal.open ? 'opened' : 'opens'} on {renewal.opensText})
        </span>
      </li>
    ) : null;
  if (links.length === 0 && !renewalLink) {
    return <p className="nhsuk-body">There is nothing you can record on this order now.</p>;
  }
  return (
    <ul className="nhsuk-list" aria-label="What you can do now">
      {links.map((e) => (
        <li key={e.type}>
          <Link className="nhsuk-link" href={e.href}>
            {e.label}
          </Link>
          {e.form || !e.allowed ? (
            <span className="nhsuk-body-s">
              {' '}
              (
              {[e.form, e.allowed ? null : 'an AMHP must agree first: ask on that page']
                .filter(Boolean)
                .join('; ')}
              )
            </span>
          ) : null}
        </li>
      ))}
      {renewalLink}
    </ul>
  );
}
