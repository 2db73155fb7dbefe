/** Tile map: one square per province, shaded by report count and labelled with name and count. */
import * as Plot from '@observablehq/plot';
import { PROVINCE_TILES } from './province-tiles.ts';
import { CHART_WIDTH, renderPlot, shadeGroups } from './render.ts';

const COLS = 8;
const ROWS = 8;

/** SVG tile map of report counts per province code (codes not in `counts` show 0). */
export function renderProvinceTileMap(counts: ReadonlyMap<string, number>, title: string): string {
  const max = Math.max(0, ...counts.values());
  const tiles = PROVINCE_TILES.map((t) => ({ ...t, count: counts.get(t.code) ?? 0 }));
  const groups = shadeGroups(tiles, (d) => d.count, max);
  const label = (d: { short: string; count: number }) => (d.count ? `${d.short}\n${d.count}` : d.short);
  return renderPlot({
    width: CHART_WIDTH,
    height: Math.round((CHART_WIDTH / COLS) * ROWS),
    margin: 0,
    ariaLabel: title,
    x: { axis: null, domain: Array.from({ length: COLS }, (_, i) => i) },
    y: { axis: null, domain: Array.from({ length: ROWS }, (_, i) => i) },
    // One mark per shade step (class shade-N) so the page can recolour each step per theme.
    marks: [
      ...groups.map((g) => Plot.cell(g.data, { x: 'col', y: 'row', fill: g.fill, inset: 1.5, rx: 3, className: `tiles ${g.className}` })),
      ...groups.map((g) => Plot.text(g.data, { x: 'col', y: 'row', text: label, fill: g.text, fontSize: 11, lineHeight: 1.2, className: `tile-labels ${g.className}` })),
    ],
  });
}
