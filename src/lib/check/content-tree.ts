/**
 * The content directory as the check reads it: every file (dot-folders skipped) as a `content/…`
 * path with its bytes, and the problem that stands for an unreadable registry. The file system is
 * passed in (src/node/content-check.ts hands Node's).
 */
import { walkFiles, type FileTree } from '../files/tree.ts';
import type { ContentFile } from './check-content.ts';
import type { Problem } from './problem.ts';

/** Every file of the tree (dot-folders skipped), as `content/…` paths in code-point order. */
export function contentFiles(tree: FileTree): ContentFile[] {
  return walkFiles(tree, '', (dir) => !dir.startsWith('.')).map((path) => ({ path: `content/${path}`, bytes: tree.read(path) }));
}

/** The problem reported when topics.yaml or outlets.yaml cannot be read (`file`: the registry's name, if known). */
export function registryProblem(file: string | undefined, detail: string): Problem {
  return {
    severity: 'error',
    code: 'registry',
    file: `content/${file ?? 'topics.yaml'}`,
    message: '无法读取主题或媒体名录 (cannot read the topic or outlet registry)',
    expected: 'content/topics.yaml 与 content/outlets.yaml 均为有效列表 (both registries are valid lists)',
    detail,
  };
}
