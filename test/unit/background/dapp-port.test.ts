import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { siteOf } from '../../../src/background/router/dapp-port';

const sender = (fields: Record<string, unknown>) => fields as Runtime.MessageSender;

describe('the requesting site, from the browser-set sender', () => {
  it('takes Chrome\'s reported origin for a top-level page', () => {
    expect(siteOf(sender({ origin: 'https://registry.example', url: 'https://registry.example/cap-table', frameId: 0 }))).toEqual({
      origin: 'https://registry.example', topOrigin: undefined,
    });
  });

  it('falls back to the URL\'s origin where the browser reports no origin (Firefox)', () => {
    expect(siteOf(sender({ url: 'http://127.0.0.1:8080/index.html', frameId: 0 }))).toEqual({ origin: 'http://127.0.0.1:8080', topOrigin: undefined });
  });

  it('names the top-level site when a frame of another origin asks', () => {
    expect(siteOf(sender({ origin: 'https://widget.example', frameId: 7, tab: { url: 'https://registry.example/' } }))).toEqual({
      origin: 'https://widget.example', topOrigin: 'https://registry.example',
    });
    expect(siteOf(sender({ origin: 'https://registry.example', frameId: 7, tab: { url: 'https://registry.example/x' } }))?.topOrigin).toBeUndefined();
  });

  it('says the outer site is unknown when a frame sits in a page without a web address, or the browser gives none', () => {
    for (const url of ['about:blank', 'blob:http://127.0.0.1:8080/5b1f0c1e-7f4c-4b52-9d1e-2d0f2e6a9c11', 'data:text/html,<iframe>', 'about:srcdoc', undefined]) {
      expect(siteOf(sender({ origin: 'https://registry.example', frameId: 5, tab: { url } })), String(url)).toEqual({
        origin: 'https://registry.example', topOrigin: undefined, topOriginUnknown: true,
      });
    }
    expect(siteOf(sender({ origin: 'https://registry.example', frameId: 5 }))?.topOriginUnknown).toBe(true);
    // A top-level page is its own outer site, whatever the tab says.
    expect(siteOf(sender({ origin: 'https://registry.example', frameId: 0, tab: { url: 'about:blank' } }))).toEqual({
      origin: 'https://registry.example', topOrigin: undefined,
    });
  });

  it('refuses opaque and non-web origins', () => {
    expect(siteOf(sender({ origin: 'null', url: 'https://registry.example/frame.html', frameId: 3 }))).toBeUndefined();
    expect(siteOf(sender({ url: 'file:///home/user/page.html' }))).toBeUndefined();
    expect(siteOf(sender({ url: 'not a url' }))).toBeUndefined();
    expect(siteOf(undefined)).toBeUndefined();
  });
});
