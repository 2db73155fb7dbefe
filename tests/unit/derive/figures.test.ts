import { describe, expect, it } from 'vitest';
import { compareDecimalStrings } from '../../../src/lib/derive/decimal.ts';
import { figureRows, rankWithinUnit, summarizeFiguresByUnit } from '../../../src/lib/derive/figures.ts';
import { makeReport } from '../helpers/make-report.ts';

const fig = (label: string, value: string, unit: string, extra = {}) => ({ label, value, unit, ...extra });

describe(compareDecimalStrings, () => {
  it('compares exactly, without floats', () => {
    expect(compareDecimalStrings('54.9', '54.90')).toBe(0);
    expect(compareDecimalStrings('157.36', '98.1')).toBe(1);
    expect(compareDecimalStrings('0.1', '0.09')).toBe(1);
    expect(compareDecimalStrings('-3', '2')).toBe(-1);
    expect(compareDecimalStrings('-3.5', '-3.25')).toBe(-1);
    expect(compareDecimalStrings('-0', '0.0')).toBe(0);
    expect(compareDecimalStrings('007', '7')).toBe(0);
    expect(compareDecimalStrings('12345678901234567890.1', '12345678901234567890.01')).toBe(1);
  });
  it('rejects words with a fix', () => {
    expect(() => compareDecimalStrings('约5', '1')).toThrow(/e\.g\. "157\.36"/);
  });
});

describe(figureRows, () => {
  it('is empty for no reports', () => {
    expect(figureRows([])).toEqual([]);
  });
  it('keeps the value string exactly and takes the report region when the figure has none', () => {
    const rows = figureRows([
      makeReport('a', { regions: ['330114', '330100'], figures: [fig('营收', '54.90', '亿元', { year: 2021 }), fig('企业', '12', '家', { region: '330108' })] }),
    ]);
    expect(rows.map((r) => [r.value, r.unit, r.year, r.region, r.regionStated, r.index])).toEqual([
      ['54.90', '亿元', 2021, '330114', false, 0],
      ['12', '家', undefined, '330108', true, 1],
    ]);
  });
  it('orders reports newest first with id as tie-break', () => {
    const rows = figureRows([
      makeReport('b', { figures: [fig('x', '1', '家')] }),
      makeReport('a', { figures: [fig('y', '2', '家')] }),
      makeReport('c', { date: '2023', figures: [fig('z', '3', '家')] }),
    ]);
    expect(rows.map((r) => r.reportId)).toEqual(['c', 'a', 'b']);
  });
});

describe(summarizeFiguresByUnit, () => {
  it('compares only within one unit', () => {
    const rows = figureRows([
      makeReport('a', { figures: [fig('a', '157.36', '亿元'), fig('b', '98.1', '%'), fig('c', '9.5', '亿元'), fig('d', '1500', '家')] }),
    ]);
    const s = summarizeFiguresByUnit(rows);
    expect(s.map((u) => [u.unit, u.count, u.min.value, u.max.value])).toEqual([
      ['亿元', 2, '9.5', '157.36'],
      ['%', 1, '98.1', '98.1'],
      ['家', 1, '1500', '1500'],
    ]);
    expect(rankWithinUnit(rows, '亿元').map((r) => r.value)).toEqual(['157.36', '9.5']);
  });
  it('keeps the first of equal values (ties)', () => {
    const rows = figureRows([makeReport('a', { figures: [fig('a', '5.0', '%'), fig('b', '5', '%')] })]);
    expect(summarizeFiguresByUnit(rows)[0].max.label).toBe('a');
    expect(rankWithinUnit(rows, '%').map((r) => r.label)).toEqual(['a', 'b']);
  });
});
