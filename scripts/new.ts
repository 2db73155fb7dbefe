/**
 * `npm run new`: writes a valid report skeleton in the right place. Asks for what is missing
 * (in a terminal) or takes flags; never overwrites a file.
 *
 *   npm run new
 *   npm run new -- --title 钱塘江畔迎接高远未来 --date 2022-04-01 --region 钱塘 \
 *                  --topics 民营经济,manufacturing --outlet rmzxw --kind news [--bodies cppcc]
 *   npm run new -- --find-region 钱塘        just look a place up (code and full name)
 *   npm run new -- --dossier --title 浙江的民营经济 --region 浙江省 --topics 民营经济   a dossier (专题)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseCliOptions } from './cli-options.ts';
import { checkContent } from '../src/lib/check/check-content.ts';
import { reportSkeleton } from '../src/lib/check/skeleton.ts';
import { lookupRegion } from '../src/lib/regions/region-lookup.ts';
import { lookupEntry } from '../src/lib/taxonomy/registry-lookup.ts';
import { isPartialDate } from '../src/lib/dates/partial-date.ts';
import { dossierSkeleton } from '../src/lib/dossier/skeleton.ts';
import { BODIES, REPORT_KINDS } from '../src/lib/taxonomy/vocabularies.ts';
import { todayForCheck } from '../src/node/today.ts';
import { contentDirUrl, loadRegistry } from '../src/schemas/registry.ts';

const USAGE = `Usage: npm run new [-- --title 标题 --date YYYY-MM-DD --region 钱塘 --topics 民营经济,manufacturing
                       --outlet rmzxw --kind news [--bodies cppcc]]
       npm run new -- --find-region 钱塘     look a place up (code and full name)
       npm run new -- --dossier --title 标题 --region 浙江省 --topics 民营经济 [--date YYYY-MM-DD]   a dossier (专题)
  Asks in a terminal for whatever is not given; writes content/reports/<year>/<date>-<slug>.md; never overwrites.`;

const { values: flags } = parseCliOptions(
  {
    title: { type: 'string' },
    date: { type: 'string' },
    region: { type: 'string' },
    topics: { type: 'string' },
    outlet: { type: 'string' },
    kind: { type: 'string' },
    bodies: { type: 'string' },
    'find-region': { type: 'string' },
    dossier: { type: 'boolean', default: false },
    root: { type: 'string' },
  },
  USAGE,
);

const registry = loadRegistry(contentDirUrl());
const interactive = process.stdin.isTTY && process.stdout.isTTY;
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

/** rl.question, but Ctrl+D or Ctrl+C ends the program politely. */
async function ask(question: string): Promise<string> {
  try {
    return await rl!.question(question);
  } catch {
    fail('\n已取消，没有写文件 (cancelled; nothing written)');
  }
}

function fail(message: string): never {
  console.error(message);
  rl?.close();
  process.exit(1);
}

/** Asks until `accept` returns a value (interactive), or takes the flag once (scripted). */
async function obtain<T>(flag: string | undefined, question: string, accept: (answer: string) => T | string): Promise<T> {
  let answer = flag;
  for (;;) {
    if (answer === undefined) {
      if (!rl) fail(`缺少 ${question} (missing ${question}); 用参数提供或在终端里运行 (pass it as a flag or run in a terminal)`);
      answer = await ask(`${question}: `);
    }
    const result = accept(answer.trim());
    if (typeof result !== 'string') return result;
    if (!rl) fail(result);
    console.log(result);
    answer = undefined;
  }
}

function listCandidates(query: string, candidates: { code: string; name: string }[]): string {
  if (!candidates.length) return `没有找到“${query}” (no place called ${query}); 试试全称，如“钱塘区” (try the full name)`;
  return `“${query}”有 ${candidates.length} 处，请用代码 (ambiguous, use a code):\n${candidates.map((c) => `  ${c.code}  ${c.name}`).join('\n')}`;
}

async function pickRegion(query: string): Promise<string | string[]> {
  const found = lookupRegion(query);
  if ('code' in found) {
    console.log(`地区 (region): ${found.code} ${found.name}`);
    return [found.code];
  }
  if (rl && found.candidates.length > 1) {
    console.log(found.candidates.map((c, i) => `  ${i + 1}. ${c.code}  ${c.name}`).join('\n'));
    const n = Number(await ask('选哪一个？(which one? number): '));
    const chosen = found.candidates[n - 1];
    if (chosen) return [chosen.code];
  }
  return listCandidates(query, found.candidates);
}

function pickEntries(kind: 'topic' | 'outlet', answer: string): string[] | string {
  const entries = kind === 'topic' ? registry.topics : registry.outlets;
  const ids: string[] = [];
  for (const part of answer.split(/[,，、\s]+/).filter(Boolean)) {
    const found = lookupEntry<{ id: string; name: string }>(part, entries);
    if ('id' in found) ids.push(found.id);
    else {
      const hint = found.suggestion ? ` 你是不是想写 (did you mean) ${found.suggestion.name} / ${found.suggestion.id}?` : '';
      return `未知${kind === 'topic' ? '主题' : '媒体'}“${part}” (unknown ${kind}).${hint}\n可选 (choose from): ${entries.map((e) => `${e.id} ${e.name}`).join('，')}`;
    }
  }
  return ids;
}

if (flags['find-region'] !== undefined) {
  const found = lookupRegion(flags['find-region']);
  const list = 'code' in found ? [found] : found.candidates;
  if (!list.length) fail(listCandidates(flags['find-region'], []));
  for (const r of list) console.log(`${r.code}  ${r.name}`);
  process.exit(0);
}

const title = await obtain(flags.title, '标题 (title)', (a) => (a ? { value: a } : '标题不能为空 (title must not be empty)'));
const date = await obtain(flags.date ?? (rl ? undefined : todayForCheck()), `日期 (date, YYYY-MM-DD|YYYY-MM|YYYY)`, (a) =>
  isPartialDate(a || todayForCheck()) ? { value: a || todayForCheck() } : `“${a}”不是日期，例如 2022-04-01 (not a date, e.g. 2022-04-01)`,
);
let regions: string[] = [];
for (let query = flags.region; ; query = undefined) {
  const q = query ?? (rl ? await ask('地区 (region, 名称或代码 name or code, e.g. 钱塘): ') : undefined);
  if (q === undefined) fail('缺少 --region (missing --region), e.g. --region 钱塘');
  const picked = await pickRegion(q);
  if (typeof picked !== 'string') {
    regions = picked;
    break;
  }
  if (!rl) fail(picked);
  console.log(picked);
}
const topics = await obtain(flags.topics ?? (rl ? undefined : ''), '主题 (topics, 逗号分隔 comma-separated, e.g. 民营经济,制造业)', (a) => pickEntries('topic', a));
if (flags.dossier) {
  rl?.close();
  writeNew(dossierSkeleton({ title: title.value, date: date.value, regions, topics: topics.length ? topics : registry.topics.slice(0, 1).map((t) => t.id) }));
  process.exit(0);
}
const outlet = await obtain(flags.outlet, `媒体 (outlet: ${registry.outlets.map((o) => o.id).join('|')})`, (a) => {
  const ids = pickEntries('outlet', a);
  return typeof ids === 'string' ? ids : ids.length === 1 ? ids : '只写一个媒体 (one outlet)';
});
const kind = await obtain(flags.kind ?? (rl ? undefined : 'news'), `体裁 (kind: ${REPORT_KINDS.map((k) => `${k.id} ${k.zh}`).join('|')})`, (a) => {
  const k = REPORT_KINDS.find((x) => x.id === (a || 'news') || x.zh === a);
  return k ? { value: k.id } : `未知体裁“${a}” (unknown kind)`;
});
const bodies = (flags.bodies ?? '')
  .split(/[,，、\s]+/)
  .filter(Boolean)
  .map((b) => BODIES.find((x) => x.id === b || x.zh === b)?.id ?? fail(`未知机构“${b}” (unknown body); 可选 ${BODIES.map((x) => `${x.id} ${x.zh}`).join('，')}`));
rl?.close();

writeNew(reportSkeleton({ title: title.value, date: date.value, regions, topics, outlet: outlet[0], kind: kind.value, bodies }));

/** Checks the new file as npm run check would, then writes it; never overwrites. */
function writeNew({ path, text }: { path: string; text: string }): void {
  const bytes = new TextEncoder().encode(text);
  const { problems } = checkContent([{ path, bytes }], { registry, today: todayForCheck() });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) fail(`生成的骨架没有通过检查 (the skeleton does not pass the check):\n${errors.map((p) => `  ${p.field ?? ''} ${p.message}`).join('\n')}`);
  const target = resolve(flags.root ?? '.', path);
  mkdirSync(dirname(target), { recursive: true });
  try {
    // 'wx': fail if the file exists; never overwrite an editor's work.
    writeFileSync(target, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') fail(`文件已存在，没有覆盖 (file exists, not overwritten): ${path}`);
    throw error;
  }
  console.log(`已创建 (created): ${path}\n下一步 (next): ${path.endsWith('.mdx') ? '写专题正文，运行 npm run check (write the dossier, run npm run check)' : '粘贴正文，补全字段，运行 npm run check (paste the text, fill in fields, run npm run check)'}`);
}
