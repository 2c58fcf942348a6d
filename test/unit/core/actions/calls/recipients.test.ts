import { describe, expect, it } from 'vitest';
import { addressesSentTo, pastRecipients } from '../../../../../src/core';

const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const CAROL = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const token = { address: TOKEN, chainId: '31337', known: undefined };

describe('the addresses a call sent to', () => {
  it('are a transfer\'s recipient, each recipient of a batch, or else the address called', () => {
    expect(addressesSentTo({ to: TOKEN, action: { kind: 'token-transfer', to: BOB } })).toEqual([BOB]);
    expect(addressesSentTo({ to: BOB, action: { kind: 'native-transfer', to: BOB } })).toEqual([BOB]);
    expect(addressesSentTo({ to: TOKEN, action: { kind: 'token-batch-transfer', transfers: [{ to: BOB }, { to: CAROL }] } })).toEqual([BOB, CAROL]);
    expect(addressesSentTo({ to: TOKEN, action: { kind: 'delegate' } })).toEqual([TOKEN]);
    expect(addressesSentTo({ to: undefined, action: { kind: 'contract-creation' } })).toEqual([]);
  });

  it('are listed once each over many calls, as the JSON views of Activity carry them', () => {
    const sent = [
      { to: TOKEN, action: { kind: 'token-transfer', token, to: BOB, amount: '10' } },
      { to: TOKEN, action: { kind: 'token-transfer', token, to: BOB, amount: '20' } },
      { to: TOKEN, action: { kind: 'delegate', token, delegatee: CAROL, toSelf: false } },
    ];
    expect(pastRecipients(sent)).toEqual([BOB, TOKEN]);
  });
});
