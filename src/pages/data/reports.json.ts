/** /data/reports.json: every report's front-matter with id and URL, newest first, keys sorted. */
import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { reportsJson } from '../../lib/derive/downloads.ts';

export const GET: APIRoute = async () => {
  const { reports } = await loadArchive();
  return new Response(reportsJson(reports), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
