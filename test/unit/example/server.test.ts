import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistrySite, type RegistrySite } from '../../../example/registry/server';

let site: RegistrySite;

beforeAll(async () => {
  site = await startRegistrySite();
}, 120_000);

afterAll(async () => {
  await site.close();
});

async function get(path: string, init?: RequestInit) {
  const response = await fetch(new URL(path, site.url), init);
  return { status: response.status, type: response.headers.get('content-type'), headers: response.headers, body: await response.text() };
}

describe('the example registry site server', () => {
  it('listens on a free port of 127.0.0.1', () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(site.url).not.toBe('http://127.0.0.1:0/');
  });

  it('serves the register as HTML at / and /index.html', async () => {
    for (const path of ['/', '/index.html']) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.type).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('<title>Acme Holdings · Share register</title>');
    }
  });

  it('serves the page\'s scripts and styles with JavaScript and CSS content types', async () => {
    const { body } = await get('/');
    const script = /<script type="module" crossorigin src="([^"]+\.js)"/.exec(body)?.[1];
    const style = /<link rel="stylesheet" crossorigin href="([^"]+\.css)"/.exec(body)?.[1];
    expect(script).toBeDefined();
    expect(style).toBeDefined();
    const js = await get(script ?? '');
    expect(js.status).toBe(200);
    expect(js.type).toBe('text/javascript; charset=utf-8');
    expect(js.body.includes('transfer-result'), 'the entry script is the register\'s').toBe(true);
    const css = await get(style ?? '');
    expect(css.type).toBe('text/css; charset=utf-8');
  });

  it('serves the sandboxed-frame page and the frame it embeds', async () => {
    const parent = await get('/iframe.html');
    expect(parent.type).toBe('text/html; charset=utf-8');
    expect(parent.body).toContain('<iframe id="frame" class="frame" sandbox="allow-scripts" src="/frame.html"');
    expect(parent.body).toContain('id="frame-result"');
    const frame = await get('/frame.html');
    expect(frame.type).toBe('text/html; charset=utf-8');
    expect(frame.body).toContain('id="frame-result"');
  });

  it('lets the opaque-origin frame load its module scripts (CORS)', async () => {
    const { body } = await get('/frame.html');
    const script = /src="([^"]+\.js)"/.exec(body)?.[1] ?? '';
    const js = await get(script, { headers: { Origin: 'null' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 404 for unknown paths and never serves files outside the build', async () => {
    for (const path of ['/nope.html', '/../package.json', '/%2e%2e/package.json', '/src/main.ts', '/..%2fserver.ts']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('/', { method: 'POST' })).status).toBe(405);
    const head = await fetch(new URL('/', site.url), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
  });

  it('closes cleanly, even with a kept-alive connection, and may be closed twice', async () => {
    const other = await startRegistrySite();
    const response = await fetch(other.url, { headers: { Connection: 'keep-alive' } });
    await response.text();
    await other.close();
    await other.close();
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
