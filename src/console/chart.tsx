import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: number[];
  /** A CSS colour; read from the page's custom properties so that dark mode applies. */
  color: string;
}

/**
 * A uPlot chart (canvas): `line` over days, or `stacked` bars over categories. The chart is a
 * picture only (`aria-hidden`); the table under it holds the same numbers for everyone.
 */
export function Chart(props: {
  kind: 'line' | 'stacked';
  x: string[];
  series: ChartSeries[];
  title: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const xs = props.x.map((_, i) => i);
    // Stacked: each series drawn as the running total of itself and those after it, widest
    // first, so that the later (shorter) bars cover the earlier ones.
    const drawn =
      props.kind === 'stacked'
        ? props.series.map((_, i) =>
            xs.map((x) => props.series.slice(i).reduce((sum, s) => sum + (s.values[x] ?? 0), 0)),
          )
        : props.series.map((s) => s.values);
    const style = getComputedStyle(element);
    const ink = style.getPropertyValue('--ink').trim() || '#222';
    const grid = style.getPropertyValue('--line').trim() || '#ddd';
    const bars = uPlot.paths.bars!({ size: [0.6, 64] });
    const axis = { stroke: ink, grid: { stroke: grid }, ticks: { stroke: grid } };
    const plot = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height: 240,
        scales: { x: { time: false } },
        legend: { show: true },
        cursor: { show: true },
        axes: [
          {
            ...axis,
            values: (_u, ticks) => ticks.map((tick) => props.x[tick] ?? ''),
          },
          axis,
        ],
        series: [
          { label: props.title },
          ...props.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            ...(props.kind === 'stacked' && { fill: s.color, paths: bars }),
          })),
        ],
      },
      [xs, ...drawn],
      element,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, element.clientWidth), height: 240 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [props.kind, props.x, props.series, props.title]);
  return <div class="chart" ref={box} aria-hidden="true" />;
}
