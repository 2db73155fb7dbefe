/**
 * The CMS configuration is generated from the one schema and the registries (issue 16): these
 * tests recompute what the schema says independently and fail when the form and the schema drift.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cmsConfig, FIELD_UI, isRequired, reportFields, SUBFIELD_UI } from '../../../src/editor/cms-config.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';
import { reportSchema } from '../../../src/schemas/report.ts';
import { BODY_IDS, REPORT_KIND_IDS } from '../../../src/lib/taxonomy/vocabularies.ts';

const registry = loadRegistry(contentDirUrl());
type Field = { name: string; widget: string; required: boolean; options?: { value: string }[]; fields?: Field[]; multiple?: boolean; label: string };
const shape = (reportSchema(registry) as unknown as { shape: Record<string, import('astro/zod').z.ZodType> }).shape;
const fields = reportFields(registry) as unknown as Field[];
const byName = new Map(fields.map((f) => [f.name, f]));

describe('CMS configuration from the report schema', () => {
  it('has one form field per schema field, in the schema order, with the paste box first and the body last', () => {
    expect(fields.map((f) => f.name)).toEqual(['_import', ...Object.keys(shape), 'body']);
  });

  it('marks a field required exactly when the schema refuses it missing', () => {
    for (const [name, schema] of Object.entries(shape)) expect([name, byName.get(name)!.required]).toEqual([name, !schema.safeParse(undefined).success]);
    expect(['title', 'date', 'dateCertainty', 'outlet', 'kind', 'regions'].every((n) => byName.get(n)!.required)).toBe(true);
  });

  it('takes select options from the vocabularies and the registries', () => {
    const values = (name: string) => byName.get(name)!.options!.map((o) => o.value);
    expect(values('kind')).toEqual([...REPORT_KIND_IDS]);
    expect(values('bodies')).toEqual([...BODY_IDS]);
    expect(values('topics')).toEqual(registry.topics.map((t) => t.id));
    expect(values('outlet')).toEqual(registry.outlets.map((o) => o.id));
    expect(byName.get('topics')!.multiple).toBe(true);
    expect(byName.get('bodies')!.multiple).toBe(true);
  });

  it('gives source, figures and events the schema’s sub-fields, required as the schema says', () => {
    const sub = (name: string) => byName.get(name)!.fields!.map((f) => [f.name, f.required]);
    const inner = (s: unknown): Record<string, import('astro/zod').z.ZodType> => {
      let x = s as { _zod: { def: { type: string; innerType?: unknown; element?: unknown; shape?: Record<string, import('astro/zod').z.ZodType> } } };
      while (!x._zod.def.shape) x = (x._zod.def.innerType ?? x._zod.def.element) as typeof x;
      return x._zod.def.shape;
    };
    for (const name of ['source', 'figures', 'events']) {
      expect(sub(name)).toEqual(Object.entries(inner(shape[name])).map(([k, s]) => [k, isRequired(s)]));
    }
  });

  it('uses the region picker for regions and figure/event regions, and Chinese labels everywhere', () => {
    expect(byName.get('regions')!.widget).toBe('regions');
    expect(byName.get('figures')!.fields!.find((f) => f.name === 'region')!.widget).toBe('region');
    for (const f of fields) expect(f.label).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('is the configuration served at /admin/config.json: Chinese UI, the local backend, no deleting', () => {
    const config = cmsConfig(registry) as { locale: string; backend: { name: string }; collections: { fields: unknown; delete: boolean }[] };
    expect(config.locale).toBe('zh_Hans');
    expect(config.backend.name).toBe('proxy');
    expect(config.collections[0].fields).toEqual(fields);
    expect(config.collections[0].delete).toBe(false);
  });

  describe('drift', () => {
    const saved = { ...FIELD_UI };
    const savedFigures = { ...SUBFIELD_UI.figures };
    afterEach(() => {
      for (const k of Object.keys(FIELD_UI)) delete FIELD_UI[k];
      Object.assign(FIELD_UI, saved);
      SUBFIELD_UI.figures = { ...savedFigures };
    });

    it('refuses to generate a form when the schema has a field the editor does not know', () => {
      delete FIELD_UI.keywords;
      expect(() => reportFields(registry)).toThrow(/`keywords` that the editor does not know/u);
    });

    it('refuses to generate a form that labels a field the schema no longer has', () => {
      FIELD_UI.byline = { label: '署名' };
      expect(() => reportFields(registry)).toThrow(/`byline` that the report schema no longer has/u);
      delete FIELD_UI.byline;
      SUBFIELD_UI.figures = { ...savedFigures, currency: { label: '币种' } };
      expect(() => reportFields(registry)).toThrow(/`figures.currency`/u);
    });
  });
});
