// The register's on-chain actions: add the registry's network and share token to the wallet, read the
// cap table, and have the registry's relayer submit a transfer or a ballot the wallet signed. The page
// itself never holds a key; here the server's relayer sends the transactions (api/backend.ts), while
// own-actions.ts has the holder's wallet send them.
import type { Address } from 'viem';
import type { DeploymentInfo } from './api-types';
import type { ChainReader } from './chain-reads';
import { renderCapTable, renderTally } from './cap-table-view';
import { el } from './elements';
import { createProposal, RegistryApiError, relayTransfer, relayVote } from './registry-api';
import { acmeTransferInput, startAction } from './action-start';
import { ballot, randomNonce, transferWithAuthorization, validityWindow, VOTE_SUPPORT, type VoteChoice } from './typed-data';
import { setResult } from './ui';
import { chainIdOf, signAndVerify, type RegistryClient } from './wallet';

/** What the on-chain actions need from the page (main.ts), each writing its refusal into `output`. */
export interface PageContext {
  requireWallet(output: HTMLElement): RegistryClient | undefined;
  requireAccount(output: HTMLElement): { client: RegistryClient; account: Address } | undefined;
  requireDeployment(output: HTMLElement): { deployment: DeploymentInfo; reader: ChainReader } | undefined;
  /** The signing account, if connected (to mark "you" in the cap table). */
  account(): Address | undefined;
  transferForm(): { to: Address; shares: string };
  voteForm(): { proposalId: bigint; choice: VoteChoice };
  walletError(output: HTMLElement, error: unknown): void;
  inputError(output: HTMLElement, error: unknown): void;
  clearError(): void;
  showChain(chainId: number): void;
  log(text: string): void;
}

const hex = (n: number) => `0x${n.toString(16)}`;

/**
 * The wallet's chain, or a refusal in `output` when it is not the registry's (signatures would not
 * verify there, and transactions would go to another chain).
 */
export async function walletOnRegistryChain(
  page: Pick<PageContext, 'showChain' | 'inputError'>, client: RegistryClient, deployment: DeploymentInfo, output: HTMLElement,
): Promise<number | undefined> {
  const chainId = await chainIdOf(client);
  page.showChain(chainId);
  if (chainId === deployment.chainId) return chainId;
  page.inputError(output, new Error(`The wallet is on chain ${chainId}, the registry on chain ${deployment.chainId}: use "Add Acme to wallet" first.`));
  return undefined;
}

export function createOnChainActions(page: PageContext) {
  /** A failure of the registry's server (a revert names the contract's error in data-revert) or of the wallet. */
  function failed(output: HTMLElement, error: unknown): void {
    if (!(error instanceof RegistryApiError)) {
      page.walletError(output, error);
      return;
    }
    page.inputError(output, error);
    if (error.revert !== undefined) output.dataset.revert = error.revert;
  }

  const onRegistryChain = (client: RegistryClient, deployment: DeploymentInfo, output: HTMLElement) =>
    walletOnRegistryChain(page, client, deployment, output);

  async function refreshCapTable(): Promise<void> {
    const ready = page.requireDeployment(el.capTableStatus);
    if (ready === undefined) return;
    el.capTable.dataset.state = 'loading';
    setResult(el.capTableStatus, 'pending', 'Reading the chain…');
    try {
      renderCapTable(el.capTable, el.totalSupply, el.capTableStatus, await ready.reader.capTable(), ready.deployment.token, page.account());
    } catch (error) {
      el.capTable.dataset.state = 'error';
      page.inputError(el.capTableStatus, new Error(`Could not read the cap table: ${error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)}`));
    }
  }

  /**
   * EIP-3085 then EIP-747: the wallet asks the user about the network, then about the token. The wallet
   * accepts a network only from a connected site (it switches the site to it), so connect first.
   */
  async function addToWallet(): Promise<void> {
    page.clearError();
    const output = el.addToWalletResult;
    const signer = page.requireAccount(output);
    const ready = page.requireDeployment(output);
    if (signer === undefined || ready === undefined) return;
    const { client } = signer;
    const { deployment } = ready;
    try {
      setResult(output, 'pending', 'Asking the wallet to add the network…');
      page.log(`Asking to add chain ${deployment.chainId} at ${deployment.rpcUrl} (wallet_addEthereumChain)…`);
      await client.request({
        method: 'wallet_addEthereumChain',
        params: [{
          chainId: hex(deployment.chainId), chainName: deployment.chainName, rpcUrls: [deployment.rpcUrl],
          nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        }],
      });
      page.showChain(await chainIdOf(client));
      setResult(output, 'pending', `Asking the wallet to show ${deployment.token.symbol}…`);
      page.log(`Asking to show ${deployment.token.symbol} at ${deployment.token.address} (wallet_watchAsset)…`);
      const { address, symbol, decimals } = deployment.token;
      const added = await client.request({ method: 'wallet_watchAsset', params: { type: 'ERC20', options: { address, symbol, decimals } } });
      if (added) setResult(output, 'added', `Network ${deployment.chainId} and ${symbol} added`);
      else setResult(output, 'rejected', `Rejected: the wallet did not add ${symbol}`);
      page.log(added ? `${symbol} added to the wallet.` : `The wallet declined ${symbol}.`);
    } catch (error) {
      page.walletError(output, error);
    }
  }

  /** EIP-747 with a claim that contradicts the contract: the wallet must refuse without asking (-32602). */
  async function watchWithWrongClaim(claim: 'symbol' | 'decimals'): Promise<void> {
    page.clearError();
    const output = claim === 'symbol' ? el.watchWrongSymbolResult : el.watchWrongDecimalsResult;
    const client = page.requireWallet(output);
    const ready = page.requireDeployment(output);
    if (client === undefined || ready === undefined) return;
    const { address, symbol, decimals } = ready.deployment.token;
    const options = claim === 'symbol' ? { address, symbol: `${symbol}X`.slice(-11), decimals } : { address, symbol, decimals: decimals === 6 ? 8 : 6 };
    setResult(output, 'pending', 'Waiting for the wallet…');
    page.log(`Asking to show ${address} as ${options.symbol} with ${options.decimals} decimals (wallet_watchAsset)…`);
    try {
      await client.request({ method: 'wallet_watchAsset', params: { type: 'ERC20', options } });
      setResult(output, 'accepted', `Accepted: the wallet should have refused the wrong ${claim}`);
    } catch (error) {
      page.walletError(output, error);
    }
  }

  /** ERC-3009: the holder signs, the registry's relayer submits; the cap table is re-read before "relayed". */
  async function sendShares(): Promise<void> {
    const output = el.sendResult;
    el.sendTx.textContent = 'None';
    const started = startAction(page, output, (deployment) => acmeTransferInput(page, deployment));
    if (started === undefined) return;
    const { client, account, deployment, input: { to, value } } = started;
    setResult(output, 'pending', 'Waiting for the wallet…');
    try {
      const chainId = await onRegistryChain(client, deployment, output);
      if (chainId === undefined) return;
      const typedData = transferWithAuthorization(
        { name: deployment.token.name, chainId, verifyingContract: deployment.token.address },
        { from: account, to, value, ...validityWindow(), nonce: randomNonce() },
      );
      page.log(`Asking to sign a transfer of ${value} units to ${to}, for the registry to relay…`);
      const { signature, verified } = await signAndVerify(client, account, typedData);
      if (!verified) {
        setResult(output, 'error', 'Error: the signature does not match the connected account');
        return;
      }
      setResult(output, 'pending', 'Relaying the signed transfer…');
      const { message } = typedData;
      const relayed = await relayTransfer({
        authorization: {
          from: message.from, to: message.to, value: message.value.toString(),
          validAfter: message.validAfter.toString(), validBefore: message.validBefore.toString(), nonce: message.nonce,
        },
        signature,
      });
      el.sendTx.textContent = relayed.hash;
      el.sendTx.dataset.block = relayed.blockNumber;
      page.log(`Transfer relayed: ${relayed.hash} in block ${relayed.blockNumber}`);
      await refreshCapTable();
      setResult(output, 'relayed', `Relayed in block ${relayed.blockNumber}`);
    } catch (error) {
      failed(output, error);
    }
  }

  async function showTally(reader: ChainReader, proposalId: bigint, token: DeploymentInfo['token']): Promise<void> {
    try {
      renderTally(el.tally, proposalId, await reader.tally(proposalId), token);
    } catch (error) {
      page.inputError(el.tally, error);
    }
  }

  /** The company proposes (through the server); the new id goes into the vote form. */
  async function propose(): Promise<void> {
    page.clearError();
    const output = el.proposalResult;
    const ready = page.requireDeployment(output);
    if (ready === undefined) return;
    setResult(output, 'pending', 'The company is proposing…');
    try {
      // The proposal id hashes the description, so each one is made unique.
      const description = `Approve the ${new Date().getFullYear()} accounts (asked ${new Date().toISOString()}, ${randomNonce().slice(2, 10)})`;
      const proposalId = await createProposal({ description });
      el.proposalId.value = proposalId.toString();
      output.dataset.proposalId = proposalId.toString();
      page.log(`Proposal ${proposalId} created: "${description}"; voting is open.`);
      await showTally(ready.reader, proposalId, ready.deployment.token);
      setResult(output, 'created', `Proposal ${proposalId} is open for voting`);
    } catch (error) {
      failed(output, error);
    }
  }

  /** OpenZeppelin Governor: the voter signs a Ballot, the relayer submits castVoteBySig; then the tally. */
  async function voteOnChain(): Promise<void> {
    const output = el.voteChainResult;
    const started = startAction(page, output, () => page.voteForm());
    if (started === undefined) return;
    const { client, account, deployment, reader, input: { proposalId, choice } } = started;
    setResult(output, 'pending', 'Waiting for the wallet…');
    try {
      const chainId = await onRegistryChain(client, deployment, output);
      if (chainId === undefined) return;
      const nonce = await reader.ballotNonce(account);
      const typedData = ballot({ name: deployment.governor.name, chainId, verifyingContract: deployment.governor.address }, { proposalId, support: choice, voter: account, nonce });
      page.log(`Asking to sign a ballot: ${choice} on proposal ${proposalId}, for the registry to relay…`);
      const { signature, verified } = await signAndVerify(client, account, typedData);
      if (!verified) {
        setResult(output, 'error', 'Error: the signature does not match the connected account');
        return;
      }
      setResult(output, 'pending', 'Relaying the signed ballot…');
      const relayed = await relayVote({ proposalId: proposalId.toString(), support: VOTE_SUPPORT[choice], voter: account, signature });
      page.log(`Vote relayed: ${relayed.hash} in block ${relayed.blockNumber}`);
      await showTally(reader, proposalId, deployment.token);
      setResult(output, 'counted', `${choice} counted in block ${relayed.blockNumber}`);
    } catch (error) {
      failed(output, error);
    }
  }

  return { refreshCapTable, addToWallet, watchWithWrongClaim, sendShares, propose, voteOnChain };
}
