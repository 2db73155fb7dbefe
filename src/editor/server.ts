/**
 * The local editing backend behind `npm run edit`, mounted at /admin/ on the Astro dev server
 * (src/integrations/editor.ts), so the CMS, its bundle and its API share the site's origin and
 * nothing is fetched from elsewhere.
 *
 * - GET  /admin/              the Decap CMS page; /admin/decap-cms.js and its chunks from node_modules
 * - GET  /admin/config.json   the CMS configuration, generated now from the schema and registries
 * - POST /admin/api/v1        Decap's proxy protocol: reads go to decap-server's file-system
 *                             middleware; saves (persistEntry) are ours: written where `npm run new`
 *                             writes, in the project's format, refused when `npm run check` would
 *                             refuse them, and committed when the content directory is in git
 * - POST /admin/api/check     what a save would write and the check's problems, without writing
 * - POST /admin/api/import    the importer (importDocument) on pasted text or HTML
 * - GET  /admin/api/regions   the region picker's search (?q=钱塘) and names (?codes=330114,…)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cmsConfig } from './cms-config.ts';
import { loadRegistry } from '../schemas/registry.ts';
import { reportSchema } from '../schemas/report.ts';
import { reportFilePath } from '../lib/archive/report-path.ts';
import { checkContent } from '../lib/check/check-content.ts';
import type { Problem } from '../lib/check/problem.ts';
import { clean, mergeReport, readEditorRaw, renderNewReport, type FrontMatter } from '../lib/editor/report-text.ts';
import { importDocument, looksLikeHtml } from '../lib/importer/index.ts';
import { frontMatter } from '../lib/importer/report-file.ts';
import { fullRegionName, isKnownRegionCode } from '../lib/regions/gazetteer.ts';
import { searchRegions } from '../lib/regions/search.ts';
import { readContentFiles } from '../node/content-check.ts';
import { todayForCheck } from '../node/today.ts';

const require = createRequire(import.meta.url);
const CLIENT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'client');

type Next = (error?: unknown) => void;
type Handler = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: Next) => void;

export interface EditorOptions {
  /** The content directory (content/, or ARCHIVE_CONTENT_DIR). */
  contentDir: string;
  /** Commit each save with git when the content directory is inside a work tree (default true). */
  commit?: boolean;
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.end(typeof body === 'string' || body instanceof Buffer ? body : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

/** A save, worked out: where it goes, the text, and what the check says about it. */
export interface PlannedSave {
  /** Relative to the content directory, e.g. reports/2022/2022-04-01-qian-tang.md. */
  path: string;
  text: string;
  isNew: boolean;
  problems: Problem[];
}

/** Field order of the schema: new files list fields in it, merged files insert new fields by it. */
function fieldOrder(registry: ReturnType<typeof loadRegistry>): string[] {
  return Object.keys((reportSchema(registry) as unknown as { shape: Record<string, unknown> }).shape);
}

/**
 * What saving Decap's `raw` at `decapPath` would write. A new entry goes where `npm run new`
 * would put it (src/lib/archive/report-path.ts), never over an existing file; an existing one
 * is merged field by field (src/lib/editor/report-text.ts). The check runs over the whole
 * content directory with this file in place, so duplicate ids are found as `npm run check` finds them.
 */
export function planSave(contentDir: string, entry: { data: FrontMatter; body: string }, decapPath: string | undefined, isNewHint: boolean): PlannedSave {
  const registry = loadRegistry(pathToFileURL(contentDir + '/'));
  const order = fieldOrder(registry);
  const { data, body } = entry;
  const existing = decapPath && !isNewHint && existsSync(join(contentDir, decapPath)) ? decapPath : undefined;
  let path: string;
  let text: string;
  const problems: Problem[] = [];
  if (existing) {
    path = existing;
    text = mergeReport(readFileSync(join(contentDir, existing), 'utf8'), data, body, order);
  } else {
    const date = typeof data.date === 'string' || typeof data.date === 'number' ? String(data.date) : '';
    const title = typeof data.title === 'string' ? data.title : '';
    path = `reports/${reportFilePath(date || 'undated', title)}`;
    text = renderNewReport(data, body, order);
    if (existsSync(join(contentDir, path))) {
      problems.push({
        severity: 'error',
        code: 'duplicate-id' as Problem['code'],
        file: `content/${path}`,
        field: 'title',
        message: `文件已存在，没有覆盖 (file exists, not overwritten): content/${path}`,
        suggestion: '改一下标题，或打开已有的那篇报道编辑 (change the title, or edit the existing report)',
      });
    }
  }
  const target = `content/${path}`;
  const files = readContentFiles(contentDir).filter((f) => f.path !== target);
  files.push({ path: target, bytes: new TextEncoder().encode(text) });
  const result = checkContent(files, { registry, today: todayForCheck() });
  problems.push(...result.problems.filter((p) => p.file === target && p.severity === 'error'));
  return { path, text, isNew: !existing, problems };
}

/** One line per problem, as `npm run check` words it. */
export function problemLines(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}${p.expected ? `；应为 ${p.expected}` : ''}${p.suggestion ? `；${p.suggestion}` : ''}`).join('\n');
}

function gitRoot(dir: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Commits just this file (other work in the tree stays uncommitted), as the git user of this machine. */
function commitFile(contentDir: string, path: string, message: string): string | undefined {
  const root = gitRoot(contentDir);
  if (!root) return undefined;
  const file = relative(root, join(contentDir, path)).split(sep).join('/');
  execFileSync('git', ['-C', root, 'add', '--', file]);
  execFileSync('git', ['-C', root, 'commit', '--no-verify', '-m', message, '--only', '--', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  return execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
}

function adminPage(): string {
  // No CSP meta here: Decap's bundle sets inline styles and evaluates its own chunks; the page is
  // only served by the local editing setup and never built into the public site.
  return `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>协商档案 · 编辑</title>
<link rel="stylesheet" href="/admin/editor.css">
</head>
<body>
<script src="/admin/pre.js"></script>
<script src="/admin/decap-cms.js"></script>
<script src="/admin/editor.js"></script>
</body>
</html>
`;
}

/** The connect middleware for /admin/ (mounted by the Astro integration in dev). */
export async function editorMiddleware(options: EditorOptions): Promise<Handler> {
  const contentDir = resolve(options.contentDir);
  const DECAP_DIST = dirname(require.resolve('decap-cms/dist/decap-cms.js'));
  const commit = options.commit ?? true;
  // decap-server's own file-system middleware answers the reads (entries, media) under the
  // content directory; it is registered on an express app of its own, as decap-server does.
  const { registerLocalFs } = require('decap-server/dist/middlewares.js') as { registerLocalFs: (app: unknown, o?: { logLevel?: string }) => Promise<void> };
  const express = require('express') as () => ((req: unknown, res: unknown, next: Next) => void) & { post: unknown };
  const app = express();
  const saved = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = contentDir;
  await registerLocalFs(app, { logLevel: 'warn' });
  if (saved === undefined) delete process.env.GIT_REPO_DIRECTORY;
  else process.env.GIT_REPO_DIRECTORY = saved;
  const reads = (req: IncomingMessage, res: ServerResponse, body: unknown, next: Next) => {
    // The body is read already; body-parser skips a request marked as parsed.
    Object.assign(req, { body, _body: true, url: '/api/v1' });
    app(req, res, next);
  };

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (url.pathname === '/api/regions') {
      const codes = url.searchParams.get('codes');
      if (codes !== null) {
        const names = Object.fromEntries(codes.split(',').filter((c) => isKnownRegionCode(c)).map((c) => [c, fullRegionName(c)]));
        return send(res, 200, names);
      }
      return send(res, 200, searchRegions(url.searchParams.get('q') ?? '', 20));
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
    const body = (await readBody(req)) as Record<string, unknown>;
    if (url.pathname === '/api/check') {
      const data = Object.fromEntries(Object.entries((body.data ?? {}) as FrontMatter).filter(([k]) => !k.startsWith('_')));
      const entry = { data: (clean(data) ?? {}) as FrontMatter, body: String(body.body ?? '') };
      const plan = planSave(contentDir, entry, body.path as string | undefined, Boolean(body.newEntry));
      return send(res, 200, { path: plan.path, isNew: plan.isNew, problems: plan.problems, text: plan.text });
    }
    if (url.pathname === '/api/import') {
      const text = String(body.text ?? '');
      const fileName = looksLikeHtml('', text) || /<(p|div|article|h1|br)\b/iu.test(text) ? 'pasted.html' : 'pasted.txt';
      const registry = loadRegistry(pathToFileURL(contentDir + '/'));
      const result = importDocument(new TextEncoder().encode(text), { fileName, registry, now: todayForCheck() });
      if (!result.ok) return send(res, 422, { error: result.error });
      if (!result.articles.length) return send(res, 422, { error: '没有找到正文 (no article found in the pasted text)' });
      return send(res, 200, {
        articles: result.articles.length,
        format: result.format,
        issues: result.issues,
        records: result.articles.map((a) => {
          const fm = frontMatter(a);
          // A paste has no file in the repository; the form leaves source.file empty.
          const source = { ...(fm.source as Record<string, unknown>) };
          delete source.file;
          return {
            fields: { ...fm, source, body: a.body },
            review: { guesses: a.guesses, removed: a.removed.map((r) => ({ text: r.text, reason: r.reason })), warnings: a.warnings, outlet: a.outlet, regions: a.regions },
          };
        }),
      });
    }
    if (url.pathname === '/api/v1') {
      if (body.action === 'persistEntry') {
        const params = body.params as { entry?: { path: string; raw: string }; dataFiles?: { path: string; raw: string; newPath?: string }[]; options: { commitMessage: string } };
        const file = params.dataFiles?.[0] ?? params.entry;
        if (!file) return send(res, 422, { error: 'nothing to save' });
        const decapPath = file.path;
        const isNew = !existsSync(join(contentDir, decapPath));
        const plan = planSave(contentDir, readEditorRaw(file.raw), decapPath, isNew);
        if (plan.problems.length) return send(res, 422, { error: `没有保存：检查发现问题 (not saved: the check found problems)\n${problemLines(plan.problems)}` });
        mkdirSync(dirname(join(contentDir, plan.path)), { recursive: true });
        writeFileSync(join(contentDir, plan.path), plan.text, plan.isNew ? { flag: 'wx' } : undefined);
        let sha: string | undefined;
        if (commit) {
          try {
            sha = commitFile(contentDir, plan.path, params.options.commitMessage);
          } catch (error) {
            console.error(`[editor] saved ${plan.path} but git commit failed: ${(error as Error).message}`);
          }
        }
        return send(res, 200, { message: 'entry persisted', path: plan.path, commit: sha });
      }
      if (body.action === 'deleteFile' || body.action === 'deleteFiles') return send(res, 422, { error: '编辑器里不能删除报道；请用 git 删除 (delete reports with git)' });
      return reads(req, res, body, () => send(res, 404, { error: 'not found' }));
    }
    return send(res, 404, { error: 'not found' });
  };

  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const fail = (error: unknown) => {
      console.error('[editor]', error);
      if (!res.headersSent) send(res, 500, { error: error instanceof Error ? error.message : String(error) });
    };
    try {
      if (path === '/' || path === '/index.html') return send(res, 200, adminPage(), 'text/html; charset=utf-8');
      if (path === '/config.json') {
        const registry = loadRegistry(pathToFileURL(contentDir + '/'));
        return send(res, 200, cmsConfig(registry));
      }
      if (path.startsWith('/api/')) return void api(req, res, url).catch(fail);
      if (['/pre.js', '/editor.js', '/editor.css'].includes(path)) {
        return send(res, 200, readFileSync(join(CLIENT_DIR, path.slice(1))), path.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      }
      // The CMS bundle and the chunks it loads next to itself.
      const m = /^\/((?:\d+\.)?decap-cms\.js)$/u.exec(path);
      if (m && existsSync(join(DECAP_DIST, m[1]))) {
        res.setHeader('Cache-Control', 'max-age=3600');
        return send(res, 200, readFileSync(join(DECAP_DIST, m[1])), 'text/javascript; charset=utf-8');
      }
    } catch (error) {
      return fail(error);
    }
    next();
  };
}
