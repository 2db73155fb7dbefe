/**
 * CSS cannot say "dark when the system prefers it, unless the reader chose light; or when the reader
 * chose dark" in one rule without light-dark() (which older browsers lack: they would lose every
 * colour), so global.css states the dark palette twice. This holds the two copies together.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../../src/styles/global.css'), 'utf8');

/** The declarations of the first rule after `selector`, as written. */
function declarationsAfter(selector: string): string[] {
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} in global.css`).toBeGreaterThanOrEqual(0);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('/*'));
}

describe('the dark palette', () => {
  it('is the same for the system preference and the reader’s explicit choice', () => {
    const bySystem = declarationsAfter(":root:not([data-theme='light'])");
    const byChoice = declarationsAfter(":root[data-theme='dark']");
    expect(bySystem.length).toBeGreaterThan(10);
    expect(byChoice).toEqual(bySystem);
  });
});
