import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { listContacts } from '@/lib/server/queries/list-contacts';
import { can } from '@/lib/auth/permissions';
import { londonDateOf } from '@/lib/server/dates';
import { PatientCaption } from '@/components/social/patient-caption';
import { ContactForm } from '@/components/social/contact-form';
import { NoPermission } from '@/components/ui/no-permission';
import { recordContactAction } from './actions';

export const metadata: Metadata = { title: 'Record a contact' };

const CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export default async function NewContactPage({
  params,
}: {
  params: Promise<{ patientId: string }>;
}) {
  const actor = await requireActor();
  const { patientId } = await params;
  if (!can(actor.roles, 'record:contact')) return <NoPermission what="the contact form" />;
  let patient;
  try {
    // The last contact is shown for context; it also checks the patient is on this person's list.
    ({ patient } = await listContacts(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/contacts/new`) },
      patientId,
      { pageSize: 1 },
    ));
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return <NoPermission what="this patient’s contacts" />;
    throw error;
  }
  const now = new Date();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href={`/patients/${patient.id}/contacts`}>
          Back to contacts
        </Link>
        <PatientCaption patient={patient} />
        <h1>Record a contact</h1>
        <ContactForm
          action={recordContactAction.bind(null, patient.id)}
          today={londonDateOf(now)}
          nowTime={CLOCK.format(now)}
          idempotencyKey={randomUUID()}
        />
      </div>
    </div>
  );
}
