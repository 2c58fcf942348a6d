import { Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { personalEcRecover } from '../../../src/background/router/ec-recover';
import { ProviderRpcError } from '../../../src/protocol/eip1193';
import { createRandom, hex, randomText } from '../../helpers/random';

// Anvil's first test key: public, never for real shares.
const alice = new Wallet('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');

function refusal(params: unknown): unknown {
  try {
    personalEcRecover(params);
  } catch (error) {
    return error;
  }
  throw new Error('personal_ecRecover answered');
}

describe('personal_ecRecover', () => {
  it('recovers the signer of a text message signed by ethers, lowercase as pages get accounts', async () => {
    const signature = await alice.signMessage('Shareholder Wallet works with ethers');
    expect(personalEcRecover(['Shareholder Wallet works with ethers', signature])).toBe(alice.address.toLowerCase());
  });

  it('agrees with ethers on 40 random keys and messages, sent as text or as 0x-hex bytes', async () => {
    const random = createRandom(0x6563);
    for (let i = 0; i < 40; i++) {
      const signer = new Wallet(hex(random.bytes(32)));
      const asBytes = random.next() < 0.5;
      const message = asBytes ? random.bytes(random.int(80)) : randomText(random, 40);
      const signature = await signer.signMessage(message);
      const sent = typeof message === 'string' ? message : hex(message);
      expect(personalEcRecover([sent, signature]), `seed 0x6563, case ${i}`).toBe(signer.address.toLowerCase());
    }
  });

  it('accepts v as 27/28 or as the recovery id 0/1', async () => {
    const signature = await alice.signMessage('hello');
    const recoveryId = (parseInt(signature.slice(130), 16) - 27).toString(16).padStart(2, '0');
    expect(personalEcRecover(['hello', `${signature.slice(0, 130)}${recoveryId}`])).toBe(alice.address.toLowerCase());
  });

  it('refuses malformed params with -32602 naming the param', async () => {
    const signature = await alice.signMessage('hello');
    const cases: [unknown, string][] = [
      ['hello', 'personal_ecRecover: params must be an array'],
      [['hello'], 'personal_ecRecover: expected at least 2 params, got 1'],
      [[42, signature], 'personal_ecRecover: param 1 must be a string (0x-hex bytes or text)'],
      [['hello', signature.slice(0, 130)], 'personal_ecRecover: param 2 must be a 65-byte signature r ‖ s ‖ v as 0x-hex (132 characters)'],
      [['hello', `${signature}00`], 'personal_ecRecover: param 2 must be a 65-byte signature r ‖ s ‖ v as 0x-hex (132 characters)'],
      [['hello', `0x${'zz'.repeat(65)}`], 'personal_ecRecover: param 2 must be a 65-byte signature r ‖ s ‖ v as 0x-hex (132 characters)'],
      [['hello', { r: '0x1' }], 'personal_ecRecover: param 2 must be a 65-byte signature r ‖ s ‖ v as 0x-hex (132 characters)'],
      [['hello', `${signature.slice(0, 130)}1d`], 'personal_ecRecover: param 2: signature v must be 27 or 28, not 29'],
      [['hello', `0x${'00'.repeat(64)}1b`], 'personal_ecRecover: param 2: no public key recovers from this signature'],
    ];
    for (const [params, message] of cases) {
      const error = refusal(params);
      expect(error, message).toBeInstanceOf(ProviderRpcError);
      expect(error, message).toMatchObject({ code: -32602, message });
    }
  });
});
