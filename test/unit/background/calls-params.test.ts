// EIP-5792 v2.0.0 params: every refusal with its code and exact message, before the node or the user is asked.
import { encodeFunctionData, erc20Abi } from 'viem';
import { describe, expect, it } from 'vitest';
import { batchIdParam, capabilitiesParams, MAX_CALLS, sendCallsParams } from '../../../src/background/router/calls-params';

const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const transfer = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [BOB, 10n] });

/** A batch as viem's sendCalls sends it, with `fields` changed. */
const batch = (fields: Record<string, unknown> = {}) => ({
  version: '2.0.0', chainId: '0x7a69', atomicRequired: false, from: ALICE.toLowerCase(), id: undefined, capabilities: undefined,
  calls: [{ to: TOKEN.toLowerCase(), data: transfer, value: undefined }, { to: BOB, value: '0x2a' }],
  ...fields,
});
const send = (fields: Record<string, unknown> = {}) => sendCallsParams([batch(fields)]);
const refused = (fields: Record<string, unknown>, code: number, message: string) => {
  expect(() => send(fields)).toThrow(expect.objectContaining({ code, message: `wallet_sendCalls: ${message}` }) as Error);
};

describe('wallet_sendCalls params', () => {
  it('reads a viem-style batch: addresses in EIP-55, each call\'s value as a bigint and data lowercase, the chain id as the wallet writes it', () => {
    expect(send({ chainId: '0x7A69', id: 'order-17' })).toEqual({
      id: 'order-17', from: ALICE, chainId: '0x7a69',
      calls: [{ to: TOKEN, value: 0n, data: transfer.toLowerCase() }, { to: BOB, value: 42n, data: '0x' }],
    });
  });

  it('leaves from to the wallet when the site gives none', () => {
    expect(send({ from: undefined }).from).toBeUndefined();
  });

  it('requires params to be a list holding the batch object', () => {
    expect(() => sendCallsParams(batch())).toThrow(expect.objectContaining({ code: -32602, message: 'wallet_sendCalls: params must be an array' }) as Error);
    expect(() => sendCallsParams([])).toThrow(expect.objectContaining({ code: -32602, message: 'wallet_sendCalls: expected at least 1 params, got 0' }) as Error);
    expect(() => sendCallsParams(['0x12'])).toThrow(expect.objectContaining({
      code: -32602, message: 'wallet_sendCalls: param 1 must be the batch object { version, chainId, atomicRequired, calls }',
    }) as Error);
  });

  it('speaks version 2.0.0 only', () => {
    refused({ version: '1.0' }, -32602, 'version must be "2.0.0" (EIP-5792), got "1.0"');
    refused({ version: undefined }, -32602, 'version must be "2.0.0" (EIP-5792), got a undefined');
  });

  it('refuses an id that is not a string of 1 to 8,194 characters', () => {
    refused({ id: '' }, -32602, 'id must be a string of 1 to 8194 characters (EIP-5792), got ""');
    refused({ id: 7 }, -32602, 'id must be a string of 1 to 8194 characters (EIP-5792), got a number');
    refused({ id: `0x${'ab'.repeat(4097)}` }, -32602, `id must be a string of 1 to 8194 characters (EIP-5792), got ${JSON.stringify(`0x${'ab'.repeat(19)}`)}`);
    expect(send({ id: `0x${'ab'.repeat(4096)}` }).id).toHaveLength(8194);
  });

  it('refuses a from that is not an address', () => {
    refused({ from: '0x1234' }, -32602, 'from "0x1234" is not an address: expected 0x and 40 hex digits (20 bytes)');
  });

  it('requires a hex chain id without leading zeros, as EIP-5792 writes it', () => {
    refused({ chainId: undefined }, -32602, 'chainId must be a 0x-prefixed hex chain id without leading zeros, got a undefined');
    refused({ chainId: '0x01' }, -32602, 'chainId must be a 0x-prefixed hex chain id without leading zeros, got "0x01"');
    refused({ chainId: 31337 }, -32602, 'chainId must be a 0x-prefixed hex chain id without leading zeros, got a number');
  });

  it('requires atomicRequired to be true or false', () => {
    refused({ atomicRequired: undefined }, -32602, 'atomicRequired must be true or false, got a undefined');
    refused({ atomicRequired: 'false' }, -32602, 'atomicRequired must be true or false, got "false"');
  });

  it('requires at least one call, each an object', () => {
    refused({ calls: [] }, -32602, 'calls must be a list of at least one call { to, data, value }');
    refused({ calls: { to: BOB } }, -32602, 'calls must be a list of at least one call { to, data, value }');
    refused({ calls: [{ to: BOB }, 'call'] }, -32602, 'calls[1] must be an object { to, data, value }');
  });

  it('checks each call\'s to, value and data as eth_sendTransaction does, naming the call', () => {
    refused({ calls: [{ to: BOB }, { to: 42 }] }, -32602, 'calls[1].to must be an address: 0x and 40 hex digits');
    refused({ calls: [{ to: BOB, value: 'ten' }] }, -32602, 'calls[0].value must be a 0x-prefixed hex quantity, got "ten"');
    refused({ calls: [{ to: BOB, value: `0x1${'0'.repeat(64)}` }] }, -32602, 'calls[0].value has more than 64 hex digits (above 2^256 - 1)');
    refused({ calls: [{ to: BOB, data: '0xabc' }] }, -32602, 'calls[0].data must be 0x-prefixed hex with an even number of digits');
    refused({ calls: [{ value: '0x1' }] }, -32602, 'calls[0].to is missing and data is empty: nothing to send and no contract to create');
  });

  it(`refuses more than ${MAX_CALLS} calls with 5740, before reading them`, () => {
    refused({ calls: Array.from({ length: MAX_CALLS + 1 }, () => 'not even a call') }, 5740,
      `${MAX_CALLS + 1} calls are more than the ${MAX_CALLS} a batch may hold; send them in smaller batches`);
    expect(send({ calls: Array.from({ length: MAX_CALLS }, () => ({ to: BOB })) }).calls).toHaveLength(MAX_CALLS);
  });

  it('refuses with 5700 a capability the site did not mark optional, at the top or on a call', () => {
    const unsupported = 'the capability "paymasterService" is not supported by Shareholder Wallet; mark it "optional": true to send without it';
    refused({ capabilities: { paymasterService: { url: 'https://paymaster.example' } } }, 5700, unsupported);
    refused({ capabilities: { paymasterService: { url: 'https://paymaster.example', optional: false } } }, 5700, unsupported);
    refused({ calls: [{ to: BOB, capabilities: { paymasterService: {} } }] }, 5700, unsupported);
  });

  it('sends without a capability the site marked optional (viem\'s dataSuffix, a paymaster)', () => {
    expect(send({
      capabilities: { paymasterService: { url: 'https://paymaster.example', optional: true } },
      calls: [{ to: BOB, capabilities: { dataSuffix: { value: '0x1234', optional: true } } }],
    }).calls).toEqual([{ to: BOB, value: 0n, data: '0x' }]);
  });

  it('refuses capabilities that are not objects, or an optional that is not true or false', () => {
    refused({ capabilities: ['paymasterService'] }, -32602, 'capabilities must be an object of capabilities by name');
    refused({ capabilities: { paymasterService: true } }, -32602, 'capabilities.paymasterService must be an object');
    refused({ calls: [{ to: BOB, capabilities: { paymasterService: { optional: 'yes' } } }] }, -32602, 'calls[0].capabilities.paymasterService.optional must be true or false');
  });

  it('refuses atomicRequired true with 5760: the calls are sent one by one', () => {
    refused({ atomicRequired: true }, 5760,
      'Shareholder Wallet sends the calls one after another, not atomically (wallet_getCapabilities says atomic "unsupported"); send with atomicRequired false');
  });
});

describe('wallet_getCallsStatus and wallet_showCallsStatus params', () => {
  it('take one batch id: a string of 1 to 8,194 characters', () => {
    expect(batchIdParam('wallet_getCallsStatus', ['0x01'])).toBe('0x01');
    expect(() => batchIdParam('wallet_getCallsStatus', [])).toThrow(expect.objectContaining({ code: -32602, message: 'wallet_getCallsStatus: expected at least 1 params, got 0' }) as Error);
    expect(() => batchIdParam('wallet_showCallsStatus', [{ id: '0x01' }])).toThrow(expect.objectContaining({
      code: -32602, message: 'wallet_showCallsStatus: param 1 (the batch id) must be a string of 1 to 8194 characters (EIP-5792), got a object',
    }) as Error);
  });
});

describe('wallet_getCapabilities params', () => {
  it('take the account and, optionally, the chain ids asked about, written as the wallet writes them', () => {
    expect(capabilitiesParams([ALICE.toLowerCase()])).toEqual({ address: ALICE, chainIds: undefined });
    expect(capabilitiesParams([ALICE, ['0x2105', '0x14A34', '0x07a69']])).toEqual({ address: ALICE, chainIds: ['0x2105', '0x14a34', '0x7a69'] });
  });

  it('refuses an account that is not an address, or chain ids that are not hex', () => {
    expect(() => capabilitiesParams(['alice'])).toThrow(expect.objectContaining({ code: -32602, message: expect.stringMatching(/^wallet_getCapabilities: param 1/) as string }) as Error);
    expect(() => capabilitiesParams([ALICE, '0x1'])).toThrow(expect.objectContaining({ code: -32602, message: 'wallet_getCapabilities: param 2 must be a list of 0x-hex chain ids' }) as Error);
    expect(() => capabilitiesParams([ALICE, [1]])).toThrow(expect.objectContaining({ code: -32602, message: 'wallet_getCapabilities: param 2 must be a list of 0x-hex chain ids' }) as Error);
  });
});
