import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_MIN_VERSION, FIREFOX_MIN_VERSION, GECKO_ID } from '../../../scripts/extension-ids.js';
import { chromeManifest, firefoxManifest, readSourceManifest, type Manifest } from '../../../scripts/manifests.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const sourceJson = (): Manifest => JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as Manifest;
const everything = { version: '1.2.3', popup: true, contentScripts: true };

describe('the source manifest', () => {
  it('names the background, both content scripts and the popup', () => {
    const source = readSourceManifest(sourceJson());
    expect(source.background).toBe('background.js');
    expect(source.contentScripts).toEqual(['inpage.js', 'content.js']);
    expect(source.popup).toBe('popup.html');
  });

  it('asks for the Chrome version the build targets', () => {
    expect(sourceJson().minimum_chrome_version).toBe(CHROME_MIN_VERSION);
  });

  it('refuses a version, which belongs in package.json', () => {
    expect(() => readSourceManifest({ ...sourceJson(), version: '1.0' })).toThrow(/remove "version"/);
  });

  it('refuses a module service worker, since the build writes classic scripts', () => {
    expect(() => readSourceManifest({ ...sourceJson(), background: { service_worker: 'background.js', type: 'module' } }))
      .toThrow(/background.type/);
  });

  it('refuses a manifest without a background service worker', () => {
    expect(() => readSourceManifest({ ...sourceJson(), background: { scripts: ['background.js'] } })).toThrow(/service_worker/);
  });

  it('refuses a content script entry without js files', () => {
    expect(() => readSourceManifest({ ...sourceJson(), content_scripts: [{ matches: ['https://*/*'], js: [] }] }))
      .toThrow(/content_scripts\[0\]\.js/);
  });

  it('refuses web-accessible HTML pages, which a website could frame', () => {
    for (const resources of [['approval.html'], ['*'], ['/*.html']]) {
      const json = { ...sourceJson(), web_accessible_resources: [{ resources, matches: ['https://*/*'] }] };
      expect(() => readSourceManifest(json)).toThrow(/must not expose pages/);
    }
  });
});

describe('the Chrome manifest', () => {
  it('takes its version from the package, right after the name', () => {
    const manifest = chromeManifest(readSourceManifest(sourceJson()), everything);
    expect(Object.keys(manifest).slice(0, 3)).toEqual(['manifest_version', 'name', 'version']);
    expect(manifest.version).toBe('1.2.3');
  });

  it('refuses a version browsers cannot parse', () => {
    for (const version of ['1.0.0-beta.1', '01.2', '1.2.3.4.5', '']) {
      expect(() => chromeManifest(readSourceManifest(sourceJson()), { ...everything, version })).toThrow(RangeError);
    }
  });

  it('leaves out the popup and the content scripts while their sources do not exist', () => {
    const manifest = chromeManifest(readSourceManifest(sourceJson()), { ...everything, popup: false, contentScripts: false });
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest.action).not.toHaveProperty('default_popup');
    expect(manifest.action).toHaveProperty('default_icon');
  });
});

describe('the Firefox manifest', () => {
  const chrome = chromeManifest(readSourceManifest(sourceJson()), everything);
  const firefox = firefoxManifest(chrome);

  it('replaces the service worker with an event page', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
  });

  it('carries the gecko id, the minimum version and the data-collection declaration', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
    });
  });

  it('drops Chrome-only keys and keeps everything else as it is', () => {
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    const { background: _f, browser_specific_settings: _g, ...firefoxRest } = firefox;
    const { background: _c, minimum_chrome_version: _m, ...chromeRest } = chrome;
    expect(firefoxRest).toEqual(chromeRest);
  });

  it('leaves the Chrome manifest untouched', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
  });
});
