/**
 * The browser editor (Decap CMS at /admin/), only in the local editing setup: `npm run edit`
 * (scripts/edit.ts) adds this integration to the dev server, which mounts src/editor/server.ts.
 * astro.config.mjs does not list it, so a build never includes it: no reader page loads any of
 * it and /admin/ is in neither the sitemap nor the search index.
 */
import type { AstroIntegration } from 'astro';
import { contentDir } from '../schemas/registry.ts';
import { editorMiddleware } from '../editor/server.ts';

export default function editor(options: { commit?: boolean } = {}): AstroIntegration {
  return {
    name: 'xieshang-editor',
    hooks: {
      'astro:server:setup': async ({ server, logger }) => {
        const dir = contentDir();
        const handler = await editorMiddleware({ contentDir: dir, commit: options.commit ?? true });
        server.middlewares.use('/admin', (req, res, next) => {
          // /admin → /admin/ (the CMS's hash routes need the trailing slash).
          if (req.originalUrl === '/admin') {
            res.statusCode = 301;
            res.setHeader('Location', '/admin/');
            return res.end();
          }
          handler(req, res, next);
        });
        // First in line: Astro's trailing-slash check (put in front of the stack after this hook)
        // would otherwise answer /admin/api/v1 with a 404; by 'listening' every middleware is in place.
        const stack = (server.middlewares as unknown as { stack: unknown[] }).stack;
        const layer = stack.pop();
        server.httpServer?.once('listening', () => stack.unshift(layer));
        logger.info(`编辑器 (editor): /admin/ — 读写 (reads and writes) ${dir}`);
      },
    },
  };
}
