/**
 * Chinese typography on a phone and a desktop (issue 20 items 11, 12): the figures table never
 * splits a number from its unit at a line end, justified body text never letter-spaces digits,
 * and Chinese quotes are drawn by a CJK face (full-width), not by a Latin system-ui font.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { loadContentReports } from '../helpers/content.ts';
import { reportHref } from '../../src/lib/archive/urls.ts';

const baseUrl = inject('baseUrl');
const reports = loadContentReports();
const withFigures = reports.filter((r) => r.data.figures.length > 0);
const withDigitsAndQuotes = reports.find((r) => /\d{4}年/.test(r.body) && r.body.includes('“'));
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 844 } });
  const page = await context.newPage();
  await page.goto(baseUrl + path);
  return page;
}

describe('figures table (item 11)', () => {
  it.skipIf(withFigures.length === 0)('keeps every number on the line of its unit on phones (320–390 px)', async () => {
    for (const width of [320, 360, 390]) {
      for (const report of withFigures) {
        const page = await open(reportHref(report.id), width);
        // Each quantity (digits and the unit characters after them) must sit on one line.
        const split = await page.locator('section.figures td').evaluateAll((cells) => {
          const out: string[] = [];
          const quantity = /\d+(?:[.,]\d+)*[年月日号个家项名条元万亿千米方平公里人次户余%]*/g;
          for (const cell of cells) {
            const text = cell.textContent ?? '';
            for (const m of text.matchAll(quantity)) {
              if (m[0].length < 2) continue;
              // Map the match back to text nodes and take each character's line (its rect top).
              const tops = new Set<number>();
              let offset = 0;
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
                for (let i = 0; i < n.data.length; i++) {
                  const at = offset + i;
                  if (at < m.index! || at >= m.index! + m[0].length) continue;
                  const range = document.createRange();
                  range.setStart(n, i);
                  range.setEnd(n, i + 1);
                  tops.add(Math.round(range.getBoundingClientRect().top));
                }
                offset += n.data.length;
              }
              if (tops.size > 1) out.push(m[0]);
            }
          }
          return out;
        });
        expect(split, `${report.id} at ${width}px splits`).toEqual([]);
        await page.context().close();
      }
    }
  });
});

describe('body text (item 12)', () => {
  it.skipIf(!withDigitsAndQuotes)('never letter-spaces digits when justifying, and draws “” full-width in a CJK face', async () => {
    for (const width of [390, 1366]) {
      const page = await open(reportHref(withDigitsAndQuotes!.id), width);
      const result = await page.evaluate(() => {
        const paragraphs = [...document.querySelectorAll<HTMLElement>('.prose p')];
        const spread: string[] = [];
        const quotes: number[] = [];
        const probe = document.createElement('span');
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
        for (const p of paragraphs) {
          const style = getComputedStyle(p);
          probe.style.font = style.font;
          p.after(probe);
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
            const width = (i: number) => {
              const r = document.createRange();
              r.setStart(n!, i);
              r.setEnd(n!, i + 1);
              return r.getBoundingClientRect().width;
            };
            for (const m of n.data.matchAll(/\d{2,}/g)) {
              probe.textContent = m[0];
              const natural = probe.getBoundingClientRect().width;
              let set = 0;
              for (let i = m.index!; i < m.index! + m[0].length; i++) set += width(i);
              if (set > natural + 0.5) spread.push(`${m[0]} (${set.toFixed(1)} > ${natural.toFixed(1)} px)`);
            }
            // A quote after other punctuation or at a line start is trimmed to half width on
            // purpose (text-spacing-trim: space-first, as clreq allows); every other one is full.
            const left = p.getBoundingClientRect().left + parseFloat(style.paddingLeft);
            for (let i = n.data.indexOf('“'); i >= 0; i = n.data.indexOf('“', i + 1)) {
              if (i === 0 || /[\p{P}\s]/u.test(n.data[i - 1])) continue;
              const r = document.createRange();
              r.setStart(n, i);
              r.setEnd(n, i + 1);
              if (Math.abs(r.getBoundingClientRect().left - left) < 1) continue;
              quotes.push(width(i) / parseFloat(style.fontSize));
            }
          }
          probe.remove();
        }
        const family = getComputedStyle(paragraphs[0]).fontFamily;
        return { spread, quotes, family };
      });
      expect(result.spread, `digits spread at ${width}px`).toEqual([]);
      expect(result.quotes.length).toBeGreaterThan(0);
      console.info('“ widths (em)', width, result.quotes.map((q) => q.toFixed(2)).join(' '));
      for (const q of result.quotes) expect(q, 'a “ is a full-width glyph').toBeGreaterThan(0.85);
      // The CJK faces come before system-ui, so “” (which Latin fonts also have) come from a CJK face.
      const families = result.family.split(',').map((f) => f.trim().replace(/['"]/g, ''));
      const firstCjk = families.findIndex((f) => /PingFang|Hiragino|Noto Sans CJK|Source Han|YaHei|JhengHei|WenQuanYi/.test(f));
      const systemUi = families.indexOf('system-ui');
      expect(firstCjk).toBeGreaterThanOrEqual(0);
      if (systemUi >= 0) expect(firstCjk, result.family).toBeLessThan(systemUi);
      await page.context().close();
    }
  });
});
