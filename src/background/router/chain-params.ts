// EIP-3085 / EIP-3326 params, checked before anything reaches the network or the user.
import type { ChainView } from '../../protocol/approvals';
import { rpcErrors } from '../rpc-error';
import { paramList } from './dapp-params';

/** A chain id as EIP-3085 wants it: 0x-hex without leading zeros, within JavaScript's safe integers. */
export function chainIdParam(method: string, value: unknown): string {
  // At most 14 hex digits before BigInt reads it: a page's 10^6-digit number is refused, not computed.
  if (typeof value !== 'string' || !/^0x[1-9a-f][0-9a-f]{0,13}$/.test(value) || BigInt(value) > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw rpcErrors.invalidParams(`${method}: chainId must be a 0x-prefixed lowercase hex number without leading zeros, got ${typeof value === 'string' ? `"${value.slice(0, 80)}"` : typeof value}`);
  }
  return value;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** RPC URLs must be https, or http only on this machine (a node the user runs locally). */
export function rpcUrlParam(method: string, value: unknown): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw rpcErrors.invalidParams(`${method}: rpcUrls[0] is not a URL`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return url.href;
  throw rpcErrors.invalidParams(`${method}: rpcUrls[0] must be https (http only on localhost / 127.0.0.1), got ${url.protocol}//${url.host}`);
}

function text(method: string, value: unknown, name: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw rpcErrors.invalidParams(`${method}: ${name} must be a non-empty string of at most ${max} characters`);
  }
  return value.trim();
}

/** The network a site asks to add, checked (EIP-3085 §Parameters). */
export function addChainParam(params: unknown): ChainView {
  const method = 'wallet_addEthereumChain';
  const [request] = paramList(method, params, 1);
  if (typeof request !== 'object' || request === null) throw rpcErrors.invalidParams(`${method}: param 1 must be an object`);
  const { chainId, chainName, rpcUrls, nativeCurrency, blockExplorerUrls } = request as Record<string, unknown>;
  if (!Array.isArray(rpcUrls) || rpcUrls.length === 0) throw rpcErrors.invalidParams(`${method}: rpcUrls must list at least one URL`);
  if (typeof nativeCurrency !== 'object' || nativeCurrency === null) throw rpcErrors.invalidParams(`${method}: nativeCurrency is required`);
  const currency = nativeCurrency as Record<string, unknown>;
  if (currency.decimals !== 18) throw rpcErrors.invalidParams(`${method}: nativeCurrency.decimals must be 18`);
  const explorer = Array.isArray(blockExplorerUrls) && typeof blockExplorerUrls[0] === 'string' ? blockExplorerUrls[0] : undefined;
  if (explorer !== undefined && !explorer.startsWith('https://')) throw rpcErrors.invalidParams(`${method}: blockExplorerUrls must be https`);
  return {
    chainId: chainIdParam(method, chainId),
    name: text(method, chainName, 'chainName', 100),
    rpcUrl: rpcUrlParam(method, rpcUrls[0]),
    nativeCurrency: {
      name: text(method, currency.name, 'nativeCurrency.name', 50),
      symbol: text(method, currency.symbol, 'nativeCurrency.symbol', 6),
      decimals: 18,
    },
    explorerUrl: explorer,
  };
}
