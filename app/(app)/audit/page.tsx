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
import { Pagination } from '@/components/audit/pagination';
import { bindForm, type InputOf } from '@/components/forms/bind';
import { SelectField, TextField } from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'Audit trail' };

/** The search fields, two to a row. */
const ROWS = [
  ['user', 'patient'],
  ['action', 'outcome'],
  ['from', 'to'],
] as const;

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

  // The search form through the form binding (components/forms/bind.ts), bound in page order
  // so that the error summary lists the errors as the fields stand.
  const search = { fieldErrors: errors, values };
  const f = bindForm<InputOf<typeof auditSearchSchema>>(search);
  const kept = { initial: '' };
  const date = {
    hint: 'For example, 27/3/2026',
    width: 10,
    inputMode: 'numeric',
    autoComplete: 'off',
  } as const;
  const fields = {
    user: (
      <TextField
        {...f.text('user', kept)}
        type="email"
        label="User’s email address"
        hint="The whole address, like name@example.nhs.uk"
        spellCheck={false}
        autoComplete="off"
      />
    ),
    patient: (
      <TextField
        {...f.text('patient', kept)}
        label="Patient"
        hint="NHS number, like 943 476 5919, or the patient’s id"
        spellCheck={false}
        autoComplete="off"
      />
    ),
    action: (
      <TextField
        {...f.text('action', kept)}
        label="Action"
        hint="The start of an action code, like patient.read, break-glass or auth"
        spellCheck={false}
        autoComplete="off"
      />
    ),
    outcome: (
      <SelectField
        {...f.select('outcome', kept)}
        label="Outcome"
        options={[
          { value: '', label: 'Any outcome' },
          ...AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: outcomeLabel(outcome) })),
        ]}
      />
    ),
    from: <TextField {...f.text('from', kept)} label="Start date" {...date} />,
    to: <TextField {...f.text('to', kept)} label="End date (included)" {...date} />,
  };

  return (
    <>
      <h1>Audit trail</h1>
      <p>
        Search who did what, and when. Every search you make is itself recorded in the audit trail.{' '}
        <Link href="/audit/break-glass">Review emergency access</Link>.{' '}
        <Link href="/audit/role-requests">See the roles given and waiting for approval</Link>.
      </p>

      <FormErrorSummary state={search} fields={f.links} />

      <form
        method="get"
        action="/audit"
        role="search"
        aria-label="Search the audit trail"
        noValidate
      >
        {ROWS.map((row) => (
          <div className="nhsuk-grid-row" key={row[0]}>
            {row.map((name) => (
              <div className="nhsuk-grid-column-one-half" key={name}>
                {fields[name]}
              </div>
            ))}
          </div>
        ))}
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
