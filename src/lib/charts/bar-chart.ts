/** Horizontal bar chart of counts (one bar per category), readable on a phone. */
import * as Plot from '@observablehq/plot';
import { CHART_WIDTH, countTicks, labelWidth, renderPlot } from './render.ts';

export interface BarDatum {
  label: string;
  count: number;
}

export interface BarChartOptions {
  /** Accessible name of the chart (its visible title). */
  title: string;
  /** Axis label for the counts, e.g. 报道数（篇）. */
  xLabel: string;
  /** Axis label for the categories, e.g. 省份. */
  yLabel: string;
}

const ROW = 26;

/** SVG of horizontal bars in the given order, each labelled with its count. */
export function renderBarChart(data: readonly BarDatum[], options: BarChartOptions): string {
  const max = Math.max(0, ...data.map((d) => d.count));
  const marginLeft = Math.min(CHART_WIDTH / 2, Math.max(40, ...data.map((d) => labelWidth(d.label))) + 24);
  const rows = data.map((d, i) => ({ ...d, key: `${i}` }));
  return renderPlot({
    height: 56 + Math.max(1, data.length) * ROW,
    marginLeft,
    marginRight: 28,
    marginTop: 24,
    marginBottom: 36,
    ariaLabel: options.title,
    x: { label: options.xLabel, labelArrow: 'none', labelAnchor: 'center', ticks: countTicks(max), tickFormat: 'd', grid: true, domain: [0, Math.max(1, max)] },
    y: {
      label: options.yLabel,
      labelArrow: 'none',
      labelAnchor: 'top',
      domain: rows.map((r) => r.key),
      tickFormat: (key: string) => rows[Number(key)]?.label ?? key,
    },
    marks: [
      Plot.barX(rows, { x: 'count', y: 'key', fill: '#2f6db0', className: 'bars' }),
      Plot.text(rows, { x: 'count', y: 'key', text: (d: BarDatum) => String(d.count), dx: 4, textAnchor: 'start', className: 'bar-values' }),
      Plot.ruleX([0]),
    ],
  });
}
