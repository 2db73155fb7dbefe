/**
 * The review summary `npm run import` prints for each article: where it goes, every guess with how
 * sure it is and where it came from, the people, every removed line with its reason, and the
 * warnings. The importer fixtures keep the same text beside their input (expected-review.txt), so
 * a reviewer sees in a diff what an editor will see.
 */
import type { ArticleRecord } from './record.ts';

export function reviewSummary(file: string, a: ArticleRecord, target: string): string {
  // The title line carries its guess note; the other guesses follow, one line each.
  const titleGuess = a.guesses.find((g) => g.field === 'title');
  const lines = [`${file} → ${target}`, `  title: ${a.title || '(none)'}${a.subtitle ? ` / ${a.subtitle}` : ''}${titleGuess ? `  [${titleGuess.confidence}; from ${titleGuess.from}]` : ''}`];
  for (const g of a.guesses) if (g !== titleGuess) lines.push(`  ${g.field}: ${g.value}  [${g.confidence}; from ${g.from}]`);
  lines.push(`  reporters: ${a.reporters.join('、') || '-'}  correspondents: ${a.correspondents.join('、') || '-'}  editors: ${a.editors.join('、') || '-'}  photographers: ${a.photographers.join('、') || '-'}`);
  for (const r of a.removed) lines.push(`  removed (${r.reason}): ${r.text.length > 60 ? r.text.slice(0, 60) + '…' : r.text}`);
  // Multi-line warnings (an outlets.yaml entry to add) keep their lines, indented under the warning.
  for (const w of a.warnings) lines.push(`  warning: ${w.replace(/\n/gu, '\n      ')}`);
  return lines.join('\n');
}
