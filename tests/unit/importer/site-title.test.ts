import { describe, expect, it } from 'vitest';
import { sameHeadline, siteNameFromTitle, stripSiteSuffix } from '../../../src/lib/importer/site-title.ts';
import { visibleHeadline } from '../../../src/lib/importer/html.ts';

describe(stripSiteSuffix, () => {
  it('leaves a title without separators alone', () => {
    expect(stripSiteSuffix('钱塘江畔迎接高远未来')).toBe('钱塘江畔迎接高远未来');
  });
  it('drops site and channel segments after the usual separators', () => {
    expect(stripSiteSuffix('南浔区政协：聚焦民营经济高质量发展建言献策_湖州新闻网')).toBe('南浔区政协：聚焦民营经济高质量发展建言献策');
    expect(stripSiteSuffix('钱塘江畔迎接高远未来 - 人民政协网')).toBe('钱塘江畔迎接高远未来');
    expect(stripSiteSuffix('委员建言数字经济 | 政协动态 | 某市政协')).toBe('委员建言数字经济');
    expect(stripSiteSuffix('委员建言数字经济——央广网')).toBe('委员建言数字经济');
    expect(stripSiteSuffix('委员建言数字经济 - 山西省人民政府门户网站 ')).toBe('委员建言数字经济');
    expect(stripSiteSuffix('外媒眼中的武汉长假_首页武汉_新闻中心_长江网_cjn.cn')).toBe('外媒眼中的武汉长假');
  });
  it('uses the page’s own site name even when it has no site word', () => {
    expect(stripSiteSuffix('委员建言数字经济_澎湃', '澎湃')).toBe('委员建言数字经济');
  });
  it('keeps a separator that belongs to the headline', () => {
    expect(stripSiteSuffix('商量，让商圈更有味道——济南市槐荫区政协商量印象济南商圈小记')).toBe('商量，让商圈更有味道——济南市槐荫区政协商量印象济南商圈小记');
    expect(stripSiteSuffix('棱镜|数据业大整顿：爬虫与现金贷共生共荣_财经_腾讯网')).toBe('棱镜|数据业大整顿：爬虫与现金贷共生共荣');
    expect(stripSiteSuffix('2022-08-24 钱塘区')).toBe('2022-08-24 钱塘区');
  });
});

describe(sameHeadline, () => {
  it('matches a headline inside a longer page title, ignoring spaces', () => {
    expect(sameHeadline('南浔区政协：聚焦民营经济高质量发展建言献策', '湖州市南浔区政协：聚焦民营经济高质量发展建言献策')).toBe(true);
    expect(sameHeadline('聚焦民营经济 高质量发展', '南浔区政协：聚焦民营经济高质量发展')).toBe(true);
    expect(sameHeadline('首页', '南浔区政协：聚焦民营经济高质量发展')).toBe(false);
    expect(sameHeadline('', '钱塘')).toBe(false);
  });
});

describe(siteNameFromTitle, () => {
  it('names the last site-like segment, never a domain or a channel', () => {
    expect(siteNameFromTitle('棱镜|数据业大整顿_财经_腾讯网')).toBe('腾讯网');
    expect(siteNameFromTitle('外媒眼中的武汉长假_首页武汉_新闻中心_长江网_cjn.cn')).toBe('长江网');
    expect(siteNameFromTitle('钱塘江畔迎接高远未来')).toBeUndefined();
  });
});

describe(visibleHeadline, () => {
  it('takes the longest visible heading that the page title repeats', () => {
    expect(visibleHeadline('大连太平湾投资2000亿 未批先建开工两年半_网易财经', ['财经头条', '大连太平湾投资2000亿 未批先建开工两年半'])).toBe('大连太平湾投资2000亿 未批先建开工两年半');
    expect(visibleHeadline('棱镜|数据业大整顿_财经_腾讯网', ['棱镜|数据业大整顿', '相关搜索'])).toBe('棱镜|数据业大整顿');
  });
  it('is undefined when no heading is in the title (a sidebar heading is not the headline)', () => {
    expect(visibleHeadline('委员建言数字经济_某某网', ['热门推荐', '国务院欲果断强力救市'])).toBeUndefined();
  });
});
