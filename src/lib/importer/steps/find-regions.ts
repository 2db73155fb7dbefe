/**
 * Step: the places an article is about, as GB/T 2260 codes. Names are found through the gazetteer
 * (full names, and short names such as 钱塘 or 楚雄州); a bare short name counts only with support
 * (its province or city named nearby, or in the headline/lead); ambiguous names are resolved by the
 * places named around them; "about" is weighted by headline, lead, the X政协/X人大 subject and frequency.
 */
import { allRegions, getRegion, isWithin, regionPath, shortRegionName, fullRegionName, type Region } from '../../regions/gazetteer.ts';
import { townIndex } from '../../regions/towns.ts';
import { cut } from 'jieba-wasm';
import type { ArticleDraft, ImportDoc, Step } from '../types.ts';

interface NameEntry {
  regions: Region[];
  /** True when the name carries its administrative suffix (钱塘区), false for a short form (钱塘). */
  full: boolean;
}

let INDEX: Map<string, NameEntry> | undefined;
/** Name lengths per first character, longest first: only plausible lengths are looked up. */
const LENGTHS = new Map<string, number[]>();

function add(index: Map<string, NameEntry>, name: string, region: Region, full: boolean): void {
  if ([...name].length < 2) return;
  const entry = index.get(name) ?? { regions: [], full };
  if (!entry.regions.some((r) => r.code === region.code)) entry.regions.push(region);
  entry.full = entry.full || full;
  index.set(name, entry);
  const lengths = LENGTHS.get(name[0]) ?? [];
  if (!lengths.includes(name.length)) LENGTHS.set(name[0], [...lengths, name.length].sort((a, b) => b - a));
}

/** The name index over the gazetteer, built once. */
export function regionNameIndex(): Map<string, NameEntry> {
  if (INDEX) return INDEX;
  const index = new Map<string, NameEntry>();
  for (const region of allRegions()) {
    add(index, region.name, region, true);
    const short = shortRegionName(region.name);
    if (short !== region.name) {
      add(index, short, region, false);
      // 楚雄彝族自治州 → 楚雄州; 恩施土家族苗族自治州 → 恩施州: the usual spoken form.
      if (/自治州$/u.test(region.name)) add(index, `${short}州`, region, true);
      if (/自治县$/u.test(region.name)) add(index, `${short}县`, region, true);
    }
  }
  INDEX = index;
  return index;
}

export interface Mention {
  name: string;
  index: number;
  entry: NameEntry;
}

/** Every gazetteer name in the text, longest match first at each position. */
export function findMentions(text: string): Mention[] {
  const index = regionNameIndex();
  const out: Mention[] = [];
  // Indices are UTF-16 offsets (gazetteer names are all in the BMP), so callers can slice the text.
  for (let i = 0; i < text.length; ) {
    let matched = 0;
    for (const len of LENGTHS.get(text[i]) ?? []) {
      if (i + len > text.length) continue;
      const name = text.slice(i, i + len);
      const entry = index.get(name);
      if (entry) {
        out.push({ name, index: i, entry });
        matched = len;
        break;
      }
    }
    i += matched || 1;
  }
  return out;
}

/** Longest town name, in characters (names are all in the BMP). */
let TOWN_MAX = 0;

/**
 * Town names (祁山镇, 平里镇, 台北市) in the text, each turned into a mention of its county. A town name
 * shared by several counties counts only when the text settles which: its county or an ancestor is
 * named, or another town of the same county is.
 */
export function findTownMentions(text: string, named: ReadonlySet<string>): Mention[] {
  const towns = townIndex();
  if (!TOWN_MAX) for (const name of towns.keys()) TOWN_MAX = Math.max(TOWN_MAX, name.length);
  const found: { name: string; index: number; codes: string[] }[] = [];
  // Every name ends in 镇, 乡, 街道, 市 or 县: look back from those characters only, longest name first.
  let floor = 0;
  for (const m of text.matchAll(/镇|乡|街道|市|县/gu)) {
    const end = (m.index ?? 0) + m[0].length;
    // 市 and 县 end only the three-character Taiwan names (台北市, 彰化县).
    const longest = m[0] === '市' || m[0] === '县' ? 3 : TOWN_MAX;
    for (let start = Math.max(floor, end - longest); start <= end - 3; start++) {
      const codes = towns.get(text.slice(start, end));
      if (codes) {
        found.push({ name: text.slice(start, end), index: start, codes });
        floor = end;
        break;
      }
    }
  }
  const sure = new Set(found.filter((f) => f.codes.length === 1).map((f) => f.codes[0]));
  const out: Mention[] = [];
  for (const f of found) {
    let codes = f.codes;
    if (codes.length > 1) codes = codes.filter((c) => sure.has(c) || regionPath(c).some((p) => named.has(p.code)));
    const region = codes.length === 1 ? getRegion(codes[0]) : undefined;
    if (region) out.push({ name: f.name, index: f.index, entry: { regions: [region], full: true } });
  }
  return out;
}

/**
 * Places the report's own outlet or source names (谢家集区人民政府, 中国菏泽网, 浙江日报): the place a
 * text means when it says only 区政协, 我市 or 省人大.
 */
export function homeRegions(names: readonly (string | undefined)[]): Region[] {
  const out: Region[] = [];
  for (const name of names) {
    if (!name) continue;
    for (const m of findMentions(name)) {
      if (m.entry.regions.length !== 1) continue;
      if (!m.entry.full && NOT_A_PLACE_AFTER.test(name.slice(m.index + m.name.length))) continue;
      if (!out.some((r) => r.code === m.entry.regions[0].code)) out.push(m.entry.regions[0]);
    }
  }
  return out;
}

// 区政协, 市委, 县人民政府, 省十二届人大, 我市, 本县, 全区: a level word standing for the outlet's own place.
const BARE_PLACE = /(?<own>[我本全])(?<level>省|市|区|县)|(?<level2>省|市|区|县)(?=(?:[一二三四五六七八九十]{1,3}届)?(?:政协|人大|委|政府|人民政府|常委会))/gu;
// 社区, 园区, 城市, 超市, 各县 …: the level word is part of another word.
const NOT_BARE_AFTER = /[社园景城新郊辖街小校军特选片发都超各地郡市县省]$/u;

/** The home region at the level a bare word names: 区 → the district of 谢家集区, 省 → 浙江省. */
function atLevel(home: Region, level: string): Region | undefined {
  return [...regionPath(home.code)].reverse().find((r) => r.name.endsWith(level) || (level === '州' && r.name.endsWith('自治州')));
}

// Words that contain a short place name but are not places (全州 = the whole prefecture, 市场 …).
const NOT_A_PLACE_AFTER = /^(长|级|民|场|直|属|内|外|域|情|里|江|河|湖|山|路|街|桥|港|湾|大道|站|机场)/u;

/** True when jieba reads `name` as a word of its own at `index` (not glued across two words). */
export function isWordAt(text: string, index: number, name: string): boolean {
  const start = Math.max(0, index - 6);
  const window = text.slice(start, index + name.length + 6);
  let at = 0;
  for (const word of cut(window, true)) {
    const pos = start + at;
    if (pos === index && word.startsWith(name)) return true;
    at += word.length;
  }
  return false;
}

interface Scored {
  region: Region;
  score: number;
  /** Named as the subject of the report (楚雄州政协, 宁夏回族自治区政协). */
  subject?: boolean;
}

/** Scores the candidate regions of one article. */
export function scoreRegions(headline: string, lead: string, body: string, home: readonly Region[] = []): Scored[] {
  const text = `${headline}\n${lead}\n${body}`;
  const places = findMentions(text);
  const named = new Set([...places.flatMap((m) => m.entry.regions.map((r) => r.code)), ...home.map((r) => r.code)]);
  const mentions = [...places, ...findTownMentions(text, named)].sort((a, b) => a.index - b.index);
  for (const m of mentions) for (const r of m.entry.regions) named.add(r.code);
  // A short city name said again and again as a word of its own (武汉 ten times) is the place without support.
  const repeated = new Map<string, number>();
  for (const m of mentions) if (!m.entry.full) repeated.set(m.name, (repeated.get(m.name) ?? 0) + 1);
  const supportCache = new Map<string, number>();
  // How many of the place's ancestors the text names: context that makes a short or ambiguous name safe.
  const support = (r: Region) => {
    let n = supportCache.get(r.code);
    if (n === undefined) {
      n = regionPath(r.code).slice(0, -1).filter((p) => named.has(p.code)).length;
      supportCache.set(r.code, n);
    }
    return n;
  };
  const scores = new Map<string, Scored>();
  const headEnd = headline.length + 1 + lead.length;
  for (const m of mentions) {
    const after = text.slice(m.index + m.name.length, m.index + m.name.length + 1);
    let candidates = m.entry.regions;
    if (candidates.length > 1) {
      const best = Math.max(...candidates.map(support));
      candidates = candidates.filter((r) => support(r) === best);
      // Still ambiguous with no context: a province or city of that name beats a county.
      if (candidates.length > 1 && best === 0) candidates = candidates.filter((r) => r.level === candidates[0].level).slice(0, candidates.filter((r) => r.level === candidates[0].level).length === 1 ? 1 : 0);
    }
    for (const region of candidates) {
      const next = text.slice(m.index + m.name.length, m.index + m.name.length + 4);
      // 祁山镇人大, 宁海县委员会, 谢家集区人民政府; a short name also before 区委/市政府 (合川区委 read as 合川 + 区委).
      const subject = /^(政协|人大|党委|区委|市委|县委|州委|政府|区政府|市政府|县政府)/u.test(next) || (m.entry.full && /^(委|人民政府|人民代表大会|常委会)/u.test(next));
      // 驻德州市…干部: where visitors are posted, not the place the report is about.
      if (text[m.index - 1] === '驻') continue;
      if (!m.entry.full) {
        // 钱塘江, 浙江制造: a short name inside a longer word is a river, a street or a brand, not the place.
        if (NOT_A_PLACE_AFTER.test(after)) continue;
        // A bare short name needs its province or city named too, or to be the subject in the headline/lead
        // as a word of its own (高兴和大家 holds 兴和 but jieba reads 高兴/和/大家).
        if (region.level !== 'province' && support(region) === 0) {
          const often = region.level === 'city' && (repeated.get(m.name) ?? 0) >= 3;
          if (!(subject || m.index < headline.length || often) || !isWordAt(text, m.index, m.name)) continue;
        }
      }
      let weight = 1;
      if (m.index < headline.length) weight += 4;
      else if (m.index < headEnd) weight += 2;
      // The subject of the report: 楚雄州政协, 合川区委书记, 槐荫区人大.
      if (subject) weight += 4;
      const s = scores.get(region.code) ?? { region, score: 0, subject: false };
      s.score += weight;
      s.subject = s.subject || subject;
      scores.set(region.code, s);
    }
  }
  for (const m of home.length ? text.matchAll(BARE_PLACE) : []) {
    const level = m.groups?.level ?? m.groups?.level2 ?? '';
    const at = (m.index ?? 0) + (m.groups?.own ? 1 : 0);
    if (!m.groups?.own && NOT_BARE_AFTER.test(text.slice(Math.max(0, at - 1), at))) continue;
    // Part of a named place (谢家集区政协): counted with that name already.
    if (mentions.some((x) => x.index <= at && at < x.index + x.name.length)) continue;
    const subject = m.groups?.own !== '全';
    for (const h of home) {
      const region = atLevel(h, level);
      if (!region) continue;
      const s = scores.get(region.code) ?? { region, score: 0, subject: false };
      s.score += 1 + (subject ? 4 : 0) + (at < headline.length ? 4 : at < headEnd ? 2 : 0);
      s.subject = s.subject || subject;
      scores.set(region.code, s);
    }
  }
  return [...scores.values()];
}

/** Picks the regions the article is about: most specific first, ancestors of a chosen place left out. */
export function pickRegions(scored: Scored[]): Scored[] {
  if (!scored.length) return [];
  // A place's score also counts for its ancestors' claim to be "the" place, so roll up.
  const rolled = scored.map((s) => ({ ...s, total: s.score + scored.filter((o) => o.region.code !== s.region.code && isWithin(o.region.code, s.region.code)).reduce((n, o) => n + o.score, 0) }));
  const top = Math.max(...rolled.map((s) => s.score));
  const chosen: Scored[] = [];
  const byDepth = [...rolled].sort((a, b) => regionPath(b.region.code).length - regionPath(a.region.code).length || b.score - a.score || a.region.code.localeCompare(b.region.code));
  for (const s of byDepth) {
    // Deeper places first: keep one when it carries a fair share of the top claim.
    if (s.total < Math.max(3, top * 0.4)) continue;
    // An ancestor of a chosen place stays out unless it is itself the subject (宁夏回族自治区政协 … 赴银川).
    if (chosen.some((c) => isWithin(c.region.code, s.region.code)) && !(s.subject && s.score >= top * 0.4)) continue;
    chosen.push(s);
  }
  // Most specific first, then by weight.
  const depth = (s: Scored) => regionPath(s.region.code).length;
  return chosen.sort((a, b) => depth(b) - depth(a) || b.score - a.score || a.region.code.localeCompare(b.region.code)).slice(0, 4);
}

function regionsOf(a: ArticleDraft & { lead?: { lead?: string } }, page: ImportDoc['page']): ArticleDraft['regions'] {
  const headline = [a.title ?? '', a.subtitle ?? '', ...a.headline.map((l) => l.text)].join(' ');
  const lead = [a.lead?.lead ?? '', a.lines[0]?.text.slice(0, 80) ?? ''].join(' ');
  const body = a.lines.map((l) => l.text).join('\n');
  const home = homeRegions([a.outlet?.value.name, a.statedOutlet?.value, page.sourceOutlet, page.masthead]);
  return pickRegions(scoreRegions(headline, lead, body, home)).map((s) => ({ code: s.region.code, name: fullRegionName(s.region.code), score: s.score }));
}

export const findRegions: Step = (doc) => ({
  doc: {
    ...doc,
    articles: doc.articles.map((a) => {
      const regions = regionsOf(a, doc.page);
      const issues = regions.length ? a.issues : [...a.issues, { code: 'region-missing', field: 'regions', message: 'regions: no place of the gazetteer found in the text. Fix: re-run with --region <code or name> (e.g. --region 义乌; repeat for several places).' }];
      return { ...a, regions, issues };
    }),
  },
  issues: [],
});

export { getRegion };
