/* Runs in <head> before the first paint: applies the theme the reader chose earlier, if any.
   Without a stored choice the CSS follows the system (prefers-color-scheme). Kept tiny and
   external (same origin) so that a strict Content-Security-Policy needs no inline-script hash. */
(function () {
  try {
    var theme = localStorage.getItem('xieshang:theme');
    if (theme === 'dark' || theme === 'light') document.documentElement.setAttribute('data-theme', theme);
  } catch (e) {
    /* Storage blocked (private mode, policy): the system preference applies. */
  }
})();
