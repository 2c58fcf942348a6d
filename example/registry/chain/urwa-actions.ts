// What the ERC-7943 company's agent (and a holder) do to its UrwaShareToken, as plain transactions for
// the tests and the demo. Each call is simulated first, so a refusal comes back as a RegistryRevertError
// naming the token's custom error (ERC7943CannotSend, ERC7943InsufficientUnfrozenBalance, …).
import type { Address } from 'viem';
import { urwaShareTokenAbi } from './abi';
import { sendFromAccount, type registryPublicClient, type RelayResult, type walletOf } from './deploy';
import { URWA_AGENT_ACCOUNT_INDEX } from './deploy-urwa';

type Client = Awaited<ReturnType<typeof registryPublicClient>>;
type Wallet = Awaited<ReturnType<typeof walletOf>>;
/** Simulates one typed call of the token and returns the request to send. */
type Simulate = (client: Client, wallet: Wallet) => Promise<{ request: Parameters<Wallet['writeContract']>[0] }>;

function sendAs(rpcUrl: string, accountIndex: number, functionName: string, simulate: Simulate): Promise<RelayResult> {
  return sendFromAccount(rpcUrl, accountIndex, functionName, async (wallet, client) => {
    const { request } = await simulate(client, wallet);
    return wallet.writeContract(request);
  });
}

const agent = (opts: { agent?: number }) => opts.agent ?? URWA_AGENT_ACCOUNT_INDEX;

/** Sets how many of `account`'s shares are frozen (it may exceed the balance); 0 unfreezes them all. */
export const setFrozenTokens = (rpcUrl: string, token: Address, account: Address, amount: bigint, opts: { agent?: number } = {}) =>
  sendAs(rpcUrl, agent(opts), 'setFrozenTokens', (client, wallet) =>
    client.simulateContract({ account: wallet.account, address: token, abi: urwaShareTokenAbi, functionName: 'setFrozenTokens', args: [account, amount] }));

/** Allows (or forbids) `account` to send shares. */
export const setSendAllowed = (rpcUrl: string, token: Address, account: Address, allowed: boolean, opts: { agent?: number } = {}) =>
  sendAs(rpcUrl, agent(opts), 'setSendAllowed', (client, wallet) =>
    client.simulateContract({ account: wallet.account, address: token, abi: urwaShareTokenAbi, functionName: 'setSendAllowed', args: [account, allowed] }));

/** Allows (or forbids) `account` to receive shares. */
export const setReceiveAllowed = (rpcUrl: string, token: Address, account: Address, allowed: boolean, opts: { agent?: number } = {}) =>
  sendAs(rpcUrl, agent(opts), 'setReceiveAllowed', (client, wallet) =>
    client.simulateContract({ account: wallet.account, address: token, abi: urwaShareTokenAbi, functionName: 'setReceiveAllowed', args: [account, allowed] }));

/** Caps the shares one transfer may move; 0 removes the cap. */
export const setTransferLimit = (rpcUrl: string, token: Address, limit: bigint, opts: { agent?: number } = {}) =>
  sendAs(rpcUrl, agent(opts), 'setTransferLimit', (client, wallet) =>
    client.simulateContract({ account: wallet.account, address: token, abi: urwaShareTokenAbi, functionName: 'setTransferLimit', args: [limit] }));

/** The agent moves `from`'s shares to `to` without `from` (frozen shares taken are unfrozen first). */
export const forcedTransfer = (rpcUrl: string, token: Address, from: Address, to: Address, amount: bigint, opts: { agent?: number } = {}) =>
  sendAs(rpcUrl, agent(opts), 'forcedTransfer', (client, wallet) =>
    client.simulateContract({ account: wallet.account, address: token, abi: urwaShareTokenAbi, functionName: 'forcedTransfer', args: [from, to, amount] }));

/** A holder's own `transfer`, from anvil account `fromAccount`. @throws RegistryRevertError with the token's error. */
export const transferUrwaShares = (rpcUrl: string, token: Address, fromAccount: number, to: Address, amount: bigint) =>
  sendAs(rpcUrl, fromAccount, 'transfer', (client, wallet) =>
    client.simulateContract({ account: wallet.account, address: token, abi: urwaShareTokenAbi, functionName: 'transfer', args: [to, amount] }));

/** `spenderAccount` moves `owner`'s shares under an allowance. @throws RegistryRevertError with the token's error. */
export const transferUrwaSharesFrom = (rpcUrl: string, token: Address, spenderAccount: number, owner: Address, to: Address, amount: bigint) =>
  sendAs(rpcUrl, spenderAccount, 'transferFrom', (client, wallet) =>
    client.simulateContract({ account: wallet.account, address: token, abi: urwaShareTokenAbi, functionName: 'transferFrom', args: [owner, to, amount] }));

/** Anvil account `ownerAccount` lets `spender` move up to `amount` of its shares. */
export const approveUrwaShares = (rpcUrl: string, token: Address, ownerAccount: number, spender: Address, amount: bigint) =>
  sendAs(rpcUrl, ownerAccount, 'approve', (client, wallet) =>
    client.simulateContract({ account: wallet.account, address: token, abi: urwaShareTokenAbi, functionName: 'approve', args: [spender, amount] }));
