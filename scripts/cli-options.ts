/**
 * Option parsing shared by the thin CLIs: `--help` prints the usage and exits 0; an unknown or
 * malformed option prints one line naming it, then the usage, and exits 2 (no stack trace).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** node:util parseArgs with --help and friendly errors. */
export function parseCliOptions<T extends ParseArgsConfig['options']>(options: T, usage: string, allowPositionals = false) {
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ options, allowPositionals });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`${message}\n\n${usage}`);
    process.exit(2);
  }
}
