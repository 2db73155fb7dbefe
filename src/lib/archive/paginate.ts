/**
 * Splits long report lists into numbered pages, so a province with thousands of reports does not
 * become one enormous page. Page 1 lives at the list's own URL, page n at `<list>/<n>/`.
 */

/** Reports per list page: enough to scan on a phone, small enough to stay light. */
export const LIST_PAGE_SIZE = 50;

export interface ListPage<T> {
  /** 1-based page number. */
  page: number;
  /** Number of pages, at least 1 (an empty list still has its first page). */
  pages: number;
  /** Total items across all pages. */
  total: number;
  items: T[];
}

/** Every page of `items`, in order; always at least one page. */
export function paginateList<T>(items: readonly T[], pageSize = LIST_PAGE_SIZE): ListPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    pages,
    total: items.length,
    items: items.slice(i * pageSize, (i + 1) * pageSize),
  }));
}

/** The URL of page `page` of the list at `baseHref` (which ends in a slash). */
export function listPageHref(baseHref: string, page: number): string {
  return page <= 1 ? baseHref : `${baseHref}${page}/`;
}

/** The rest-parameter value for a page: undefined for page 1, so it lives at the list's own URL. */
export function pageParam(page: number): string | undefined {
  return page <= 1 ? undefined : String(page);
}
