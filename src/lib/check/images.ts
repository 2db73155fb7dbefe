/**
 * Local images in report bodies, found the way the build finds them (Astro's
 * remark-collect-images: `![](…)` and `![][ref]` with its definition, remote URLs and `/…` left
 * alone), so the check refuses what the build would: a missing file (the build stops, `npm run
 * dev` answers 500 on every page), a path that climbs out of content/ (the build would copy any
 * file it reaches into dist/), a path that is not valid percent-encoding (decodeURI throws).
 */
import type { Root } from 'mdast';
import { bodyImages } from './body-tree.ts';
import type { Problem } from './problem.ts';

/**
 * The content files' paths, as a report's check asks about them: whether a body image exists, and
 * which images are beside it when it does not. Only these two questions, so the answers a check
 * got can be noted and asked again (check-memory.ts).
 */
export interface ContentPaths {
  has(path: string): boolean;
  /** The image files directly in `folder` ('content/reports/2022/'), in path order. */
  imagesIn(folder: string): string[];
}

/** ContentPaths over every content file's path (in path order). */
export function contentPaths(paths: ReadonlySet<string>): ContentPaths {
  return {
    has: (path) => paths.has(path),
    imagesIn: (folder) => [...paths].filter((f) => f.startsWith(folder) && !f.slice(folder.length).includes('/') && IMAGE_FILE.test(f)),
  };
}

const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif)$/i;

/** `base/../x` → `x`; null when the path climbs above the root of `base`. */
function resolvePath(fromFile: string, relative: string): string | null {
  const parts = fromFile.split('/').slice(0, -1);
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}

function canParseUrl(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * Problems of the local images in one body (its tree from bodyTree). `files` are every content
 * path (`content/…`); `bodyLine` is the file line of the body's first line.
 */
export function imageProblems(file: string, tree: Root | undefined, bodyLine: number, files: ContentPaths): Problem[] {
  const out: Problem[] = [];
  for (const { url: raw, line: bodyAt } of tree ? bodyImages(tree) : []) {
    const line = bodyAt + bodyLine - 1;
    const problem = (message: string, extra: Partial<Problem> = {}) =>
      out.push({
        severity: 'error',
        code: 'bad-image',
        file,
        line,
        message,
        expected: '图片文件放在报道旁边，用 ./文件名 引用 (put the image next to the report and write ./name)',
        example: `![图片说明](./${file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '')}-1.jpg)`,
        detail: raw,
        ...extra,
      });
    let url: string;
    try {
      url = decodeURI(raw);
    } catch {
      problem(`图片地址的 % 编码无效：${raw} (the image path is not valid percent-encoding)`);
      continue;
    }
    if (canParseUrl(url) || url.startsWith('/')) continue;
    const target = resolvePath(file, url);
    if (target === null || !target.startsWith('content/')) {
      problem(`图片 ${url} 在 content/ 之外，构建会把它复制到网站上 (the image ${url} is outside content/: the build would publish that file)`, {
        suggestion: '把图片复制到报道旁边并改用 ./文件名 (copy the image next to the report and link ./name)',
      });
    } else if (!files.has(target)) {
      const folder = target.slice(0, target.lastIndexOf('/') + 1);
      const nearby = files.imagesIn(folder);
      problem(`找不到图片 ${url}（${target}）；构建会停止 (image not found: ${target}; the build stops)`, {
        suggestion: nearby.length ? `同一文件夹里的图片 (images in that folder): ${nearby.map((f) => f.slice(folder.length)).join('、')}` : '检查文件名和大小写，或把图片放进去 (check the name and its case, or add the image)',
      });
    } else if (!IMAGE_FILE.test(target)) {
      problem(`${url} 不是网站能用的图片 (${url} is not an image the site can use)`, {
        expected: '.jpg、.png、.webp、.avif 或 .gif 文件 (a .jpg, .png, .webp, .avif or .gif file)',
      });
    }
  }
  return out;
}
