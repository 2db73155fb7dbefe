/** Copy buttons of the cite box: each copies the text of the element its data-copy names. */
import { announce, copyText } from './clipboard.ts';

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
