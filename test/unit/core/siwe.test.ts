import { describe, expect, it } from 'vitest';
import { parseSignInMessage, type SignInMessage } from '../../../src/core/siwe';

// EIP-4361 §Examples: the example message, and its variants with a scheme and with a port.
const EIP_EXAMPLE = [
  'example.com wants you to sign in with your Ethereum account:',
  '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
  '',
  'I accept the ExampleOrg Terms of Service: https://example.com/tos',
  '',
  'URI: https://example.com/login',
  'Version: 1',
  'Chain ID: 1',
  'Nonce: 32891756',
  'Issued At: 2021-09-30T16:25:24Z',
  'Resources:',
  '- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/',
  '- https://example.com/my-web2-claim.json',
].join('\n');

const EXAMPLE_FIELDS: SignInMessage = {
  scheme: undefined, domain: 'example.com', address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
  statement: 'I accept the ExampleOrg Terms of Service: https://example.com/tos', uri: 'https://example.com/login',
  version: '1', chainId: '1', nonce: '32891756', issuedAt: '2021-09-30T16:25:24Z',
  expirationTime: undefined, notBefore: undefined, requestId: undefined,
  resources: ['ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/', 'https://example.com/my-web2-claim.json'],
};

const withLines = (edit: (lines: string[]) => void, text = EIP_EXAMPLE) => {
  const lines = text.split('\n');
  edit(lines);
  return lines.join('\n');
};

describe('parseSignInMessage (EIP-4361)', () => {
  it('reads every field of the EIP-4361 example message', () => {
    expect(parseSignInMessage(EIP_EXAMPLE)).toEqual({ kind: 'sign-in', message: EXAMPLE_FIELDS });
  });

  it('reads the EIP-4361 examples with a scheme and with a port', () => {
    expect(parseSignInMessage(`https://${EIP_EXAMPLE}`)).toEqual({ kind: 'sign-in', message: { ...EXAMPLE_FIELDS, scheme: 'https' } });
    const withPort = EIP_EXAMPLE.replace('example.com wants', 'example.com:3388 wants');
    expect(parseSignInMessage(withPort)).toEqual({ kind: 'sign-in', message: { ...EXAMPLE_FIELDS, domain: 'example.com:3388' } });
  });

  it('reads the optional fields in their order, and a message without statement by its two blank lines', () => {
    const full = withLines((lines) => {
      lines.splice(2, 3, '', '');
      lines.splice(9, 0, 'Expiration Time: 2031-09-30T16:25:24Z', 'Not Before: 2021-09-30T16:25:24.123+08:00', 'Request ID: req-1');
    });
    expect(parseSignInMessage(full)).toEqual({ kind: 'sign-in', message: {
      ...EXAMPLE_FIELDS, statement: undefined, expirationTime: '2031-09-30T16:25:24Z', notBefore: '2021-09-30T16:25:24.123+08:00', requestId: 'req-1',
    } });
  });

  it('takes a statement that looks like a field for the statement, and reads each field only from its own line', () => {
    for (const hostile of ['Version: 0', 'URI: https://evil.example', 'Chain ID: 5', 'Nonce: 00000000']) {
      const text = withLines((lines) => { lines[3] = hostile; });
      expect(parseSignInMessage(text)).toEqual({ kind: 'sign-in', message: { ...EXAMPLE_FIELDS, statement: hostile } });
    }
  });

  it('reports a message with a sign-in header but a broken body as malformed, naming the header\'s domain', () => {
    const broken = [
      EIP_EXAMPLE.replace('Version: 1', 'Version: 0'),
      withLines((lines) => { lines.splice(4, 1); }),
      withLines((lines) => { lines.splice(6, 0, 'Version: 1'); }),
      withLines((lines) => { [lines[6], lines[7]] = [lines[7] ?? '', lines[6] ?? '']; }),
      withLines((lines) => { lines[1] = 'not an address'; }),
      withLines((lines) => { lines[3] = 'a statement\u0007 with a control character'; }),
      `${EIP_EXAMPLE}\n`,
      EIP_EXAMPLE.replaceAll('\n', '\r\n'),
      EIP_EXAMPLE.replace('Nonce: 32891756', 'Nonce: 1234'),
      EIP_EXAMPLE.replace('example.com wants', 'good.example@example.com wants'),
    ];
    for (const text of broken) {
      const parsed = parseSignInMessage(text);
      expect(parsed?.kind).toBe('malformed');
      expect(parsed).toMatchObject({ scheme: undefined, domain: text.startsWith('good') ? 'good.example@example.com' : 'example.com' });
    }
    expect(parseSignInMessage(`http://${EIP_EXAMPLE.replace('Chain ID: 1', 'Chain ID: one')}`)).toMatchObject({ kind: 'malformed', scheme: 'http', domain: 'example.com' });
  });

  it('does not take ordinary text, or a header that is not the first line, for a sign-in', () => {
    expect(parseSignInMessage('Hello, registry')).toBeUndefined();
    expect(parseSignInMessage(`\n${EIP_EXAMPLE}`)).toBeUndefined();
    expect(parseSignInMessage('')).toBeUndefined();
  });
});
