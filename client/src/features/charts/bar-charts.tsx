// Bar charts (units against targets, grouped or stacked breakdowns), lazily loaded with recharts.
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ACTUAL, type Format, SERIES_COLOURS, TARGET, tooltipFormatter } from './chart-kit';

/** Legend texts in the text colour: recharts colours them like their series, too pale to read for some. */
function legendText(value: unknown) {
  return <span className="chart-legend-text">{String(value)}</span>;
}

export interface UnitBar {
  key: string;
  name: string;
  value: number | null;
  target: number | null;
}

/** Units side by side (horizontal bars, so long names fit): value and target. */
export function UnitBarChart({
  data,
  format,
  valueLabel,
  targetLabel,
}: {
  data: UnitBar[];
  format: Format;
  valueLabel: string;
  targetLabel: string;
}) {
  const height = Math.max(160, data.length * 34 + 70);
  return (
    <BarChart
      responsive
      style={{ width: '100%', height }}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
    >
      <CartesianGrid stroke="#dde3ea" strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" tickFormatter={(value: number) => format(value)} tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} interval={0} />
      <Tooltip formatter={tooltipFormatter(format)} />
      <Legend formatter={legendText} />
      <Bar dataKey="value" name={valueLabel} fill={ACTUAL} isAnimationActive={false} />
      <Bar dataKey="target" name={targetLabel} fill="#fdb863" stroke={TARGET} isAnimationActive={false} />
    </BarChart>
  );
}

export interface Series {
  key: string;
  name: string;
}

/** Grouped bars: one group per row (an age group), one bar per series (each sex). */
export function GroupedBarChart({
  data,
  series,
  format,
  stacked = false,
  colours = SERIES_COLOURS,
}: {
  data: Record<string, string | number | null>[];
  series: Series[];
  format: Format;
  stacked?: boolean;
  colours?: readonly string[];
}) {
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: 320 }}
      data={data}
      margin={{ top: 10, right: 16, bottom: 4, left: 8 }}
    >
      <CartesianGrid stroke="#dde3ea" strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
      <YAxis tickFormatter={(value: number) => format(value)} width={80} tick={{ fontSize: 12 }} />
      <Tooltip formatter={tooltipFormatter(format)} />
      <Legend formatter={legendText} />
      <ReferenceLine y={0} stroke="#5b6b7c" />
      {series.map((item, index) => (
        <Bar
          key={item.key}
          dataKey={item.key}
          name={item.name}
          fill={colours[index % colours.length]}
          stackId={stacked ? 'stack' : undefined}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
