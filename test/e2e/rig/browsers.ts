/**
 * One real browser with the extension installed, for an end-to-end test file: Chromium or Firefox
 * ESR, both driven by puppeteer-core (shared/browser-testing.md explains why not Playwright).
 * One browser per test file; pages are cheap.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { TargetType, type Browser, type Page, type Target } from 'puppeteer-core';
import { firefoxUuidFor, launchOptions, readGeckoId, type BrowserKind } from './browser-config';
import { terminateFirefoxBackground } from './firefox-system';
import { copyWithOptionalPermissionsRequired } from './optional-permissions';

export { WALLET_FIREFOX_UUID, type BrowserKind } from './browser-config';

export interface LaunchBrowserOptions {
  /** The built extension for this browser (dist/chrome or dist/firefox). */
  extensionDir: string;
  /** A profile directory to use and keep; by default a temporary one is made and removed on close. */
  userDataDir?: string;
  /**
   * Grant the extension's optional permissions without a prompt (optional-permissions.ts): Firefox by its
   * prefs, the real extension; Chromium installs a copy that lists them as required.
   */
  grantOptionalPermissions?: boolean;
}

export interface RigBrowser {
  readonly kind: BrowserKind;
  /** The running browser. A new object after restart(): read it again, and reopen pages. */
  readonly browser: Browser;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`; the same across restarts. */
  readonly extensionBaseUrl: string;
  /** Chromium: the extension id; Firefox: the add-on's gecko id. */
  readonly extensionId: string;
  readonly userDataDir: string;
  /** The full URL of an extension page, e.g. extensionUrl('popup.html'). */
  extensionUrl(path: string): string;
  /** A new tab showing the extension page `path`, loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Run `action` (e.g. a click that makes the extension open its approval window) and return the new
   * window whose URL contains the extension base URL + `pathFragment`, once loaded. The action runs
   * while the rig watches; if it is still pending when the window appears, it is left running (keep
   * your own reference to its promise if you need its result).
   */
  waitForNewExtensionWindow(pathFragment: string, action: () => Promise<unknown>, timeoutMs?: number): Promise<Page>;
  /**
   * Close the browser and start it again on the same profile, reinstalling the extension from the same
   * directory. `whileClosed` runs between the two, e.g. to edit the profile's files on disk.
   */
  restart(whileClosed?: () => Promise<void>): Promise<void>;
  /** Kill the browser process (SIGKILL, as a crash or a power cut would stop it), then start it again on the same profile. */
  crashAndRestart(): Promise<void>;
  /** Stop the extension's background (Chromium: its service worker; Firefox: its event page) now. */
  stopBackground(): Promise<void>;
  /** Close the browser; remove the profile unless it was passed in. Safe to call twice. */
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 15_000;
const POLL_MS = 100;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Close the browser; if it does not exit in time, kill the process this rig started. */
async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((done) => { timer = setTimeout(() => { done('timeout'); }, CLOSE_TIMEOUT_MS); });
  try {
    const outcome = await Promise.race([browser.close().then(() => 'closed' as const), timeout]);
    if (outcome === 'timeout') child?.kill('SIGKILL');
  } catch {
    child?.kill('SIGKILL');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Until the page's own location starts with `prefix` (or equals it, with `exact`) and the document
 * has loaded: in Firefox the only navigation signal. Polls with separate evaluations, because while
 * an about:blank window is replaced by the extension page, Firefox can fail an evaluation with a
 * protocol error (seen: "right-hand side of 'in' should be an object, got null"); that is retried.
 * @returns whether the page got there within `timeoutMs`.
 */
async function reachesLocation(page: Page, prefix: string, exact: boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await page.evaluate((p, e) => (e ? location.href === p : location.href.startsWith(p)) && document.readyState === 'complete', prefix, exact)
      .catch(() => false);
    if (ready) return true;
    if (page.isClosed() || Date.now() > deadline) return false;
    await sleep(POLL_MS);
  }
}

async function waitForLocation(page: Page, url: string, timeoutMs = 30_000): Promise<void> {
  if (!(await reachesLocation(page, url, true, timeoutMs))) throw new Error(`the page did not reach ${url} within ${timeoutMs} ms`);
}

/**
 * Launch `kind` headless with the extension from `extensionDir` installed.
 * @throws Error when the browser does not start, the extension does not install, or (Firefox) its
 * manifest has no gecko id.
 */
export async function launchBrowser(kind: BrowserKind, opts: LaunchBrowserOptions): Promise<RigBrowser> {
  const grant = opts.grantOptionalPermissions ?? false;
  const copy = grant && kind === 'chromium' ? await copyWithOptionalPermissionsRequired(resolve(opts.extensionDir)) : undefined;
  try {
    return await launchInstalled(kind, opts, copy?.dir ?? resolve(opts.extensionDir), grant, copy?.remove);
  } catch (error) {
    await copy?.remove();
    throw error;
  }
}

async function launchInstalled(
  kind: BrowserKind, opts: LaunchBrowserOptions, extensionDir: string, grantOptionalPermissions: boolean, removeCopy?: () => Promise<void>,
): Promise<RigBrowser> {
  const geckoId = kind === 'firefox' ? await readGeckoId(extensionDir) : undefined;
  const firefox = geckoId === undefined ? undefined : { geckoId, uuid: firefoxUuidFor(geckoId) };
  const ownsProfile = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), `shareholder-wallet-e2e-${kind}-`)));

  /** Start the browser and install the extension; returns the browser and the extension's URL host. */
  async function start(): Promise<{ browser: Browser; host: string }> {
    const browser = await puppeteer.launch(launchOptions(kind, userDataDir, firefox, grantOptionalPermissions));
    try {
      // Chromium: the id is derived from the absolute path, so the same directory gives the same id.
      // Firefox: a temporary install (removed at shutdown); the pinned UUID gives the same host.
      const id = await browser.installExtension(extensionDir);
      return { browser, host: firefox ? firefox.uuid : id };
    } catch (error) {
      await closeBrowser(browser);
      throw error;
    }
  }

  let started: { browser: Browser; host: string };
  try {
    started = await start();
  } catch (error) {
    if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  let current = started.browser;
  let closed = false;
  const scheme = kind === 'chromium' ? 'chrome-extension' : 'moz-extension';
  const extensionBaseUrl = `${scheme}://${started.host}/`;
  const extensionUrl = (path: string): string => new URL(path.replace(/^\/+/u, ''), extensionBaseUrl).href;

  async function openExtensionPage(path: string): Promise<Page> {
    const url = extensionUrl(path);
    const page = await current.newPage();
    if (kind === 'chromium') {
      await page.goto(url);
    } else {
      // Firefox sends no BiDi navigation events for extension pages (bug 1755014): goto never
      // resolves. Start it, then wait on the page's own location.
      page.goto(url).catch(() => undefined);
    }
    await waitForLocation(page, url);
    return page;
  }

  /** The page of `target` if it is a page showing a URL that starts with `prefix`, loaded. */
  async function pageAt(target: Target, prefix: string): Promise<Page | undefined> {
    if (target.type() !== TargetType.PAGE) return undefined;
    // Chromium reports the URL on the target; Firefox's new targets say about:blank: ask the page.
    if (kind === 'chromium' && !target.url().startsWith(prefix)) return undefined;
    const page = await target.page();
    if (!page) return undefined;
    return (await reachesLocation(page, prefix, false, 0)) ? page : undefined;
  }

  async function waitForNewExtensionWindow(pathFragment: string, action: () => Promise<unknown>, timeoutMs = 15_000): Promise<Page> {
    const prefix = extensionUrl(pathFragment);
    const before = new Set(current.targets());
    let failure: { error: unknown } | undefined;
    action().catch((error: unknown) => { failure = { error }; });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (failure) throw failure.error;
      for (const target of current.targets()) {
        if (before.has(target)) continue;
        const page = await pageAt(target, prefix);
        if (page) return page;
      }
      await sleep(POLL_MS);
    }
    throw new Error(`no new extension window at ${prefix} within ${timeoutMs} ms`);
  }

  async function restart(whileClosed?: () => Promise<void>): Promise<void> {
    if (closed) throw new Error('restart: the browser was closed');
    await closeBrowser(current);
    await whileClosed?.();
    const again = await start();
    current = again.browser;
    if (again.host !== started.host) {
      throw new Error(`restart: the extension came back as ${again.host}, not ${started.host}`);
    }
  }

  async function crashAndRestart(): Promise<void> {
    if (closed) throw new Error('crashAndRestart: the browser was closed');
    const child = current.process();
    if (child === null) throw new Error('crashAndRestart: the rig did not start this browser process');
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => { child.once('exit', () => { resolve(); }); });
      child.kill('SIGKILL');
      await exited;
    }
    // Puppeteer restores the profile's prefs files (user.js.puppeteer → user.js) after the process exits;
    // a launch before it finished would find them half restored.
    const deadline = Date.now() + 10_000;
    while ((await readdir(userDataDir)).some((name) => name.endsWith('.puppeteer')) && Date.now() < deadline) await sleep(POLL_MS);
    const again = await start();
    current = again.browser;
    if (again.host !== started.host) throw new Error(`crashAndRestart: the extension came back as ${again.host}, not ${started.host}`);
  }

  async function stopBackground(): Promise<void> {
    if (firefox) {
      await terminateFirefoxBackground(current, firefox.geckoId);
      return;
    }
    // Chromium: close the extension's service-worker targets through the browser's CDP session
    // (the worker is stopped, not just detached: its next event starts a fresh one).
    const session = await current.target().createCDPSession();
    try {
      const workers = async (): Promise<string[]> => (await session.send('Target.getTargets')).targetInfos
        .filter((t) => t.type === 'service_worker' && t.url.startsWith(extensionBaseUrl)).map((t) => t.targetId);
      const stopped = await workers();
      for (const targetId of stopped) await session.send('Target.closeTarget', { targetId });
      // Wait for those workers to be gone. An open extension page may wake a fresh worker at once (a new
      // target id); that is the restart the caller is testing, not a failure to stop.
      const deadline = Date.now() + 5_000;
      while ((await workers()).some((targetId) => stopped.includes(targetId))) {
        if (Date.now() > deadline) throw new Error('stopBackground: the service worker is still running after 5 s');
        await sleep(POLL_MS);
      }
    } finally {
      await session.detach();
    }
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    try {
      await closeBrowser(current);
    } finally {
      if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
      await removeCopy?.();
    }
  }

  return {
    kind,
    get browser() { return current; },
    extensionBaseUrl,
    extensionId: firefox ? firefox.geckoId : started.host,
    userDataDir,
    extensionUrl,
    openExtensionPage,
    waitForNewExtensionWindow,
    restart,
    crashAndRestart,
    stopBackground,
    close,
  };
}
