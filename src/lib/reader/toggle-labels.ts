/**
 * What the header's reading tools say. Each button shows the current state and what a press does
 * (简→繁: now Simplified, press for Traditional), and its accessible name says both in words; the
 * state itself is `aria-pressed` (pressed = Traditional, pressed = dark). Pure, so the script and
 * the server-rendered markup cannot drift apart.
 */

export interface ToggleLabel {
  /** Short visible text: current state → what a press gives. */
  visible: string;
  /** Accessible name and tooltip: the same in words. */
  name: string;
}

/** The 简/繁 button; the Traditional-state text is itself written in Traditional characters. */
export function scriptToggleLabel(traditional: boolean): ToggleLabel {
  return traditional ? { visible: '繁→简', name: '現為繁體字，點擊改用简体字' } : { visible: '简→繁', name: '现为简体字，点击改用繁體字' };
}

/** The light/dark button. */
export function themeToggleLabel(dark: boolean): ToggleLabel {
  return dark ? { visible: '深→浅', name: '现为深色，点击改用浅色' } : { visible: '浅→深', name: '现为浅色，点击改用深色' };
}
