import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { can } from '@/lib/auth/permissions';
import { getRequestMeta } from '@/lib/server/request-meta';
import { AccessDenied } from '@/lib/server/queries/access';
import { listRegister, type RegisterPage } from '@/lib/server/queries/register';
import { registerOptions } from '@/lib/server/queries/register-options';
import { zodFieldErrors } from '@/lib/server/services/run-service';
import {
  filterParams,
  queryObject,
  registerPageSchema,
  type RegisterSort,
} from '@/lib/schemas/register';
import { certificateText, nearestRelativeText, tribunalText } from '@/lib/register/columns';
import { formatDate, formatDateTime, formatNhsNumberForDisplay } from '@/lib/format';
import { Field } from '@/components/forms/search-field';
import { Pagination } from '@/components/audit/pagination';
import { OrderStateTag } from '@/components/patients/order-state-tag';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'Register' };

const STATE_CHOICES = [
  ['', 'Any state'],
  ['in-force', 'In force (including recalled and absent)'],
  ['recalled', 'Recalled'],
  ['ended', 'Ended'],
  ['proposed', 'Proposed'],
] as const;

/** "Any …" first, then the people or places to choose from. */
const any = (first: string, list: readonly { id: string; name: string }[]) =>
  [['', first] as const, ...list.map((o) => [o.id, o.name] as const)] as const;

const SORT_HEADINGS: [RegisterSort, string][] = [
  ['patient', 'Patient'],
  ['state', 'State'],
  ['madeOn', 'Made on'],
  ['periodEnd', 'Period ends'],
];

export default async function RegisterPageView({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const values = queryObject(await searchParams);
  const parsed = registerPageSchema.safeParse(values);
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
  const ctx = { actor, meta: await getRequestMeta('/register') };

  let result: RegisterPage | null = null;
  if (parsed.success) {
    try {
      result = await listRegister(ctx, parsed.data);
    } catch (error) {
      if (error instanceof AccessDenied) return <NoPermission what="the register" />;
      throw error;
    }
  } else if (!can(actor.roles, 'read:register')) {
    return <NoPermission what="the register" />;
  }
  const options = await registerOptions(ctx);
  const filter = parsed.success ? filterParams(parsed.data) : {};
  const sort = parsed.success ? parsed.data.sort : 'periodEnd';
  const dir = parsed.success ? parsed.data.dir : 'asc';
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const href = (extra: Record<string, string>) =>
    `/register?${new URLSearchParams({ ...filter, ...extra }).toString()}`;
  const exportHref = (format: 'csv' | 'xlsx') =>
    `/register/export.${format}?${new URLSearchParams(filter).toString()}`;

  /** One of the filter's lists, in a third of the row, keeping what was chosen. */
  const filterSelect = (
    name: 'state' | 'teamId' | 'hospitalId' | 'rcId' | 'ccId',
    label: string,
    choices: readonly (readonly [value: string, text: string])[],
  ) => (
    <div className="nhsuk-grid-column-one-third">
      <Field id={name} label={label} error={errors[name]}>
        {(describedBy, invalid) => (
          <select
            className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`}
            id={name}
            name={name}
            defaultValue={values[name] ?? ''}
            aria-describedby={describedBy}
          >
            {choices.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );

  return (
    <>
      <h1>Register</h1>
      <p className="nhsuk-body-l">
        Every community treatment order in the trust, one row per order. Filter it, sort it, and
        download exactly what you see.
      </p>
      <p>
        <Link href="/register/data-quality">Check the register’s data quality</Link>
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

      <form method="get" action="/register" role="search" aria-label="Filter the register">
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-third">
            <Field id="q" label="Name or NHS number" error={errors.q}>
              {(describedBy, invalid) => (
                <input
                  className={`nhsuk-input${invalid ? ' nhsuk-input--error' : ''}`}
                  id="q"
                  name="q"
                  type="search"
                  autoComplete="off"
                  defaultValue={values.q ?? ''}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
          </div>
          {filterSelect('state', 'State', STATE_CHOICES)}
          {filterSelect('teamId', 'Team', any('Any team', options.teams))}
        </div>
        <div className="nhsuk-grid-row">
          {filterSelect(
            'hospitalId',
            'Responsible hospital',
            any('Any hospital', options.hospitals),
          )}
          {filterSelect(
            'rcId',
            'Responsible clinician',
            any('Any responsible clinician', options.clinicians),
          )}
          {filterSelect(
            'ccId',
            'Care coordinator',
            any('Any care coordinator', options.coordinators),
          )}
        </div>
        <div className="nhsuk-grid-row">
          {(
            [
              ['periodEndFrom', 'Period ends on or after'],
              ['periodEndTo', 'Period ends on or before'],
            ] as const
          ).map(([name, label]) => (
            <div className="nhsuk-grid-column-one-third" key={name}>
              <Field id={name} label={label} hint="For example, 2026-03-27" error={errors[name]}>
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
        <button className="nhsuk-button" type="submit">
          Filter the register
        </button>{' '}
        <a className="nhsuk-link nhsuk-u-margin-left-3" href="/register">
          Clear filters
        </a>
      </form>

      {result ? (
        <>
          <p className="nhsuk-body" role="status">
            {result.total === 0
              ? 'No orders match.'
              : `${result.total} order${result.total === 1 ? '' : 's'} match. Page ${result.page} of ${pages}.`}
          </p>
          <p>
            <a className="nhsuk-button nhsuk-button--secondary" href={exportHref('csv')} download>
              Download as CSV
            </a>{' '}
            <a className="nhsuk-button nhsuk-button--secondary" href={exportHref('xlsx')} download>
              Download as Excel (XLSX)
            </a>
          </p>
          {result.rows.length > 0 ? (
            <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Register">
              <table className="nhsuk-table app-table-small">
                <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
                  Register of orders
                </caption>
                <thead className="nhsuk-table__head">
                  <tr>
                    {SORT_HEADINGS.map(([key, label]) => (
                      <SortHeading
                        key={key}
                        label={label}
                        sortKey={key}
                        sort={sort}
                        dir={dir}
                        href={href}
                      />
                    ))}
                    <th scope="col">Renewal window</th>
                    <th scope="col">Responsible clinician</th>
                    <th scope="col">Care coordinator</th>
                    <th scope="col">Hospital</th>
                    <th scope="col">Rights information given</th>
                    <th scope="col">Treatment certificate</th>
                    <th scope="col">Tribunal</th>
                    <th scope="col">Nearest relative</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {result.rows.map((row) => (
                    <tr key={row.orderId} className="nhsuk-table__row">
                      <td className="nhsuk-table__cell">
                        <Link href={`/patients/${row.patientId}`}>
                          {row.familyName.toUpperCase()}, {row.givenName}
                        </Link>
                        <br />
                        <span className="app-table-nowrap">
                          {formatNhsNumberForDisplay(row.nhsNumber)}
                        </span>
                        {row.teamName ? (
                          <>
                            <br />
                            {row.teamName}
                          </>
                        ) : null}
                      </td>
                      <td className="nhsuk-table__cell">
                        <OrderStateTag state={row.state} />
                      </td>
                      <td className="nhsuk-table__cell">{formatDate(row.madeOn)}</td>
                      <td className="nhsuk-table__cell">{formatDate(row.periodEnd)}</td>
                      <td className="nhsuk-table__cell">
                        {row.windowOpensOn || row.windowDueOn
                          ? `${formatDate(row.windowOpensOn)} to ${formatDate(row.windowDueOn)}`
                          : ''}
                      </td>
                      <td className="nhsuk-table__cell">{row.rcName ?? 'None'}</td>
                      <td className="nhsuk-table__cell">{row.ccName ?? 'None'}</td>
                      <td className="nhsuk-table__cell">{row.hospitalName}</td>
                      <td className="nhsuk-table__cell">
                        {row.rightsGivenAt
                          ? formatDateTime(row.rightsGivenAt)
                          : row.rightsDueOn
                            ? `Due ${formatDate(row.rightsDueOn)}`
                            : 'Not recorded'}
                      </td>
                      <td className="nhsuk-table__cell">
                        {certificateText(row)}
                        {row.certificateDueOn ? ` by ${formatDate(row.certificateDueOn)}` : ''}
                      </td>
                      <td className="nhsuk-table__cell">
                        {tribunalText(row)}
                        {row.nextHearingAt ? (
                          <>
                            <br />
                            Hearing {formatDateTime(row.nextHearingAt)}
                          </>
                        ) : null}
                      </td>
                      <td className="nhsuk-table__cell">{nearestRelativeText(row)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Pagination
            page={result.page}
            pages={pages}
            href={(page) => href({ sort, dir, page: String(page) })}
            label="Pages of the register"
          />
        </>
      ) : null}
    </>
  );
}

function SortHeading({
  label,
  sortKey,
  sort,
  dir,
  href,
}: {
  label: string;
  sortKey: RegisterSort;
  sort: RegisterSort;
  dir: 'asc' | 'desc';
  href: (extra: Record<string, string>) => string;
}) {
  const active = sort === sortKey;
  const next = active && dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <a href={href({ sort: sortKey, dir: next })}>
        {label}
        <span className="nhsuk-u-visually-hidden">
          {active
            ? `, sorted ${dir === 'asc' ? 'ascending' : 'descending'}; select to reverse`
            : ', select to sort'}
        </span>
      </a>
    </th>
  );
}
