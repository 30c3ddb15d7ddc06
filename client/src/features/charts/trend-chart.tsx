// The line chart of quarters (actual against target), in its own lazily loaded module: the overview
// needs only this one, and recharts' bar charts stay out of its download.
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ACTUAL, type Format, TARGET, tooltipFormatter } from './chart-kit';

export interface TrendPoint {
  key: string;
  label: string;
  value: number | null;
  target: number | null;
}

export function TrendChart({
  data,
  format,
  valueLabel,
  targetLabel,
  height = 300,
  compact = false,
  highlight = false,
}: {
  data: TrendPoint[];
  format: Format;
  valueLabel: string;
  targetLabel: string;
  height?: number;
  /** Small multiples: no legend, fewer ticks. */
  compact?: boolean;
  highlight?: boolean;
}) {
  const chart = (
    <LineChart
      responsive
      style={{ width: '100%', height }}
      data={data}
      margin={compact ? { top: 6, right: 8, bottom: 0, left: 0 } : { top: 10, right: 28, bottom: 4, left: 8 }}
    >
      <CartesianGrid stroke="#dde3ea" strokeDasharray="3 3" />
      <XAxis dataKey="label" tick={{ fontSize: compact ? 11 : 12 }} interval={compact ? 'preserveStartEnd' : 0} />
      <YAxis
        tickFormatter={(value: number) => format(value)}
        width={compact ? 44 : 80}
        tick={{ fontSize: compact ? 11 : 12 }}
      />
      <Tooltip formatter={tooltipFormatter(format)} />
      <Line
        type="linear"
        dataKey="value"
        name={valueLabel}
        stroke={ACTUAL}
        strokeWidth={highlight ? 3.5 : 2.5}
        dot={{ r: compact ? 2 : 3 }}
        isAnimationActive={false}
      />
      <Line
        type="linear"
        dataKey="target"
        name={targetLabel}
        stroke={TARGET}
        strokeWidth={2}
        strokeDasharray="6 4"
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
  if (compact) return chart;
  // An HTML legend (recharts' own costs kilobytes on the overview and says no more than this).
  return (
    <>
      {chart}
      <p className="chart-legend">
        <span>
          <span className="legend-line" style={{ borderColor: ACTUAL }} aria-hidden="true" /> {valueLabel}
        </span>
        <span>
          <span className="legend-line legend-line-dashed" style={{ borderColor: TARGET }} aria-hidden="true" />{' '}
          {targetLabel}
        </span>
      </p>
    </>
  );
}
