// The MHA office's work-queue filters (decision 861). The form is a page of its own
// (/work-queue/filters), a GET form back to `/`, so it works without JavaScript and a filtered
// queue has its own address to share; the queue itself shows only the filters applied, so that
// it does not carry a list of every clinician and coordinator in the trust on every load.
import Link from 'next/link';
import { SelectField } from '@/components/forms/fields';
import { WORK_ITEM_KIND_LABELS, type WorkItemKind } from '@/lib/work-items';

interface Option {
  id: string;
  name: string;
}

/** The query parameters of the queue's filters, in the order the form asks them. */
export const QUEUE_FILTER_PARAMS = ['team', 'hospital', 'rc', 'cc', 'kind'] as const;
export type QueueFilterParam = (typeof QUEUE_FILTER_PARAMS)[number];

const LABELS: Record<QueueFilterParam, string> = {
  team: 'Team',
  hospital: 'Responsible hospital',
  rc: 'Responsible clinician',
  cc: 'Care coordinator',
  kind: 'What is due',
};

export function QueueFilterForm({
  options,
  values,
}: {
  options: { teams: Option[]; hospitals: Option[]; clinicians: Option[]; coordinators: Option[] };
  values: Partial<Record<QueueFilterParam, string>>;
}) {
  const any = (list: Option[], label: string) => [
    { value: '', label },
    ...list.map((o) => ({ value: o.id, label: o.name })),
  ];
  const kinds = Object.entries(WORK_ITEM_KIND_LABELS).map(([value, label]) => ({ value, label }));
  const choices: Record<QueueFilterParam, { value: string; label: string }[]> = {
    team: any(options.teams, 'All teams'),
    hospital: any(options.hospitals, 'All hospitals'),
    rc: any(options.clinicians, 'All responsible clinicians'),
    cc: any(options.coordinators, 'All care coordinators'),
    kind: [{ value: '', label: 'Everything' }, ...kinds],
  };
  return (
    <form method="get" action="/" noValidate>
      {QUEUE_FILTER_PARAMS.map((name) => (
        <SelectField
          key={name}
          id={name}
          name={name}
          label={LABELS[name]}
          options={choices[name]}
          defaultValue={values[name] ?? ''}
        />
      ))}
      <button className="nhsuk-button nhsuk-u-margin-right-3" type="submit">
        Apply filters
      </button>
      <Link className="nhsuk-link" href="/">
        Clear filters
      </Link>
    </form>
  );
}

/** On the queue: the filters applied (by name), a link to change them and one to clear them. */
export function QueueFilterSummary({
  values,
  names,
}: {
  values: Partial<Record<QueueFilterParam, string>>;
  /** The names of the team, hospital, RC and care coordinator chosen, by id. */
  names: Record<string, string>;
}) {
  const applied = QUEUE_FILTER_PARAMS.flatMap((param) => {
    const value = values[param];
    if (!value) return [];
    const text =
      param === 'kind'
        ? (WORK_ITEM_KIND_LABELS[value as WorkItemKind] ?? value)
        : (names[value] ?? 'not found');
    return [{ param, label: LABELS[param], text }];
  });
  const query = new URLSearchParams(
    applied.map(({ param }) => [param, values[param] ?? ''] as [string, string]),
  ).toString();
  return (
    <div className="nhsuk-u-margin-bottom-5">
      {applied.length ? (
        <>
          <p className="nhsuk-u-margin-bottom-2">Showing only:</p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {applied.map(({ param, label, text }) => (
              <li key={param}>
                {label}: <strong>{text}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link href={`/work-queue/filters${query ? `?${query}` : ''}`}>
          {applied.length ? 'Change the filters' : 'Filter the work queue'}
        </Link>
        {applied.length ? (
          <>
            {' '}
            or{' '}
            <Link className="nhsuk-link" href="/">
              clear them
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
