// The few ERC-3643 (T-REX) functions the page reads beyond ERC-20, as T-REX 4 declares them (IToken,
// IIdentityRegistry). The page bundle cannot read the package's artifacts (chain/trex-artifacts.ts reads
// node_modules from disk), so they are written out here; a test checks each against the package's ABI.
// Balances, the supply, `Transfer` logs and `transfer` itself are plain ERC-20: viem's `erc20Abi`.
import { parseAbi } from 'viem';

export const restrictedTokenAbi = parseAbi([
  'function getFrozenTokens(address _userAddress) view returns (uint256)',
  'function isFrozen(address _userAddress) view returns (bool)',
]);

export const identityRegistryAbi = parseAbi([
  'function isVerified(address _userAddress) view returns (bool)',
]);
