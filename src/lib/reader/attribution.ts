/**
 * Who published a report, as the facts line states it: the outlet's name, whether the page named
 * it or the editors inferred it (then the line says 推定, as dates do, so it never states a guess
 * as fact), and the original page when its address is known, so a reader can check the copy.
 */
import type { Outlet, Report } from '../archive/types.ts';
import { safeWebHref } from '../text/web-address.ts';

export interface Attribution {
  /** The outlet's Chinese name (the id when the registry lacks it). */
  name: string;
  /** True when the page does not name the outlet and the editors inferred it. */
  inferred: boolean;
  /** Short words for the facts line next to an inferred outlet. */
  flag?: string;
  /** The original page, when its address is known and safe to link. */
  original?: { href: string; host: string };
}

export function attributionOf(report: Report, outlets: readonly Outlet[]): Attribution {
  const d = report.data;
  const inferred = d.outletCertainty === 'inferred';
  const href = safeWebHref(d.source.url);
  return {
    name: outlets.find((o) => o.id === d.outlet)?.name ?? d.outlet,
    inferred,
    ...(inferred ? { flag: '推定，未经核实' } : {}),
    ...(href ? { original: { href, host: new URL(href).hostname.replace(/^www\./, '') } } : {}),
  };
}
