/** The import command's arguments: inputs, output options and the editor's override flags. */
import { REPORT_KINDS } from '../taxonomy/vocabularies.ts';
import { MAX_SECONDS_PER_FILE } from './limits.ts';
import type { OverrideArgs } from './overrides.ts';

export interface ImportArgs {
  inputs: string[];
  out: string;
  dryRun: boolean;
  json: boolean;
  force: boolean;
  /** Seconds one file may take before it is stopped (default MAX_SECONDS_PER_FILE). */
  timeLimit: number;
  overrides: OverrideArgs;
}

export const USAGE =
  'Usage: npm run import -- <file-or-dir>... [--out content/reports] [--dry-run] [--json] [--force] [--time-limit 30]\n' +
  '       [--date YYYY[-MM[-DD]] --date-note "…" [--date-certainty stated]] [--outlet <id or name>]\n' +
  `       [--region <code or name>]... [--kind ${REPORT_KINDS.map((k) => k.id).join('|')}] [--topics a,b]`;

const VALUE_FLAGS = ['--out', '--time-limit', '--date', '--date-note', '--date-certainty', '--outlet', '--region', '--kind', '--topics'] as const;

/** Parses argv (after the script name); throws an Error whose message ends with the fix. Accepts `--flag value` and `--flag=value`. */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const args: ImportArgs = { inputs: [], out: 'content/reports', dryRun: false, json: false, force: false, timeLimit: MAX_SECONDS_PER_FILE, overrides: { regions: [] } };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if ((VALUE_FLAGS as readonly string[]).includes(flag)) {
      const value = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || (value.startsWith('--') && eq < 0)) throw new Error(`${flag} needs a value. Fix: e.g. ${flag === '--region' ? '--region 钱塘区' : flag === '--date' ? '--date 2022' : `${flag} …`}.`);
      setValue(args, flag as (typeof VALUE_FLAGS)[number], value);
    } else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--json') args.json = true;
    else if (a === '--force') args.force = true;
    else if (a.startsWith('--')) throw new Error(`Unknown option ${a}. Fix: use one of --out, --dry-run, --json, --force, ${VALUE_FLAGS.slice(1).join(', ')}.`);
    else args.inputs.push(a);
  }
  return args;
}

function setValue(args: ImportArgs, flag: (typeof VALUE_FLAGS)[number], value: string): void {
  const o = args.overrides;
  const once = (current: unknown) => {
    if (current !== undefined) throw new Error(`${flag} given twice. Fix: pass it once (only --region repeats).`);
  };
  if (flag === '--out') args.out = value;
  else if (flag === '--time-limit') {
    const seconds = Number(value);
    if (!(seconds > 0)) throw new Error(`--time-limit needs a number of seconds above 0, not ${value}. Fix: e.g. --time-limit 60.`);
    args.timeLimit = seconds;
  }
  else if (flag === '--date') (once(o.date), (o.date = value));
  else if (flag === '--date-note') (once(o.dateNote), (o.dateNote = value));
  else if (flag === '--date-certainty') (once(o.dateCertainty), (o.dateCertainty = value));
  else if (flag === '--outlet') (once(o.outlet), (o.outlet = value));
  else if (flag === '--kind') (once(o.kind), (o.kind = value));
  else if (flag === '--topics') (once(o.topics), (o.topics = value.split(/[,，、]/u).map((t) => t.trim()).filter(Boolean)));
  else if (flag === '--region') o.regions.push(...value.split(/[,，、]/u).map((t) => t.trim()).filter(Boolean));
}
