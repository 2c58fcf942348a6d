// The calls the wallet puts in words, as minimal ABI fragments (inputs only: outputs are never decoded).
// Signatures are copied from the contracts the wallet knows, not guessed:
// - ERC-20: @openzeppelin/contracts 5 token/ERC20/IERC20.sol (ERC-3643's `transfer` has the same selector);
// - ERC20Votes: governance/utils/Votes.sol `delegate`, `delegateBySig`;
// - Governor 5: governance/Governor.sol `castVote*`, `propose`, `queue`, `execute`;
// - ERC-3009: token/ERC20/extensions/draft-ERC3009.sol (v, r, s) and the example registry's ShareToken.sol
//   (`transferWithAuthorization` with a `bytes` signature);
// - ERC-3643 (T-REX IToken): `batchTransfer(address[] _toList, uint256[] _amounts)`.

const address = (name: string) => ({ name, type: 'address' }) as const;
const uint256 = (name: string) => ({ name, type: 'uint256' }) as const;

function fn<const Name extends string, const Inputs extends readonly { name: string; type: string }[]>(name: Name, inputs: Inputs) {
  return { type: 'function', name, stateMutability: 'nonpayable', inputs, outputs: [] } as const;
}

const authorization = [address('from'), address('to'), uint256('value'), uint256('validAfter'), uint256('validBefore'),
  { name: 'nonce', type: 'bytes32' }] as const;
const vrs = [{ name: 'v', type: 'uint8' }, { name: 'r', type: 'bytes32' }, { name: 's', type: 'bytes32' }] as const;
const signature = { name: 'signature', type: 'bytes' } as const;
const vote = [uint256('proposalId'), { name: 'support', type: 'uint8' }] as const;
const reason = { name: 'reason', type: 'string' } as const;
const params = { name: 'params', type: 'bytes' } as const;
const proposal = [{ name: 'targets', type: 'address[]' }, { name: 'values', type: 'uint256[]' }, { name: 'calldatas', type: 'bytes[]' }] as const;

export const KNOWN_CALLS_ABI = [
  fn('transfer', [address('to'), uint256('value')]),
  fn('transferFrom', [address('from'), address('to'), uint256('value')]),
  fn('approve', [address('spender'), uint256('value')]),
  fn('delegate', [address('delegatee')]),
  fn('delegateBySig', [address('delegatee'), uint256('nonce'), uint256('expiry'), ...vrs]),
  fn('castVote', vote),
  fn('castVoteWithReason', [...vote, reason]),
  fn('castVoteWithReasonAndParams', [...vote, reason, params]),
  fn('castVoteBySig', [...vote, address('voter'), signature]),
  fn('castVoteWithReasonAndParamsBySig', [...vote, address('voter'), reason, params, signature]),
  fn('propose', [...proposal, { name: 'description', type: 'string' }]),
  fn('queue', [...proposal, { name: 'descriptionHash', type: 'bytes32' }]),
  fn('execute', [...proposal, { name: 'descriptionHash', type: 'bytes32' }]),
  fn('transferWithAuthorization', [...authorization, ...vrs]),
  fn('transferWithAuthorization', [...authorization, signature]),
  fn('receiveWithAuthorization', [...authorization, ...vrs]),
  fn('batchTransfer', [{ name: 'toList', type: 'address[]' }, { name: 'amounts', type: 'uint256[]' }]),
] as const;
