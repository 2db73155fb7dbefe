/**
 * Step: site chrome out of the body, by pattern and line shape rather than by any one site's strings.
 * Every removal is recorded with its reason; editors, keywords, photographers, the title label and
 * the source/date line are kept as metadata.
 */
import { chineseNumeralDate } from '../../dates/chinese-numerals.ts';
import { DATE_TIME, isoOfMatch } from '../../dates/date-in-text.ts';
import type { ImportDoc, Issue, Line, Removed, Step } from '../types.ts';

type Page = ImportDoc['page'];

interface LineRule {
  reason: string;
  test: (text: string) => RegExpMatchArray | boolean | null;
  /** Keeps what the chrome says (editors, keywords …) before the line goes. */
  keep?: (m: RegExpMatchArray, page: Page, meta: ImportDoc['meta']) => void;
}

/** Splits a list of names or keywords printed with spaces, commas or 、. */
export function splitNames(text: string): string[] {
  return text
    .split(/[\s,，、;；/／|]+/u)
    .map((s) => s.trim())
    .filter((s) => s && !/^(本报|记者|通讯员|摄影?|图|文)$/.test(s) && !/(浏览|点击|阅读|来源|发布|时间|次数|字号|编辑|作者)/u.test(s));
}


export const LINE_RULES: LineRule[] = [
  {
    reason: 'separator or stray markup',
    test: (t) => /^[\s|｜=\-_*·•~—>]+$/u.test(t),
  },
  {
    reason: 'navigation breadcrumb',
    test: (t) =>
      t.length <= 80 &&
      (/^(您(当前)?的?位置|当前位置|所在位置|位置)\s*[:：]/u.test(t) ||
        (/[>＞»›]/u.test(t) && t.split(/\s*[>＞»›]\s*/u).filter(Boolean).every((seg) => seg.length <= 12) && !/[。！？]/u.test(t))),
  },
  {
    reason: 'title label (kept as title)',
    test: (t) => t.match(/^(?:标题|题目|文章标题)\s*[:：]\s*(.+?)\s*[|｜]?\s*$/u),
    keep: (m, _page, meta) => {
      meta.title ??= m[1];
    },
  },
  {
    reason: 'source and date line (kept as date and outlet)',
    test: (t) => t.length <= 120 && /(来源|来自|稿源|出处)\s*[:：]/u.test(t) ? t.match(/(?:(?:来源|来自|稿源|出处)\s*[:：]\s*([^\s　|｜]+))/u) : null,
    keep: (m, page) => {
      page.sourceOutlet ??= m[1].replace(/[)）\]】]+$/u, '');
      const author = m.input?.match(/(?:作者|记者|文)\s*[:：/／]\s*((?:[\u4e00-\u9fff]{2,4}[ 、]?){1,4})/u);
      if (author) page.authors = [...(page.authors ?? []), ...splitNames(author[1])];
      const date = m.input?.match(DATE_TIME);
      if (date) page.sourceDate ??= isoOfMatch(date);
      page.sourceLine ??= m.input;
    },
  },
  {
    reason: 'date and time line of the page (kept as date)',
    test: (t) => (t.length <= 40 && /^(发布时间|发布日期|时间|日期)?\s*[:：]?\s*/u.test(t) ? t.match(new RegExp(`^(?:发布时间|发布日期|时间|日期)?\\s*[:：]?\\s*${DATE_TIME.source}\\s*(?:星期.)?\\s*$`, 'u')) : null),
    keep: (m, page) => {
      page.sourceDate ??= isoOfMatch(m);
      page.sourceLine ??= m.input;
    },
  },
  {
    reason: 'editor credit (kept as editors)',
    test: (t) => t.match(/^[\[【(（]?\s*(?:责任编辑|责编|编辑|值班编辑|网络编辑|本版编辑)\s*[:：]\s*([^\]】)）]+?)\s*[\]】)）]?\s*$/u),
    keep: (m, page) => page.editors.push(...splitNames(m[1])),
  },
  {
    reason: 'review credit (审核/校对/编审)',
    test: (t) => /^[\[【(（]?\s*(审核|校对|编审|终审|二审|三审|一审|监制)\s*[:：]/u.test(t) && t.length <= 60,
  },
  {
    reason: 'keyword line (kept as keywords)',
    test: (t) => t.match(/^[\[【]?\s*(?:关键词|关键字|标签|Tags?)\s*[:：]\s*(.+?)[\]】]?$/iu),
    keep: (m, page) => page.keywords.push(...splitNames(m[1])),
  },
  {
    reason: 'photo credit (kept as photographers)',
    test: (t) => t.length <= 40 && t.match(/^[(（]?\s*(?:摄影|图片|图|摄)\s*[:：/／]\s*([^()（）]+?)\s*[)）]?$/u),
    keep: (m, page) => page.photographers.push(...splitNames(m[1])),
  },
  {
    // (二〇一一年一月十日) alone on a line: the date a speech or document was given, printed under its title or signature.
    reason: 'date line in Chinese numerals (kept as date)',
    test: (t) => (t.length <= 20 && /^[(（]?[〇零0○ＯO一二三四五六七八九十年月日]+[)）]?$/u.test(t) && chineseNumeralDate(t)?.length === 10 ? [t] : null),
    keep: (m, page) => {
      page.sourceDate ??= chineseNumeralDate(m[0]);
      page.sourceLine ??= m[0];
    },
  },
  {
    // The e-paper's own name above the page (浙江日报 数字报纸): it states the outlet.
    reason: 'e-paper masthead (kept as outlet)',
    test: (t) => t.match(/^([\u4e00-\u9fff]{2,12}(?:日报|晚报|时报|商报|报))\s*(?:数字报纸|数字报|电子报|电子版|数字版|数字报刊|电子报刊)\s*$/u),
    keep: (m, page) => {
      page.masthead ??= m[1];
    },
  },
  {
    // 00005版:省两会特别报道·新民生, 第A03版：要闻 — the e-paper page and its section, not a headline.
    reason: 'e-paper page line',
    test: (t) => t.length <= 40 && /^(?:第\s*[A-Z]?\d{1,5}\s*版\s*[:：]?|[A-Z]?\d{1,5}\s*版\s*[:：])\s*[^。，！？]{0,30}$/u.test(t),
  },
  {
    // 浙江日报 省两会特别报道·新民生 00005 新代表取经 2013-01-26 2891449 2 2013年01月26日 星期六: the e-paper's
    // index line repeats paper, section, page, title and edition date with internal ids. The date is the edition's.
    reason: 'e-paper index line (kept as the edition date)',
    test: (t) => (t.length <= 160 && !/[。，！？；]/u.test(t) && (t.match(/(?:^|\s)\d{4,}(?=\s|$)/gu)?.length ?? 0) >= 2 ? t.match(DATE_TIME) : null),
    keep: (m, page) => {
      page.sourceDate ??= isoOfMatch(m);
      page.sourceLine ??= m.input;
    },
  },
  {
    reason: 'share widget',
    test: (t) => t.length <= 120 && /(分享到|分享至|一键分享|扫一扫|打印本页|关闭窗口|【打印】|【关闭】|返回顶部|字号\s*[:：]?\s*[大中小]|浏览(次数|量)\s*[:：]|阅读(次数|量)\s*[:：]|点击(数|率|量)\s*[:：])/u.test(t),
  },
  {
    reason: 'empty page widget (分享, 字号, 字体, 打印, 收藏)',
    test: (t) => t.length <= 40 && /^[【\[]?\s*(分享(到|至)?|字号|字体|打印|收藏|关闭|评论|点赞|调整字体|浏览次数|浏览量)\s*[:：】\]]?\s*([大中小]\s*){0,3}[】\]]?\s*(收藏|打印|关闭)?\s*\d*\s*$/u.test(t),
  },
  {
    reason: 'image file name',
    test: (t) => /^[\w()（）\-. ]{1,80}\.(jpe?g|png|gif|webp|bmp)$/iu.test(t),
  },
  {
    reason: 'page address or reprint notice',
    test: (t) => t.length <= 160 && (/^(本文地址|原文地址|本文链接|原文链接|文章地址)\s*[:：]/u.test(t) || /^(本文系作者授权|本文仅代表作者|本文为.{0,12}原创|未经(许可|授权)[,，]?\s*不得转载)/u.test(t)),
  },
  {
    reason: 'original headline (原标题), repeated from the print edition',
    test: (t) => t.length <= 160 && /^原标题\s*[:：]/u.test(t),
  },
  {
    reason: 'previous/next links',
    test: (t) => /^(上一篇|下一篇|上一条|下一条|上一页|下一页)\s*[:：]?/u.test(t),
  },
  {
    reason: 'related links',
    test: (t) => /^(相关栏目|相关新闻|相关阅读|相关链接|相关文章|相关内容|相关报道|推荐阅读|延伸阅读|热点推荐|热门推荐)\s*[:：]?/u.test(t),
  },
  {
    reason: 'ICP licence or police record footer',
    test: (t) => /(ICP\s*[备证]|公网安备|网安备|增值电信业务经营许可)/iu.test(t),
  },
  {
    reason: 'copyright line',
    test: (t) => /(版权所有|版权声明|Copyright|©|All Rights Reserved|未经(书面)?授权.{0,12}(转载|镜像|使用))/iu.test(t),
  },
  {
    reason: 'disclaimer',
    test: (t) => /((转载|转自).{0,30}(侵犯|侵权|版权|权益)|如有侵权|不代表本(网|站)|本(网|站)将在.{0,20}删除|违法和不良信息举报|举报(电话|邮箱)|联系邮箱|联系(QQ|电话)\s*[:：(（])/iu.test(t),
  },
  {
    reason: 'site footer links',
    test: (t) => t.length <= 100 && (/^(关于我们|联系我们|广告服务|网站地图|客服中心|网站声明|隐私政策)/u.test(t) || (t.match(/[|｜]/gu)?.length ?? 0) >= 3),
  },
];

interface InlineRule {
  reason: string;
  pattern: RegExp;
  /** What stands in the text instead; a paywall leaves …… where text is missing, then a paragraph break. */
  replacement?: string;
}

/** Paragraph break inserted by an inline cut (split into lines afterwards). */
const BREAK = '\u2029';

/** Chrome that sits inside a line of text (scrapers glue it to the body). */
export const INLINE_RULES: InlineRule[] = [
  {
    reason: 'paywall notice',
    pattern: /\s*[…\.。]*\s*[（(][^()（）]{0,80}?(省略\s*\d+\s*字|全文共\s*\d+\s*字|正式会员|完整阅读|当前只显示|阅读全文|剩余\s*\d+\s*字)[^()（）]{0,80}[)）]\s*[…\.]*/gu,
    replacement: `……${BREAK}`,
  },
  {
    reason: 'previous/next links and related columns',
    pattern: /\s+(上一篇|下一篇)\s*[:：].*$/u,
  },
  {
    reason: 'stray table/markup separator',
    pattern: /\s*[|｜]\s*$/u,
  },
];

/** Applies the line rules to one line; returns the rule that matched, if any. */
function matchLine(text: string): { rule: LineRule; m: RegExpMatchArray | boolean } | undefined {
  for (const rule of LINE_RULES) {
    const m = rule.test(text);
    if (m) return { rule, m };
  }
  return undefined;
}

/** Cuts inline chrome out of a line; returns the rest (paragraphs split where text is missing) and what went. */
export function stripInline(line: Line): { text: string; parts: string[]; removed: Removed[] } {
  let text = line.text;
  const removed: Removed[] = [];
  for (const rule of INLINE_RULES) {
    text = text.replace(rule.pattern, (all) => {
      if (all.trim()) removed.push({ text: all.trim(), reason: rule.reason, line: line.n });
      return rule.replacement ?? ' ';
    });
  }
  const parts = text
    .split(BREAK)
    .map((p) => p.replace(/[ \t]{2,}/gu, ' ').trim())
    .filter((p) => p && !/^[…]+$/u.test(p));
  return { text: parts.join(' '), parts, removed };
}

export const stripChrome: Step = (doc) => {
  const issues: Issue[] = [];
  const page: Page = { ...doc.page, editors: [...doc.page.editors], keywords: [...doc.page.keywords], photographers: [...doc.page.photographers] };
  const meta = { ...doc.meta };
  const removed: Removed[] = [...doc.removed];
  const lines: Line[] = [];
  for (const line of doc.lines) {
    const hit = matchLine(line.text);
    if (hit) {
      if (hit.rule.keep && typeof hit.m !== 'boolean') hit.rule.keep(hit.m, page, meta);
      removed.push({ text: line.text, reason: hit.rule.reason, line: line.n });
      continue;
    }
    const inline = stripInline(line);
    removed.push(...inline.removed);
    for (const part of inline.parts) {
      const again = matchLine(part);
      if (again) removed.push({ text: part, reason: again.rule.reason, line: line.n });
      else lines.push({ ...line, text: part });
    }
  }
  return { doc: { ...doc, lines, removed, page, meta }, issues };
};
