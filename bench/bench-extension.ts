// The extension the browser benches load: a copy of dist/chrome with two bench-only additions, so the
// store zips (packaged from dist/) never carry them:
// - bench-empty.html, an empty extension page whose one-line script marks its first frame: the floor the
//   popup and approval-window figures are divided by (bench/floors.ts);
// - bench-watch.js, loaded first by approval.html, which marks when the window first shows each thing in
//   APPROVAL_SHOWN, from inside the window (a MutationObserver running before the window's own script), so
//   the times do not depend on when puppeteer attaches. It costs one small script load per window.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EMPTY_PAGE = 'bench-empty.html';

/**
 * A mark named `<name>:painted` is set when a task queued from the next animation frame runs: the frame
 * has been produced (the same moment as the popup's POPUP_MARKS.holdingsPainted); `<name>:drawn` is set
 * when the thing first reaches the document.
 */
export const EMPTY_PAINTED = 'bench:empty:painted';

/** What the approval window watcher marks, by mark name: the first element matching `selector` (with `text`). */
export const APPROVAL_SHOWN = {
  /** The request is on screen: its Approve button (held disabled for a moment after, by the decision guard). */
  request: { name: 'bench:approve', selector: 'button', text: 'Approve' },
  /** A transaction's preview has settled (transaction-preview.tsx drops aria-busy once it has an answer). */
  preview: { name: 'bench:preview', selector: 'section.preview:not([aria-busy])', text: null },
  /** The register's verdict on a restricted share transfer has settled (register-verdict.tsx drops aria-busy). */
  verdict: { name: 'bench:verdict', selector: 'section.register-verdict:not([aria-busy])', text: null },
} as const;

export interface BenchExtension {
  /** dist/chrome with the bench pages added, in a temporary folder. */
  dir: string;
  remove(): void;
}

const WATCHER = `// Bench only: marks when the approval window first shows each watched thing.
(() => {
  const left = new Set(${JSON.stringify(Object.values(APPROVAL_SHOWN))});
  const observer = new MutationObserver(() => {
    for (const watched of [...left]) {
      if (![...document.querySelectorAll(watched.selector)].some((el) => watched.text === null || el.textContent.trim() === watched.text)) continue;
      left.delete(watched);
      performance.mark(watched.name + ':drawn');
      requestAnimationFrame(() => { setTimeout(() => { performance.mark(watched.name + ':painted'); }, 0); });
    }
    if (left.size === 0) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();
`;

/**
 * Copies dist/chrome (run `npm run build` first) and adds the bench pages.
 * @throws Error when dist/chrome/approval.html has no <head> to load the watcher from.
 */
export function benchExtension(): BenchExtension {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'shareholder-wallet-bench-ext-')), 'chrome');
  cpSync(path.resolve('dist/chrome'), dir, { recursive: true });
  // The extension pages' CSP allows only the extension's own script files, so every mark is set from a file.
  writeFileSync(path.join(dir, EMPTY_PAGE), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Empty</title><script src="/bench-empty.js"></script></head><body></body></html>\n');
  writeFileSync(path.join(dir, 'bench-empty.js'), `requestAnimationFrame(() => { setTimeout(() => { performance.mark(${JSON.stringify(EMPTY_PAINTED)}); }, 0); });\n`);
  writeFileSync(path.join(dir, 'bench-watch.js'), WATCHER);
  const approval = path.join(dir, 'approval.html');
  const html = readFileSync(approval, 'utf8');
  if (!html.includes('<head>')) throw new Error('dist/chrome/approval.html has no <head>: cannot load the bench watcher');
  writeFileSync(approval, html.replace('<head>', '<head>\n    <script src="/bench-watch.js"></script>'));
  return { dir, remove: () => { rmSync(path.dirname(dir), { recursive: true, force: true }); } };
}
