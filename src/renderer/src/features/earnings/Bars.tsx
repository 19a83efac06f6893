import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

type Datum = Record<string, string | number>;

interface Props {
  data: Datum[];
  x: string;
  y: string;
  /** What one bar counts, e.g. "Earned". */
  name: string;
  color: string;
  formatX?: (value: string) => string;
  formatY?: (value: number) => string;
  yWidth?: number;
}

/** The earnings view's bar chart: one series, themed from the CSS variables. */
export function Bars({ data, x, y, name, color, formatX, formatY, yWidth = 48 }: Props) {
  const fx = formatX ?? String;
  const fy = formatY ?? String;
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis
          dataKey={x}
          tickFormatter={(v) => fx(String(v))}
          minTickGap={16}
          stroke="var(--muted)"
        />
        <YAxis
          width={yWidth}
          allowDecimals={false}
          tickFormatter={(v: number) => fy(v)}
          stroke="var(--muted)"
        />
        <Tooltip formatter={(v) => [fy(Number(v)), name]} labelFormatter={(v) => fx(String(v))} />
        <Bar dataKey={y} name={name} fill={color} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
