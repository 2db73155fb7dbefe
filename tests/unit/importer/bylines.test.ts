/** Bylines in the places real pages print them: after the dateline, on a line of their own, at the very end. */
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/lib/importer/index.ts';
import { parseByline } from '../../../src/lib/importer/steps/read-byline.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';

const registry = loadRegistry(contentDirUrl());
const BODY = '区政协近日组织委员围绕优化营商环境开展专题调研，走访了多家民营企业，听取了企业负责人的意见和建议。';
function article(text: string) {
  const result = importDocument(new TextEncoder().encode(text), { fileName: 'page.txt', registry });
  if (!result.ok) throw new Error(result.error);
  return result.articles[0];
}

describe(parseByline, () => {
  it('reads a role glued to the name and skips 整合/整理', () => {
    expect(parseByline('（记者陈智 整合）')).toEqual({ reporters: ['陈智'], correspondents: [] });
    expect(parseByline('本报通讯员李茜 记者 王磊')).toEqual({ reporters: ['王磊'], correspondents: ['李茜'] });
  });
});

describe('bylines on the page', () => {
  it('reads an author line that stands after a summary box, and takes it out of the body', () => {
    const a = article(`数据业大整顿\n\n划重点：\n\n监管方从年初就在酝酿整顿。\n\n《棱镜》作者 周纯\n\n${BODY}`);
    expect(a.reporters).toEqual(['周纯']);
    expect(a.body).not.toContain('周纯');
    expect(a.removed.some((r: { reason: string }) => /author line/.test(r.reason))).toBe(true);
  });
  it('reads bare names in parentheses after the last sentence as the signature', () => {
    const a = article(`区政协调研营商环境\n\n${BODY}\n\n调研组一行还召开了座谈会。（张巨峰）`);
    expect(a.reporters).toEqual(['张巨峰']);
    expect(a.body).toContain('调研组一行还召开了座谈会。');
    expect(a.body).not.toContain('张巨峰');
  });
  it.each(['（完）', '（新华社）', '（资料图）', '（人民网）'])('does not take %j for a signature', (tail) => {
    const a = article(`区政协调研营商环境\n\n${BODY}\n\n调研组一行还召开了座谈会。${tail}`);
    expect(a.reporters).toEqual([]);
  });
});
