// Puts viem into a page as a site bundles it: test/e2e/fixtures/viem-page.ts, built with Vite (the
// project's own bundler) into one script that exposes `window.shareholderViemPage`.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { build, type Rolldown } from 'vite';
import type { writeTransfer } from '../fixtures/viem-page';

const ENTRY = path.resolve(import.meta.dirname, '../fixtures/viem-page.ts');
const GLOBAL_NAME = 'shareholderViemPage';

let bundled: Promise<string> | undefined;

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false, envFile: false, publicDir: false, logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: ENTRY, formats: ['iife'], name: GLOBAL_NAME } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === 'chunk');
  if (chunk === undefined) throw new Error('the viem page bundle has no script');
  return chunk.code;
}

/** Loads the viem page script into `page` (bundled once per test file). */
export async function loadViemPage(page: Page): Promise<void> {
  bundled ??= bundle();
  await page.addScriptTag({ content: await bundled });
  await page.waitForFunction((name) => name in window, {}, GLOBAL_NAME);
}

/** Starts `writeTransfer` in the page; its promise settles with the hash or the error's code and message. */
export function viemWriteTransfer(page: Page, ...args: Parameters<typeof writeTransfer>): Promise<{ hash: string | undefined; code: number | undefined; message: string | undefined }> {
  return page.evaluate(async (name, token, to, value) => {
    const viemPage = (window as unknown as Record<string, { writeTransfer: typeof writeTransfer } | undefined>)[name];
    try {
      if (viemPage === undefined) throw new Error('the viem page script is not loaded');
      return { hash: await viemPage.writeTransfer(token, to, value), code: undefined, message: undefined };
    } catch (error) {
      return { hash: undefined, code: (error as { code?: number }).code, message: (error as Error).message };
    }
  }, GLOBAL_NAME, ...args);
}
