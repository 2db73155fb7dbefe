/**
 * The share button: the system share sheet where the browser has one (phones), otherwise copy
 * the link. No third-party widgets, so sharing sends nothing anywhere by itself.
 */
import { announce, copyText } from './clipboard.ts';

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-share]')) {
  // data-url is relative when the build had no SITE_URL: the address this page is read on completes it.
  const url = new URL(button.dataset.url ?? location.href, location.href).href;
  const title = button.dataset.title ?? document.title;
  const canShare = typeof navigator.share === 'function';
  const label = button.querySelector('[data-share-label]');
  if (label) label.textContent = canShare ? '分享' : '复制链接';
  button.hidden = false;
  button.addEventListener('click', async () => {
    const status = button.closest('[data-share-scope]')?.querySelector('[role="status"]') ?? null;
    if (canShare) {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // The reader closed the sheet: nothing to do. Any other failure falls back to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    const ok = await copyText(url);
    announce(status, ok ? '链接已复制，可粘贴到微信、微博或邮件。' : `请手动复制链接：${url}`);
  });
}
