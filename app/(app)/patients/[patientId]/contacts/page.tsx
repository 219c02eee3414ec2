import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied, NotFound } from '@/lib/server/queries/access';
import { listContacts } from '@/lib/server/queries/list-contacts';
import { can } from '@/lib/auth/permissions';
import { CARE_ACTIVITY_KIND_LABELS, CONTACT_MODE_LABELS } from '@/lib/codes/labels';
import { formatDateTime } from '@/lib/format';
import { PatientNav } from '@/components/patients/patient-nav';
import { PatientCaption } from '@/components/social/patient-caption';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'Contacts' };

const PAGE_SIZE = 20;

export default async function ContactsPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { patientId } = await params;
  const query = await searchParams;
  const page = Math.max(
    1,
    Number.parseInt(typeof query.page === 'string' ? query.page : '1', 10) || 1,
  );
  let list;
  try {
    list = await listContacts(
      { actor, meta: await getRequestMeta(`/patients/${patientId}/contacts`) },
      patientId,
      { page, pageSize: PAGE_SIZE },
    );
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof AccessDenied) return <NoPermission what="this patient’s contacts" />;
    throw error;
  }
  const { patient, items, total } = list;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const canRecord = can(actor.roles, 'record:contact');
  const isMhaOffice = can(actor.roles, 'mark:entered-in-error');

  return (
    <>
      <PatientCaption patient={patient} />
      <h1>Contacts</h1>
      <PatientNav patientId={patient.id} current="contacts" />
      {query.recorded ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>The contact has been saved.</p>
        </div>
      ) : null}
      {query.marked ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Done: </span>
          <p>The contact has been marked as entered in error.</p>
        </div>
      ) : null}
      {canRecord ? (
        <p className="app-no-print">
          <Link
            className="nhsuk-button nhsuk-button--secondary"
            href={`/patients/${patient.id}/contacts/new`}
          >
            Record a contact
          </Link>
        </p>
      ) : null}
      <p>
        {total === 0
          ? 'No contacts have been recorded for this patient yet.'
          : `${total} contact${total === 1 ? '' : 's'}, newest first.`}
      </p>
      {items.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--border">
          {items.map((c) => {
            const heading = `${CONTACT_MODE_LABELS[c.mode]}${c.durationMinutes ? `, ${c.durationMinutes} minutes` : ''}${c.withCarer ? ', with a carer or relative' : ''}`;
            const mayMark =
              !c.enteredInError && (isMhaOffice || (canRecord && c.staffId === actor.userId));
            return (
              <li key={c.id}>
                <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                  {c.enteredInError ? (
                    <s>{formatDateTime(c.occurredAt)}</s>
                  ) : (
                    formatDateTime(c.occurredAt)
                  )}
                </h2>
                {c.enteredInError ? (
                  <>
                    <p className="nhsuk-u-margin-bottom-1">
                      <s>
                        {heading}, by {c.staffName}. {c.summary}
                      </s>{' '}
                      <strong className="nhsuk-tag nhsuk-tag--grey">Entered in error</strong>
                    </p>
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                      Marked on {formatDateTime(c.enteredInError.at)}
                      {c.enteredInError.reason ? `: ${c.enteredInError.reason}` : ''}
                    </p>
                  </>
                ) : (
                  <>
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                      {heading}, by {c.staffName}
                    </p>
                    <p className="nhsuk-u-margin-bottom-1">{c.summary}</p>
                    {c.activities.length > 0 ? (
                      <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s nhsuk-u-margin-bottom-1">
                        {c.activities.map((a) => (
                          <li key={a.id}>
                            <strong>{CARE_ACTIVITY_KIND_LABELS[a.kind]}</strong>: {a.description}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {mayMark ? (
                      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0 app-no-print">
                        <Link href={`/patients/${patient.id}/contacts/${c.id}/entered-in-error`}>
                          Mark as entered in error
                          <span className="nhsuk-u-visually-hidden">
                            : contact on {formatDateTime(c.occurredAt)}
                          </span>
                        </Link>
                      </p>
                    ) : null}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {pages > 1 ? (
        <nav
          className="nhsuk-pagination app-no-print"
          role="navigation"
          aria-label="Pages of contacts"
        >
          <ul className="nhsuk-list nhsuk-pagination__list">
            {page > 1 ? (
              <li className="nhsuk-pagination-item--previous">
                <Link
                  className="nhsuk-pagination__link nhsuk-pagination__link--prev"
                  href={`?page=${page - 1}`}
                >
                  <span className="nhsuk-pagination__title">Newer</span>
                  <span className="nhsuk-u-visually-hidden">:</span>
                  <span className="nhsuk-pagination__page">
                    Page {page - 1} of {pages}
                  </span>
                </Link>
              </li>
            ) : null}
            {page < pages ? (
              <li className="nhsuk-pagination-item--next">
                <Link
                  className="nhsuk-pagination__link nhsuk-pagination__link--next"
                  href={`?page=${page + 1}`}
                >
                  <span className="nhsuk-pagination__title">Older</span>
                  <span className="nhsuk-u-visually-hidden">:</span>
                  <span className="nhsuk-pagination__page">
                    Page {page + 1} of {pages}
                  </span>
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
