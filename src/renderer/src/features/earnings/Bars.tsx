import type { CSSProperties } from 'react';

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
  /** Labels shown at most this many, evenly; every bar keeps its own in its description. */
  maxLabels?: number;
}

const HEIGHT = 180;

const styles = {
  chart: { display: 'flex', gap: 8, alignItems: 'stretch' },
  scale: {
    margin: 0,
    fontSize: 12,
    color: 'var(--muted)',
    textAlign: 'end',
    flex: 'none',
  },
  bars: {
    display: 'grid',
    gridAutoColumns: 'minmax(0, 1fr)',
    gridAutoFlow: 'column',
    gap: 2,
    flex: 1,
    margin: 0,
    padding: 0,
    listStyle: 'none',
    borderBlockEnd: '1px solid var(--border)',
  },
  column: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  track: { blockSize: HEIGHT, display: 'flex', alignItems: 'flex-end' },
  label: {
    fontSize: 11,
    color: 'var(--muted)',
    textAlign: 'center',
    whiteSpace: 'nowrap',
    overflow: 'visible',
    blockSize: 16,
  },
} satisfies Record<string, CSSProperties>;

/**
 * The earnings view's bar chart, drawn with the page's own layout: one column per bar holding
 * the bar and its label, so a label can only ever sit under its own bar (in either writing
 * direction). A charting library's mount cost the Earnings view most of its switch time.
 * Screen readers read one list item per bar ("3 Dec: €5.00"); pointers get the same as a title.
 */
export function Bars({
  data,
  x,
  y,
  name,
  color,
  formatX,
  formatY,
  yWidth = 48,
  maxLabels = 10,
}: Props) {
  const fx = formatX ?? String;
  const fy = formatY ?? String;
  const values = data.map((d) => Number(d[y]) || 0);
  const top = Math.max(0, ...values);
  const every = Math.max(1, Math.ceil(data.length / maxLabels));
  return (
    <div style={styles.chart}>
      <p style={{ ...styles.scale, inlineSize: yWidth }} aria-hidden="true">
        {fy(top)}
      </p>
      <ol style={styles.bars} aria-label={name}>
        {data.map((d, i) => {
          const label = fx(String(d[x]));
          const description = `${label}: ${fy(values[i]!)}`;
          return (
            <li key={String(d[x])} style={styles.column} title={description}>
              <span className="visually-hidden">{description}</span>
              <span style={styles.track} aria-hidden="true">
                <span
                  className="bar-chart__bar"
                  data-value={values[i]}
                  style={{
                    inlineSize: '100%',
                    blockSize: top > 0 ? `${(values[i]! / top) * 100}%` : 0,
                    background: color,
                    borderStartStartRadius: 3,
                    borderStartEndRadius: 3,
                  }}
                />
              </span>
              <span style={styles.label} aria-hidden="true">
                {i % every === 0 ? label : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
