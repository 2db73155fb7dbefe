/** /data/timeline.json: report dates and events, oldest first, keys sorted. */
import type { APIRoute } from 'astro';
import { loadDerived } from '../../data/derived.ts';
import { timelineJson } from '../../lib/derive/downloads.ts';

export const GET: APIRoute = async () => {
  const { index } = await loadDerived();
  return new Response(timelineJson(index.timeline), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
