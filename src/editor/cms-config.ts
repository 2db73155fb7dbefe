/**
 * The Decap CMS configuration, generated from the one report schema (src/schemas/report.ts) and
 * the registries (content/topics.yaml, outlets.yaml) each time the editor starts, never kept by
 * hand beside them. The schema decides which fields exist, which are required (a field is
 * required when the schema refuses it missing) and the sub-fields of source, figures and events;
 * the vocabularies and registries give the select options. What the schema cannot say (a
 * Chinese label, a hint, which widget) is in FIELD_UI below, and `cmsConfig` throws when a schema
 * field has no entry there or an entry names no schema field, so the two cannot drift apart
 * (tests/unit/editor/cms-config.test.ts holds the same promise).
 */
import type { z } from 'astro/zod';
import { reportSchema, type Registry } from '../schemas/report.ts';
import { BODIES, REPORT_KINDS } from '../lib/taxonomy/vocabularies.ts';

/** How one schema field is shown: Chinese label, hint, and the widget when the schema's type is not enough. */
interface FieldUi {
  label: string;
  hint?: string;
  widget?: 'string' | 'text' | 'select' | 'list' | 'object' | 'number' | 'hidden' | 'region' | 'regions';
  /** Options for a select: from a vocabulary or a registry. */
  options?: 'kind' | 'bodies' | 'topics' | 'outlets' | 'certainty' | 'outletCertainty' | 'script';
  multiple?: boolean;
  /** For a list of plain strings: the label of one item. */
  item?: string;
  /** Validation pattern as Decap wants it: [regex, message]. */
  pattern?: [string, string];
  /** Preselected in a new form, as `npm run new` fills it in. */
  initial?: string;
}

const PARTIAL_DATE: [string, string] = ['^\\d{4}(-\\d{2}(-\\d{2})?)?$', '日期格式：2022-08-24，只知月份写 2022-08，只知年份写 2022'];

/** Labels and widgets of the report fields, in the schema's order. */
export const FIELD_UI: Record<string, FieldUi> = {
  title: { label: '标题', hint: '照原文抄录主标题。', widget: 'string' },
  subtitle: { label: '副标题', hint: '引题或副题，没有就留空。', widget: 'string' },
  date: { label: '日期', hint: '发表日期；只知道月份或年份时写 2022-08 或 2022。', widget: 'string', pattern: PARTIAL_DATE },
  dateCertainty: { label: '日期依据', hint: '原文印有日期选“原文注明”；推算出来的选“推定”，并在下面写明依据。', widget: 'select', options: 'certainty', initial: 'stated' },
  dateNote: { label: '日期说明', hint: '推定日期的依据，例如：电头无年份，据报道中“2022年”推定。', widget: 'text' },
  outlet: { label: '媒体', hint: '从 content/outlets.yaml 里选；新媒体先加到那里。', widget: 'select', options: 'outlets' },
  outletCertainty: { label: '媒体依据', hint: '页面署名选“原文注明”；推定的要在编者注里告诉读者。', widget: 'select', options: 'outletCertainty' },
  source: { label: '来源', hint: '在哪里找到这篇报道。', widget: 'object' },
  reporters: { label: '记者', widget: 'list', item: '姓名' },
  correspondents: { label: '通讯员', widget: 'list', item: '姓名' },
  editors: { label: '编辑', widget: 'list', item: '姓名' },
  photographers: { label: '摄影', widget: 'list', item: '姓名' },
  kind: { label: '体裁', widget: 'select', options: 'kind', initial: 'news' },
  bodies: { label: '机构', hint: '报道涉及的机构。', widget: 'select', options: 'bodies', multiple: true },
  regions: { label: '地区', hint: '输入地名或拼音（钱塘、朝阳、qiantang），从全称中选择；最具体的放在最前。', widget: 'regions' },
  topics: { label: '主题', hint: '从 content/topics.yaml 里选。', widget: 'select', options: 'topics', multiple: true },
  keywords: { label: '关键词', widget: 'list', item: '关键词' },
  figures: { label: '数字', hint: '报道里的数字，照原文抄录（54.90 不写成 54.9）。', widget: 'list' },
  events: { label: '事件', hint: '报道里有日期的事，用于时间线。', widget: 'list' },
  lang: { label: '语言', widget: 'hidden' },
  originalScript: { label: '原文字体', hint: '原文是繁体字时选“繁体”。', widget: 'select', options: 'script' },
  editorsNote: { label: '编者注', hint: '读者需要知道的说明（未核实的媒体、原文删节、照印的错字），会公开显示。', widget: 'text' },
  notes: { label: '内部备注', hint: '工作备注，不公开。', widget: 'list', item: '备注' },
};

/** Labels of sub-fields (source, figures, events). */
export const SUBFIELD_UI: Record<string, Record<string, FieldUi>> = {
  source: {
    url: { label: '网址', hint: '只接受 http(s) 地址。', widget: 'string' },
    page: { label: '版面', hint: '例如：第3版', widget: 'string' },
    file: { label: '原始文件', hint: '导入时的原始文件，相对于仓库。', widget: 'string' },
    part: { label: '文件中的位置', widget: 'string' },
  },
  figures: {
    label: { label: '指标', hint: '例如：规上工业增加值', widget: 'string' },
    value: { label: '数值', hint: '照原文，例如 157.36', widget: 'string', pattern: ['^-?\\d+(\\.\\d+)?$', '只写数字和小数点，例如 157.36；文字写在指标或单位里'] },
    unit: { label: '单位', hint: '亿元、万元、%、家、件 …', widget: 'string' },
    year: { label: '年份', widget: 'number' },
    period: { label: '时段', hint: '例如：上半年', widget: 'string' },
    region: { label: '地区', hint: '不是报道的第一个地区时才填。', widget: 'region' },
  },
  events: {
    date: { label: '日期', widget: 'string', pattern: PARTIAL_DATE },
    label: { label: '事件', widget: 'string' },
    region: { label: '地区', widget: 'region' },
  },
};

/** The body field: Markdown after the front matter. */
export const BODY_FIELD = { name: 'body', label: '正文', widget: 'text', hint: '报道正文，照原文；段落之间空一行。', required: true } as const;

/** The paste box at the top of the form; never saved (the editor's client drops it before saving). */
export const IMPORT_FIELD = { name: '_import', label: '粘贴导入', widget: 'paste-import', required: false } as const;

type AnySchema = z.ZodType & { _zod: { def: { type: string; innerType?: AnySchema; out?: AnySchema; element?: AnySchema; shape?: Record<string, AnySchema> } } };

/** The schema under its wrappers (default, optional, preprocess pipe). */
function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const def = s._zod.def;
    if ((def.type === 'default' || def.type === 'optional' || def.type === 'prefault') && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.out) s = def.out;
    else return s;
  }
}

/** Required means the schema refuses the field when it is missing. */
export function isRequired(schema: z.ZodType): boolean {
  return !schema.safeParse(undefined).success;
}

function shapeOf(schema: AnySchema): Record<string, AnySchema> {
  const inner = unwrap(schema);
  const shape = inner._zod.def.shape ?? (inner as unknown as { shape?: Record<string, AnySchema> }).shape;
  if (!shape) throw new Error(`expected an object schema, got ${inner._zod.def.type}`);
  return shape;
}

function elementOf(schema: AnySchema): AnySchema {
  const inner = unwrap(schema);
  if (inner._zod.def.type !== 'array' || !inner._zod.def.element) throw new Error(`expected an array schema, got ${inner._zod.def.type}`);
  return inner._zod.def.element;
}

function optionsFor(kind: NonNullable<FieldUi['options']>, registry: Registry): { label: string; value: string }[] {
  switch (kind) {
    case 'kind':
      return REPORT_KINDS.map((k) => ({ label: `${k.zh}（${k.id}）`, value: k.id }));
    case 'bodies':
      return BODIES.map((b) => ({ label: `${b.zh}（${b.id}）`, value: b.id }));
    case 'topics':
      return registry.topics.map((t) => ({ label: `${t.name}（${t.id}）`, value: t.id }));
    case 'outlets':
      return registry.outlets.map((o) => ({ label: `${o.name}（${o.id}）`, value: o.id }));
    case 'certainty':
      return [
        { label: '原文注明（stated）', value: 'stated' },
        { label: '推定（inferred）', value: 'inferred' },
      ];
    case 'outletCertainty':
      return [
        { label: '原文注明（stated）', value: 'stated' },
        { label: '推定（inferred）', value: 'inferred' },
      ];
    case 'script':
      return [
        { label: '简体（Hans）', value: 'Hans' },
        { label: '繁体（Hant）', value: 'Hant' },
      ];
  }
}

/** A Decap field for one schema field; `name` is its key, `schema` its Zod schema. */
function decapField(name: string, schema: AnySchema, ui: FieldUi | undefined, registry: Registry, parent?: string): Record<string, unknown> {
  const where = parent ? `${parent}.${name}` : name;
  if (!ui) throw new Error(`The report schema has a field \`${where}\` that the editor does not know. Fix: add it to FIELD_UI/SUBFIELD_UI in src/editor/cms-config.ts.`);
  const field: Record<string, unknown> = { name, label: ui.label, widget: ui.widget ?? 'string', required: isRequired(schema) };
  if (ui.hint) field.hint = ui.hint;
  if (ui.pattern) field.pattern = ui.pattern;
  // Defaults the schema fills in (stated, zh-Hans, Hans) are shown preselected.
  const parsedDefault = schema.safeParse(undefined);
  if (parsedDefault.success && typeof parsedDefault.data === 'string') field.default = parsedDefault.data;
  else if (ui.initial) field.default = ui.initial;
  if (ui.widget === 'select' && ui.options) {
    field.options = optionsFor(ui.options, registry);
    if (ui.multiple) field.multiple = true;
  }
  if (ui.widget === 'number') {
    field.value_type = 'int';
    field.min = 1900;
    field.max = 2999;
  }
  if (ui.widget === 'object') {
    const sub = SUBFIELD_UI[name] ?? {};
    field.collapsed = true;
    field.fields = Object.entries(shapeOf(schema)).map(([k, s]) => decapField(k, s, sub[k], registry, where));
    checkNoStale(sub, shapeOf(schema), where);
  }
  if (ui.widget === 'list') {
    const element = unwrap(elementOf(schema));
    if (element._zod.def.type === 'object') {
      const sub = SUBFIELD_UI[name] ?? {};
      field.fields = Object.entries(shapeOf(element)).map(([k, s]) => decapField(k, s, sub[k], registry, where));
      field.summary = name === 'figures' ? '{{fields.label}} {{fields.value}}{{fields.unit}}' : '{{fields.date}} {{fields.label}}';
      checkNoStale(sub, shapeOf(element), where);
    } else {
      field.field = { name: 'item', label: ui.item ?? ui.label, widget: name === 'notes' ? 'text' : 'string' };
    }
    field.default = [];
  }
  if (ui.widget === 'regions') field.min = 1;
  return field;
}

function checkNoStale(ui: Record<string, unknown>, shape: Record<string, unknown>, where: string): void {
  for (const key of Object.keys(ui)) {
    if (!(key in shape)) throw new Error(`The editor labels a field \`${where}${where ? '.' : ''}${key}\` that the report schema no longer has. Fix: remove it from src/editor/cms-config.ts.`);
  }
}

export interface CmsConfigOptions {
  /** Folder of report files, relative to the local backend's root (the content directory). */
  reportsFolder?: string;
  /** Where the local backend's API answers. */
  proxyUrl?: string;
}

/** Fields of the report collection, in the schema's order, with the paste box first and the body last. */
export function reportFields(registry: Registry): Record<string, unknown>[] {
  const shape = shapeOf(reportSchema(registry) as unknown as AnySchema);
  checkNoStale(FIELD_UI, shape, '');
  return [IMPORT_FIELD, ...Object.entries(shape).map(([name, schema]) => decapField(name, schema, FIELD_UI[name], registry)), BODY_FIELD];
}

/** The whole Decap configuration for the local editing setup (`npm run edit`). */
export function cmsConfig(registry: Registry, options: CmsConfigOptions = {}): Record<string, unknown> {
  return {
    load_config_file: false,
    locale: 'zh_Hans',
    // The local backend (src/editor/server.ts) reads and writes the content directory; saving
    // there commits when the content is in a git repository. See README → 编辑器 for GitHub.
    backend: { name: 'proxy', proxy_url: options.proxyUrl ?? '/admin/api/v1', branch: 'main' },
    media_folder: 'media',
    publish_mode: 'simple',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'reports',
        label: '报道',
        label_singular: '报道',
        description: '协商档案的报道。保存即写入 content/reports/<年>/，并经过与 npm run check 相同的检查。',
        folder: options.reportsFolder ?? 'reports',
        extension: 'md',
        format: 'frontmatter',
        create: true,
        // The local backend refuses deletes: removing a report is a git change a person reviews.
        delete: false,
        // <year>/<date>-<pinyin slug>, filled in by the editor's client before saving from
        // src/lib/archive/report-path.ts (through the server), so the form saves where `npm run new` writes.
        path: '{{_year}}/{{slug}}',
        slug: '{{_name}}',
        identifier_field: 'title',
        summary: '{{date}}　{{title}}',
        sortable_fields: ['date', 'title'],
        editor: { preview: false },
        fields: reportFields(registry),
      },
    ],
  };
}
