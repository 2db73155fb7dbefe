/**
 * Builds the site once for all browser tests (with the real `npm run build`, so the search index
 * and checks run too) and serves it on loopback. Tests read `inject('baseUrl')` and
 * `inject('distDir')`. Set E2E_DIST to an already built directory to skip the build while iterating.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('Browser tests need Debian chromium at /usr/bin/chromium. Fix: apt-get install chromium');
  }
  let distDir = process.env.E2E_DIST;
  let scratch: string | undefined;
  if (!distDir) {
    scratch = mkdtempSync(join(tmpdir(), 'xieshang-e2e-'));
    distDir = join(scratch, 'dist');
    const result = spawnSync('npm', ['run', 'build'], {
      env: { ...process.env, ARCHIVE_OUT_DIR: distDir, ARCHIVE_CACHE_DIR: join(scratch, 'cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`npm run build failed for the browser tests:\n${result.stdout}\n${result.stderr}`);
    }
  }
  const { server, baseUrl } = await serveStatic(distDir);
  project.provide('baseUrl', baseUrl);
  project.provide('distDir', distDir);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
}
