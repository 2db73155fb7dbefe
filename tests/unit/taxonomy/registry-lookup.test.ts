/** The one registry lookup (src/lib/taxonomy/registry-lookup.ts) behind the schema, npm run new, --outlet/--topics and the check. */
import { describe, expect, it } from 'vitest';
import { lookupEntry, suggestEntry } from '../../../src/lib/taxonomy/registry-lookup.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';
import { reportSchema } from '../../../src/schemas/report.ts';

const registry = loadRegistry(contentDirUrl());

describe(lookupEntry, () => {
  it('takes ids and Chinese names, suggests for typos', () => {
    expect(lookupEntry('民营经济', registry.topics)).toMatchObject({ id: 'private-economy' });
    expect(lookupEntry(' private-economy ', registry.topics)).toMatchObject({ id: 'private-economy' });
    expect(lookupEntry('民营经纪', registry.topics)).toMatchObject({ suggestion: { id: 'private-economy' } });
    expect(lookupEntry('火星移民', registry.topics)).toEqual({ suggestion: undefined });
  });
  it('gives the schema the same did-you-mean', () => {
    const result = reportSchema(registry).safeParse({ topics: ['民营经纪'] });
    const issue = result.error?.issues.find((i) => i.path[0] === 'topics');
    expect(issue?.message).toContain(`Did you mean \`${suggestEntry('民营经纪', registry.topics)?.id}\``);
  });
});
