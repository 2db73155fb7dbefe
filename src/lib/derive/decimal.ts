/**
 * Exact comparison of decimal strings as printed ("157.36", "54.90", "-3"). Values never pass
 * through a float, so 0.1 + 0.2 problems and lost trailing zeros cannot happen.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Parts {
  negative: boolean;
  int: string;
  frac: string;
}

function parts(value: string): Parts {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new Error(`Not a decimal string: "${value}". Expected digits with an optional point, e.g. "157.36".`);
  const int = m[2].replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const zero = /^0$/.test(int) && frac === '';
  return { negative: m[1] === '-' && !zero, int, frac };
}

function compareMagnitude(a: Parts, b: Parts): number {
  if (a.int.length !== b.int.length) return a.int.length < b.int.length ? -1 : 1;
  if (a.int !== b.int) return a.int < b.int ? -1 : 1;
  const width = Math.max(a.frac.length, b.frac.length);
  const fa = a.frac.padEnd(width, '0');
  const fb = b.frac.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/** Numeric order of two decimal strings: -1, 0 or 1; "54.9" and "54.90" compare equal. */
export function compareDecimalStrings(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  if (pa.negative !== pb.negative) return pa.negative ? -1 : 1;
  const magnitude = compareMagnitude(pa, pb);
  return pa.negative ? -magnitude : magnitude;
}
