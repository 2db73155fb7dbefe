/** The facts line's outlet: an inferred outlet is flagged, a known original page is linked. */
import { describe, expect, it } from 'vitest';
import { attributionOf } from '../../../src/lib/reader/attribution.ts';
import { makeReport } from '../helpers/make-report.ts';

const outlets = [{ id: 'fuyang-rb', name: '富阳日报', kind: 'newspaper' as const }];

describe('attributionOf', () => {
  it('states a named outlet plainly', () => {
    expect(attributionOf(makeReport('a', { outlet: 'fuyang-rb' }), outlets)).toEqual({ name: '富阳日报', inferred: false });
  });

  it('flags an inferred outlet as 推定, like an inferred date', () => {
    const a = attributionOf(makeReport('a', { outlet: 'fuyang-rb', outletCertainty: 'inferred' }), outlets);
    expect(a.inferred).toBe(true);
    expect(a.flag).toContain('推定');
  });

  it('links the original page when its address is known, and never a javascript: address', () => {
    const withUrl = makeReport('a', { outlet: 'fuyang-rb', source: { url: 'https://www.fynews.net/2025/1.html' } });
    expect(attributionOf(withUrl, outlets).original).toEqual({ href: 'https://www.fynews.net/2025/1.html', host: 'fynews.net' });
    const bad = makeReport('a', { outlet: 'fuyang-rb', source: { url: 'javascript:alert(1)' } });
    expect(attributionOf(bad, outlets).original).toBeUndefined();
  });
});
