/**
 * What the browser editor writes (issue 16): an edit leaves untouched fields byte for byte as
 * they were, whatever YAML the CMS sent; a new report has the project's format and passes the check.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mergeReport, readEditorRaw, renderNewReport, splitReport } from '../../../src/lib/editor/report-text.ts';
import { checkContent } from '../../../src/lib/check/check-content.ts';
import { reportPath } from '../../../src/lib/archive/report-path.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';
import { reportSchema } from '../../../src/schemas/report.ts';

const registry = loadRegistry(contentDirUrl());
const ORDER = Object.keys((reportSchema(registry) as unknown as { shape: object }).shape);

function reports(dir = 'content/reports'): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? reports(join(dir, n)) : [join(dir, n)]));
}

/** What Decap sends for an untouched entry: its own YAML of the values it read (block lists, its quoting, the paste box). */
function decapRaw(text: string): string {
  const { yaml, body } = splitReport(text);
  const data = parseDocument(yaml!).toJS() as Record<string, unknown>;
  return `---\n${stringify({ _import: '', ...data, subtitle: data.subtitle ?? '', correspondents: data.correspondents ?? [] })}---\n${body}`;
}

describe('editor saves', () => {
  it.each(reports())('a round trip through the form leaves %s byte-identical', (file) => {
    const text = readFileSync(file, 'utf8');
    const { data, body } = readEditorRaw(decapRaw(text));
    expect(mergeReport(text, data, body, ORDER)).toBe(text);
  });

  it('changes only the line of the changed field, keeping comments and the other fields’ style', () => {
    const text = '---\ntitle: 旧标题\n# subtitle: 副标题（引题），没有就删掉这一行\ndate: 2022-04-01\ndateCertainty: stated\noutlet: rmzxw\nkind: news\nregions: ["330114"] # 浙江省杭州市钱塘区\ntopics: [e-commerce]\n---\n\n正文。\n';
    const { data, body } = readEditorRaw(decapRaw(text));
    const out = mergeReport(text, { ...data, title: '新标题' }, body, ORDER);
    expect(out).toBe(text.replace('title: 旧标题', 'title: 新标题'));
  });

  it('inserts a new field where the schema puts it, removes a cleared text and empties a cleared list', () => {
    const text = '---\ntitle: 标题\ndate: 2022-04-01\ndateCertainty: stated\noutlet: rmzxw\nkind: news\nregions: ["330114"]\nkeywords: [电商]\neditorsNote: 旧注\n---\n\n正文。\n';
    const { data, body } = readEditorRaw(decapRaw(text));
    const out = mergeReport(text, { ...data, subtitle: '副标题', keywords: [], editorsNote: undefined }, body, ORDER);
    expect(out).toBe('---\ntitle: 标题\nsubtitle: 副标题\ndate: 2022-04-01\ndateCertainty: stated\noutlet: rmzxw\nkind: news\nregions: ["330114"]\nkeywords: []\n---\n\n正文。\n');
  });

  it('writes a new report in the format of npm run new, and it passes the check', () => {
    const data = { title: '钱塘区政协协商跨境电商', date: '2022-05-18', dateCertainty: 'stated', outlet: 'rmzxw', kind: 'news', regions: ['330114'], topics: ['e-commerce'], figures: [{ label: '跨境电商进出口额', value: '54.90', unit: '亿元', year: 2021 }] };
    const text = renderNewReport(data, '本报讯 正文。', ORDER);
    expect(text).toContain('regions: ["330114"]\ntopics: [e-commerce]\nkeywords: []\n');
    expect(text).toContain('    value: "54.90"\n');
    expect(text).toContain('date: 2022-05-18\n');
    const path = reportPath(data.date, data.title);
    const { problems } = checkContent([{ path, bytes: new TextEncoder().encode(text) }], { registry, today: '2026-12-01' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('drops the form’s own fields (paste box, path parts) and empty inputs from what the CMS sends', () => {
    const { data } = readEditorRaw('---\n_import: x\n_year: "2022"\ntitle: 标题\nsubtitle: ""\nsource:\n  url: ""\n---\n正文\n');
    expect(data).toEqual({ title: '标题' });
  });
});
