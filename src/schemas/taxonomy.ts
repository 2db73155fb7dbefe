/** Schemas for the editorial registries in content/: topics.yaml and outlets.yaml. */
import { z } from 'astro/zod';
import { isWebAddress, webAddressMessage } from '../lib/text/web-address.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'Expected a lowercase slug such as `private-economy` (letters, digits, hyphens).',
});

/** One topic (主题). */
export const topicSchema = z
  .object({
    id: slug,
    /** Chinese name shown to readers. */
    name: z.string().trim().min(1),
    /** English name. */
    nameEn: z.string().trim().min(1),
    /** One line on what belongs here. */
    description: z.string().trim().min(1),
    /** Words that suggest this topic to the importer. */
    keywords: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

export const OUTLET_KINDS = ['newspaper', 'news-site', 'aggregator', 'government'] as const;

/** One outlet (媒体). */
export const outletSchema = z
  .object({
    id: slug,
    name: z.string().trim().min(1),
    nameEn: z.string().trim().min(1).optional(),
    /** The outlet's website; http(s) only (it becomes a live 网站 link). */
    homepage: z.custom<string>((value) => isWebAddress(value), { error: (issue) => webAddressMessage(issue.input) }).optional(),
    kind: z.enum(OUTLET_KINDS, {
      error: `Expected one of ${OUTLET_KINDS.join(', ')}. Fix: kind: newspaper`,
    }),
  })
  .strict();

export type Topic = z.output<typeof topicSchema>;
export type Outlet = z.output<typeof outletSchema>;
