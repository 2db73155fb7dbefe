/**
 * Astro middleware, registered by src/integrations/built-site.ts for `astro build` only: hands each
 * rendered HTML page to the passes over the built site (src/node/built-site-passes.ts), which
 * answer with the page as it is to be written (its 简/繁 dictionary named). Glue only: with no
 * passes running (a test rendering pages, a preview) pages go through untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { PAGE_HOOK, type BuiltPageHook } from '../node/built-site-hook.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const hook = (globalThis as { [PAGE_HOOK]?: BuiltPageHook })[PAGE_HOOK];
  if (!hook || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await hook.page(context.url.pathname, await response.text());
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
