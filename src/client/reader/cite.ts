/**
 * The cite box. A build without SITE_URL prints each citation's URL as a path (data-cite-url):
 * here it gets the origin the reader is on, so a citation names the address it was read at.
 * Copy buttons copy the text of the element their data-copy names.
 */
import { announce, copyText } from './clipboard.ts';

for (const span of document.querySelectorAll<HTMLElement>('[data-cite-url]')) {
  span.textContent = new URL(span.dataset.citeUrl ?? '', location.origin).href;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copy ?? '');
    const status = button.closest('[data-copy-scope]')?.querySelector('[role="status"]') ?? null;
    if (!source) return;
    const ok = await copyText(source.textContent?.trim() ?? '');
    announce(status, ok ? '已复制引用。' : '无法自动复制，请手动选中文字复制。');
  });
}
