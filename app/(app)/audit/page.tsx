import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { can } from '@/lib/auth/permissions';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import { listAuditEvents, type AuditEventPage } from '@/lib/server/queries/list-audit-events';
import { zodFieldErrors } from '@/lib/server/services/run-service';
import { AUDIT_OUTCOMES, AUDIT_SEARCH_FIELDS, auditSearchSchema } from '@/lib/schemas/audit-search';
import { formatNhsNumberForDisplay } from '@/lib/format';
import { AuditEventTable } from '@/components/audit/audit-event-table';
import { outcomeLabel } from '@/components/audit/audit-labels';
import { Field, Pagination } from '@/components/audit/field';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'Audit trail' };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const raw = await searchParams;
  const values: Record<string, string> = {};
  for (const name of [...AUDIT_SEARCH_FIELDS, 'page'] as const) {
    const value = raw[name];
    if (typeof value === 'string') values[name] = value;
  }
  const parsed = auditSearchSchema.safeParse(values);
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);

  let result: AuditEventPage | null = null;
  if (parsed.success) {
    try {
      result = await listAuditEvents({ actor, meta: await getRequestMeta('/audit') }, parsed.data);
    } catch (error) {
      if (error instanceof AccessDenied) return <NoPermission what="the audit trail" />;
      throw error;
    }
  } else if (!can(actor.roles, 'read:audit')) {
    // Do not explain the form's errors to someone who may not use it.
    return <NoPermission what="the audit trail" />;
  }

  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const pageHref = (page: number) => {
    const query = new URLSearchParams({ ...values, page: String(page) });
    return `/audit?${query.toString()}`;
  };
  const filtered = AUDIT_SEARCH_FIELDS.some((name) => values[name]?.trim());

  return (
    <>
      <h1>Audit trail</h1>
      <p>
        Search who did what, and when. Every search you make is itself recorded in the audit trail.{' '}
        <Link href="/audit/break-glass">Review emergency access</Link>.{' '}
        <Link href="/audit/role-requests">See the roles given and waiting for approval</Link>.
      </p>

      {Object.keys(errors).length > 0 ? (
        <div
          className="nhsuk-error-summary"
          aria-labelledby="error-summary-title"
          role="alert"
          tabIndex={-1}
        >
          <h2 className="nhsuk-error-summary__title" id="error-summary-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {Object.entries(errors).map(([name, message]) => (
                <li key={name}>
                  <a href={`#${name}`}>{message}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}

      <form
        method="get"
        action="/audit"
        role="search"
        aria-label="Search the audit trail"
        noValidate
      >
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <Field
              id="user"
              label="User’s email address"
              hint="The whole address, like name@example.nhs.uk"
              error={errors.user}
            >
              {(describedBy, invalid) => (
                <input
                  className={`nhsuk-input${invalid ? ' nhsuk-input--error' : ''}`}
                  id="user"
                  name="user"
                  type="email"
                  spellCheck={false}
                  autoComplete="off"
                  defaultValue={values.user ?? ''}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
          </div>
          <div className="nhsuk-grid-column-one-half">
            <Field
              id="patient"
              label="Patient"
              hint="NHS number, like 943 476 5919, or the patient’s id"
              error={errors.patient}
            >
              {(describedBy, invalid) => (
                <input
                  className={`nhsuk-input${invalid ? ' nhsuk-input--error' : ''}`}
                  id="patient"
                  name="patient"
                  type="text"
                  spellCheck={false}
                  autoComplete="off"
                  defaultValue={values.patient ?? ''}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
          </div>
        </div>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <Field
              id="action"
              label="Action"
              hint="The start of an action code, like patient.read, break-glass or auth"
              error={errors.action}
            >
              {(describedBy, invalid) => (
                <input
                  className={`nhsuk-input${invalid ? ' nhsuk-input--error' : ''}`}
                  id="action"
                  name="action"
                  type="text"
                  spellCheck={false}
                  autoComplete="off"
                  defaultValue={values.action ?? ''}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
          </div>
          <div className="nhsuk-grid-column-one-half">
            <Field id="outcome" label="Outcome" error={errors.outcome}>
              {(describedBy, invalid) => (
                <select
                  className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`}
                  id="outcome"
                  name="outcome"
                  defaultValue={values.outcome ?? ''}
                  aria-describedby={describedBy}
                >
                  <option value="">Any outcome</option>
                  {AUDIT_OUTCOMES.map((outcome) => (
                    <option key={outcome} value={outcome}>
                      {outcomeLabel(outcome)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </div>
        <div className="nhsuk-grid-row">
          {(['from', 'to'] as const).map((name) => (
            <div className="nhsuk-grid-column-one-half" key={name}>
              <Field
                id={name}
                label={name === 'from' ? 'Start date' : 'End date (included)'}
                hint="For example, 27/3/2026"
                error={errors[name]}
              >
                {(describedBy, invalid) => (
                  <input
                    className={`nhsuk-input nhsuk-input--width-10${invalid ? ' nhsuk-input--error' : ''}`}
                    id={name}
                    name={name}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    defaultValue={values[name] ?? ''}
                    aria-describedby={describedBy}
                  />
                )}
              </Field>
            </div>
          ))}
        </div>
        <div className="nhsuk-button-group">
          <button className="nhsuk-button" type="submit">
            Search
          </button>
          {filtered ? (
            <Link className="nhsuk-link" href="/audit">
              Clear the search
            </Link>
          ) : null}
        </div>
      </form>

      {result?.patient ? (
        <div className="nhsuk-card">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading">
              {result.patient.givenName} {result.patient.familyName}
            </h2>
            <p className="nhsuk-card__description">
              NHS number {formatNhsNumberForDisplay(result.patient.nhsNumber)}. Below: everyone who
              has viewed or changed this patient’s record.
            </p>
          </div>
        </div>
      ) : null}
      {result?.patientUnknown ? (
        <p className="nhsuk-body">No patient in this trust has that NHS number.</p>
      ) : null}

      {result ? (
        <>
          <h2 className="nhsuk-heading-m" role="status">
            {result.total === 0
              ? 'No events found'
              : `${result.total.toLocaleString('en-GB')} event${result.total === 1 ? '' : 's'}, newest first`}
          </h2>
          {result.items.length > 0 ? (
            <AuditEventTable events={result.items} caption="Audit events, newest first" />
          ) : null}
          <Pagination page={result.page} pages={pages} href={pageHref} label="Pages of events" />
        </>
      ) : (
        <p>Correct the search to see events.</p>
      )}
    </>
  );
}
