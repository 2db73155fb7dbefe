/** Tile map: one square per province, shaded by report count and labelled with name and count. */
import * as Plot from '@observablehq/plot';
import { PROVINCE_TILES } from './province-tiles.ts';
import { CHART_WIDTH, renderPlot, shadeFor } from './render.ts';

const COLS = 8;
const ROWS = 8;

/** SVG tile map of report counts per province code (codes not in `counts` show 0). */
export function renderProvinceTileMap(counts: ReadonlyMap<string, number>, title: string): string {
  const max = Math.max(0, ...counts.values());
  const tiles = PROVINCE_TILES.map((t) => ({ ...t, count: counts.get(t.code) ?? 0 }));
  const shade = (d: { count: number }) => shadeFor(d.count, max);
  const label = (d: { short: string; count: number }) => (d.count ? `${d.short}\n${d.count}` : d.short);
  return renderPlot({
    width: CHART_WIDTH,
    height: Math.round((CHART_WIDTH / COLS) * ROWS),
    margin: 0,
    ariaLabel: title,
    x: { axis: null, domain: Array.from({ length: COLS }, (_, i) => i) },
    y: { axis: null, domain: Array.from({ length: ROWS }, (_, i) => i) },
    marks: [
      Plot.cell(tiles, { x: 'col', y: 'row', fill: (d: { count: number }) => shade(d).fill, inset: 1.5, rx: 3, className: 'tiles' }),
      Plot.text(tiles, { x: 'col', y: 'row', text: label, fill: (d: { count: number }) => shade(d).text, fontSize: 11, lineHeight: 1.2, className: 'tile-labels' }),
    ],
  });
}
