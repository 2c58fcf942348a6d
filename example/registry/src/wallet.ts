// Talking to the chosen wallet through a viem wallet client over its EIP-1193 provider: connect,
// read the chain, follow its events, disconnect, sign typed data and check the signature in the page.
import {
  createWalletClient, custom, getAddress, isAddress, verifyTypedData,
  type Address, type CustomTransport, type Hex, type TypedData, type TypedDataDefinition, type WalletClient,
} from 'viem';
import type { Eip1193Provider } from './discover';
import { describeError, type WalletError } from './errors';

export type RegistryClient = WalletClient<CustomTransport>;

export function createRegistryClient(provider: Eip1193Provider): RegistryClient {
  // No retries: viem retries some error codes (e.g. -32603) by default, which against a wallet would
  // show the user the same prompt again.
  return createWalletClient({ transport: custom(provider, { retryCount: 0 }) });
}

/** `eth_requestAccounts`: asks the user to connect; resolves with the accounts the site may see. */
export function connect(client: RegistryClient): Promise<Address[]> {
  return client.requestAddresses();
}

/** `eth_accounts`: the accounts already shared with this site, without asking (`[]` if none). */
export function connectedAccounts(client: RegistryClient): Promise<Address[]> {
  return client.getAddresses();
}

/** `eth_chainId`, as a number. */
export function chainIdOf(client: RegistryClient): Promise<number> {
  return client.getChainId();
}

/**
 * Disconnects: `wallet_revokePermissions` for `eth_accounts`, then `eth_accounts` again, which a
 * wallet that honoured the revocation answers with `[]`.
 */
export async function disconnect(client: RegistryClient): Promise<Address[]> {
  await client.request({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] });
  return client.getAddresses();
}

export interface ProviderEvents {
  accountsChanged(accounts: Address[]): void;
  chainChanged(chainId: number): void;
  disconnect(error: WalletError): void;
}

/** Follows the EIP-1193 events of a provider; returns a function that stops following. */
export function watchProvider(provider: Eip1193Provider, handlers: ProviderEvents): () => void {
  const onAccounts = (accounts: unknown) => {
    if (!Array.isArray(accounts)) return;
    handlers.accountsChanged(accounts.filter((a): a is string => typeof a === 'string' && isAddress(a)).map((a) => getAddress(a)));
  };
  const onChain = (chainId: unknown) => {
    if (typeof chainId === 'string' && /^0x[0-9a-f]+$/i.test(chainId)) handlers.chainChanged(Number.parseInt(chainId, 16));
  };
  const onDisconnect = (error: unknown) => { handlers.disconnect(describeError(error)); };
  const listeners: [string, (value: unknown) => void][] = [
    ['accountsChanged', onAccounts], ['chainChanged', onChain], ['disconnect', onDisconnect],
  ];
  for (const [event, listener] of listeners) provider.on?.(event, listener);
  return () => { for (const [event, listener] of listeners) provider.removeListener?.(event, listener); };
}

export interface SignedTypedData {
  signature: Hex;
  /** Whether the signature recovers to the signing account (checked locally, no RPC). */
  verified: boolean;
}

/**
 * `eth_signTypedData_v4` through viem, then viem's `verifyTypedData` over the very same typed data
 * against the account that was asked to sign.
 */
export async function signAndVerify<const typedData extends TypedData, primaryType extends keyof typedData & string>(
  client: RegistryClient,
  account: Address,
  typedData: TypedDataDefinition<typedData, primaryType>,
): Promise<SignedTypedData> {
  // viem's parameter types are checked at the call site (typedData: TypedDataDefinition); they cannot be
  // re-derived inside a generic function, hence the two casts to the very same shape.
  const signature = await client.signTypedData({ account, ...typedData } as Parameters<RegistryClient['signTypedData']>[0]);
  const verified = await verifyTypedData({ address: account, signature, ...typedData } as Parameters<typeof verifyTypedData>[0]);
  return { signature, verified };
}
