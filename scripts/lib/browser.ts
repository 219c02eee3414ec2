// The Chromium that end-to-end tests drive: CHROMIUM_PATH, else a system Chromium or
// Chrome, else Playwright's own (downloaded where that is possible).
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { npxBin, run } from './processes.ts';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function playwrightOwnChromium(): string | null {
  const cache =
    process.env.PLAYWRIGHT_BROWSERS_PATH ??
    (process.platform === 'darwin'
      ? join(homedir(), 'Library', 'Caches', 'ms-playwright')
      : join(homedir(), '.cache', 'ms-playwright'));
  if (!existsSync(cache)) return null;
  return readdirSync(cache).some((name) => name.startsWith('chromium')) ? 'playwright' : null;
}

/** A path to a Chromium executable, 'playwright' for Playwright's own, or null. */
export async function findChromium(): Promise<string | null> {
  if (process.env.CHROMIUM_PATH) {
    if (!existsSync(process.env.CHROMIUM_PATH)) {
      throw new Error(
        `CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`,
      );
    }
    return process.env.CHROMIUM_PATH;
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return system;
  if (playwrightOwnChromium()) return 'playwright';
  console.log(
    'No Chromium found: trying to download Playwright’s own (npx playwright install chromium)...',
  );
  const code = await run(npxBin('playwright'), ['install', 'chromium'], {}, { quiet: true });
  if (code === 0 && playwrightOwnChromium()) return 'playwright';
  return null;
}

export const NO_BROWSER_MESSAGE = [
  'The end-to-end tests need Chromium, and none was found or could be downloaded.',
  'Get one with any of these (as the README says), then run npm test again:',
  "  npx playwright install chromium        # Playwright's own Chromium (needs the internet)",
  '  sudo apt-get install -y chromium       # Debian or Ubuntu',
  '  brew install --cask chromium           # macOS (or install Google Chrome)',
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
].join('\n');
