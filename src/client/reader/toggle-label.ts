/** Puts a toggle's current label (src/lib/reader/toggle-labels.ts) into its button. */
import type { ToggleLabel } from '../../lib/reader/toggle-labels.ts';

export function showLabel(button: HTMLElement, label: ToggleLabel): void {
  const visible = button.querySelector('[data-toggle-visible]');
  const name = button.querySelector('[data-toggle-name]');
  if (visible) visible.textContent = label.visible;
  if (name) name.textContent = label.name;
  button.title = label.name;
}
