import type { Metadata } from 'next';
import { can } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { loadOrderPage } from '@/lib/server/queries/get-order-page';
import { NoPermission } from '@/components/ui/no-permission';
import { OrderPageFrame } from '@/components/orders/order-flow-frame';
import { ContactFrequencyForm } from '@/components/orders/contact-frequency-form';
import { contactFrequencyAction } from './actions';

export const metadata: Metadata = { title: 'How often the patient is seen' };

export default async function ContactFrequencyPage({
  params,
}: {
  params: Promise<{ patientId: string; orderId: string }>;
}) {
  const page = await loadOrderPage(params, 'contact-frequency');
  if (!page.ok || !can(page.actor.roles, 'set:contact-frequency')) {
    return <NoPermission what="how often this patient is seen" />;
  }
  const { view } = page;
  const current = view.order.contactFrequencyDays;
  return (
    <OrderPageFrame
      patientId={view.order.patientId}
      patientName={page.patientName}
      state={view.effective.state}
      title="How often the patient is seen"
    >
      <p className="nhsuk-body">
        Now:{' '}
        {current === null
          ? `every ${env.CONTACT_FREQUENCY_DAYS} days (the trust’s default)`
          : `every ${current} days`}
        . A contact is due this many days after the last one; the dashboards show it as overdue
        after that.
      </p>
      <ContactFrequencyForm
        action={contactFrequencyAction}
        orderId={view.order.id}
        version={view.order.version}
        idempotencyKey={page.idempotencyKey}
        current={current}
        trustDefault={env.CONTACT_FREQUENCY_DAYS}
      />
    </OrderPageFrame>
  );
}
