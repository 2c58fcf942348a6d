// Core benchmark: ours against ethers and viem (@scure/bip32) in one run, on the same inputs.
import { HDNodeWallet, Wallet } from 'ethers';
import { HDKey, privateKeyToAccount, privateKeyToAddress } from 'viem/accounts';
import { bytesToHex } from 'viem';
import { CheckedTypedData, createAccountDeriver, decryptVault, encryptVault, mnemonicToSeed, signTypedData, type TypedData } from '../src/core';
import { measure, round, table, type Sample } from './measure';

const PHRASE = 'test test test test test test test test test test test junk';
const PARENT = "m/44'/60'/0'/0";
const ROUNDS = 15;

/** A share transfer as a registry sends it (ERC-3009), varied by nonce. */
function transfer(nonce: number): TypedData {
  return {
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' }, { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' },
      ],
      TransferWithAuthorization: [
        { name: 'from', type: 'address' }, { name: 'to', type: 'address' }, { name: 'value', type: 'uint256' },
        { name: 'validAfter', type: 'uint256' }, { name: 'validBefore', type: 'uint256' }, { name: 'nonce', type: 'bytes32' },
      ],
    },
    primaryType: 'TransferWithAuthorization',
    domain: { name: 'Acme Shares', version: '1', chainId: 31337, verifyingContract: '0x5FbDB2315678afecb367f032d93F642f64180aa3' },
    message: {
      from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      value: '1000000000000000000000', validAfter: 0, validBefore: 4102444800,
      nonce: `0x${nonce.toString(16).padStart(64, '0')}`,
    },
  };
}

interface Row { name: string; ours: Sample; peers: Record<string, Sample> }

function ratio(row: Row): number {
  const fastest = Math.min(...Object.values(row.peers).map((peer) => peer.median));
  return row.ours.median / fastest;
}

export async function benchCore(): Promise<void> {
  const seed = await mnemonicToSeed(PHRASE);
  const privateKey = createAccountDeriver(seed)(0).privateKey;
  const keyHex = bytesToHex(privateKey);
  const messages = Array.from({ length: 1000 }, (_, i) => transfer(i));
  const withoutDomain = (data: TypedData) => {
    const { EIP712Domain: _domain, ...types } = data.types;
    return Object.fromEntries(Object.entries(types).map(([name, fields]) => [name, [...fields]]));
  };
  const ethersWallet = new Wallet(keyHex);
  const viemAccount = privateKeyToAccount(keyHex);

  const derive: Row = {
    name: 'derive 100 accounts (ms)',
    ours: await measure(() => {
      const derive = createAccountDeriver(seed);
      for (let i = 0; i < 100; i++) derive(i);
    }, ROUNDS),
    peers: {
      ethers: await measure(() => {
        const parent = HDNodeWallet.fromSeed(seed).derivePath(PARENT);
        const addresses: string[] = [];
        for (let i = 0; i < 100; i++) addresses.push(parent.deriveChild(i).address);
      }, ROUNDS),
      'viem/@scure/bip32': await measure(() => {
        const parent = HDKey.fromMasterSeed(seed).derive(PARENT);
        for (let i = 0; i < 100; i++) privateKeyToAddress(bytesToHex(parent.deriveChild(i).privateKey ?? new Uint8Array()));
      }, ROUNDS),
    },
  };

  const sign: Row = {
    name: 'sign 1,000 typed-data transfers (ms)',
    ours: await measure(() => {
      for (const message of messages) signTypedData(privateKey, CheckedTypedData.from(message));
    }, 5),
    peers: {
      ethers: await measure(async () => {
        for (const m of messages) await ethersWallet.signTypedData(m.domain, withoutDomain(m), m.message);
      }, 5),
      viem: await measure(async () => {
        for (const m of messages) await viemAccount.signTypedData(m);
      }, 5),
    },
  };

  const vault = await encryptVault(seed, 'a long and careful password');
  const unlock = await measure(() => decryptVault(vault, 'a long and careful password'), 9);

  const rows = [derive, sign];
  const peerNames = ['ethers', 'viem/@scure/bip32', 'viem'];
  console.log(table(
    ['figure', 'ours', ...peerNames, 'ours / fastest peer', 'goal'],
    [
      ...rows.map((row) => [
        row.name, round(row.ours.median).toString(),
        ...peerNames.map((peer) => row.peers[peer] === undefined ? '' : round(row.peers[peer].median).toString()),
        `${round(ratio(row))}x`, '<= 1.0x',
      ]),
      ['vault decrypt, 600,000 PBKDF2 iterations (ms)', round(unlock.median).toString(), '', '', '', '', ''],
    ],
  ));
  const figures = (row: Row) => ({
    ours: round(row.ours.median),
    ...Object.fromEntries(Object.entries(row.peers).map(([peer, sample]) => [peer, round(sample.median)])),
    ratio: round(ratio(row)),
  });
  console.log(JSON.stringify({
    bench: 'core', unit: 'ms (median)', derive100: figures(derive), sign1000: figures(sign),
    vaultDecrypt: round(unlock.median), node: process.version,
  }));
}
