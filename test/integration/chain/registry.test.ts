// The example registry on a real chain: OpenZeppelin contracts compiled with solc-js, deployed on anvil,
// and signatures made off-chain (as the wallet makes them) that the contracts accept once and only once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWalletClient, hashTypedData as viemHashTypedData, http, maxUint256, parseEventLogs, parseUnits, type Address,
} from 'viem';
import {
  acceptsVotes, CheckedTypedData, hashTypedData as coreHashTypedData, parseClockMode, proposalState, signTypedData as coreSignTypedData,
} from '../../../src/core';
import { shareholderGovernorAbi, shareTokenAbi } from '../../../example/registry/chain/abi';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import {
  anvilAccount, createProposal, deployRegistry, proposalVotes, registryPublicClient, RegistryRevertError,
  relayPermit, relayTransferWithAuthorization, relayVoteBySig, type DeployedRegistry,
} from '../../../example/registry/chain/deploy';
import {
  ballot, randomNonce, transferWithAuthorization, validityWindow, VOTE_SUPPORT, type ContractDomain,
} from '../../../example/registry/src/typed-data';

const shares = (n: string) => parseUnits(n, 18);
const holder = anvilAccount(0); // 0xf39F...2266, the wallet's restored account in the e2e tests
const second = anvilAccount(1);
const third = anvilAccount(2);
const outsider = anvilAccount(3); // holds no shares

let chain: AnvilNode;
let registry: DeployedRegistry;
let client: Awaited<ReturnType<typeof registryPublicClient>>;
let tokenDomain: ContractDomain;
let governorDomain: ContractDomain;

beforeAll(async () => {
  chain = await startAnvil();
  registry = await deployRegistry(chain.rpcUrl);
  client = await registryPublicClient(chain.rpcUrl);
  tokenDomain = { name: registry.tokenName, chainId: chain.chainId, verifyingContract: registry.token };
  governorDomain = { name: registry.governorName, chainId: chain.chainId, verifyingContract: registry.governor };
});
afterAll(async () => { await chain.stop(); }); // also when a test failed: no node is left behind

function balanceOf(account: Address) {
  return client.readContract({ address: registry.token, abi: shareTokenAbi, functionName: 'balanceOf', args: [account] });
}
function votesOf(account: Address) {
  return client.readContract({ address: registry.token, abi: shareTokenAbi, functionName: 'getVotes', args: [account] });
}

/** A transfer of `value` from the holder, as the registry site asks the wallet to sign it. */
function transferRequest(from: Address, to: Address, value: bigint) {
  return transferWithAuthorization(tokenDomain, { from, to, value, ...validityWindow(), nonce: randomNonce() });
}

/** The same typed data in the eth_signTypedData_v4 JSON shape a page sends the wallet. */
function asWalletRequest(typedData: ReturnType<typeof transferRequest>) {
  const { domain, types, primaryType, message } = typedData;
  return JSON.parse(JSON.stringify({
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'verifyingContract', type: 'address' },
      ],
      ...types,
    },
    domain,
    primaryType,
    message,
  }, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))) as unknown;
}

describe('the example registry on anvil', () => {
  it('deploys the token and governor and gives each demo holder its shares and votes', async () => {
    const read = <const F extends 'name' | 'symbol' | 'decimals' | 'totalSupply' | 'owner'>(functionName: F) =>
      client.readContract({ address: registry.token, abi: shareTokenAbi, functionName });
    expect(await read('name')).toBe('Acme Holdings Shares');
    expect(await read('symbol')).toBe('ACME');
    expect(await read('decimals')).toBe(18);
    expect(await read('totalSupply')).toBe(shares('2550'));
    expect(await read('owner')).toBe(registry.company);
    // Fixed addresses on a fresh node: the company (account 9) deploys at its nonces 0 and 1.
    expect(registry.company).toBe(anvilAccount(9).address);
    expect(registry.relayer).toBe(anvilAccount(8).address);
    expect(registry.token).toBe('0x700b6A60ce7EaaEA56F065753d8dcB9653dbAD35');
    expect(registry.governor).toBe('0xA15BB66138824a1c7167f5E85b957d04Dd34E468');

    expect(registry.holders).toEqual([
      { address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', shares: shares('1500') },
      { address: second.address, shares: shares('800') },
      { address: third.address, shares: shares('250') },
    ]);
    for (const { address, shares: held } of registry.holders) {
      expect(await balanceOf(address)).toBe(held);
      expect(await votesOf(address)).toBe(held);
      expect(await client.readContract({
        address: registry.token, abi: shareTokenAbi, functionName: 'delegates', args: [address],
      })).toBe(address);
    }

    const governor = { address: registry.governor, abi: shareholderGovernorAbi } as const;
    expect(await client.readContract({ ...governor, functionName: 'name' })).toBe('Acme Shareholder Governor');
    expect(await client.readContract({ ...governor, functionName: 'token' })).toBe(registry.token);
    expect(await client.readContract({ ...governor, functionName: 'votingDelay' })).toBe(1n);
    expect(await client.readContract({ ...governor, functionName: 'votingPeriod' })).toBe(50n);
    expect(await client.readContract({ ...governor, functionName: 'quorumNumerator' })).toBe(4n);
  });

  it('hashes a transfer request in the wallet core exactly as viem does', () => {
    const typedData = transferRequest(holder.address, second.address, shares('1'));
    expect(coreHashTypedData(asWalletRequest(typedData))).toBe(viemHashTypedData(typedData));
  });

  it('moves shares when the holder signs a transfer off-chain and the registry relays it', async () => {
    const typedData = transferRequest(holder.address, second.address, shares('100'));
    const signature = await holder.signTypedData(typedData);
    const [holderBefore, secondBefore, holderEth] = await Promise.all([
      balanceOf(holder.address), balanceOf(second.address), client.getBalance({ address: holder.address }),
    ]);

    const { hash } = await relayTransferWithAuthorization(chain.rpcUrl, registry.token, typedData.message, signature);

    expect(await balanceOf(holder.address)).toBe(holderBefore - shares('100'));
    expect(await balanceOf(second.address)).toBe(secondBefore + shares('100'));
    expect(await votesOf(second.address)).toBe(secondBefore + shares('100')); // votes follow the shares
    expect(await client.getBalance({ address: holder.address })).toBe(holderEth); // the relayer paid the gas
    expect(await client.readContract({
      address: registry.token, abi: shareTokenAbi, functionName: 'authorizationState', args: [holder.address, typedData.message.nonce],
    })).toBe(true);
    const receipt = await client.getTransactionReceipt({ hash });
    expect(receipt.from).toBe(registry.relayer.toLowerCase());
    const [used] = parseEventLogs({ abi: shareTokenAbi, logs: receipt.logs, eventName: 'AuthorizationUsed' });
    expect(used?.args).toEqual({ authorizer: holder.address, nonce: typedData.message.nonce });
  });

  it('refuses to relay the same transfer authorization twice', async () => {
    const typedData = transferRequest(holder.address, second.address, shares('5'));
    const signature = await holder.signTypedData(typedData);
    await relayTransferWithAuthorization(chain.rpcUrl, registry.token, typedData.message, signature);
    const balance = await balanceOf(holder.address);

    const replay = relayTransferWithAuthorization(chain.rpcUrl, registry.token, typedData.message, signature);
    await expect(replay).rejects.toBeInstanceOf(RegistryRevertError);
    await expect(replay).rejects.toThrow(/transferWithAuthorization reverted with ERC3009UsedAuthorization\(0xf39F.*already used/);
    expect(await balanceOf(holder.address)).toBe(balance);
  });

  it('relays several signed transfers at once, one after the other from the relayer', async () => {
    const requests = [shares('1'), shares('2'), shares('3')].map((value) => transferRequest(second.address, third.address, value));
    const signed = await Promise.all(requests.map(async (typedData) => ({ typedData, signature: await second.signTypedData(typedData) })));
    const before = await balanceOf(third.address);

    await Promise.all(signed.map(({ typedData, signature }) =>
      relayTransferWithAuthorization(chain.rpcUrl, registry.token, typedData.message, signature)));

    expect(await balanceOf(third.address)).toBe(before + shares('6'));
  });

  it('refuses a transfer signed by someone other than the holder', async () => {
    const typedData = transferRequest(holder.address, outsider.address, shares('1'));
    const signature = await outsider.signTypedData(typedData);
    await expect(relayTransferWithAuthorization(chain.rpcUrl, registry.token, typedData.message, signature))
      .rejects.toMatchObject({ errorName: 'ERC3009InvalidSignature' });
  });

  it('accepts a transfer signed by the wallet core, relayed through the bytes-signature form', async () => {
    const typedData = transferRequest(holder.address, third.address, shares('2.5'));
    const privateKey = holder.getHdKey().privateKey;
    if (privateKey === null) throw new Error('anvil account 0 has no private key');
    const signature = coreSignTypedData(privateKey, CheckedTypedData.from(asWalletRequest(typedData)));
    expect(signature).toBe(await holder.signTypedData(typedData)); // RFC 6979: both sign alike
    const before = await balanceOf(third.address);

    await relayTransferWithAuthorization(chain.rpcUrl, registry.token, typedData.message, signature, { signatureForm: 'bytes' });

    expect(await balanceOf(third.address)).toBe(before + shares('2.5'));
  });

  it('lets a spender move shares after the holder signs an ERC-2612 permit off-chain', async () => {
    const nonce = await client.readContract({
      address: registry.token, abi: shareTokenAbi, functionName: 'nonces', args: [holder.address],
    });
    const permit = { owner: holder.address, spender: outsider.address, value: shares('10'), nonce, deadline: maxUint256 };
    const signature = await holder.signTypedData({
      domain: { name: registry.tokenName, version: '1', chainId: chain.chainId, verifyingContract: registry.token },
      types: {
        Permit: [
          { name: 'owner', type: 'address' },
          { name: 'spender', type: 'address' },
          { name: 'value', type: 'uint256' },
          { name: 'nonce', type: 'uint256' },
          { name: 'deadline', type: 'uint256' },
        ],
      },
      primaryType: 'Permit',
      message: permit,
    });

    await relayPermit(chain.rpcUrl, registry.token, permit, signature);
    expect(await client.readContract({
      address: registry.token, abi: shareTokenAbi, functionName: 'allowance', args: [holder.address, outsider.address],
    })).toBe(shares('10'));

    const before = await balanceOf(holder.address);
    // The spender sends its own transaction with the allowance the permit gave it.
    const spender = createWalletClient({ account: outsider, chain: client.chain, transport: http(chain.rpcUrl) });
    await client.waitForTransactionReceipt({
      hash: await spender.writeContract({
        address: registry.token, abi: shareTokenAbi, functionName: 'transferFrom', args: [holder.address, outsider.address, shares('10')],
      }),
    });
    expect(await balanceOf(holder.address)).toBe(before - shares('10'));
    expect(await balanceOf(outsider.address)).toBe(shares('10'));

    await expect(relayPermit(chain.rpcUrl, registry.token, permit, signature)) // its nonce is spent
      .rejects.toMatchObject({ errorName: 'ERC2612InvalidSigner' });
  });

  it('counts a vote that a holder signs off-chain and the registry relays with castVoteBySig', async () => {
    const proposalId = await createProposal(chain.rpcUrl, registry.governor, 'Proposal 1: approve the 2025 accounts');
    const snapshotVotes = {
      holder: await votesOf(holder.address),
      second: await votesOf(second.address),
      third: await votesOf(third.address),
    };

    const vote = async (voter: typeof holder, support: keyof typeof VOTE_SUPPORT) => {
      const nonce = await client.readContract({
        address: registry.governor, abi: shareholderGovernorAbi, functionName: 'nonces', args: [voter.address],
      });
      const typedData = ballot(governorDomain, { proposalId, support, voter: voter.address, nonce });
      const signature = await voter.signTypedData(typedData);
      await relayVoteBySig(chain.rpcUrl, registry.governor, proposalId, VOTE_SUPPORT[support], voter.address, signature);
      return signature;
    };
    const holderSignature = await vote(holder, 'For');
    await vote(second, 'Against');
    await vote(third, 'Abstain');

    expect(await proposalVotes(chain.rpcUrl, registry.governor, proposalId)).toEqual({
      for: snapshotVotes.holder, against: snapshotVotes.second, abstain: snapshotVotes.third,
    });
    expect(await client.readContract({
      address: registry.governor, abi: shareholderGovernorAbi, functionName: 'hasVoted', args: [proposalId, holder.address],
    })).toBe(true);

    // The same signed ballot again: its nonce is used, so it no longer verifies.
    await expect(relayVoteBySig(chain.rpcUrl, registry.governor, proposalId, 1, holder.address, holderSignature))
      .rejects.toMatchObject({ errorName: 'GovernorInvalidSignature' });
  });

  it('reads the governor\'s clock and a proposal\'s state the way the wallet core reads them', async () => {
    const read = <F extends 'CLOCK_MODE' | 'clock'>(functionName: F) =>
      client.readContract({ address: registry.governor, abi: shareholderGovernorAbi, functionName });
    const clock = parseClockMode(await read('CLOCK_MODE'));
    // The demo's ERC20Votes token counts blocks: the governor's clock() is the chain's block number.
    expect(clock).toEqual({ mode: 'blocknumber', from: 'default' });
    expect(BigInt(await read('clock'))).toBe(await client.getBlockNumber());
    const proposalId = await createProposal(chain.rpcUrl, registry.governor, `Proposal 2: the state, asked ${String(Date.now())}`);
    const state = await client.readContract({ address: registry.governor, abi: shareholderGovernorAbi, functionName: 'state', args: [proposalId] });
    expect(proposalState(state)).toBe('active');
    expect(acceptsVotes(proposalState(state))).toBe(true);
  });
});

