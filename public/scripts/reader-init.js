/* Runs in <head> before the first paint and applies what the reader chose earlier:
   - the theme (without a stored choice the CSS follows the system, prefers-color-scheme);
   - Traditional characters: marks <html> (global.css keeps the body unpainted until the 简/繁
     script has converted it, so no Simplified text flashes) and starts fetching the page's small
     OpenCC dictionary, named by the <meta> the layout puts just before this script
     (src/lib/text/script-dictionary-href.ts), in parallel with parsing the page. The name is the
     page's own, so the fetch revalidates (a cached copy could be an older build's).
   Kept tiny and external (same origin) so that a strict Content-Security-Policy needs no
   inline-script hash. */
(function () {
  var root = document.documentElement;
  var choice = function (key) {
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null; /* Storage blocked (private mode, policy): defaults apply. */
    }
  };
  var theme = choice('xieshang:theme');
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  if (choice('xieshang:script') !== 'hant') return;
  root.setAttribute('data-script', 'hant');
  root.lang = 'zh-Hant';
  var meta = document.querySelector('meta[name="xieshang:script-dictionary"]');
  if (meta && window.fetch) {
    window.xieshangScriptDictionary = fetch(meta.content, { cache: 'no-cache' }).then(function (r) {
      return r.ok ? r.json() : null;
    }).catch(function () {
      return null;
    });
  }
  /* If the script never runs (blocked, failed), show the page as it is rather than nothing. */
  setTimeout(function () {
    root.setAttribute('data-script-ready', '');
  }, 3000);
})();
