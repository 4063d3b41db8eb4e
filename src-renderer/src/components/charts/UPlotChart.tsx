import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { resolveColor, useThemeVersion } from './chart-colors';

export interface UPlotSeries {
  label: string;
  /** A colour token of the stylesheet, e.g. '--primary'. */
  color: string;
  kind: 'bars' | 'line' | 'dashed';
  values: (number | null)[];
}

interface UPlotChartProps {
  /** One x value per point: labels are drawn by `xLabel`. */
  x: number[];
  xLabel: (value: number) => string;
  series: UPlotSeries[];
  yLabel?: (value: number) => string;
  yRange?: [number, number];
  height?: number;
}

/**
 * A uPlot chart (canvas, quick with long series) sized to its box and drawn in the theme's colours; it is drawn
 * again when the theme or the data change. Decorative for assistive technology: ChartFigure carries the table.
 */
export function UPlotChart({ x, xLabel, series, yLabel, yRange, height = 220 }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useThemeVersion();

  useEffect(() => {
    const host = box.current;
    if (!host) return;
    const text = resolveColor(host, '--text-muted');
    const grid = resolveColor(host, '--border');
    const bars = uPlot.paths.bars?.({ size: [0.7, 40] });
    const plot = new uPlot(
      {
        width: Math.max(200, host.clientWidth),
        height,
        legend: { show: series.length > 1 },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        scales: {
          x: { time: false },
          y: yRange ? { range: yRange } : { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [
          {
            stroke: text,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            values: (_u, ticks) => ticks.map(xLabel),
          },
          {
            stroke: text,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            ...(yLabel ? { values: (_u: uPlot, ticks: number[]) => ticks.map(yLabel) } : {}),
          },
        ],
        series: [
          {},
          ...series.map((s) => {
            const color = resolveColor(host, s.color);
            return {
              label: s.label,
              stroke: color,
              width: s.kind === 'bars' ? 0 : 2,
              fill: s.kind === 'bars' ? color : undefined,
              dash: s.kind === 'dashed' ? [6, 4] : undefined,
              paths: s.kind === 'bars' ? bars : undefined,
              points: { show: s.kind === 'line' },
              spanGaps: true,
            };
          }),
        ],
      },
      [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
      host,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(200, host.clientWidth), height }));
    resize.observe(host);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [x, xLabel, series, yLabel, yRange, height, theme]);

  return <div ref={box} className="uplot-box" aria-hidden="true" />;
}
