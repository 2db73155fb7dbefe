/** The importer's limits (src/lib/importer/limits.ts): hostile pages get a message, never a crash. */
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/lib/importer/index.ts';
import { MAX_INPUT_BYTES, MAX_NESTING_DEPTH } from '../../../src/lib/importer/limits.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';

const registry = loadRegistry(contentDirUrl());
const encode = (text: string) => new TextEncoder().encode(text);
const nested = (levels: number) => `<!doctype html><html><head><title>区政协协商会</title></head><body>${'<div>'.repeat(levels)}<h1>区政协协商会</h1><p>区政协召开协商会，委员们围绕民营经济高质量发展建言献策，提出了很多建议。</p>${'</div>'.repeat(levels)}</body></html>`;

// Whole-page imports: a few seconds each on a busy 2-core machine.
describe('importer limits', { timeout: 60_000 }, () => {
  it('refuses a page nested 10,000 levels deep with a message instead of overflowing the stack', () => {
    const r = importDocument(encode(nested(10_000)), { fileName: 'deep.html', registry });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`more than ${MAX_NESTING_DEPTH} levels deep.*Fix:`)) });
  });
  it('still imports a page nested just under the limit', () => {
    const r = importDocument(encode(nested(MAX_NESTING_DEPTH - 10)), { fileName: 'deep.html', registry });
    expect(r.ok && r.articles[0].body).toContain('委员们围绕民营经济');
  });
  it('refuses a file over the size limit at once, naming its size', () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x41);
    const r = importDocument(big, { fileName: 'big.txt', registry });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/the file is 5\.0 MB; the importer reads pages up to 5\.0 MB\. Fix:/) });
  });
  it('reads a page of 20,000 datelined items without a quadratic blow-up (every item kept)', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `本报讯(记者 王磊)区政协召开第${i}次会议。`).join('\n');
    const r = importDocument(encode(text), { fileName: 'many.txt', registry });
    expect(r.ok && r.articles.length).toBe(20_000);
  });
});
