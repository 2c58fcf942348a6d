// Two plain web pages on 127.0.0.1 for tests that need a page but no registry: `/` (empty) and
// `/parent`, which embeds `/frame` from http://localhost:<same port>, a different origin.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestPages {
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** http://127.0.0.1:PORT/parent, embedding frameUrl */
  parentUrl: string;
  /** http://localhost:PORT/frame */
  frameUrl: string;
  close(): Promise<void>;
}

const html = (title: string, body = ''): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

export async function startTestPages(): Promise<TestPages> {
  let port = 0;
  const server = createServer((req, res) => {
    const pages: Record<string, string> = {
      '/': html('A page'),
      '/parent': html('Parent', `<iframe id="frame" src="http://localhost:${port}/frame" title="frame"></iframe>`),
      '/frame': html('Frame'),
    };
    const body = pages[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body ?? 'Not found');
  });
  await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    parentUrl: `http://127.0.0.1:${port}/parent`,
    frameUrl: `http://localhost:${port}/frame`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => { resolve(); }); }),
  };
}
