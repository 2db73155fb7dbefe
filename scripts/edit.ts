/**
 * `npm run edit`: the site's dev server with the browser editor (Decap CMS) at /admin/ and its
 * local backend reading and writing the content directory (content/, or ARCHIVE_CONTENT_DIR).
 * The editor integration is added here, not in astro.config.mjs, so `npm run build` never loads
 * any of it.
 *
 *   npm run edit [-- --port 4321] [--no-commit]
 */
import { dev } from 'astro';
import { parseCliOptions } from './cli-options.ts';
import editor from '../src/integrations/editor.ts';

const USAGE = `Usage: npm run edit [-- --port 4321] [--no-commit]
  网站预览和浏览器编辑器 (site preview and the browser editor): http://127.0.0.1:<port>/admin/
  --no-commit: 保存时只写文件，不提交 git (save files without a git commit)`;

const { values } = parseCliOptions({ port: { type: 'string', default: '4321' }, 'no-commit': { type: 'boolean', default: false } }, USAGE);
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`--port 要写端口号 (--port takes a port number), got "${values.port}"\n\n${USAGE}`);
  process.exit(2);
}
process.env.ASTRO_TELEMETRY_DISABLED = '1';
await dev({ server: { host: '127.0.0.1', port }, integrations: [editor({ commit: !values['no-commit'] })] });
