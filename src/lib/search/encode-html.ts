/**
 * Rewrites the Chinese text of a built page into index tokens (see han-bigrams.ts) before Pagefind
 * reads it. Only text between tags changes: tags, attributes (filters, metadata, sort keys) and the
 * contents of <script> and <style> stay as they are. The page on disk is not touched.
 */
import { encodeHanText } from './han-bigrams.ts';

const PIECES = /(<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<[^>]*>)/giu;

/** The HTML with every Han run in its text content replaced by bigram tokens. */
export function encodeHanInHtml(html: string): string {
  return html
    .split(PIECES)
    .map((piece, i) => (i % 2 === 1 ? piece : encodeHanText(piece)))
    .join('');
}
