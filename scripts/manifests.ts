// The one source manifest.json (Chrome's MV3 shape) and the two manifests the build writes from it.
import { FIREFOX_MIN_VERSION, GECKO_ID } from './extension-ids.js';

export type Manifest = Record<string, unknown>;

/** The source manifest, with the parts the build acts on pulled out and checked. */
export interface SourceManifest {
  readonly manifest: Manifest;
  /** `background.service_worker`: a classic script, built from src/entries/<name>.ts. */
  readonly background: string;
  /** Every `js` file of every content_scripts entry, in order. */
  readonly contentScripts: readonly string[];
  /** `action.default_popup`, if any. */
  readonly popup: string | undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Checks the source manifest and pulls out what the build needs.
 * @throws TypeError naming the offending field.
 */
export function readSourceManifest(json: unknown): SourceManifest {
  if (!isRecord(json)) throw new TypeError('manifest.json: expected a JSON object');
  if (json.manifest_version !== 3) throw new TypeError('manifest.json: manifest_version must be 3');
  if ('version' in json) throw new TypeError('manifest.json: remove "version"; the build takes it from package.json');
  const background = json.background;
  if (!isRecord(background) || typeof background.service_worker !== 'string') {
    throw new TypeError('manifest.json: background.service_worker must name the background script');
  }
  if ('scripts' in background) throw new TypeError('manifest.json: background.scripts is written by the build for Firefox only');
  // The build emits one classic IIFE file; a module worker would load it but hide the mismatch.
  if (background.type !== undefined) throw new TypeError('manifest.json: background.type must be left out (the background is a classic script)');
  const contentScripts = json.content_scripts ?? [];
  if (!Array.isArray(contentScripts)) throw new TypeError('manifest.json: content_scripts must be an array');
  const scriptFiles = contentScripts.flatMap((entry: unknown, i) => {
    if (!isRecord(entry) || !isStringArray(entry.js) || entry.js.length === 0) {
      throw new TypeError(`manifest.json: content_scripts[${i}].js must be a non-empty array of file names`);
    }
    return entry.js;
  });
  const action = json.action ?? {};
  if (!isRecord(action)) throw new TypeError('manifest.json: action must be an object');
  if (action.default_popup !== undefined && typeof action.default_popup !== 'string') {
    throw new TypeError('manifest.json: action.default_popup must be a file name');
  }
  refuseExposedPages(json.web_accessible_resources);
  return { manifest: json, background: background.service_worker, contentScripts: scriptFiles, popup: action.default_popup };
}

// design.md (Keys and secrets): no extension page may be reachable from a web page, where it could be
// framed or opened to trick the user into approving something.
function refuseExposedPages(resources: unknown): void {
  if (resources === undefined) return;
  const entries = Array.isArray(resources) ? resources : [resources];
  for (const entry of entries) {
    const list: unknown = isRecord(entry) ? entry.resources : undefined;
    if (!isStringArray(list)) throw new TypeError('manifest.json: web_accessible_resources[].resources must be an array of paths');
    // A pattern starting with a wildcard at the root would match popup.html and approval.html too.
    const page = list.find((resource) => /\.html?$/i.test(resource) || /^\/?\*/.test(resource));
    if (page !== undefined) throw new TypeError(`manifest.json: web_accessible_resources must not expose pages ("${page}")`);
  }
}

/**
 * Chrome's manifest: the source with the package version, minus the parts whose sources do not exist
 * yet (the popup, the content scripts), so the output loads at every stage of the project.
 * @throws RangeError if the version is not 1-4 dot-separated integers (all that Chrome accepts).
 */
export function chromeManifest(source: SourceManifest, options: { version: string; popup: boolean; contentScripts: boolean }): Manifest {
  if (!/^(0|[1-9]\d{0,8})(\.(0|[1-9]\d{0,8})){0,3}$/.test(options.version)) {
    throw new RangeError(`package.json: version "${options.version}" is not 1-4 dot-separated integers, as browsers require`);
  }
  const manifest: Manifest = {};
  for (const [key, value] of Object.entries(source.manifest)) {
    if (key === 'content_scripts' && !options.contentScripts) continue;
    if (key === 'action' && !options.popup && isRecord(value)) {
      const { default_popup: _popup, ...action } = value;
      manifest.action = action;
      continue;
    }
    manifest[key] = value;
    // Right after the name, where a reader of the written file looks for it.
    if (key === 'name') manifest.version = options.version;
  }
  return manifest;
}

/**
 * Firefox's manifest from Chrome's: an event page instead of the service worker (Firefox has no MV3
 * service worker, and web-ext lint warns about one), and the gecko settings AMO and Firefox need.
 * @throws TypeError if `chrome` has no background.service_worker.
 */
export function firefoxManifest(chrome: Manifest): Manifest {
  const background = chrome.background;
  if (!isRecord(background) || typeof background.service_worker !== 'string') {
    throw new TypeError('firefoxManifest: the Chrome manifest has no background.service_worker');
  }
  const { service_worker: worker, ...backgroundRest } = background;
  const manifest: Manifest = {};
  for (const [key, value] of Object.entries(chrome)) {
    if (key === 'minimum_chrome_version') continue; // Chrome's; Firefox has strict_min_version below
    manifest[key] = key === 'background' ? { ...backgroundRest, scripts: [worker] } : value;
  }
  manifest.browser_specific_settings = {
    gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
  };
  return manifest;
}
