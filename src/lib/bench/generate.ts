/**
 * Synthetic reports for the benchmark: Markdown files with front matter valid against
 * src/schemas/report.ts, bodies of 1,500–3,000 characters assembled from real sentences, regions
 * skewed towards a few provinces as in the real archive, topics and outlets from the registries,
 * dates 2018–2025 (some only YYYY-MM or YYYY), figures as quoted decimal strings, and events.
 * Pure and deterministic: the same seed and inputs give byte-identical files.
 */
import { childCodes, getRegion, shortRegionName } from '../regions/gazetteer.ts';
import { BODIES, REPORT_KINDS } from '../taxonomy/vocabularies.ts';
import { createRng, type Rng } from './prng.ts';

export interface GeneratorInput {
  /** Clean sentences (see corpus.ts); at least a few dozen for realistic bodies. */
  sentences: readonly string[];
  topics: readonly { id: string; name: string; keywords?: readonly string[] }[];
  outlets: readonly { id: string; name: string }[];
}

export interface SyntheticReport {
  /** Path relative to the content directory, e.g. `reports/2023/2023-05-17-bench-000042.md`. */
  path: string;
  /** Report id as Astro derives it (path under reports/, no extension). */
  id: string;
  /** The whole file: front matter and Markdown body. */
  text: string;
}

// Weights per province: a few heavy provinces, as in an archive that grew out of 浙江 sources.
const HEAVY_PROVINCES: readonly [string, number][] = [
  ['330000', 30], // 浙江
  ['320000', 11], // 江苏
  ['440000', 9], // 广东
  ['530000', 7], // 云南
  ['500000', 6], // 重庆
  ['370000', 5], // 山东
  ['510000', 4], // 四川
  ['350000', 3], // 福建
];
const LIGHT_WEIGHT = 0.6;

// Place names in the source sentences, replaced by the synthetic report's own place.
const SOURCE_PLACES = /钱塘|滨江|富阳|楚雄|合川|义乌|杭州/gu;

const ACTIONS = [
  '聚焦{t}建言献策',
  '围绕{t}开展专题协商',
  '助推{t}',
  '召开{t}专题议政会',
  '就{t}开展民主监督',
  '调研{t}工作',
  '为{t}凝聚共识',
  '视察{t}重点项目',
  '协商推进{t}',
] as const;

const FIGURE_LABELS: readonly [string, string][] = [
  ['规上工业增加值', '亿元'],
  ['规上工业战略性新兴产业增加值', '亿元'],
  ['研发经费投入', '亿元'],
  ['新增市场主体', '家'],
  ['立案提案', '件'],
  ['调研报告', '篇'],
  ['委员服务企业', '家次'],
  ['带动有效投资', '亿元'],
  ['网络零售额', '亿元'],
  ['同比增长', '%'],
  ['高新技术产业增加值占比', '%'],
  ['社情民意信息', '篇'],
];

const EVENT_LABELS = [
  '召开专题议政性常委会会议',
  '开展“请你来协商”活动',
  '组织委员视察重点项目',
  '召开经济运行恳谈会',
  '发布年度重点协商计划',
  '审议专项工作报告',
] as const;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉力鹏宇浩凯晨琳雪梅婷玉兰海峰志红波春燕晓东立新云飞';

const KIND_WEIGHTS: Record<string, number> = { news: 50, feature: 25, speech: 10, brief: 12, photo: 3 };
const BODY_WEIGHTS: Record<string, number> = { cppcc: 60, congress: 22, government: 8, party: 4, parties: 3, fic: 3 };
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const YEAR_WEIGHTS = [4, 6, 7, 9, 12, 14, 16, 14];

function q(value: string): string {
  // JSON strings are valid YAML double-quoted scalars, and stringify is deterministic.
  return JSON.stringify(value);
}

function list(values: readonly string[]): string {
  return `[${values.map(q).join(', ')}]`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function personName(rng: Rng): string {
  const given = rng.chance(0.6) ? rng.pick([...GIVEN]) + rng.pick([...GIVEN]) : rng.pick([...GIVEN]);
  return rng.pick([...SURNAMES]) + given;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A skewed region picker over the gazetteer: heavy provinces, then a city, then usually a county. */
export function pickRegion(rng: Rng, provinces: readonly string[]): string {
  const weights = provinces.map((code) => HEAVY_PROVINCES.find(([c]) => c === code)?.[1] ?? LIGHT_WEIGHT);
  const province = rng.weighted(provinces, weights);
  const roll = rng.next();
  if (roll < 0.04) return province;
  const cities = childCodes(province);
  if (cities.length === 0) return province;
  // Within a province the capital and first cities dominate (Zipf-like on code order).
  const city = rng.weighted(cities, cities.map((_, i) => 1 / (i + 1)));
  const counties = childCodes(city);
  if (roll < 0.18 || counties.length === 0) return city;
  return rng.weighted(counties, counties.map((_, i) => 1 / Math.sqrt(i + 1)));
}

function partialDate(rng: Rng): { date: string; year: number; precision: 'day' | 'month' | 'year' } {
  const year = rng.weighted(YEARS, YEAR_WEIGHTS);
  const month = rng.int(1, 12);
  const day = rng.int(1, daysIn(year, month));
  const roll = rng.next();
  if (roll < 0.05) return { date: String(year), year, precision: 'year' };
  if (roll < 0.15) return { date: `${year}-${pad(month, 2)}`, year, precision: 'month' };
  return { date: `${year}-${pad(month, 2)}-${pad(day, 2)}`, year, precision: 'day' };
}

function decimal(rng: Rng, unit: string): string {
  if (unit === '%') return `${rng.int(0, 60)}.${rng.int(0, 9)}`;
  if (unit === '亿元') {
    // Two decimals as printed, trailing zero kept (54.90).
    return `${rng.int(1, 900)}.${pad(rng.int(0, 99), 2)}`;
  }
  return String(rng.int(3, 800));
}

function shuffleDigits(rng: Rng, sentence: string): string {
  // Fresh numbers keep the index vocabulary growing as a real archive's does.
  // Dates (3月10日, 2023年), ordinals (三届) and decimals' fractions stay as they were.
  return sentence.replace(/(?<![\d.])\d+(?![\d年月日时届次号])/gu, (digits) => {
    let out = String(rng.int(1, 9));
    for (let i = 1; i < digits.length; i++) out += String(rng.int(0, 9));
    return out;
  });
}

function body(rng: Rng, input: GeneratorInput, lead: string, place: string): string {
  const target = rng.int(1500, 3000);
  const paragraphs: string[] = [lead];
  let length = lead.length;
  while (length < target) {
    const count = rng.int(2, 5);
    let paragraph = '';
    for (let i = 0; i < count; i++) {
      paragraph += shuffleDigits(rng, rng.pick(input.sentences).replace(SOURCE_PLACES, place));
    }
    paragraphs.push(paragraph);
    length += paragraph.length;
  }
  return paragraphs.join('\n\n');
}

/**
 * The `index`-th synthetic report (0-based) of the archive generated from `seed`; `dated`
 * (YYYY-MM-DD) gives it that date instead of its own, the rest unchanged (the benchmark's report
 * dated after every other, as an editor adds today's news).
 */
export function generateReport(seed: number, index: number, input: GeneratorInput, provinces: readonly string[], dated?: string): SyntheticReport {
  // One stream per report: report i is the same whatever N is, so 1k is a prefix of 10k.
  const rng = createRng((seed * 0x9e3779b1 + index * 0x85ebca6b + 1) | 0);
  const drawn = partialDate(rng);
  const { date, year, precision } = dated ? { date: dated, year: Number(dated.slice(0, 4)), precision: 'day' as const } : drawn;

  const regionCount = rng.weighted([1, 2, 3], [70, 22, 8]);
  const regions: string[] = [];
  while (regions.length < regionCount) {
    const code = pickRegion(rng, provinces);
    if (!regions.includes(code)) regions.push(code);
  }
  const main = getRegion(regions[0])!;
  const place = rng.chance(0.5) ? main.name : shortRegionName(main.name);

  const topicCount = rng.weighted([1, 2, 3, 4], [30, 40, 20, 10]);
  // Topics skew too: the first few in the registry are the archive's main themes.
  const topics: typeof input.topics[number][] = [];
  while (topics.length < Math.min(topicCount, input.topics.length)) {
    const t = rng.weighted(input.topics, input.topics.map((_, i) => 1 / (i + 1)));
    if (!topics.includes(t)) topics.push(t);
  }
  const kind = rng.weighted(REPORT_KINDS.map((k) => k.id), REPORT_KINDS.map((k) => KIND_WEIGHTS[k.id]));
  const primaryBody = rng.weighted(BODIES, BODIES.map((b) => BODY_WEIGHTS[b.id]));
  const second = rng.pick(BODIES).id;
  const bodies = rng.chance(0.25) && second !== primaryBody.id ? [primaryBody.id, second] : [primaryBody.id];
  const outlet = rng.weighted(input.outlets, input.outlets.map((_, i) => 1 / (i + 1)));

  const action = rng.pick(ACTIONS).replace('{t}', topics[0].name);
  const title = `${place}${primaryBody.zh}${action}`;
  const subtitle = rng.chance(0.2) ? `${shortRegionName(main.name)}${rng.pick(['经济运行', '产业发展', '营商环境', '协商议政'])}观察` : undefined;

  const dateCertainty = precision === 'day' ? (rng.chance(0.92) ? 'stated' : 'inferred') : rng.chance(0.5) ? 'stated' : 'inferred';
  const when =
    precision === 'day'
      ? `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
      : precision === 'month'
        ? `${Number(date.slice(5, 7))}月`
        : `${year}年`;
  const lead = `${when}，${main.name}${primaryBody.zh}${action}，${rng.pick(input.sentences).replace(SOURCE_PLACES, place)}`;

  const keywords = rng.sample(
    topics.flatMap((t) => t.keywords ?? [t.name]),
    rng.int(1, 4),
  );

  const figures: string[] = [];
  for (let i = rng.weighted([0, 1, 2, 3, 4, 6], [25, 20, 20, 15, 12, 8]); i > 0; i--) {
    const [label, unit] = rng.pick(FIGURE_LABELS);
    let figure = `  - label: ${q(label)}\n    value: ${q(decimal(rng, unit))}\n    unit: ${q(unit)}`;
    if (rng.chance(0.6)) figure += `\n    year: ${year}`;
    if (rng.chance(0.2)) figure += `\n    period: ${q(rng.pick(['上半年', '一季度', '前三季度', '全年']))}`;
    if (regions.length > 1 && rng.chance(0.3)) figure += `\n    region: ${q(rng.pick(regions))}`;
    figures.push(figure);
  }

  const events: string[] = [];
  for (let i = rng.weighted([0, 1, 2, 3], [40, 35, 17, 8]); i > 0; i--) {
    const m = rng.int(1, 12);
    const eventDate = rng.chance(0.8) ? `${year}-${pad(m, 2)}-${pad(rng.int(1, daysIn(year, m)), 2)}` : `${year}-${pad(m, 2)}`;
    let event = `  - date: ${q(eventDate)}\n    label: ${q(`${shortRegionName(main.name)}${primaryBody.zh}${rng.pick(EVENT_LABELS)}`)}`;
    if (rng.chance(0.3)) event += `\n    region: ${q(rng.pick(regions))}`;
    events.push(event);
  }

  const reporters = Array.from({ length: rng.weighted([0, 1, 2], [15, 60, 25]) }, () => personName(rng));
  const correspondents = Array.from({ length: rng.weighted([0, 1, 2], [60, 30, 10]) }, () => personName(rng));
  const editors = Array.from({ length: rng.weighted([0, 1], [40, 60]) }, () => personName(rng));
  const photographers = kind === 'photo' || rng.chance(0.1) ? [personName(rng)] : [];

  const id = `${year}/${date}-bench-${pad(index, 6)}`;
  const lines = [
    '---',
    `title: ${q(title)}`,
    ...(subtitle ? [`subtitle: ${q(subtitle)}`] : []),
    `date: ${q(date)}`,
    `dateCertainty: ${dateCertainty}`,
    ...(dateCertainty === 'inferred' ? [`dateNote: ${q(`电头无${precision === 'day' ? '年份' : '具体日期'}，据文中“${year}年”推定。`)}`] : []),
    `outlet: ${outlet.id}`,
    'source:',
    `  page: ${q(`第${rng.int(1, 8)}版`)}`,
    `reporters: ${list(reporters)}`,
    `correspondents: ${list(correspondents)}`,
    `editors: ${list(editors)}`,
    `photographers: ${list(photographers)}`,
    `kind: ${kind}`,
    `bodies: ${list(bodies)}`,
    `regions: ${list(regions)}`,
    `topics: ${list(topics.map((t) => t.id))}`,
    `keywords: ${list(keywords)}`,
    figures.length ? `figures:\n${figures.join('\n')}` : 'figures: []',
    events.length ? `events:\n${events.join('\n')}` : 'events: []',
    'lang: zh-Hans',
    `originalScript: ${rng.chance(0.1) ? 'Hant' : 'Hans'}`,
    `notes: ${list(['基准测试用合成报道：正文由真实报道的句子随机拼接而成，不是真实报道。'])}`,
    '---',
    '',
    body(rng, input, lead, place),
    '',
  ];
  return { path: `reports/${id}.md`, id, text: lines.join('\n') };
}

/** Province codes of the gazetteer, in code order (the population `pickRegion` draws from). */
export function provinceCodes(allCodes: Iterable<string>): string[] {
  return [...allCodes].filter((c) => c.endsWith('0000') && getRegion(c)?.parent === null).sort();
}

/** `count` synthetic reports for `seed`, in index order. */
export function* generateReports(seed: number, count: number, input: GeneratorInput, provinces: readonly string[]): Generator<SyntheticReport> {
  for (let i = 0; i < count; i++) yield generateReport(seed, i, input, provinces);
}
