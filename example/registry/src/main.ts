// The registry page: find wallets (EIP-6963), connect one, ask it to sign a share transfer and a vote
// (checked in the page), and, on the registry's chain, add the network and token to the wallet, show
// the cap table and relay signed transfers and votes (onchain.ts), or have the wallet send them as the
// holder's own transactions (own-actions.ts), for Acme and for Nordwind Bank's ERC-3643 shares. See
// README.md for the element ids tests rely on.
import type { Address } from 'viem';
import type { DeploymentInfo, RestrictedCompanyInfo } from './api-types';
import { createChainReader, registryChainClient, type ChainReader } from './chain-reads';
import { DEMO_PROPOSAL_ID, DEMO_RECIPIENT, MISMATCH_CHAIN_ID } from './config';
import { el } from './elements';
import { parseRecipient, parseVoteChoice } from './form-values';
import { createOnChainActions, type PageContext } from './onchain';
import { createOwnTransactionActions } from './own-actions';
import { createRestrictedReader, type RestrictedReader } from './restricted-reads';
import { wireAgentPage } from './agent-page';
import { fetchDeployment } from './registry-api';
import { renderWalletList } from './wallet-list';
import { DISCOVERY_GRACE_MS, legacyWallet, preferredWallet, watchWallets, type DiscoveredWallet } from './discover';
import {
  ballot, parseProposalId, randomNonce, sharesToUnits, transferWithAuthorization, validityWindow, type VoteChoice,
} from './typed-data';
import { describeError, errorText, type WalletError } from './errors';
import { log, setErrorResult, setResult } from './ui';
import {
  chainIdOf, connect, connectedAccounts, createRegistryClient, disconnect, signAndVerify, watchProvider, type RegistryClient,
} from './wallet';

interface Session {
  wallet: DiscoveredWallet;
  client: RegistryClient;
  stopEvents: () => void;
  /** The accounts this site may see; the first one signs. */
  accounts: Address[];
}

let wallets: readonly DiscoveredWallet[] = [];
let session: Session | undefined;
/** Where the registry's contracts are (GET /api/deployment), and a reader of that chain. */
let registry: { deployment: DeploymentInfo; reader: ChainReader } | undefined;
/** Nordwind Bank (ERC-3643), when the registry serves it. */
let restricted: { company: RestrictedCompanyInfo; reader: RestrictedReader } | undefined;
let deploymentError = 'The registry\'s deployment is still loading.';
/** Once the user picks a wallet themselves, the page stops choosing for them. */
let userChose = false;

// ---- Wallet list ----

function renderWallets(state: 'searching' | 'found' | 'none'): void {
  renderWalletList(el.wallets, wallets, state, session?.wallet, (wallet) => { userChose = true; selectWallet(wallet); });
}

function onWalletsAnnounced(announced: readonly DiscoveredWallet[]): void {
  wallets = announced;
  renderWallets('found');
  const preferred = preferredWallet(wallets);
  const connected = (session?.accounts.length ?? 0) > 0;
  if (preferred !== undefined && !userChose && !connected && session?.wallet !== preferred) selectWallet(preferred);
}

function afterGracePeriod(): void {
  if (wallets.length > 0) return;
  const legacy = legacyWallet((window as Window & { ethereum?: unknown }).ethereum);
  if (legacy === undefined) {
    renderWallets('none');
    log(el.log, 'No wallet found (no EIP-6963 announcement, no window.ethereum).');
    return;
  }
  wallets = [legacy];
  renderWallets('found');
  log(el.log, 'No EIP-6963 announcement; falling back to window.ethereum.');
  if (!userChose) selectWallet(legacy);
}

// ---- Session ----

function selectWallet(wallet: DiscoveredWallet): void {
  session?.stopEvents();
  const client = createRegistryClient(wallet.provider);
  const current: Session = { wallet, client, accounts: [], stopEvents: () => undefined };
  current.stopEvents = watchProvider(wallet.provider, {
    accountsChanged: (accounts) => {
      if (session !== current) return;
      log(el.log, `Event accountsChanged: ${JSON.stringify(accounts)}`);
      showAccounts(accounts);
    },
    chainChanged: (chainId) => {
      if (session !== current) return;
      log(el.log, `Event chainChanged: ${chainId}`);
      showChain(chainId);
    },
    disconnect: (error) => {
      if (session !== current) return;
      log(el.log, `Event disconnect: ${errorText(error)}`);
    },
  });
  session = current;
  el.walletName.textContent = wallet.info.name;
  for (const radio of el.wallets.querySelectorAll<HTMLInputElement>('input[name="wallet"]')) radio.checked = radio.value === wallet.info.uuid;
  showAccounts([]);
  setResult(el.chain, 'idle', 'Unknown');
  log(el.log, `Using ${wallet.info.name}${wallet.source === 'eip6963' ? ` (${wallet.info.rdns})` : ''}.`);
  void restore(current);
}

/** Without asking the user: the accounts already shared with this site, and the wallet's chain. */
async function restore(current: Session): Promise<void> {
  try {
    const [accounts, chainId] = await Promise.all([connectedAccounts(current.client), chainIdOf(current.client)]);
    if (session !== current) return;
    showChain(chainId);
    if (accounts.length > 0) {
      showAccounts(accounts);
      log(el.log, `Already connected: ${accounts.join(', ')}`);
    }
  } catch (error) {
    if (session === current) log(el.log, `Could not read the wallet's state: ${errorText(describeError(error))}`);
  }
}

function showAccounts(accounts: Address[]): void {
  if (session !== undefined) session.accounts = accounts;
  const first = accounts[0];
  if (first === undefined) {
    setResult(el.account, 'idle', 'Not connected');
    el.accounts.textContent = 'None';
  } else {
    setResult(el.account, 'connected', first);
    el.accounts.textContent = accounts.join(', ');
  }
}

function showChain(chainId: number): void {
  setResult(el.chain, 'known', `${chainId} (0x${chainId.toString(16)})`);
  el.chain.dataset.chainId = String(chainId);
}

function showError(error: WalletError): void {
  setErrorResult(el.error, error);
  log(el.log, errorText(error));
}

/** Something the page itself refuses (no wallet, a bad form value): said in the action's result and in #error, with no code. */
function showInputError(output: HTMLElement, error: unknown): void {
  const described: WalletError = { code: undefined, message: error instanceof Error ? error.message : String(error) };
  setResult(output, 'error', errorText(described));
  showError(described);
}

function clearError(): void {
  setResult(el.error, 'idle', 'None');
}

/** The chosen wallet's session, or a message in `output` saying to choose one first. */
function requireWallet(output: HTMLElement): Session | undefined {
  if (session === undefined) showInputError(output, new Error('Choose a wallet first.'));
  return session;
}

/** The session and its signing account, or a message in `output` saying to connect first. */
function requireAccount(output: HTMLElement): { current: Session; account: Address } | undefined {
  const current = requireWallet(output);
  if (current === undefined) return undefined;
  const account = current.accounts[0];
  if (account === undefined) {
    showInputError(output, new Error('Connect a wallet first.'));
    return undefined;
  }
  return { current, account };
}

/** The registry's deployment, or a message in `output` saying why there is none. */
function requireDeployment(output: HTMLElement): { deployment: DeploymentInfo; reader: ChainReader } | undefined {
  if (registry === undefined) showInputError(output, new Error(deploymentError));
  return registry;
}

function walletError(output: HTMLElement, error: unknown): void {
  const described = describeError(error);
  setErrorResult(output, described);
  showError(described);
}

/** The vote form's proposal and choice, or a sentence for the user. */
function voteFormValues(): { proposalId: bigint; choice: VoteChoice } {
  const proposalId = parseProposalId(el.proposalId.value);
  return { proposalId, choice: parseVoteChoice(new FormData(el.voteForm).get('support')) };
}

/** Nordwind Bank, or a message in `output` saying why the page has none. */
function requireRestricted(output: HTMLElement): { company: RestrictedCompanyInfo; reader: RestrictedReader } | undefined {
  if (restricted === undefined) {
    showInputError(output, new Error(registry === undefined ? deploymentError : 'This registry site runs without Nordwind Bank (see example/registry/README.md).'));
  }
  return restricted;
}

const pageContext: PageContext = {
  requireWallet: (output) => requireWallet(output)?.client,
  requireAccount: (output) => {
    const signer = requireAccount(output);
    return signer === undefined ? undefined : { client: signer.current.client, account: signer.account };
  },
  requireDeployment,
  account: () => session?.accounts[0],
  transferForm: () => ({ to: parseRecipient(el.recipient.value), shares: el.shares.value }),
  voteForm: voteFormValues,
  walletError,
  inputError: showInputError,
  clearError,
  showChain,
  log: (text) => { log(el.log, text); },
};
const onChain = createOnChainActions(pageContext);
const ownTransactions = createOwnTransactionActions({
  ...pageContext,
  requireRestricted,
  restrictedTransferForm: () => ({ recipient: el.restrictedRecipient.value, shares: el.restrictedShares.value }),
  refreshCapTable: onChain.refreshCapTable,
});
wireAgentPage({
  requireRestricted, refreshRestrictedCapTable: ownTransactions.refreshRestrictedCapTable, inputError: showInputError, log: (text) => { log(el.log, text); },
});

function showRestrictedDeployment(company: RestrictedCompanyInfo | undefined): void {
  if (company === undefined) {
    setResult(el.restrictedDeployment, 'absent', 'Not deployed on this registry\'s chain');
    return;
  }
  setResult(el.restrictedDeployment, 'loaded', `${company.token.name} (${company.token.symbol}) on chain ${registry?.deployment.chainId ?? '?'}`);
  el.restrictedTokenAddress.textContent = company.token.address;
  el.restrictedRegistryAddress.textContent = company.identityRegistry;
}

async function loadDeployment(): Promise<void> {
  try {
    const deployment = await fetchDeployment();
    const client = registryChainClient(deployment);
    registry = { deployment, reader: createChainReader(deployment, client) };
    restricted = deployment.restricted === undefined ? undefined : { company: deployment.restricted, reader: createRestrictedReader(client, deployment.restricted) };
    showRestrictedDeployment(deployment.restricted);
    setResult(el.deployment, 'loaded', `${deployment.token.name} (${deployment.token.symbol}) on chain ${deployment.chainId}`);
    el.network.textContent = `${deployment.chainName}: chain ${deployment.chainId}, ${deployment.rpcUrl}`;
    el.tokenAddress.textContent = deployment.token.address;
    el.governorAddress.textContent = deployment.governor.address;
    log(el.log, `Registry on chain ${deployment.chainId}: token ${deployment.token.address}, governor ${deployment.governor.address}.`);
    await Promise.all([onChain.refreshCapTable(), restricted === undefined ? undefined : ownTransactions.refreshRestrictedCapTable()]);
  } catch (error) {
    deploymentError = `The registry's deployment could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    setResult(el.deployment, 'error', `Error: ${deploymentError}`);
    setResult(el.restrictedDeployment, 'error', `Error: ${deploymentError}`);
    log(el.log, deploymentError);
  }
}

// ---- Actions ----

async function onConnect(): Promise<void> {
  clearError();
  const current = requireWallet(el.account);
  if (current === undefined) return;
  setResult(el.account, 'pending', 'Waiting for the wallet…');
  log(el.log, 'Asking the wallet to connect (eth_requestAccounts)…');
  try {
    const accounts = await connect(current.client);
    if (session?.wallet !== current.wallet) return;
    showAccounts(accounts);
    log(el.log, `Connected: ${accounts.join(', ')}`);
    showChain(await chainIdOf(current.client));
  } catch (error) {
    const described = describeError(error);
    setErrorResult(el.account, described);
    showError(described);
  }
}

async function onDisconnect(): Promise<void> {
  clearError();
  const current = requireWallet(el.ethAccounts);
  if (current === undefined) return;
  setResult(el.ethAccounts, 'pending', 'Waiting for the wallet…');
  log(el.log, 'Revoking this site\'s access (wallet_revokePermissions), then reading eth_accounts…');
  try {
    const after = await disconnect(current.client);
    setResult(el.ethAccounts, 'done', JSON.stringify(after));
    if (session?.wallet === current.wallet) showAccounts(after);
    log(el.log, `Disconnected; eth_accounts is now ${JSON.stringify(after)}`);
  } catch (error) {
    const described = describeError(error);
    setErrorResult(el.ethAccounts, described);
    showError(described);
  }
}

async function onSignTransfer(output: HTMLOutputElement, signatureOutput: HTMLElement | undefined, chainOverride?: number): Promise<void> {
  clearError();
  const signer = requireAccount(output);
  if (signer === undefined) return;
  const ready = requireDeployment(output);
  if (ready === undefined) return;
  const { current, account } = signer;
  const { token } = ready.deployment;
  if (signatureOutput !== undefined) signatureOutput.textContent = 'None';
  let to: Address;
  let value: bigint;
  try {
    to = parseRecipient(el.recipient.value);
    value = sharesToUnits(el.shares.value, token.decimals);
  } catch (error) {
    showInputError(output, error);
    return;
  }
  setResult(output, 'pending', 'Waiting for the wallet…');
  try {
    const walletChain = await chainIdOf(current.client);
    showChain(walletChain);
    const chainId = chainOverride ?? walletChain;
    const typedData = transferWithAuthorization(
      { name: token.name, chainId, verifyingContract: token.address },
      { from: account, to, value, ...validityWindow(), nonce: randomNonce() },
    );
    log(el.log, `Asking for a transfer signature on chain ${chainId}: ${el.shares.value} shares to ${to} (eth_signTypedData_v4)…`);
    const { signature, verified } = await signAndVerify(current.client, account, typedData);
    if (signatureOutput !== undefined) signatureOutput.textContent = signature;
    if (!verified) setResult(output, 'error', 'Error: the signature does not match the connected account');
    else if (chainOverride !== undefined && chainOverride !== walletChain) {
      setResult(output, 'verified', `Signed on chain ${chainOverride}: the wallet should have refused (it is on chain ${walletChain})`);
    } else setResult(output, 'verified', 'Signature verified');
    log(el.log, `Transfer signature ${verified ? 'verified' : 'does NOT verify'}: ${signature}`);
  } catch (error) {
    const described = describeError(error);
    setErrorResult(output, described);
    showError(described);
  }
}

async function onSignVote(): Promise<void> {
  clearError();
  const output = el.voteResult;
  const signer = requireAccount(output);
  if (signer === undefined) return;
  const ready = requireDeployment(output);
  if (ready === undefined) return;
  const { current, account } = signer;
  const { deployment, reader } = ready;
  el.voteSignature.textContent = 'None';
  let vote: { proposalId: bigint; choice: VoteChoice };
  try {
    vote = voteFormValues();
  } catch (error) {
    showInputError(output, error);
    return;
  }
  setResult(output, 'pending', 'Waiting for the wallet…');
  try {
    const chainId = await chainIdOf(current.client);
    showChain(chainId);
    // The governor counts a ballot only with the voter's current nonce (read from the registry's chain).
    const nonce = await reader.ballotNonce(account);
    const typedData = ballot(
      { name: deployment.governor.name, chainId, verifyingContract: deployment.governor.address },
      { proposalId: vote.proposalId, support: vote.choice, voter: account, nonce },
    );
    log(el.log, `Asking for a vote signature: ${vote.choice} on proposal ${vote.proposalId} (eth_signTypedData_v4)…`);
    const { signature, verified } = await signAndVerify(current.client, account, typedData);
    el.voteSignature.textContent = signature;
    setResult(output, verified ? 'verified' : 'error', verified ? 'Signature verified' : 'Error: the signature does not match the connected account');
    log(el.log, `Vote signature ${verified ? 'verified' : 'does NOT verify'}: ${signature}`);
  } catch (error) {
    walletError(output, error);
  }
}

// ---- Start ----

el.recipient.value = DEMO_RECIPIENT;
el.restrictedRecipient.value = DEMO_RECIPIENT;
el.proposalId.value = String(DEMO_PROPOSAL_ID);
el.connect.addEventListener('click', () => { void onConnect(); });
el.disconnect.addEventListener('click', () => { void onDisconnect(); });
el.transferForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void onSignTransfer(el.transferResult, el.transferSignature);
});
el.voteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void onSignVote();
});
el.mismatch.addEventListener('click', () => { void onSignTransfer(el.mismatchResult, undefined, MISMATCH_CHAIN_ID); });
el.addToWallet.addEventListener('click', () => { void onChain.addToWallet(); });
el.refreshCapTable.addEventListener('click', () => { void onChain.refreshCapTable(); });
el.sendTransfer.addEventListener('click', () => { void onChain.sendShares(); });
el.createProposal.addEventListener('click', () => { void onChain.propose(); });
el.voteOnChain.addEventListener('click', () => { void onChain.voteOnChain(); });
el.sendTransferOnChain.addEventListener('click', () => { void ownTransactions.sendSharesFromWallet(); });
el.castVoteOnChain.addEventListener('click', () => { void ownTransactions.castVoteFromWallet(); });
el.refreshRestrictedCapTable.addEventListener('click', () => { void ownTransactions.refreshRestrictedCapTable(); });
el.restrictedTransferForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void ownTransactions.sendRestrictedFromWallet();
});
el.watchWrongSymbol.addEventListener('click', () => { void onChain.watchWithWrongClaim('symbol'); });
el.watchWrongDecimals.addEventListener('click', () => { void onChain.watchWithWrongClaim('decimals'); });

void loadDeployment();
watchWallets(window, onWalletsAnnounced);
setTimeout(afterGracePeriod, DISCOVERY_GRACE_MS);
