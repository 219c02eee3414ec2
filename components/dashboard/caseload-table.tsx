// "My caseload" (issue 8): one row per patient, mine first, then my team's.
import Link from 'next/link';
import { formatDate, formatInstant } from '@/lib/cto/dates';
import { STATE_LABELS } from '@/lib/cto';
import type { CaseloadRow } from '@/lib/server/queries/dashboard';
import { whenInWords } from '@/lib/work-items';

function due(value: string): string {
  return value.length === 10 ? formatDate(value) : formatInstant(new Date(value));
}

function trend(q: CaseloadRow['qolTrend']): string {
  if (!q) return 'No rating';
  if (q.previous === null) return `${q.latest} of ${q.maxScore} (first rating)`;
  const d = q.latest - q.previous;
  const words = d > 0 ? `up ${d}` : d < 0 ? `down ${-d}` : 'no change';
  return `${q.latest} of ${q.maxScore} (${words} since the one before)`;
}

export function CaseloadTable({
  rows,
  teamCount,
  now,
}: {
  rows: CaseloadRow[];
  /** How many of my team's patients there are in all (the rows may hold only the first). */
  teamCount?: number;
  now: Date;
}) {
  const team = rows.filter((r) => !r.mine);
  const sections = [
    { title: 'Patients I coordinate', rows: rows.filter((r) => r.mine), count: null },
    { title: "My team's patients", rows: team, count: Math.max(teamCount ?? 0, team.length) },
  ];
  return (
    <section aria-labelledby="caseload-heading">
      <h2 id="caseload-heading">Whole caseload</h2>
      {sections.map((section) => (
        <div key={section.title}>
          <h3>
            {section.title} ({section.count ?? section.rows.length})
          </h3>
          {section.rows.length === 0 ? (
            <p>No patients.</p>
          ) : (
            <>
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
                  {section.title}
                </caption>
                <thead className="nhsuk-table__head">
                  <tr>
                    <th scope="col">Patient and order</th>
                    <th scope="col">Next statutory item</th>
                    <th scope="col">Last contact</th>
                    <th scope="col">Social factors and quality of life</th>
                    <th scope="col">Rights, reports and hearings</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {section.rows.map((r) => (
                    <tr key={r.orderId}>
                      <td className="nhsuk-table__cell">
                        <Link href={`/patients/${r.patientId}`}>{r.patientName}</Link>
                        <br />
                        {STATE_LABELS[r.state as keyof typeof STATE_LABELS] ?? r.state}
                        {r.periodEnd ? `, period ends ${formatDate(r.periodEnd)}` : ''}
                      </td>
                      <td className="nhsuk-table__cell">
                        {r.next ? (
                          <>
                            {r.next.title}: {due(r.next.dueAt)} ({r.next.basis})
                          </>
                        ) : (
                          'None open'
                        )}
                      </td>
                      <td className="nhsuk-table__cell">
                        {r.lastContact ? formatInstant(r.lastContact) : 'None recorded'}
                        {r.contactOverdue ? (
                          <>
                            <br />
                            <strong className="nhsuk-tag nhsuk-tag--red">
                              Contact overdue
                            </strong>{' '}
                            {r.contactDue ? whenInWords(r.contactDue, now) : ''}
                          </>
                        ) : r.contactDue ? (
                          <>
                            <br />
                            Next by {formatDate(r.contactDue)}
                          </>
                        ) : null}
                        <br />
                        <span className="nhsuk-body-s">Every {r.contactEveryDays} days</span>
                      </td>
                      <td className="nhsuk-table__cell">
                        Last review:{' '}
                        {r.lastSocialReview ? formatDate(r.lastSocialReview) : 'none recorded'}
                        <br />
                        Quality of life: {trend(r.qolTrend)}
                      </td>
                      <td className="nhsuk-table__cell">
                        {r.rightsDue ? <>Rights information due {formatDate(r.rightsDue)}</> : null}
                        {r.reportsOwed.map((rep) => (
                          <span key={rep.report}>
                            {r.rightsDue ? <br /> : null}
                            {rep.report} due {formatDate(rep.dueOn)}
                            <br />
                          </span>
                        ))}
                        {r.nextHearing ? <>Hearing {formatInstant(r.nextHearing)}</> : null}
                        {!r.rightsDue && r.reportsOwed.length === 0 && !r.nextHearing
                          ? 'Nothing due'
                          : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {section.count !== null && section.count > section.rows.length ? (
                <p className="nhsuk-body-s">
                  Showing the {section.rows.length} with the most urgent next item of{' '}
                  {section.count}.{' '}
                  <Link href="/?all=1#caseload-heading">
                    Show all {section.count}
                    <span className="nhsuk-u-visually-hidden">: {section.title}</span>
                  </Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ))}
    </section>
  );
}
