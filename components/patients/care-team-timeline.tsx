// The patient's care coordinators, responsible clinicians, teams and responsible hospitals as a
// dated timeline, newest first (issue 10). Plain HTML: a table per kind reads well on a screen
// reader and prints.
import { formatDate, formatDateTime } from '@/lib/format';

export interface TimelineSpan {
  id: string;
  kind: 'CARE_COORDINATOR' | 'RESPONSIBLE_CLINICIAN' | 'TEAM' | 'HOSPITAL';
  name: string;
  from: string;
  to: string | null;
  recordedBy: string | null;
  recordedAt: Date | null;
}

const HEADINGS: Record<TimelineSpan['kind'], string> = {
  CARE_COORDINATOR: 'Care coordinators',
  RESPONSIBLE_CLINICIAN: 'Responsible clinicians',
  TEAM: 'Teams',
  HOSPITAL: 'Responsible hospital (section 19A)',
};

export function CareTeamTimeline({
  spans,
  kinds = ['CARE_COORDINATOR', 'RESPONSIBLE_CLINICIAN'],
  headingLevel = 3,
}: {
  spans: readonly TimelineSpan[];
  kinds?: readonly TimelineSpan['kind'][];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {kinds.map((kind) => {
        const rows = spans.filter((s) => s.kind === kind);
        return (
          <section key={kind} aria-labelledby={`timeline-${kind}`}>
            <Heading id={`timeline-${kind}`}>{HEADINGS[kind]}</Heading>
            {rows.length === 0 ? (
              <p>None recorded.</p>
            ) : (
              <ol className="nhsuk-list app-timeline">
                {rows.map((s) => (
                  <li key={s.id} className="nhsuk-u-margin-bottom-3">
                    <strong>{s.name}</strong>
                    {s.to === null ? (
                      <strong className="nhsuk-tag nhsuk-tag--green nhsuk-u-margin-left-2">
                        Now
                      </strong>
                    ) : null}
                    <br />
                    <span className="nhsuk-body-s">
                      From {formatDate(s.from)}
                      {s.to ? ` to ${formatDate(s.to)}` : ''}
                      {s.recordedBy
                        ? ` (recorded by ${s.recordedBy}${s.recordedAt ? `, ${formatDateTime(s.recordedAt)}` : ''})`
                        : ''}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </>
  );
}
