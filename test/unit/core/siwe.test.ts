import { describe, expect, it } from 'vitest';
import { parseSignInMessage } from '../../../src/core/siwe';

const message = [
  'registry.example.com wants you to sign in with your Ethereum account:',
  '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  '',
  'Sign in to view your shares.',
  '',
  'URI: https://registry.example.com/login',
  'Version: 1',
  'Chain ID: 1',
  'Nonce: 32891756',
  'Issued At: 2026-11-24T10:00:00Z',
].join('\n');

describe('parseSignInMessage', () => {
  it('reads the domain, address, statement, URI and chain of an EIP-4361 message', () => {
    expect(parseSignInMessage(message)).toEqual({
      domain: 'registry.example.com', address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      statement: 'Sign in to view your shares.', uri: 'https://registry.example.com/login', chainId: '1',
    });
  });

  it('accepts a scheme before the domain and a message without a statement', () => {
    const lines = message.split('\n');
    lines[0] = `https://${lines[0] ?? ''}`;
    lines.splice(2, 2);
    expect(parseSignInMessage(lines.join('\n'))).toMatchObject({ domain: 'registry.example.com', statement: undefined });
  });

  it('does not take ordinary text, or a header without the required fields, for a sign-in', () => {
    expect(parseSignInMessage('Hello, registry')).toBeUndefined();
    expect(parseSignInMessage(message.replace('Version: 1', 'Version: 2'))).toBeUndefined();
    expect(parseSignInMessage(message.replace('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', 'not an address'))).toBeUndefined();
  });
});
