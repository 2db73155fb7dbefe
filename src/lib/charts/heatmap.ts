/** Heatmap of a count matrix (e.g. topic × year), each cell labelled with its count. */
import * as Plot from '@observablehq/plot';
import { CHART_WIDTH, labelWidth, renderPlot, shadeGroups } from './render.ts';

export interface HeatmapOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  /** cells[row][col]. */
  cells: readonly (readonly number[])[];
}

const ROW = 28;
const MIN_CELL = 28;
const MAX_CELL = 64;

/**
 * SVG of the matrix with rows and columns in the given order; zero cells stay blank. Drawn at the
 * phone design width when it fits; column labels turn 45° when they are wider than a cell.
 */
export function renderHeatmap(options: HeatmapOptions): string {
  const { rowLabels, colLabels, cells } = options;
  const max = Math.max(0, ...cells.flat());
  const data = rowLabels.flatMap((row, r) => colLabels.map((col, c) => ({ row: `${r}`, col: `${c}`, count: cells[r][c] })));
  const marginLeft = Math.max(40, ...rowLabels.map((l) => labelWidth(l))) + 16;
  const cols = Math.max(1, colLabels.length);
  const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor((CHART_WIDTH - marginLeft - 16) / cols)));
  const widest = Math.max(0, ...colLabels.map((l) => labelWidth(l)));
  const rotate = widest > cell - 4;
  const groups = shadeGroups(data, (d) => d.count, max);
  return renderPlot({
    width: Math.max(CHART_WIDTH, marginLeft + 16 + cols * cell),
    height: (rotate ? Math.ceil(widest * 0.72) + 40 : 48) + 24 + Math.max(1, rowLabels.length) * ROW,
    marginLeft,
    marginTop: rotate ? Math.ceil(widest * 0.72) + 40 : 48,
    marginBottom: 24,
    marginRight: 16,
    ariaLabel: options.title,
    x: {
      axis: 'top',
      label: options.xLabel,
      labelArrow: 'none',
      labelAnchor: 'center',
      domain: colLabels.map((_, c) => `${c}`),
      tickFormat: (k: string) => colLabels[Number(k)] ?? k,
      ...(rotate ? { tickRotate: -45 } : {}),
    },
    y: {
      label: options.yLabel,
      labelArrow: 'none',
      labelAnchor: 'top',
      domain: rowLabels.map((_, r) => `${r}`),
      tickFormat: (k: string) => rowLabels[Number(k)] ?? k,
    },
    // One mark per shade step (class shade-N) so the page can recolour each step per theme.
    marks: [
      ...groups.map((g) => Plot.cell(g.data, { x: 'col', y: 'row', fill: g.fill, inset: 1, className: `cells ${g.className}` })),
      ...groups
        .filter((g) => g.step > 0)
        .map((g) => Plot.text(g.data, { x: 'col', y: 'row', text: (d: { count: number }) => String(d.count), fill: g.text, className: `cell-values ${g.className}` })),
    ],
  });
}
