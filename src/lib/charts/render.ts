/**
 * Server-side rendering of Observable Plot charts to SVG strings. Plot needs a DOM; linkedom's
 * `parseHTML` gives one without a browser, so charts are plain static SVG in the built HTML.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** Font size of chart text in CSS pixels at the design width. */
export const CHART_FONT_SIZE = 12;
/**
 * Design width: charts are drawn for a phone (375 px minus page margins) and scale up to at
 * most ~1.5× on wide screens, so their text is never smaller than ~11 px.
 */
export const CHART_WIDTH = 340;

export type PlotOptions = Plot.PlotOptions;

/** Renders Plot options to an SVG string with the site's font and fixed, deterministic markup. */
export function renderPlot(options: PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({
    width: CHART_WIDTH,
    ...options,
    document: document as unknown as Document,
    className: 'chart-svg',
    style: { fontSize: `${CHART_FONT_SIZE}px`, fontFamily: 'inherit', background: 'transparent', overflow: 'visible' },
  });
  chart.setAttribute('role', 'img');
  // The chart is one image (role="img", named by its title); Plot's aria-labels on inner <g>
  // elements are not allowed there (axe: aria-prohibited-attr) and screen readers ignore them.
  for (const el of chart.querySelectorAll('[aria-label], [aria-description], [aria-hidden]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
    el.removeAttribute('aria-hidden');
  }
  // Plot puts font-variant="tabular-nums" on numeric axes' tick groups, but font-variant is not a
  // presentation attribute SVG allows (W3C checker: "Bad value tabular-nums for attribute
  // font-variant on element g"). The same value as a CSS declaration is valid and renders alike.
  for (const el of chart.querySelectorAll('[font-variant]')) {
    const declaration = `font-variant:${el.getAttribute('font-variant')}`;
    const style = el.getAttribute('style');
    el.setAttribute('style', style ? `${style.replace(/;\s*$/u, '')};${declaration}` : declaration);
    el.removeAttribute('font-variant');
  }
  return chart.outerHTML;
}

/** Approximate rendered width of a label: CJK characters one em, others about 0.6 em. */
export function labelWidth(text: string, fontSize = CHART_FONT_SIZE): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? 1 : 0.6;
  return Math.ceil(em * fontSize);
}

/** Ticks for a count axis: whole numbers only, at most five. */
export function countTicks(max: number): number[] {
  if (max <= 0) return [0];
  const step = Math.max(1, Math.ceil(max / 5));
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  return ticks;
}

// Five steps from "none" to "most", light to dark, with the text colour that keeps contrast ≥ 4.5:1.
const STEPS = [
  { fill: '#f3f2f1', text: '#1b1b1b' },
  { fill: '#d2e3f3', text: '#1b1b1b' },
  { fill: '#8fbbe0', text: '#1b1b1b' },
  { fill: '#2f6db0', text: '#ffffff' },
  { fill: '#143d6b', text: '#ffffff' },
] as const;

/** The step (0 = none … 4 = most) of a count relative to the largest count. */
export function shadeStep(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

/** Fill and text colour for a count relative to the largest count (0 gets the neutral step). */
export function shadeFor(count: number, max: number): { fill: string; text: string } {
  return STEPS[shadeStep(count, max)];
}

/**
 * The data split by shade step, for one mark per step with the class `shade-<step>`. The light
 * colours are written into the SVG; the page's CSS recolours each class per theme
 * (`--shade-<step>`, global.css), so in dark mode an empty cell is the darkest, not the brightest.
 */
export function shadeGroups<T>(data: readonly T[], count: (d: T) => number, max: number): { step: number; className: string; fill: string; text: string; data: T[] }[] {
  return STEPS.map((colours, step) => ({ step, className: `shade-${step}`, ...colours, data: data.filter((d) => shadeStep(count(d), max) === step) })).filter((g) => g.data.length > 0);
}
