/**
 * Where the build's middleware (src/integrations/built-site-middleware.ts) finds the passes over
 * the built site (src/node/built-site-passes.ts): a symbol on globalThis, set by the integration
 * for the length of `astro build`. Its own module, so the middleware's bundle imports nothing of
 * the workers.
 */

/** Hand a rendered page in, get it back as it is to be written. */
export interface BuiltPageHook {
  page(pathname: string, html: string): Promise<string>;
}

export const PAGE_HOOK = Symbol.for('xieshang:built-site-pages');
