// Differential test of the sign-in parser against viem's SIWE utilities, the parser and validator a
// registry's server is likely to use. Whatever viem would accept as a sign-in for domain D, our parser must
// report as a sign-in for D with the same address, URI and chain id, or as malformed for D: never as
// "not a sign-in", which would hide the phishing warning.
import { createSiweMessage, parseSiweMessage, validateSiweMessage } from 'viem/siwe';
import { describe, expect, it } from 'vitest';
import { parseSignInMessage } from '../../../src/core/siwe';
import { createRandom, type Random } from '../../helpers/random';

const DOMAINS = ['registry.example', 'evil.example', 'localhost:8080', '127.0.0.1:3000', 'sub.bank.example:443'];
const SCHEMES = ['', 'https', 'http'];
const ADDRESSES = ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', '0x70997970c51812dc3a010c7d01b50e0d17dc79c8'] as const;
const URIS = ['https://registry.example/login', 'https://evil.example', 'ipfs://bafybei/x', 'http://localhost:8080/'];
/** Statements meant to pass for fields, headers or the blank lines around them. */
const HOSTILE_STATEMENTS = [
  'Version: 0', 'Version: 1', 'URI: https://evil.example', 'Chain ID: 5', 'Nonce: 12345678', 'Issued At: 2020-01-01T00:00:00Z',
  'registry.example wants you to sign in with your Ethereum account:', 'Resources:', '- https://evil.example', ' ',
  'Sign in to view your shares.', 'URI: https://evil.example\nVersion: 1\nChain ID: 5', 'a\u0007bell', '股东登录',
];
const ISSUED = new Date('2026-11-24T10:00:00Z');
const NOW = new Date('2026-11-25T10:00:00Z');

/** A message as createSiweMessage writes it, with a statement (hostile or not) when the draw says so. */
function wellFormed(random: Random): string {
  const statement = random.next() < 0.8 ? random.pick(HOSTILE_STATEMENTS).replaceAll('\n', ' ') : undefined;
  return createSiweMessage({
    domain: random.pick(DOMAINS), scheme: random.pick(SCHEMES) || undefined, address: random.pick(ADDRESSES), statement,
    uri: random.pick(URIS), version: '1', chainId: random.pick([1, 5, 31337]), nonce: random.pick(['32891756', 'abcDEF1234567']),
    issuedAt: ISSUED, ...(random.next() < 0.3 ? { expirationTime: new Date('2027-01-01T00:00:00Z') } : {}),
    ...(random.next() < 0.3 ? { requestId: 'req-7' } : {}), ...(random.next() < 0.3 ? { resources: ['https://registry.example/tos'] } : {}),
  });
}

/** One edit of the lines that a hand-made or hostile message could carry. */
function mutate(random: Random, text: string): string {
  const lines = text.split('\n');
  const at = random.int(lines.length + 1);
  switch (random.int(8)) {
    case 0: lines.splice(at, 0, random.pick(HOSTILE_STATEMENTS)); break;
    case 1: lines.splice(at, 1); break;
    case 2: lines.splice(at, 0, lines[random.int(lines.length)] ?? ''); break;
    case 3: lines[at] = random.pick(HOSTILE_STATEMENTS); break;
    case 4: { const other = random.int(lines.length); [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? '']; break; }
    case 5: return `${text}${random.pick(['\n', '\r\n', ' ', '\nExtra: 1'])}`;
    case 6: return text.replaceAll('\n', random.pick(['\r\n', '\n\n']));
    default: lines[3] = random.pick(HOSTILE_STATEMENTS); break;
  }
  return lines.join('\n');
}

/** The domain viem would accept the message for, with what it read; undefined when it accepts it for none. */
function viemAccepts(text: string) {
  const parsed = parseSiweMessage(text);
  if (parsed.domain === undefined) return undefined;
  return validateSiweMessage({ message: parsed, domain: parsed.domain, time: NOW }) ? parsed : undefined;
}

describe('the sign-in parser against viem', () => {
  it('reads every message createSiweMessage writes, hostile statements included, as viem reads it', () => {
    const random = createRandom(4361);
    for (let i = 0; i < 500; i++) {
      const text = wellFormed(random);
      const ours = parseSignInMessage(text);
      const theirs = parseSiweMessage(text);
      // A control character breaks the grammar (and a screen could hide it): viem signs it in, we warn.
      if (/[^\P{Cc}\n]/u.test(text)) {
        expect(ours, text).toMatchObject({ kind: 'malformed', domain: theirs.domain });
        continue;
      }
      expect(ours, text).toMatchObject({ kind: 'sign-in', message: {
        domain: theirs.domain, scheme: theirs.scheme, uri: theirs.uri, statement: theirs.statement, chainId: String(theirs.chainId),
      } });
      expect(ours?.kind === 'sign-in' && ours.message.address.toLowerCase()).toBe(theirs.address?.toLowerCase());
    }
  });

  it('never calls "not a sign-in" what viem accepts for a domain, and never reads other fields than viem', () => {
    const random = createRandom(20261205);
    let accepted = 0;
    let malformed = 0;
    for (let i = 0; i < 3000; i++) {
      let text = wellFormed(random);
      for (let edits = random.int(3); edits > 0; edits--) text = mutate(random, text);
      const theirs = viemAccepts(text);
      if (theirs === undefined) continue;
      accepted++;
      const ours = parseSignInMessage(text);
      if (ours?.kind === 'malformed') {
        malformed++;
        expect({ domain: ours.domain, scheme: ours.scheme }, text).toEqual({ domain: theirs.domain, scheme: theirs.scheme });
        continue;
      }
      expect(ours?.kind, text).toBe('sign-in');
      if (ours?.kind !== 'sign-in') continue;
      expect({ domain: ours.message.domain, address: ours.message.address.toLowerCase(), uri: ours.message.uri, chainId: BigInt(ours.message.chainId) }, text)
        .toEqual({ domain: theirs.domain, address: theirs.address?.toLowerCase(), uri: theirs.uri, chainId: BigInt(theirs.chainId ?? -1) });
    }
    // The generator reached both outcomes: messages viem accepts that we read, and ones we flag as malformed.
    expect(accepted).toBeGreaterThan(1000);
    expect(malformed).toBeGreaterThan(200);
    expect(accepted - malformed).toBeGreaterThan(200);
  });
});
