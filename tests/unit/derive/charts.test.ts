import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderBarChart } from '../../../src/lib/charts/bar-chart.ts';
import { renderHeatmap } from '../../../src/lib/charts/heatmap.ts';
import { PROVINCE_TILES } from '../../../src/lib/charts/province-tiles.ts';
import { countTicks, shadeFor } from '../../../src/lib/charts/render.ts';
import { renderProvinceTileMap } from '../../../src/lib/charts/tile-map.ts';

function svgOf(markup: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return document.querySelector('svg')!;
}

describe(renderBarChart, () => {
  it('draws one bar per category with its label, count and axis labels', () => {
    const svg = svgOf(renderBarChart([{ label: '浙江省', count: 9 }, { label: '云南省', count: 3 }], { title: '各省报道数', xLabel: '报道数（篇）', yLabel: '省份' }));
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('各省报道数');
    expect(svg.querySelectorAll('g.bars rect')).toHaveLength(2);
    expect(svg.textContent).toContain('浙江省');
    expect(svg.textContent).toContain('报道数（篇）');
    expect([...svg.querySelectorAll('g.bar-values text')].map((t) => t.textContent)).toEqual(['9', '3']);
  });
  it('renders an empty chart without failing', () => {
    expect(svgOf(renderBarChart([], { title: 't', xLabel: 'x', yLabel: 'y' })).querySelectorAll('rect')).toHaveLength(0);
  });
  it('keeps ARIA only on the root: one image named by its title', () => {
    const svg = svgOf(renderBarChart([{ label: 'a', count: 1 }], { title: 't', xLabel: 'x', yLabel: 'y' }));
    expect(svg.querySelectorAll('[aria-label], [aria-hidden], [aria-description]')).toHaveLength(0);
  });
  it('sets tabular figures in CSS, not as the font-variant attribute SVG does not allow (W3C checker)', () => {
    const svg = svgOf(renderBarChart([{ label: 'a', count: 12 }, { label: 'b', count: 3 }], { title: 't', xLabel: 'x', yLabel: 'y' }));
    expect(svg.querySelectorAll('[font-variant]')).toHaveLength(0);
    const styled = [...svg.querySelectorAll('g[style]')].map((g) => g.getAttribute('style'));
    expect(styled).toContain('font-variant:tabular-nums');
  });
  it('is deterministic', () => {
    const data = [{ label: 'a', count: 1 }];
    expect(renderBarChart(data, { title: 't', xLabel: 'x', yLabel: 'y' })).toBe(renderBarChart(data, { title: 't', xLabel: 'x', yLabel: 'y' }));
  });
});

describe(renderHeatmap, () => {
  it('draws every cell and labels the non-zero ones', () => {
    const svg = svgOf(renderHeatmap({ title: 't', xLabel: '年份', yLabel: '主题', rowLabels: ['制造业', '电子商务'], colLabels: ['2021', '2022'], cells: [[1, 0], [2, 3]] }));
    expect(svg.querySelectorAll('g.cells rect')).toHaveLength(4);
    expect([...svg.querySelectorAll('g.cell-values text')].map((t) => t.textContent)).toEqual(['1', '2', '3']);
  });
});

describe(renderProvinceTileMap, () => {
  it('has 34 distinct tiles and shows counts', () => {
    expect(new Set(PROVINCE_TILES.map((t) => `${t.col},${t.row}`)).size).toBe(34);
    expect(new Set(PROVINCE_TILES.map((t) => t.code)).size).toBe(34);
    const svg = svgOf(renderProvinceTileMap(new Map([['330000', 7]]), '各省报道数'));
    expect(svg.querySelectorAll('g.tiles rect')).toHaveLength(34);
    expect(svg.textContent).toContain('浙江7');
  });
});

describe(countTicks, () => {
  it('gives whole-number ticks only', () => {
    expect(countTicks(0)).toEqual([0]);
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(12)).toEqual([0, 3, 6, 9, 12]);
  });
});

describe(shadeFor, () => {
  it('keeps zero neutral and the maximum darkest', () => {
    expect(shadeFor(0, 5).fill).toBe('#f3f2f1');
    expect(shadeFor(5, 5).text).toBe('#ffffff');
  });
});
