/** The ordered, named list of cleaning steps; each is pure `(doc) => { doc, issues }`. */
import { findEvents } from './steps/find-events.ts';
import { findFigures } from './steps/find-figures.ts';
import { findRegions } from './steps/find-regions.ts';
import { normalizeLines } from './steps/normalize-lines.ts';
import { readBylines } from './steps/read-byline.ts';
import { readDates } from './steps/read-date.ts';
import { readFields } from './steps/read-fields.ts';
import { guessOutlets } from './steps/guess-outlets.ts';
import { splitArticles } from './steps/split-articles.ts';
import { stripChrome } from './steps/strip-chrome.ts';
import { suggestTopicsStep } from './steps/suggest-topics.ts';
import type { ImportDoc, Issue, Step } from './types.ts';

export const STEPS: readonly { name: string; run: Step }[] = [
  { name: 'normalizeLines', run: normalizeLines },
  { name: 'stripChrome', run: stripChrome },
  { name: 'splitArticles', run: splitArticles },
  { name: 'readBylines', run: readBylines },
  { name: 'readFields', run: readFields },
  { name: 'readDates', run: readDates },
  { name: 'findRegions', run: findRegions },
  { name: 'guessOutlets', run: guessOutlets },
  { name: 'suggestTopics', run: suggestTopicsStep },
  { name: 'findFigures', run: findFigures },
  { name: 'findEvents', run: findEvents },
];

/** Runs every step in order; returns the final document and all issues, each tagged with its step. */
export function runPipeline(doc: ImportDoc, steps = STEPS): { doc: ImportDoc; issues: (Issue & { step: string })[] } {
  const issues: (Issue & { step: string })[] = [];
  let current = doc;
  for (const step of steps) {
    const result = step.run(current);
    current = result.doc;
    issues.push(...result.issues.map((i) => ({ ...i, step: step.name })));
  }
  return { doc: current, issues };
}
