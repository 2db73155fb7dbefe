import { describe, expect, it } from 'vitest';
import { breadcrumbListJsonLd, newsArticleJsonLd, serializeJsonLd } from '../../../src/lib/reader/json-ld.ts';
import { makeReport } from '../helpers/make-report.ts';

const site = { name: '协商档案', url: 'https://e.org/' };
const outlet = { id: 'rmzxb', name: '人民政协报', kind: 'newspaper' as const, homepage: 'https://www.rmzxw.com.cn/' };

describe(newsArticleJsonLd, () => {
  it('falls back to the outlet as author when no reporter is named', () => {
    const ld = newsArticleJsonLd(makeReport('r', { reporters: [] }), outlet, 'https://e.org/reports/r/', site);
    expect(ld.author).toEqual([{ '@type': 'NewsMediaOrganization', name: '人民政协报', url: 'https://www.rmzxw.com.cn/' }]);
  });
  it('carries headline, date, reporters, publisher and every place with its code', () => {
    const report = makeReport('r', { title: '标题', date: '2022-08', reporters: ['甲'], regions: ['330114', '530000'] });
    const ld = newsArticleJsonLd(report, outlet, 'https://e.org/reports/r/', site);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe('标题');
    expect(ld.datePublished).toBe('2022-08');
    expect(ld.author).toEqual([{ '@type': 'Person', name: '甲' }]);
    expect(ld.publisher.name).toBe('人民政协报');
    expect(ld.contentLocation).toEqual([
      { '@type': 'AdministrativeArea', name: '浙江省杭州市钱塘区', identifier: '330114' },
      { '@type': 'AdministrativeArea', name: '云南省', identifier: '530000' },
    ]);
  });
});

describe(serializeJsonLd, () => {
  it('cannot be closed from inside by a title', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script>&' });
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script>&' });
  });
});

describe(breadcrumbListJsonLd, () => {
  it('numbers the crumbs from 1 and gives the current page its own address', () => {
    const ld = breadcrumbListJsonLd([{ label: '首页', href: '/' }, { label: '浙江省', href: '/regions/330000/' }, { label: '钱塘区' }], 'https://e.org/regions/330000/330100/330114/', 'https://e.org/');
    expect(ld.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: '首页', item: 'https://e.org/' },
      { '@type': 'ListItem', position: 2, name: '浙江省', item: 'https://e.org/regions/330000/' },
      { '@type': 'ListItem', position: 3, name: '钱塘区', item: 'https://e.org/regions/330000/330100/330114/' },
    ]);
  });
});
