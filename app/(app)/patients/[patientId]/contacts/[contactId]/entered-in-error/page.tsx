import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { listContacts } from '@/lib/server/queries/list-contacts';
import { CONTACT_MODE_LABELS } from '@/lib/codes/labels';
import { formatDateTime } from '@/lib/format';
import { PatientCaption } from '@/components/social/patient-caption';
import { EnteredInErrorForm } from '@/components/social/entered-in-error-form';
import { NoPermission } from '@/components/ui/no-permission';
import { markContactEnteredInErrorAction } from './actions';

export const metadata: Metadata = { title: 'Mark a contact as entered in error' };

export default async function ContactEnteredInErrorPage({
  params,
}: {
  params: Promise<{ patientId: string; contactId: string }>;
}) {
  const actor = await requireActor();
  const { patientId, contactId } = await params;
  let list;
  try {
    list = await listContacts(
      {
        actor,
        meta: await getRequestMeta(`/patients/${patientId}/contacts/${contactId}/entered-in-error`),
      },
      patientId,
      { pageSize: 100 },
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return <NoPermission what="this patient’s contacts" />;
    throw error;
  }
  const contact = list.items.find((c) => c.id === contactId);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href={`/patients/${patientId}/contacts`}>
          Back to contacts
        </Link>
        <PatientCaption patient={list.patient} />
        <h1>Mark a contact as entered in error</h1>
        {contact ? (
          <p>
            The contact on <strong>{formatDateTime(contact.occurredAt)}</strong> (
            {CONTACT_MODE_LABELS[contact.mode].toLowerCase()}, by {contact.staffName}) will stay in
            the record, struck through with your reason.
          </p>
        ) : (
          <p>The contact will stay in the record, struck through with your reason.</p>
        )}
        {contact?.enteredInError ? (
          <p>This contact is already marked as entered in error.</p>
        ) : (
          <EnteredInErrorForm
            action={markContactEnteredInErrorAction.bind(null, patientId, contactId)}
            what="contact"
          />
        )}
      </div>
    </div>
  );
}
