// How each social domain has moved over time: a grid of domains × assessment dates, drawn as
// SVG by hand (no chart library). Never colour alone (WCAG 1.4.1): every cell has a symbol as
// well as a colour, the legend says what each means, the last column says in words whether the
// domain is better or worse, and a table gives the same data for screen readers and print.
import type { DecisionPoint } from '@/lib/generated/prisma/enums';
import { DECISION_POINT_LABELS } from '@/lib/codes/labels';
import { SOCIAL_RATINGS } from '@/lib/schemas/social-factors';
import {
  SIGNIFICANCE_SHORT_LABELS,
  SOCIAL_DOMAIN_LABELS,
  SOCIAL_RATING_LABELS,
  SOCIAL_RATING_STYLE,
} from '@/lib/ui/social-labels';
import { formatDate } from '@/lib/format';
import type { Movement, SocialChartData } from './social-chart-data';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const POINT_SHORT: Record<DecisionPoint, string> = {
  MAKING: 'Making',
  EXTENSION: 'Extension',
  RECALL: 'Recall',
  REVOCATION: 'Revocation',
  DISCHARGE: 'Discharge',
  REVIEW: 'Review',
};

const MOVEMENT_TEXT: Record<Exclude<Movement, null>, { symbol: string; words: string }> = {
  better: { symbol: '↑', words: 'Better' },
  worse: { symbol: '↓', words: 'Worse' },
  same: { symbol: '=', words: 'Same' },
};

function shortDate(iso: string): [string, string] {
  const [y, m, d] = iso.split('-');
  return [`${Number(d)} ${MONTHS[Number(m) - 1] ?? ''}`, y ?? ''];
}

const LABEL_W = 250;
const COL_W = 84;
const ROW_H = 36;
const HEAD_H = 70;
const TREND_W = 90;

export function SocialDomainChart({
  data,
  id = 'social-chart',
}: {
  data: SocialChartData;
  id?: string;
}) {
  if (data.columns.length === 0) {
    return <p>No social factors have been assessed for this patient yet.</p>;
  }
  const width = LABEL_W + data.columns.length * COL_W + TREND_W;
  const height = HEAD_H + data.rows.length * ROW_H + 8;
  const firstDate = data.columns[0]?.assessedOn ?? '';
  const lastDate = data.columns[data.columns.length - 1]?.assessedOn ?? '';
  const better = data.rows
    .filter((r) => r.overall === 'better')
    .map((r) => SOCIAL_DOMAIN_LABELS[r.domain].toLowerCase());
  const worse = data.rows
    .filter((r) => r.overall === 'worse')
    .map((r) => SOCIAL_DOMAIN_LABELS[r.domain].toLowerCase());
  const description = [
    `${data.rows.length} social factors across ${data.columns.length} assessments from ${formatDate(firstDate)} to ${formatDate(lastDate)}.`,
    better.length
      ? `Better since the first shown: ${better.join(', ')}.`
      : 'None better since the first shown.',
    worse.length ? `Worse: ${worse.join(', ')}.` : 'None worse.',
    'The table below gives every rating.',
  ].join(' ');

  return (
    <figure className="app-social-chart nhsuk-u-margin-0 nhsuk-u-margin-bottom-5">
      <div className="app-social-chart__scroll" style={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{
            maxWidth: `${width}px`,
            minWidth: `${Math.min(width, 560)}px`,
            display: 'block',
          }}
          fontFamily="inherit"
        >
          <title id={`${id}-title`}>How each social factor has moved over time</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {/* Column headings: date and the decision it was assessed for. */}
          {data.columns.map((c, i) => {
            const [dayMonth, year] = shortDate(c.assessedOn);
            const x = LABEL_W + i * COL_W + COL_W / 2;
            return (
              <g key={c.id} textAnchor="middle" fill="#212b32">
                <text x={x} y={20} fontSize={14} fontWeight={600}>
                  {dayMonth}
                </text>
                <text x={x} y={37} fontSize={13}>
                  {year}
                </text>
                <text x={x} y={55} fontSize={12} fill="#4c6272">
                  {POINT_SHORT[c.decisionPoint]}
                </text>
              </g>
            );
          })}
          <text
            x={LABEL_W + data.columns.length * COL_W + TREND_W / 2}
            y={37}
            fontSize={13}
            fontWeight={600}
            textAnchor="middle"
            fill="#212b32"
          >
            Change
          </text>
          {data.rows.map((row, r) => {
            const y = HEAD_H + r * ROW_H;
            return (
              <g key={row.domain}>
                {r % 2 === 0 ? (
                  <rect x={0} y={y} width={width} height={ROW_H} fill="#f0f4f5" />
                ) : null}
                <text x={8} y={y + ROW_H / 2 + 5} fontSize={15} fill="#212b32">
                  {SOCIAL_DOMAIN_LABELS[row.domain]}
                </text>
                {row.cells.map((cell, i) => {
                  const cx = LABEL_W + i * COL_W + COL_W / 2;
                  if (!cell) {
                    return (
                      <text
                        key={i}
                        x={cx}
                        y={y + ROW_H / 2 + 5}
                        fontSize={14}
                        textAnchor="middle"
                        fill="#4c6272"
                      >
                        –
                      </text>
                    );
                  }
                  const style = SOCIAL_RATING_STYLE[cell.rating];
                  return (
                    <g key={i}>
                      <rect
                        x={cx - 30}
                        y={y + 5}
                        width={60}
                        height={ROW_H - 10}
                        rx={4}
                        fill={style.fill}
                        stroke={cell.significance === 'MAJOR' ? '#212b32' : '#4c6272'}
                        strokeWidth={cell.significance === 'MAJOR' ? 3 : 1}
                      />
                      <text
                        x={cx}
                        y={y + ROW_H / 2 + 6}
                        fontSize={16}
                        textAnchor="middle"
                        fill={style.text}
                      >
                        {style.symbol}
                      </text>
                    </g>
                  );
                })}
                <text
                  x={LABEL_W + data.columns.length * COL_W + TREND_W / 2}
                  y={y + ROW_H / 2 + 5}
                  fontSize={14}
                  textAnchor="middle"
                  fill="#212b32"
                  fontWeight={row.overall === 'worse' ? 700 : 400}
                >
                  {row.overall
                    ? `${MOVEMENT_TEXT[row.overall].symbol} ${MOVEMENT_TEXT[row.overall].words}`
                    : ''}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className="nhsuk-list app-social-chart__legend" aria-label="Key to the chart">
          {SOCIAL_RATINGS.map((rating) => {
            const style = SOCIAL_RATING_STYLE[rating];
            return (
              <li key={rating} className="nhsuk-u-margin-bottom-1">
                <svg
                  width="34"
                  height="22"
                  aria-hidden="true"
                  focusable="false"
                  style={{ verticalAlign: 'middle' }}
                >
                  <rect
                    x={1}
                    y={1}
                    width={32}
                    height={20}
                    rx={3}
                    fill={style.fill}
                    stroke="#4c6272"
                  />
                  <text x={17} y={16} fontSize={14} textAnchor="middle" fill={style.text}>
                    {style.symbol}
                  </text>
                </svg>{' '}
                {SOCIAL_RATING_LABELS[rating]}
              </li>
            );
          })}
          <li>A thick dark outline means the factor was of major significance in that decision.</li>
          {data.omitted > 0 ? (
            <li>
              {data.omitted} older assessment{data.omitted === 1 ? ' is' : 's are'} not shown in the
              chart; they are in the history below.
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}

/** The same data as a table (the chart's text alternative, and what prints). */
export function SocialDomainTable({ data }: { data: SocialChartData }) {
  if (data.columns.length === 0) return null;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">
          Ratings of each social factor at each assessment (significance in that decision in
          brackets)
        </caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Social factor</th>
            {data.columns.map((c) => (
              <th scope="col" key={c.id}>
                {formatDate(c.assessedOn)}
                <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-font-weight-normal">
                  {DECISION_POINT_LABELS[c.decisionPoint]}
                </span>
              </th>
            ))}
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {data.rows.map((row) => (
            <tr key={row.domain}>
              <th scope="row">{SOCIAL_DOMAIN_LABELS[row.domain]}</th>
              {row.cells.map((cell, i) => (
                <td key={i} className="nhsuk-table__cell">
                  {cell ? (
                    <>
                      {SOCIAL_RATING_LABELS[cell.rating]}{' '}
                      <span className="nhsuk-body-s">
                        ({SIGNIFICANCE_SHORT_LABELS[cell.significance].toLowerCase()})
                      </span>
                    </>
                  ) : (
                    'Not recorded'
                  )}
                </td>
              ))}
              <td className="nhsuk-table__cell">
                {row.overall ? MOVEMENT_TEXT[row.overall].words : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
