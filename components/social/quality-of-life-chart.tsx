// Quality-of-life scores over time: a hand-drawn SVG line chart, one line per scale. Points
// have a shape and their score written beside them, and the page lists every rating in a
// table, so nothing depends on colour or on seeing the chart.
import { formatDate } from '@/lib/format';
import { qualityOfLifeSeries, type QolPointInput } from './social-chart-data';

const W = 640;
const H = 260;
const PAD = { left: 52, right: 24, top: 16, bottom: 44 };
const COLOURS = ['#005eb8', '#007f3b', '#330072'];
const SHAPES = ['circle', 'square', 'diamond'] as const;

function Marker({
  shape,
  x,
  y,
  fill,
}: {
  shape: (typeof SHAPES)[number];
  x: number;
  y: number;
  fill: string;
}) {
  if (shape === 'square') return <rect x={x - 5} y={y - 5} width={10} height={10} fill={fill} />;
  if (shape === 'diamond')
    return (
      <path d={`M ${x} ${y - 7} L ${x + 7} ${y} L ${x} ${y + 7} L ${x - 7} ${y} Z`} fill={fill} />
    );
  return <circle cx={x} cy={y} r={5.5} fill={fill} />;
}

export function QualityOfLifeChart({ ratings }: { ratings: readonly QolPointInput[] }) {
  const { series, first, last } = qualityOfLifeSeries(ratings);
  if (series.length === 0 || !first || !last) {
    return <p>No quality-of-life ratings have been recorded for this patient yet.</p>;
  }
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const px = (x: number) => PAD.left + x * plotW;
  const py = (y: number) => PAD.top + (1 - y) * plotH;
  const description = series
    .map((s) => {
      const pts = s.points;
      const a = pts[0];
      const b = pts[pts.length - 1];
      return a && b
        ? `${s.instrument}: ${pts.length} rating${pts.length === 1 ? '' : 's'}, from ${a.score} out of ${s.maxScore} on ${formatDate(a.ratedOn)} to ${b.score} on ${formatDate(b.ratedOn)}.`
        : '';
    })
    .join(' ');
  return (
    <figure className="nhsuk-u-margin-0 nhsuk-u-margin-bottom-5">
      <svg
        role="img"
        aria-labelledby="qol-chart-title qol-chart-desc"
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: `${W}px`, display: 'block' }}
      >
        <title id="qol-chart-title">Quality-of-life scores over time</title>
        <desc id="qol-chart-desc">{description} Higher scores mean a better quality of life.</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={py(t)} y2={py(t)} stroke="#d8dde0" />
            <text x={PAD.left - 8} y={py(t) + 4} fontSize={12} textAnchor="end" fill="#4c6272">
              {`${Math.round(t * 100)}%`}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={py(0)} y2={py(0)} stroke="#4c6272" />
        <text x={PAD.left} y={H - 14} fontSize={12} fill="#4c6272">
          {formatDate(first)}
        </text>
        <text x={W - PAD.right} y={H - 14} fontSize={12} textAnchor="end" fill="#4c6272">
          {formatDate(last)}
        </text>
        {series.map((s, i) => {
          const colour = COLOURS[i % COLOURS.length] ?? '#005eb8';
          const shape = SHAPES[i % SHAPES.length] ?? 'circle';
          const path = s.points
            .map((p, j) => `${j === 0 ? 'M' : 'L'} ${px(p.x)} ${py(p.y)}`)
            .join(' ');
          return (
            <g key={`${s.instrument}-${s.maxScore}`}>
              <path
                d={path}
                fill="none"
                stroke={colour}
                strokeWidth={2.5}
                strokeDasharray={i === 0 ? undefined : '6 4'}
              />
              {s.points.map((p) => (
                <g key={p.id}>
                  <Marker shape={shape} x={px(p.x)} y={py(p.y)} fill={colour} />
                  <text
                    x={px(p.x)}
                    y={py(p.y) - 10}
                    fontSize={12}
                    textAnchor="middle"
                    fill="#212b32"
                  >
                    {p.score}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="nhsuk-list" aria-label="Key to the chart">
          {series.map((s, i) => (
            <li key={`${s.instrument}-${s.maxScore}`}>
              <svg
                width="28"
                height="16"
                aria-hidden="true"
                focusable="false"
                style={{ verticalAlign: 'middle' }}
              >
                <line
                  x1={0}
                  x2={28}
                  y1={8}
                  y2={8}
                  stroke={COLOURS[i % COLOURS.length]}
                  strokeWidth={2.5}
                  strokeDasharray={i === 0 ? undefined : '6 4'}
                />
                <Marker
                  shape={SHAPES[i % SHAPES.length] ?? 'circle'}
                  x={14}
                  y={8}
                  fill={COLOURS[i % COLOURS.length] ?? '#005eb8'}
                />
              </svg>{' '}
              {s.instrument} (score out of {s.maxScore}; shown as a percentage of the maximum)
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
