/** The editor CLIs answer --help with their usage and a wrong option with one line, never a stack trace. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(script: string, ...args: string[]) {
  const result = spawnSync('npx', ['tsx', `scripts/${script}`, ...args], { encoding: 'utf8' });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('CLI options', () => {
  it.each(['check.ts', 'new.ts'])('%s --help prints the usage and exits 0', (script) => {
    const { status, out } = run(script, '--help');
    expect(status).toBe(0);
    expect(out).toMatch(/^Usage: npm run /);
  });
  it.each(['check.ts', 'new.ts'])('%s names an unknown option and exits 2 without a stack trace', (script) => {
    const { status, err } = run(script, '--bogus');
    expect(status).toBe(2);
    expect(err).toContain('--bogus');
    expect(err).toContain('Usage: npm run ');
    expect(err).not.toMatch(/\n\s+at /);
  });
});
