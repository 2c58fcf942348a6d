// The register's actions that are the holder's own transactions (own-transactions.ts): "Send shares on
// chain" and "Cast vote on chain" for Acme, "Send NRDW" for Nordwind Bank, next to the signed-and-relayed
// ones of onchain.ts. Each shows the hash the wallet returned, waits for the receipt on the registry's own
// node, re-reads the cap table or tally, and only then says "Mined in block N" (or how it failed).
import type { Address, Hash } from 'viem';
import type { DeploymentInfo, RestrictedCompanyInfo } from './api-types';
import { acmeTransferInput, startAction } from './action-start';
import { registryChain, type ChainReader } from './chain-reads';
import { renderTally } from './cap-table-view';
import { el } from './elements';
import { parseShareTransfer } from './form-values';
import { walletOnRegistryChain, type PageContext } from './onchain';
import { castVoteOnChain, minedOutcome, sendSharesOnChain, type OwnTransactionSender } from './own-transactions';
import type { RestrictedReader } from './restricted-reads';
import { renderRestrictedCapTable } from './restricted-view';
import { setResult } from './ui';

export interface OwnActionsContext extends PageContext {
  /** Nordwind Bank's description and reader, or a refusal in `output` when this site runs without it. */
  requireRestricted(output: HTMLElement): { company: RestrictedCompanyInfo; reader: RestrictedReader } | undefined;
  /** The NRDW transfer form as typed. */
  restrictedTransferForm(): { recipient: string; shares: string };
  refreshCapTable(): Promise<void>;
}

export function createOwnTransactionActions(page: OwnActionsContext) {
  /**
   * The common path: check the wallet's chain, have the wallet send, show the hash, wait for the
   * receipt, re-read what changed (`refresh`), then say how it ended.
   */
  async function sendAndFollow(
    output: HTMLElement, txOutput: HTMLElement, deployment: DeploymentInfo, reader: ChainReader,
    signer: { client: OwnTransactionSender['client']; account: Address }, what: string,
    send: (sender: OwnTransactionSender) => Promise<Hash>, refresh: () => Promise<void>,
  ): Promise<void> {
    txOutput.textContent = 'None';
    delete txOutput.dataset.block;
    delete txOutput.dataset.minedHash;
    setResult(output, 'pending', 'Waiting for the wallet…');
    try {
      if (await walletOnRegistryChain(page, signer.client, deployment, output) === undefined) return;
      page.log(`Asking the wallet to send ${what} from ${signer.account} (eth_sendTransaction)…`);
      const hash = await send({ ...signer, chain: registryChain(deployment) });
      txOutput.textContent = hash;
      setResult(output, 'sent', `Sent ${hash}: waiting for it to be mined…`);
      page.log(`The wallet sent ${hash}; waiting for its receipt.`);
      const mined = await reader.mined(hash);
      txOutput.dataset.block = mined.blockNumber.toString();
      if (mined.hash !== hash) txOutput.dataset.minedHash = mined.hash;
      await refresh();
      const outcome = minedOutcome(hash, mined);
      setResult(output, outcome.state, outcome.text);
      page.log(`${what}: ${outcome.text}`);
    } catch (error) {
      page.walletError(output, error);
    }
  }

  /** ERC-20 `transfer` of Acme shares as the holder's own transaction; the cap table is re-read before "mined". */
  async function sendSharesFromWallet(): Promise<void> {
    const output = el.sendOnChainResult;
    const started = startAction(page, output, (deployment) => acmeTransferInput(page, deployment));
    if (started === undefined) return;
    const { deployment, reader, input: { to, value } } = started;
    await sendAndFollow(
      output, el.sendOnChainTx, deployment, reader, started, `a transfer of ${value} ${deployment.token.symbol} units to ${to}`,
      (sender) => sendSharesOnChain(sender, deployment.token.address, to, value), () => page.refreshCapTable(),
    );
  }

  /** Governor `castVote` as the voter's own transaction; the tally is re-read before "mined". */
  async function castVoteFromWallet(): Promise<void> {
    const output = el.castVoteResult;
    const started = startAction(page, output, () => page.voteForm());
    if (started === undefined) return;
    const { deployment, reader, input: { proposalId, choice } } = started;
    await sendAndFollow(
      output, el.castVoteTx, deployment, reader, started, `a vote ${choice} on proposal ${proposalId}`,
      (sender) => castVoteOnChain(sender, deployment.governor.address, proposalId, choice),
      async () => { renderTally(el.tally, proposalId, await reader.tally(proposalId), deployment.token); },
    );
  }

  async function refreshRestrictedCapTable(): Promise<void> {
    const ready = page.requireRestricted(el.restrictedCapTableStatus);
    if (ready === undefined) return;
    el.restrictedCapTable.dataset.state = 'loading';
    setResult(el.restrictedCapTableStatus, 'pending', 'Reading the chain…');
    try {
      renderRestrictedCapTable(
        el.restrictedCapTable, el.restrictedTotalSupply, el.restrictedCapTableStatus, await ready.reader.capTable(), ready.company.token, page.account(),
      );
    } catch (error) {
      el.restrictedCapTable.dataset.state = 'error';
      page.inputError(el.restrictedCapTableStatus, new Error(`Could not read the ${ready.company.token.symbol} cap table: ${error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)}`));
    }
  }

  /**
   * ERC-3643 `transfer` of NRDW as the holder's own transaction. The page does not pre-check the
   * register's rules (verified recipient, frozen shares, paused token): the wallet's preview says
   * whether the token would refuse, and why.
   */
  async function sendRestrictedFromWallet(): Promise<void> {
    page.clearError();
    const output = el.restrictedSendResult;
    const signer = page.requireAccount(output);
    const ready = page.requireDeployment(output);
    const restricted = ready === undefined ? undefined : page.requireRestricted(output);
    if (signer === undefined || ready === undefined || restricted === undefined) return;
    const { token } = restricted.company;
    let transfer: { to: Address; value: bigint };
    try {
      transfer = parseShareTransfer(page.restrictedTransferForm(), token.decimals, { recipient: `${token.symbol} recipient` });
    } catch (error) {
      page.inputError(output, error);
      return;
    }
    const { to, value } = transfer;
    await sendAndFollow(
      output, el.restrictedSendTx, ready.deployment, ready.reader, signer, `a transfer of ${value} ${token.symbol} units to ${to}`,
      (sender) => sendSharesOnChain(sender, token.address, to, value), refreshRestrictedCapTable,
    );
  }

  return { sendSharesFromWallet, castVoteFromWallet, refreshRestrictedCapTable, sendRestrictedFromWallet };
}
