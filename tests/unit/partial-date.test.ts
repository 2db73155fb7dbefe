import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  formatPartialDateZh,
  normalizeDateInput,
  parsePartialDate,
} from '../../src/lib/dates/partial-date.ts';

describe(parsePartialDate, () => {
  it('rejects empty and malformed text', () => {
    expect(parsePartialDate('')).toBeNull();
    expect(parsePartialDate('2022年8月24日')).toBeNull();
    expect(parsePartialDate('2022-8-24')).toBeNull();
    expect(parsePartialDate('22-08-24')).toBeNull();
  });
  it('rejects impossible calendar dates', () => {
    expect(parsePartialDate('2022-02-29')).toBeNull();
    expect(parsePartialDate('2022-13')).toBeNull();
    expect(parsePartialDate('2022-04-31')).toBeNull();
  });
  it('accepts leap days and all three precisions', () => {
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29, precision: 'day' });
    expect(parsePartialDate('2022-08')).toEqual({ year: 2022, month: 8, precision: 'month' });
    expect(parsePartialDate('2022')).toEqual({ year: 2022, precision: 'year' });
  });
});

describe(normalizeDateInput, () => {
  it('turns YAML dates and years into strings without time-zone drift', () => {
    expect(normalizeDateInput(new Date(Date.UTC(2022, 7, 24)))).toBe('2022-08-24');
    expect(normalizeDateInput(2022)).toBe('2022');
    expect(normalizeDateInput(' 2022-08 ')).toBe('2022-08');
  });
});

describe(comparePartialDates, () => {
  it('orders a year before its months and a month before its days', () => {
    const sorted = ['2022-08-01', '2022', '2021-12-31', '2022-08'].sort(comparePartialDates);
    expect(sorted).toEqual(['2021-12-31', '2022', '2022-08', '2022-08-01']);
  });
});

describe(formatPartialDateZh, () => {
  it('formats each precision in Chinese', () => {
    expect(formatPartialDateZh('2022-08-04')).toBe('2022年8月4日');
    expect(formatPartialDateZh('2022-08')).toBe('2022年8月');
    expect(formatPartialDateZh('2022')).toBe('2022年');
  });
});
