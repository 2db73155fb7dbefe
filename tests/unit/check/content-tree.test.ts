import { describe, expect, it } from 'vitest';
import { contentFiles, registryProblem } from '../../../src/lib/check/content-tree.ts';
import { memoryTree } from '../../helpers/memory-tree.ts';

describe('contentFiles', () => {
  it('lists every file as a content/ path in code-point order, skipping dot-folders but not dot-files', () => {
    const tree = memoryTree({
      'reports/2024/b.md': 'b',
      'reports/2024/a.md': 'a',
      '.git/HEAD': 'x',
      '.keep': '',
      'topics.yaml': '[]',
    });
    expect(contentFiles(tree).map((f) => f.path)).toEqual(['content/.keep', 'content/reports/2024/a.md', 'content/reports/2024/b.md', 'content/topics.yaml']);
    expect(new TextDecoder().decode(contentFiles(tree)[1].bytes)).toBe('a');
  });
});

describe('registryProblem', () => {
  it('names the registry file, topics.yaml when unknown', () => {
    expect(registryProblem('outlets.yaml', 'bad').file).toBe('content/outlets.yaml');
    expect(registryProblem(undefined, 'bad')).toMatchObject({ file: 'content/topics.yaml', code: 'registry', severity: 'error', detail: 'bad' });
  });
});
