import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, Browser, Page } from 'playwright-core';
import { eventually, freePort, getJson } from './http';

export const CONSOLE_SCREENSHOTS = 'test-output/console';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ConsoleInBrowser {
  url: string;
  page: Page;
  stop: () => Promise<void>;
}

/**
 * The built sandbox (`npm run build` first: API and console) on a free port, embedded as a
 * newcomer runs it, seeded with the demo accounts but no noise traders (so the book holds only
 * the test's orders), and Debian's Chromium on a page of it.
 */
export async function startConsoleInBrowser(extraEnv: NodeJS.ProcessEnv = {}): Promise<ConsoleInBrowser> {
  mkdirSync(CONSOLE_SCREENSHOTS, { recursive: true });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RUNS_DIR: mkdtempSync(join(tmpdir(), 'console-runs-')),
    DEMO: 'accounts',
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const sandbox: ChildProcess = spawn(process.execPath, ['dist/apps/sandbox/src/main.js'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    if (sandbox.exitCode === null)
      await new Promise((resolve) => (sandbox.once('exit', resolve), sandbox.kill('SIGTERM')));
  };
  try {
    await eventually(async () => ((await fetch(`${url}/health`)).ok ? true : undefined), 60000, 'sandbox');
    await eventually(
      async () => ((await getJson<{ seeded: boolean }>(`${url}/demo/status`)).seeded ? true : undefined),
      60000,
      'demo members and funds',
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    return { url, page, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Opens the console and switches it to English, so assertions read the English texts. */
export async function openInEnglish(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.click('button.language');
  await page.waitForSelector('text=Chengdu–Chongqing Environmental Rights Exchange');
}
