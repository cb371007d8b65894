import { useTheme } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * The performance view's charts (recharts, in this chunk only: the page's numbers render before it
 * arrives). Each is a horizontal bar chart — Chinese union names read best on the vertical axis.
 */
/** Long union names are cut to the axis width (a CJK glyph is about twice a Latin one at 12px); the table has them whole. */
function fitLabel(text: string, width: number): string {
  const w = (c: string) => (/[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(c) ? 12 : 6.6);
  const chars = [...text];
  if (chars.reduce((t, c) => t + w(c), 0) <= width) return text;
  let out = '';
  let used = 12; // the ellipsis
  for (const c of chars) {
    if (used + w(c) > width) break;
    out += c;
    used += w(c);
  }
  return `${out}…`;
}

interface BarsProps {
  data: object[];
  category: string;
  bars: { key: string; name: string; color?: string }[];
  unit?: string;
  format?: (v: number) => string;
  categoryWidth?: number;
}

export function HorizontalBars({ data, category, bars, unit, format, categoryWidth = 110 }: BarsProps) {
  const theme = useTheme();
  const palette = [
    theme.palette.primary.main,
    theme.palette.success.main,
    theme.palette.warning.main,
    theme.palette.info.main,
  ];
  const height = Math.max(160, data.length * (bars.length > 1 ? 34 : 26) + 60);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" unit={unit} tickFormatter={format} allowDecimals={false} fontSize={12} />
        <YAxis
          type="category"
          dataKey={category}
          width={categoryWidth}
          fontSize={12}
          interval={0}
          tickFormatter={(v: string) => fitLabel(String(v), categoryWidth - 10)}
        />
        <Tooltip formatter={(v) => (format && typeof v === 'number' ? format(v) : `${v}${unit ?? ''}`)} />
        {bars.length > 1 && <Legend />}
        {bars.map((b, i) => (
          <Bar
            key={b.key}
            dataKey={b.key}
            name={b.name}
            fill={b.color ?? palette[i % palette.length]}
            maxBarSize={18}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
