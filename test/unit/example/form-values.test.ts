// The register page's form fields, read into checked values before the wallet is asked anything.
import { describe, expect, it } from 'vitest';
import { parseRecipient, parseShareTransfer, parseVoteChoice } from '../../../example/registry/src/form-values';

const CHECKSUMMED = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('the recipient field', () => {
  it('accepts an address in lower case or with its checksum, with spaces around, and gives it checksummed', () => {
    expect(parseRecipient(` ${CHECKSUMMED.toLowerCase()} `)).toBe(CHECKSUMMED);
    expect(parseRecipient(CHECKSUMMED)).toBe(CHECKSUMMED);
    expect(parseRecipient(`0x${CHECKSUMMED.slice(2).toUpperCase()}`)).toBe(CHECKSUMMED);
  });

  it('refuses mixed-case letters that break the EIP-55 checksum, as a typo would', () => {
    const typo = CHECKSUMMED.replace('C51812', 'c51812');
    expect(() => parseRecipient(typo)).toThrow(/^Recipient has mixed-case letters that are not a valid EIP-55 checksum/);
  });

  it('refuses text that is not an address, naming the field it came from', () => {
    for (const bad of ['', '0x', 'hello', `${CHECKSUMMED}00`, CHECKSUMMED.slice(2)]) {
      expect(() => parseRecipient(bad), bad).toThrow(RangeError);
    }
    expect(() => parseRecipient('nope', 'NRDW recipient')).toThrow('NRDW recipient must be an Ethereum address');
  });
});

describe('the vote choice', () => {
  it('reads For, Against and Abstain', () => {
    expect(['For', 'Against', 'Abstain'].map(parseVoteChoice)).toEqual(['For', 'Against', 'Abstain']);
  });

  it('refuses no choice, another spelling, and names every object has (toString)', () => {
    for (const bad of [null, undefined, '', 'for', 'Yes', 'toString', 'constructor', 1]) {
      expect(() => parseVoteChoice(bad), String(bad)).toThrow('Vote must be For, Against or Abstain.');
    }
  });
});

describe('a share transfer form', () => {
  it('turns shares with decimals into base units of the token\'s own decimals', () => {
    expect(parseShareTransfer({ recipient: CHECKSUMMED, shares: '12.5' }, 18)).toEqual({ to: CHECKSUMMED, value: 125n * 10n ** 17n });
    expect(parseShareTransfer({ recipient: CHECKSUMMED, shares: '0.000001' }, 6).value).toBe(1n);
    expect(parseShareTransfer({ recipient: CHECKSUMMED, shares: '7' }, 0).value).toBe(7n);
  });

  it('refuses more decimal places than the token has, zero, and negative amounts', () => {
    expect(() => parseShareTransfer({ recipient: CHECKSUMMED, shares: '1.5' }, 0)).toThrow('Shares can have at most 0 decimal places.');
    expect(() => parseShareTransfer({ recipient: CHECKSUMMED, shares: '0.0000001' }, 6)).toThrow('at most 6 decimal places');
    expect(() => parseShareTransfer({ recipient: CHECKSUMMED, shares: '0' }, 18)).toThrow('Shares must be more than 0.');
    expect(() => parseShareTransfer({ recipient: CHECKSUMMED, shares: '-3' }, 18)).toThrow(RangeError);
  });

  it('names the recipient field it was given when the address is wrong', () => {
    expect(() => parseShareTransfer({ recipient: '0x12', shares: '1' }, 18, { recipient: 'NRDW recipient' })).toThrow(/^NRDW recipient must be/);
  });
});
