/** Launches Debian's Chromium the way this machine allows: headless, no sandbox, no background traffic. */
import { chromium, type Browser } from 'playwright-core';

/** A headless Chromium from /usr/bin/chromium; close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
