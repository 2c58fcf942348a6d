// The custom errors of the contracts the wallet knows, exactly as OpenZeppelin Contracts 5.7 declares them
// (a test reads the .sol files and compares), plus two of 5.0. Solidity's ABI encodes an enum as uint8.

/** The ABI types these errors use; each decodes from one 32-byte word except string. */
export type ErrorParameterType = 'address' | 'bytes32' | 'string' | 'uint8' | 'uint48' | 'uint256';

export interface KnownErrorDefinition {
  readonly name: string;
  readonly inputs: readonly (readonly [name: string, type: ErrorParameterType])[];
}

const known = [
  // IERC20Errors (interfaces/draft-IERC6093.sol)
  { name: 'ERC20InsufficientBalance', inputs: [['sender', 'address'], ['balance', 'uint256'], ['needed', 'uint256']] },
  { name: 'ERC20InvalidSender', inputs: [['sender', 'address']] },
  { name: 'ERC20InvalidReceiver', inputs: [['receiver', 'address']] },
  { name: 'ERC20InsufficientAllowance', inputs: [['spender', 'address'], ['allowance', 'uint256'], ['needed', 'uint256']] },
  { name: 'ERC20InvalidApprover', inputs: [['approver', 'address']] },
  { name: 'ERC20InvalidSpender', inputs: [['spender', 'address']] },
  // ERC20Permit
  { name: 'ERC2612ExpiredSignature', inputs: [['deadline', 'uint256']] },
  { name: 'ERC2612InvalidSigner', inputs: [['signer', 'address'], ['owner', 'address']] },
  // IVotes, Votes, ERC6372Utils, ERC20Votes
  { name: 'VotesExpiredSignature', inputs: [['expiry', 'uint256']] },
  { name: 'ERC5805FutureLookup', inputs: [['timepoint', 'uint256'], ['clock', 'uint48']] },
  { name: 'ERC6372InconsistentClock', inputs: [] },
  { name: 'ERC20ExceededSafeSupply', inputs: [['increasedSupply', 'uint256'], ['cap', 'uint256']] },
  // Nonces
  { name: 'InvalidAccountNonce', inputs: [['account', 'address'], ['currentNonce', 'uint256']] },
  // IGovernor
  { name: 'GovernorInvalidProposalLength', inputs: [['targets', 'uint256'], ['calldatas', 'uint256'], ['values', 'uint256']] },
  { name: 'GovernorAlreadyCastVote', inputs: [['voter', 'address']] },
  { name: 'GovernorDisabledDeposit', inputs: [] },
  { name: 'GovernorOnlyExecutor', inputs: [['account', 'address']] },
  { name: 'GovernorNonexistentProposal', inputs: [['proposalId', 'uint256']] },
  { name: 'GovernorUnexpectedProposalState', inputs: [['proposalId', 'uint256'], ['current', 'uint8'], ['expectedStates', 'bytes32']] },
  { name: 'GovernorInvalidVotingPeriod', inputs: [['votingPeriod', 'uint256']] },
  { name: 'GovernorInsufficientProposerVotes', inputs: [['proposer', 'address'], ['votes', 'uint256'], ['threshold', 'uint256']] },
  { name: 'GovernorRestrictedProposer', inputs: [['proposer', 'address']] },
  { name: 'GovernorInvalidVoteType', inputs: [] },
  { name: 'GovernorInvalidVoteParams', inputs: [] },
  { name: 'GovernorProposalQueueingNotRequired', inputs: [['proposalId', 'uint256']] },
  { name: 'GovernorProposalQueueingFailed', inputs: [['proposalId', 'uint256']] },
  { name: 'GovernorAlreadyQueuedProposal', inputs: [['proposalId', 'uint256']] },
  { name: 'GovernorInvalidSignature', inputs: [['voter', 'address']] },
  { name: 'GovernorUnableToCancel', inputs: [['proposalId', 'uint256'], ['account', 'address']] },
  // OpenZeppelin 5.0's IGovernor, gone from 5.1 on; governors deployed with 5.0 still raise them
  { name: 'GovernorNotQueuedProposal', inputs: [['proposalId', 'uint256']] },
  { name: 'GovernorQueueNotImplemented', inputs: [] },
  // GovernorVotesQuorumFraction
  { name: 'GovernorInvalidQuorumFraction', inputs: [['quorumNumerator', 'uint256'], ['quorumDenominator', 'uint256']] },
  // ERC3009 (token/ERC20/extensions/draft-ERC3009.sol), used by the example registry's ShareToken
  { name: 'ERC3009InvalidSignature', inputs: [] },
  { name: 'ERC3009InvalidAuthorizationTime', inputs: [['validAfter', 'uint256'], ['validBefore', 'uint256']] },
  { name: 'ERC3009UsedAuthorization', inputs: [['authorizer', 'address'], ['nonce', 'bytes32']] },
  // ECDSA: ERC-3009, permit and by-signature votes recover signers with it
  { name: 'ECDSAInvalidSignature', inputs: [] },
  { name: 'ECDSAInvalidSignatureLength', inputs: [['length', 'uint256']] },
  { name: 'ECDSAInvalidSignatureS', inputs: [['s', 'bytes32']] },
  // Ownable: the share token's mint
  { name: 'OwnableUnauthorizedAccount', inputs: [['account', 'address']] },
  { name: 'OwnableInvalidOwner', inputs: [['owner', 'address']] },
  // SafeCast: votes checkpoints and clocks
  { name: 'SafeCastOverflowedUintDowncast', inputs: [['bits', 'uint8'], ['value', 'uint256']] },
] as const satisfies readonly KnownErrorDefinition[];

/** The name of a custom error the wallet decodes. */
export type KnownErrorName = (typeof known)[number]['name'];

export const KNOWN_ERRORS: readonly (KnownErrorDefinition & { readonly name: KnownErrorName })[] = known;

/** Solidity's canonical signature, e.g. `ERC20InvalidSender(address)`, whose keccak256 starts with the selector. */
export function errorSignature(definition: KnownErrorDefinition): string {
  return `${definition.name}(${definition.inputs.map(([, type]) => type).join(',')})`;
}
