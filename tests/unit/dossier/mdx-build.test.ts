/**
 * Dossier MDX compiled exactly as the build compiles it (src/plugins/mdx-processor.ts): the
 * embeds survive, the Markdown around them is sanitised like a report's, and the guard stops the
 * build on code, naming file and line.
 */
import type { AstroMarkdownOptions } from '@astrojs/internal-helpers/markdown';
import { describe, expect, it } from 'vitest';
import { mdxProcessor } from '../../../src/plugins/mdx-processor.ts';

const DOSSIER = `${process.cwd()}/content/dossiers/test.mdx`;
const REPORT = `${process.cwd()}/content/reports/2022/2022-04-01-x.mdx`;

async function compile(text: string, path = DOSSIER): Promise<string> {
  const renderer = await mdxProcessor.createMdxRenderer!({ syntaxHighlight: false } as AstroMarkdownOptions, { optimize: false });
  return (await renderer.process(text, path, {})).code;
}

describe('dossier MDX in the build', () => {
  it('keeps the embeds and their literal props', async () => {
    const code = await compile('## 标题\n\n<Reports region="330000" limit={3} />\n\n<Quote report="2022/2022-08-jia-xing-bai-ri-gong-jian">引文</Quote>\n');
    expect(code).toMatch(/Reports/);
    expect(code).toContain('"330000"');
    expect(code).toMatch(/Quote/);
    expect(code).toContain('引文');
  });

  it('sanitises the Markdown around them: no javascript: link, no remote image', async () => {
    const code = await compile('[点我](javascript:alert(1)) 和 ![图](https://evil.example/x.png)\n\n<Reports region="330000" />\n');
    expect(code).not.toMatch(/javascript:/);
    expect(code).not.toContain('evil.example');
    expect(code).toMatch(/Reports/);
  });

  it('stops on code with file and line', async () => {
    await expect(compile('正文\n\n<script>alert(1)</script>\n')).rejects.toThrow(/content\/dossiers\/test\.mdx:3[\s\S]*<script>/);
    await expect(compile("import X from './x.js'\n")).rejects.toThrow(/不能写 import/);
  });

  it('still refuses code in a report .mdx', async () => {
    await expect(compile('<Reports region="330000" />\n', REPORT)).rejects.toThrow(/报道里不能有代码/);
  });
});
