/**
 * Says once per build, at its start, when SITE_URL (the public address) is unset, so a publisher
 * sees why there is no sitemap and why citations carry no domain (src/lib/reader/public-url.ts).
 */
import type { AstroIntegration } from 'astro';
import { SITE_URL_UNSET_NOTICE } from '../lib/reader/public-url.ts';

export default function siteUrlNotice(site: string | undefined): AstroIntegration {
  return {
    name: 'xieshang:site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!site) logger.warn(SITE_URL_UNSET_NOTICE);
      },
    },
  };
}
