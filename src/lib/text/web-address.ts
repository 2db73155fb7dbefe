/**
 * Web addresses that may become live links on the site. Only `http:` and `https:` are allowed:
 * `javascript:`, `data:`, `vbscript:` … (in any case, behind spaces or control characters, which
 * browsers strip before reading the scheme) would run code or show forged pages when clicked, and
 * the site must not rely on its CSP alone to stop that. Used by the schemas (so `npm run check`
 * refuses such a value), by the pages that render links and by the importer (which never writes
 * another scheme from a page's canonical, og:url or JSON-LD).
 */

/** True when `value` is an absolute http(s) URL exactly as written (no leading/trailing spaces). */
export function isWebAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value !== value.trim() || value === '') return false;
  // Control characters and spaces inside are also stripped or tolerated by browsers: refuse them.
  if (/[\u0000-\u0020\u007f]/u.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//iu.test(value) && url.hostname !== '';
}

/** The address itself when it is safe to link to, otherwise undefined (render no link). */
export function safeWebHref(value: unknown): string | undefined {
  return isWebAddress(value) ? value : undefined;
}

/** The schema message for a refused address: what was found, what is expected, the fix. */
export function webAddressMessage(input: unknown): string {
  const shown = typeof input === 'string' ? JSON.stringify(input.length > 80 ? `${input.slice(0, 77)}…` : input) : String(input);
  return `Got ${shown}; expected a full web address starting with http:// or https:// (other schemes such as javascript: or data: are refused). Fix: write e.g. url: https://www.example.cn/2022/04/01/1.html, or remove the line.`;
}
