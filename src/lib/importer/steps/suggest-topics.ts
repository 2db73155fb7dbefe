/**
 * Step: topics suggested from content/topics.yaml keywords, counted over jieba words (so 农业 does
 * not match inside 农业农村局 twice and 商圈 is not found inside 商圈物业 by accident) with the
 * headline weighted three times. At most four topics, each needing real support.
 */
import { add_word, cut } from 'jieba-wasm';
import type { ArticleDraft, ImportRegistry, Step } from '../types.ts';

const registered = new Set<string>();

function ensureWords(registry: ImportRegistry): void {
  for (const topic of registry.topics) {
    for (const word of [topic.name, ...(topic.keywords ?? [])]) {
      if (!registered.has(word)) {
        add_word(word, 2000, 'n');
        registered.add(word);
      }
    }
  }
}

/** Topic ids ranked by keyword weight; returns those with at least `min` weight (max four). */
export function suggestTopics(registry: ImportRegistry, title: string, body: string, min = 3): { id: string; weight: number }[] {
  ensureWords(registry);
  const count = (text: string) => {
    const words = new Map<string, number>();
    for (const w of cut(text, true)) words.set(w, (words.get(w) ?? 0) + 1);
    return words;
  };
  const inTitle = count(title);
  const inBody = count(body);
  const ranked = registry.topics.map((topic) => {
    let weight = 0;
    for (const kw of new Set([topic.name, ...(topic.keywords ?? [])])) {
      weight += (inBody.get(kw) ?? 0) + 3 * (inTitle.get(kw) ?? 0);
    }
    return { id: topic.id, weight };
  });
  // Sorted by weight, then registry order (stable and deterministic).
  return ranked
    .map((r, i) => ({ ...r, i }))
    .filter((r) => r.weight >= min)
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
    .slice(0, 4)
    .map(({ id, weight }) => ({ id, weight }));
}

export const suggestTopicsStep: Step = (doc) => ({
  doc: {
    ...doc,
    articles: doc.articles.map((a: ArticleDraft) => ({
      ...a,
      topics: suggestTopics(doc.registry, a.title ?? '', a.lines.map((l) => l.text).join('\n')).map((t) => t.id),
    })),
  },
  issues: [],
});
