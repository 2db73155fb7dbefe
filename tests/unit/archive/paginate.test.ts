import { describe, expect, it } from 'vitest';
import { listPageHref, pageParam, paginateList } from '../../../src/lib/archive/paginate.ts';

describe(paginateList, () => {
  it('gives an empty list one empty page', () => {
    expect(paginateList([], 3)).toEqual([{ page: 1, pages: 1, total: 0, items: [] }]);
  });
  it('keeps a list that fits on one page whole', () => {
    expect(paginateList([1, 2, 3], 3)).toEqual([{ page: 1, pages: 1, total: 3, items: [1, 2, 3] }]);
  });
  it('splits in order and puts the remainder on the last page', () => {
    const pages = paginateList([1, 2, 3, 4, 5, 6, 7], 3);
    expect(pages.map((p) => p.items)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(pages.every((p) => p.pages === 3 && p.total === 7)).toBe(true);
  });
  it('refuses a page size that would loop or lose items', () => {
    expect(() => paginateList([1], 0)).toThrow(RangeError);
    expect(() => paginateList([1], 2.5)).toThrow(RangeError);
  });
});

describe(listPageHref, () => {
  it('puts page 1 at the list itself and later pages below it', () => {
    expect(listPageHref('/topics/e-commerce/', 1)).toBe('/topics/e-commerce/');
    expect(listPageHref('/topics/e-commerce/', 3)).toBe('/topics/e-commerce/3/');
  });
});

describe(pageParam, () => {
  it('leaves the rest parameter empty on page 1', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('2');
  });
});
