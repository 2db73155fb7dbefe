/** /data/reports.csv: one row per report, UTF-8 with BOM, newest first. */
import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { reportsCsv } from '../../lib/derive/downloads.ts';

export const GET: APIRoute = async () => {
  const { reports } = await loadArchive();
  return new Response(reportsCsv(reports), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
