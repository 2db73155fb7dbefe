/**
 * The editors' help text names the vocabularies and nested keys as the registries and the schema
 * define them, so a new kind or body (here a mocked 访谈 interview) or a new nested field shows up in
 * the usage line, the field guide and the did-you-mean without anyone editing prose.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/lib/taxonomy/vocabularies.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/lib/taxonomy/vocabularies.ts')>();
  return {
    ...real,
    REPORT_KINDS: [...real.REPORT_KINDS, { id: 'interview', zh: '访谈', en: 'Interview' }],
    BODIES: [...real.BODIES, { id: 'court', zh: '法院', en: 'Court' }],
  };
});

const { USAGE } = await import('../../../src/lib/importer/cli-args.ts');
const { FIELD_GUIDE } = await import('../../../src/lib/check/fields.ts');
const { NESTED_FIELDS } = await import('../../../src/schemas/report.ts');

describe('vocabulary in the help text comes from the registries and the schema', () => {
  it('lists every kind in the import usage line', () => {
    expect(USAGE).toContain('[--kind news|feature|speech|brief|photo|interview]');
  });

  it('names every kind and body in the field guide', () => {
    expect(FIELD_GUIDE.kind.expected).toBe('news 消息、feature 通讯、speech 发言、brief 简讯、photo 图片新闻、interview 访谈之一 (one of news, feature, speech, brief, photo, interview)');
    expect(FIELD_GUIDE.bodies.expected).toContain('fic 工商联、court 法院 (list of body ids)');
  });

  it('takes the nested keys from the schema', () => {
    expect(NESTED_FIELDS).toEqual({
      source: ['url', 'page', 'file', 'part'],
      figures: ['label', 'value', 'unit', 'year', 'period', 'region'],
      events: ['date', 'label', 'region'],
    });
  });
});
