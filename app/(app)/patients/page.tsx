import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { listPatients, listPatientsQuerySchema } from '@/lib/server/queries/list-patients';
import { can, scopeFor } from '@/lib/auth/permissions';
import { AccessDenied } from '@/lib/server/queries/access';
import { NoPermission } from '@/components/ui/no-permission';
import { formatDate, formatNhsNumberForDisplay } from '@/lib/format';
import { OrderStateTag } from '@/components/patients/order-state-tag';
import { QueryProblem } from '@/components/ui/query-problem';
import { IN_FORCE_STATES } from '@/lib/cto';

export const metadata: Metadata = { title: 'Patients' };

const SCOPE_TEXT = {
  team: 'Patients you are assigned to, and your team’s patients.',
  requested: 'Patients for whom your agreement as an AMHP has been asked.',
  trust: 'Every patient in the trust’s register.',
  none: '',
} as const;

export default async function PatientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const raw = await searchParams;
  const pick = (name: string) => (typeof raw[name] === 'string' ? raw[name] : undefined);
  const parsed = listPatientsQuerySchema.safeParse({
    q: pick('q'),
    page: pick('page'),
    sort: pick('sort'),
    dir: pick('dir'),
    state: pick('state'),
    mine: pick('mine'),
  });
  const query = parsed.success ? parsed.data : { q: undefined, page: 1, pageSize: 25 };
  // Issue 4: roles without read:patient (auditors, administrators) are refused, audited.
  let list;
  try {
    list = await listPatients({ actor, meta: await getRequestMeta('/patients') }, query);
  } catch (error) {
    if (error instanceof AccessDenied) return <NoPermission what="patients" />;
    throw error;
  }
  const scope = scopeFor(actor.roles, 'read:patient') ?? 'none';
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const kept: Record<string, string> = {};
  for (const name of ['q', 'sort', 'dir', 'state', 'mine'] as const) {
    const value = query[name];
    if (value) kept[name] = value;
  }
  const pageLink = (page: number) =>
    `/patients?${new URLSearchParams({ ...kept, page: String(page) }).toString()}`;
  const canBeMine = scope === 'team';

  return (
    <>
      <h1>Patients</h1>
      {parsed.success ? null : (
        <QueryProblem id="query-problem">
          This search could not be used: {parsed.error.issues[0]?.message ?? 'it is not valid'}.
          Showing your patients without it instead.
        </QueryProblem>
      )}
      <p className="nhsuk-body-l">{SCOPE_TEXT[scope]}</p>
      {can(actor.roles, 'create:patient') ? (
        <p>
          <Link className="nhsuk-button" href="/patients/new">
            Register a patient
          </Link>
        </p>
      ) : null}
      {can(actor.roles, 'request:break-glass') ? (
        <p>
          <Link href="/patients/break-glass">
            Open a patient who is not on your list (emergency access)
          </Link>
        </p>
      ) : null}
      <form method="get" action="/patients" role="search" className="nhsuk-u-margin-bottom-5">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="q">
            Search by name or NHS number
          </label>
          <div className="nhsuk-hint" id="q-hint">
            For example, Okafor or 999 123 4567
          </div>
          <input
            className="nhsuk-input nhsuk-input--width-20"
            id="q"
            name="q"
            type="search"
            aria-describedby="q-hint"
            defaultValue={query.q ?? ''}
          />
        </div>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-third">
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="state">
                Order
              </label>
              <select
                className="nhsuk-select"
                id="state"
                name="state"
                defaultValue={query.state ?? ''}
              >
                <option value="">Any, or none</option>
                <option value="in-force">In force (including recalled)</option>
                <option value="recalled">Recalled</option>
                <option value="ended">Ended</option>
              </select>
            </div>
          </div>
          <div className="nhsuk-grid-column-one-third">
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="sort">
                Sort by
              </label>
              <select
                className="nhsuk-select"
                id="sort"
                name="sort"
                defaultValue={query.sort ?? 'name'}
              >
                <option value="name">Name</option>
                <option value="dateOfBirth">Date of birth</option>
                <option value="periodEnd">When the order expires</option>
              </select>
            </div>
          </div>
          <div className="nhsuk-grid-column-one-third">
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="dir">
                Order of sorting
              </label>
              <select
                className="nhsuk-select"
                id="dir"
                name="dir"
                defaultValue={query.dir ?? 'asc'}
              >
                <option value="asc">A to Z, earliest first</option>
                <option value="desc">Z to A, latest first</option>
              </select>
            </div>
          </div>
        </div>
        {canBeMine ? (
          <div className="nhsuk-form-group">
            <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
              <div className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id="mine"
                  name="mine"
                  type="checkbox"
                  value="1"
                  defaultChecked={query.mine === '1'}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="mine">
                  Only patients for whom I am care coordinator or responsible clinician
                </label>
              </div>
            </div>
          </div>
        ) : null}
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Search
        </button>
      </form>
      <p className="nhsuk-body" role="status">
        {list.total === 0
          ? 'No patients found.'
          : `${list.total} patient${list.total === 1 ? '' : 's'}${query.q ? ` matching “${query.q}”` : ''}.`}
      </p>
      {list.items.length > 0 ? (
        <table className="nhsuk-table-responsive">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Patients</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Name</th>
              <th scope="col">NHS number</th>
              <th scope="col">Date of birth</th>
              <th scope="col">Team</th>
              <th scope="col">Order</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {list.items.map((patient) => (
              <tr key={patient.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Name{' '}
                  </span>
                  <Link href={`/patients/${patient.id}`}>
                    {patient.familyName.toUpperCase()}, {patient.givenName}
                  </Link>
                </td>
                <td className="nhsuk-table__cell app-table-nowrap">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    NHS number{' '}
                  </span>
                  {formatNhsNumberForDisplay(patient.nhsNumber)}
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Date of birth{' '}
                  </span>
                  {formatDate(patient.dateOfBirth)}
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Team{' '}
                  </span>
                  {patient.teamName ?? 'None'}
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Order{' '}
                  </span>
                  {patient.order ? <OrderStateTag state={patient.order.state} /> : 'No order'}
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Expires{' '}
                  </span>
                  {/* Only an order in force (or about to be) has a period that ends; an ended one shows none. */}
                  {patient.order?.currentExpiryDate && IN_FORCE_STATES.includes(patient.order.state)
                    ? formatDate(patient.order.currentExpiryDate)
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pages > 1 ? (
        <nav className="nhsuk-pagination" role="navigation" aria-label="Pages of patients">
          <ul className="nhsuk-list nhsuk-pagination__list">
            {list.page > 1 ? (
              <li className="nhsuk-pagination-item--previous">
                <Link
                  className="nhsuk-pagination__link nhsuk-pagination__link--prev"
                  href={pageLink(list.page - 1)}
                >
                  <span className="nhsuk-pagination__title">Previous</span>
                  <span className="nhsuk-u-visually-hidden">:</span>
                  <span className="nhsuk-pagination__page">
                    Page {list.page - 1} of {pages}
                  </span>
                </Link>
              </li>
            ) : null}
            {list.page < pages ? (
              <li className="nhsuk-pagination-item--next">
                <Link
                  className="nhsuk-pagination__link nhsuk-pagination__link--next"
                  href={pageLink(list.page + 1)}
                >
                  <span className="nhsuk-pagination__title">Next</span>
                  <span className="nhsuk-u-visually-hidden">:</span>
                  <span className="nhsuk-pagination__page">
                    Page {list.page + 1} of {pages}
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
