/**
 * The report skeleton `npm run new` writes, and the lookups it needs (region by name, topic and
 * outlet by id or Chinese name). Pure: the CLI does the asking and the writing.
 */
import { stringify } from 'yaml';
import { YAML_WRITE_OPTIONS } from '../text/yaml.ts';
import { fullRegionName } from '../regions/gazetteer.ts';
import { reportPath } from '../archive/report-path.ts';

/** Body text of a fresh skeleton; the check warns while it is still there. */
export const BODY_PLACEHOLDER = '（在此粘贴报道正文。Paste the report text here.）';

export interface SkeletonInput {
  title: string;
  date: string;
  regions: readonly string[];
  topics: readonly string[];
  outlet: string;
  kind: string;
  bodies?: readonly string[];
}

function scalar(value: string): string {
  // Quotes only when needed (a colon, a leading bracket …); with the YAML 1.1 schema also text
  // Astro's js-yaml would read as a date, number or boolean (title: "2022-05-18").
  return stringify(value, YAML_WRITE_OPTIONS).trimEnd();
}

/** The Markdown text of a new report: every field present, optional ones commented with examples. */
export function reportSkeleton(input: SkeletonInput): { path: string; text: string } {
  const list = (values: readonly string[]) => `[${values.join(', ')}]`;
  const regionComment = input.regions.map((code) => fullRegionName(code)).join('、');
  const lines = [
    '---',
    `title: ${scalar(input.title)}`,
    '# subtitle: 副标题（引题），没有就删掉这一行',
    `date: ${input.date}`,
    'dateCertainty: stated # 日期是推定的就写 inferred，并加 dateNote: 说明依据',
    `outlet: ${input.outlet}`,
    '# source:',
    '#   url: https://…',
    '#   page: 第3版',
    'reporters: []',
    'correspondents: []',
    'editors: []',
    'photographers: []',
    `kind: ${input.kind}`,
    `bodies: ${list(input.bodies ?? [])}`,
    `regions: [${input.regions.map((c) => `"${c}"`).join(', ')}] # ${regionComment}`,
    `topics: ${list(input.topics)}`,
    'keywords: []',
    'figures: [] # - { label: 营业收入, value: "157.36", unit: 亿元, year: 2021 }',
    'events: [] # - { date: 2022-04-01, label: 区政协三届一次会议召开 }',
    'notes: []',
    '---',
    '',
    BODY_PLACEHOLDER,
    '',
  ];
  return { path: reportPath(input.date, input.title), text: lines.join('\n') };
}
