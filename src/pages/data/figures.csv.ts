/** /data/figures.csv: one row per figure a report states, values exactly as printed. */
import type { APIRoute } from 'astro';
import { loadDerived } from '../../data/derived.ts';
import { figuresCsv } from '../../lib/derive/downloads.ts';

export const GET: APIRoute = async () => {
  const { index } = await loadDerived();
  return new Response(figuresCsv(index.figures), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
