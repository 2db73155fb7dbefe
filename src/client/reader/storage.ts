/**
 * localStorage that never throws: private modes and strict policies block storage, and the
 * reader's choice then simply lasts for the page.
 */

/** The stored value, or null when there is none or storage is blocked. */
export function readChoice(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores the value (or removes it for null); silently does nothing when storage is blocked. */
export function writeChoice(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* blocked: the choice lasts for this page only */
  }
}
