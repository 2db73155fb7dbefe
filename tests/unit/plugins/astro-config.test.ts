/**
 * The safety settings that live in astro.config.mjs (a shared file): the content check runs
 * first, and the CSP forbids inline script and plugins, frames and foreign <base>.
 */
import { describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';

describe('astro.config.mjs', () => {
  it('runs the content check before every other integration', () => {
    const names = (config.integrations ?? []).flat().map((i) => (i && typeof i === 'object' && 'name' in i ? i.name : undefined));
    expect(names[0]).toBe('xieshang:content-check');
  });

  it('has a CSP without unsafe script sources, object or frame embedding', () => {
    const csp = config.security?.csp;
    if (!csp || csp === true) throw new Error('security.csp must be an object');
    const script = (csp.scriptDirective?.resources ?? []).map(String);
    expect(script).toContain("'self'");
    // Search needs no WebAssembly since the own index replaced Pagefind: nothing but 'self' and hashes.
    expect(script.filter((s) => /^'(unsafe-(inline|eval|hashes)|wasm-unsafe-eval)'$|\*|https?:|data:/.test(s))).toEqual([]);
    expect(csp.directives).toEqual(expect.arrayContaining(["object-src 'none'", "base-uri 'self'", "frame-src 'none'", "default-src 'self'"]));
  });
});
