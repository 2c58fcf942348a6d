import { describe, expect, it } from 'vitest';
import { isLocalRpcUrl } from '../../../src/background/router/local-address';

describe('local RPC addresses', () => {
  it('counts loopback, private, link-local and unique-local addresses and localhost names as local', () => {
    for (const url of [
      'http://127.0.0.1:8545/', 'http://127.8.9.10/', 'http://localhost:8545/', 'http://[::1]:8545/', 'https://node.localhost/',
      'https://10.1.2.3/', 'https://172.16.0.1/', 'https://172.31.255.255/', 'https://192.168.1.1/', 'https://169.254.169.254/',
      'https://0.0.0.0/', 'https://[fd00::1]/', 'https://[fc12:3456::1]/', 'https://[fe80::1]/', 'https://[febf::1]/',
      'https://[::ffff:127.0.0.1]/', 'https://[::ffff:192.168.0.1]/', 'https://printer.local/',
      // Forms the URL parser turns into dotted decimal.
      'http://2130706433/', 'http://0x7f.1/', 'https://012.0.0.1/',
    ]) expect(isLocalRpcUrl(url), url).toBe(true);
  });

  it('counts public addresses and names as not local', () => {
    for (const url of [
      'https://rpc.example/', 'https://8.8.8.8/', 'https://172.32.0.1/', 'https://172.15.0.1/', 'https://192.169.0.1/',
      'https://169.255.0.1/', 'https://[2001:db8::1]/', 'https://[fec0::1]/', 'https://[::ffff:8.8.8.8]/', 'https://localhost.example/',
    ]) expect(isLocalRpcUrl(url), url).toBe(false);
  });
});
