'use client';
// A horizontal bar chart drawn with visx (docs/decisions/762-statistics-charts-with-visx.md):
// server-rendered SVG, no inline script, no measuring in the browser. The table beside it is
// the accessible alternative; the SVG carries a title and a description for assistive
// technology, and its text is real text.
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';

export interface ChartBar {
  label: string;
  /** null = nothing to draw (suppressed or no figure). */
  value: number | null;
  lower?: number | null;
  upper?: number | null;
}

const WIDTH = 640;
const LEFT = 190;
const RIGHT = 24;
const TOP = 8;
const BOTTOM = 44;
const ROW = 30;

export function BarChart({
  id,
  title,
  description,
  bars,
  valueLabel,
}: {
  id: string;
  title: string;
  description: string;
  bars: readonly ChartBar[];
  valueLabel: string;
}) {
  const height = TOP + BOTTOM + Math.max(1, bars.length) * ROW;
  const innerWidth = WIDTH - LEFT - RIGHT;
  const innerHeight = height - TOP - BOTTOM;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value ?? 0, b.upper ?? 0)));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, innerWidth], nice: true });
  const y = scaleBand<string>({
    domain: bars.map((b) => b.label),
    range: [0, innerHeight],
    padding: 0.25,
  });
  const bandwidth = y.bandwidth();
  return (
    <figure className="app-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        style={{ maxWidth: WIDTH, display: 'block' }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <Group left={LEFT} top={TOP}>
          {bars.map((b) => {
            const top = y(b.label) ?? 0;
            if (b.value === null) {
              return (
                <text key={b.label} x={4} y={top + bandwidth / 2 + 5} fontSize={13} fill="#4c6272">
                  no figure
                </text>
              );
            }
            return (
              <Group key={b.label}>
                <Bar x={0} y={top} width={x(b.value)} height={bandwidth} fill="#005eb8" />
                {b.lower != null && b.upper != null ? (
                  <>
                    <Line
                      from={{ x: x(Math.max(0, b.lower)), y: top + bandwidth / 2 }}
                      to={{ x: x(b.upper), y: top + bandwidth / 2 }}
                      stroke="#212b32"
                      strokeWidth={2}
                    />
                    <Line
                      from={{ x: x(Math.max(0, b.lower)), y: top + 3 }}
                      to={{ x: x(Math.max(0, b.lower)), y: top + bandwidth - 3 }}
                      stroke="#212b32"
                      strokeWidth={2}
                    />
                    <Line
                      from={{ x: x(b.upper), y: top + 3 }}
                      to={{ x: x(b.upper), y: top + bandwidth - 3 }}
                      stroke="#212b32"
                      strokeWidth={2}
                    />
                  </>
                ) : null}
              </Group>
            );
          })}
          <AxisLeft
            scale={y}
            hideTicks
            tickLabelProps={{ fontSize: 13, fill: '#212b32', textAnchor: 'end', dy: '0.33em' }}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            numTicks={5}
            label={valueLabel}
            labelProps={{ fontSize: 13, fill: '#212b32', textAnchor: 'middle' }}
            tickLabelProps={{ fontSize: 12, fill: '#212b32', textAnchor: 'middle' }}
          />
        </Group>
      </svg>
      <figcaption className="nhsuk-body-s">{description}</figcaption>
    </figure>
  );
}
