// Decap CMS must wait for editor.js, which fetches the generated configuration and registers our widgets.
window.CMS_MANUAL_INIT = true;
