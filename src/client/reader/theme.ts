/**
 * The light/dark switch. Without a stored choice the page follows the system setting (CSS
 * `prefers-color-scheme`); a click stores an explicit choice, which /scripts/reader-init.js
 * applies before the first paint on every later page.
 */
import { readChoice, writeChoice } from './storage.ts';
import { themeToggleLabel } from '../../lib/reader/toggle-labels.ts';
import { showLabel } from './toggle-label.ts';

const KEY = 'xieshang:theme';
const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function effectiveTheme(): 'dark' | 'light' {
  const chosen = root.getAttribute('data-theme');
  if (chosen === 'dark' || chosen === 'light') return chosen;
  return systemDark.matches ? 'dark' : 'light';
}

function sync(buttons: HTMLButtonElement[]): void {
  const dark = effectiveTheme() === 'dark';
  for (const button of buttons) {
    button.setAttribute('aria-pressed', String(dark));
    showLabel(button, themeToggleLabel(dark));
  }
}

function init(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')];
  const stored = readChoice(KEY);
  if ((stored === 'dark' || stored === 'light') && root.getAttribute('data-theme') !== stored) root.setAttribute('data-theme', stored);
  for (const button of buttons) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      writeChoice(KEY, next);
      sync(buttons);
    });
  }
  systemDark.addEventListener('change', () => sync(buttons));
  sync(buttons);
}

init();
