import { getAddress as ethersGetAddress, HDNodeWallet } from 'ethers';
import { getAddress as viemGetAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { deriveAccount, isAddress, mnemonicToSeed, toChecksumAddress } from '../../../src/core';
import { createAccountDeriver } from '../../../src/core/account';
import { createRandom, hex } from '../../helpers/random';
import vectors from '../../vectors/eip55.json';

describe('toChecksumAddress', () => {
  it.each(vectors.vectors.map((v) => v.address))('gives the EIP-55 form %s from its lowercase and uppercase forms', (address) => {
    expect(toChecksumAddress(address)).toBe(address);
    expect(toChecksumAddress(address.toLowerCase())).toBe(address);
    expect(toChecksumAddress(`0x${address.slice(2).toUpperCase()}`)).toBe(address);
  });

  it('agrees with viem and ethers on 500 random addresses', () => {
    const random = createRandom(55);
    for (let i = 0; i < 500; i++) {
      const address = hex(random.bytes(20));
      const ours = toChecksumAddress(address);
      expect(ours).toBe(viemGetAddress(address));
      expect(ours).toBe(ethersGetAddress(address));
    }
  });

  it('refuses anything that is not 20 bytes of 0x-hex', () => {
    for (const bad of ['', '0x', '0x123', `0x${'a'.repeat(39)}`, `0x${'a'.repeat(41)}`, 'a'.repeat(40), `0x${'g'.repeat(40)}`, ` 0x${'a'.repeat(40)}`]) {
      expect(() => toChecksumAddress(bad), bad).toThrow(TypeError);
      expect(isAddress(bad)).toBe(false);
    }
    expect(() => toChecksumAddress(42 as unknown as string)).toThrow(/number is not an address/);
  });

  it('refuses a mixed-case address whose checksum is wrong', () => {
    expect(() => toChecksumAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toThrow(/wrong EIP-55 checksum \(expected 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\)/);
  });
});

describe('deriveAccount', () => {
  it('derives anvil\'s first account from its well-known phrase', async () => {
    const seed = await mnemonicToSeed('test test test test test test test test test test test junk');
    const account = deriveAccount(seed, 0);
    expect(account.address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(account.path).toBe("m/44'/60'/0'/0/0");
    expect(hex(account.privateKey)).toBe('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
  });

  it('agrees with ethers on accounts 0 to 24 of random phrases', async () => {
    const random = createRandom(44);
    for (let round = 0; round < 4; round++) {
      const phrase = HDNodeWallet.createRandom().mnemonic?.phrase ?? '';
      const seed = await mnemonicToSeed(phrase);
      const derive = createAccountDeriver(seed);
      const index = random.int(25);
      const theirs = HDNodeWallet.fromPhrase(phrase, undefined, `m/44'/60'/0'/0/${index}`);
      expect(derive(index).address).toBe(theirs.address);
      expect(hex(deriveAccount(seed, index).privateKey)).toBe(theirs.privateKey);
    }
  });

  it('refuses an index outside 0 … 2^31-1', async () => {
    const seed = await mnemonicToSeed('test test test test test test test test test test test junk');
    for (const bad of [-1, 1.5, 2 ** 31, Number.NaN]) expect(() => deriveAccount(seed, bad)).toThrow(RangeError);
  });
});
