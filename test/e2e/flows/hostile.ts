// Loads the hostile-page script (test/e2e/fixtures/hostile-page.ts) into a page and runs it. The script is
// transpiled with TypeScript's own transpileModule, so it stays typed and linted like the other tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import ts from 'typescript';
import type { HostileCall, HostileOptions } from '../fixtures/hostile-page';

const SOURCE = path.resolve(import.meta.dirname, '../fixtures/hostile-page.ts');

let transpiled: string | undefined;

function hostileScript(): string {
  transpiled ??= ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
  }).outputText;
  return transpiled;
}

/** Fires `options.count` hostile requests from `page` and returns how each was answered. */
export async function fireHostileRequests(page: Page, options: HostileOptions): Promise<HostileCall[]> {
  await page.addScriptTag({ content: hostileScript(), type: 'module' });
  await page.waitForFunction(() => 'shareholderHostile' in window);
  return page.evaluate((opts) => (window as unknown as { shareholderHostile: { run(o: typeof opts): Promise<HostileCall[]> } }).shareholderHostile.run(opts), options);
}
