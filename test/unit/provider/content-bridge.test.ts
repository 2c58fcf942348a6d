import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { startContentBridge } from '../../../src/provider/content/bridge';
import { PORT_NAME, TO_CONTENT, TO_PAGE } from '../../../src/protocol/bridge';
import { createFakeWindow, tick } from '../../helpers/fake-window';

/** A fake runtime Port: records what the bridge sends, and lets the test answer or disconnect. */
function createFakePorts() {
  const ports: { name: string; sent: unknown[]; answer: (m: unknown) => void; drop: () => void }[] = [];
  const connect = (name: string): Runtime.Port => {
    const messageListeners: ((m: unknown) => void)[] = [];
    const disconnectListeners: (() => void)[] = [];
    const record = { name, sent: [] as unknown[], answer: (m: unknown) => { for (const l of messageListeners) l(m); }, drop: () => { for (const l of disconnectListeners) l(); } };
    ports.push(record);
    return {
      name,
      postMessage: (m: unknown) => { record.sent.push(structuredClone(m)); },
      onMessage: { addListener: (l: (m: unknown) => void) => { messageListeners.push(l); } },
      onDisconnect: { addListener: (l: () => void) => { disconnectListeners.push(l); } },
    } as unknown as Runtime.Port;
  };
  return { ports, connect };
}

function setup(origin = 'https://registry.example') {
  const win = createFakeWindow(origin);
  const { ports, connect } = createFakePorts();
  startContentBridge({ win: win as unknown as Window, connect });
  const replies = () => win.posted.map((p) => p.message as { target: string }).filter((m) => m.target === TO_PAGE);
  return { win, ports, replies };
}

describe('content bridge', () => {
  it('opens no Port until the page makes its first request', async () => {
    const { win, ports } = setup();
    expect(ports).toHaveLength(0);
    win.deliver({ target: TO_CONTENT, id: 'a', request: { method: 'eth_chainId' } });
    await tick();
    expect(ports.map((p) => [p.name, p.sent])).toEqual([[PORT_NAME, [{ id: 'a', request: { method: 'eth_chainId' } }]]]);
  });

  it('relays the background\'s answer to the page with an explicit target origin', async () => {
    const { win, ports, replies } = setup();
    win.deliver({ target: TO_CONTENT, id: 'a', request: { method: 'eth_chainId' } });
    ports[0]?.answer({ id: 'a', outcome: { result: '0x1' } });
    await tick();
    expect(replies()).toEqual([{ target: TO_PAGE, id: 'a', outcome: { result: '0x1' } }]);
    expect(win.posted.every((p) => p.targetOrigin === 'https://registry.example')).toBe(true);
  });

  it('ignores messages from other windows, other origins and malformed envelopes', async () => {
    const { win, ports } = setup();
    win.deliver({ target: TO_CONTENT, id: 'a', request: { method: 'eth_accounts' } }, { source: {} });
    win.deliver({ target: TO_CONTENT, id: 'b', request: { method: 'eth_accounts' } }, { origin: 'https://evil.example' });
    win.deliver({ target: TO_CONTENT, id: 'c', request: { method: '' } });
    win.deliver({ target: TO_CONTENT, id: 7, request: { method: 'eth_accounts' } });
    win.deliver({ target: TO_PAGE, id: 'd', outcome: { result: 'forged reply' } });
    await tick();
    expect(ports).toHaveLength(0);
  });

  it('refuses requests larger than 1 MB without sending them', async () => {
    const { win, ports, replies } = setup();
    win.deliver({ target: TO_CONTENT, id: 'big', request: { method: 'personal_sign', params: ['x'.repeat(1_100_000), '0x0'] } });
    await tick();
    expect(ports).toHaveLength(0);
    expect(replies()).toEqual([{ target: TO_PAGE, id: 'big', outcome: { error: { code: -32602, message: 'personal_sign: the request is larger than 1000000 bytes' } } }]);
  });

  it('answers 4900 once for each request in flight when the background goes away, and reconnects on the next', async () => {
    const { win, ports, replies } = setup();
    win.deliver({ target: TO_CONTENT, id: 'a', request: { method: 'eth_requestAccounts' } });
    win.deliver({ target: TO_CONTENT, id: 'b', request: { method: 'eth_chainId' } });
    ports[0]?.drop();
    ports[0]?.answer({ id: 'a', outcome: { result: ['0xlate'] } });
    await tick();
    expect(replies()).toMatchObject([
      { id: 'a', outcome: { error: { code: 4900 } } }, { id: 'b', outcome: { error: { code: 4900 } } },
    ]);
    win.deliver({ target: TO_CONTENT, id: 'c', request: { method: 'eth_chainId' } });
    await tick();
    expect(ports).toHaveLength(2);
  });

  it('refuses requests from an opaque origin (a sandboxed frame) without opening a Port', async () => {
    const { win, ports, replies } = setup('null');
    win.deliver({ target: TO_CONTENT, id: 'a', request: { method: 'eth_requestAccounts' } }, { origin: 'null' });
    await tick();
    expect(ports).toHaveLength(0);
    expect(replies()).toMatchObject([{ id: 'a', outcome: { error: { code: 4100 } } }]);
  });

  it('passes events from the background to the page', async () => {
    const { win, ports, replies } = setup();
    win.deliver({ target: TO_CONTENT, id: 'a', request: { method: 'eth_chainId' } });
    ports[0]?.answer({ event: { name: 'chainChanged', data: '0x7a69' } });
    ports[0]?.answer({ event: { name: 'notAnEvent', data: 1 } });
    await tick();
    expect(replies()).toEqual([{ target: TO_PAGE, event: { name: 'chainChanged', data: '0x7a69' } }]);
  });
});
