/**
 * The components a dossier's MDX may use, by the names of src/lib/dossier/components.ts; passed
 * to `<Content components={…} />` so dossiers need (and may have) no import.
 */
import type { DossierComponentName } from '../../lib/dossier/components.ts';
import CountChart from './CountChart.astro';
import Figures from './Figures.astro';
import Quote from './Quote.astro';
import RegionMap from './RegionMap.astro';
import Reports from './Reports.astro';
import Timeline from './Timeline.astro';

export const dossierComponents: Record<DossierComponentName, unknown> = { Reports, CountChart, RegionMap, Timeline, Figures, Quote };
