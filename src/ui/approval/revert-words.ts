// Why a transaction would fail (or failed), in words: Solidity's Error(string) as the contract's own text
// (framed), with words for the T-REX (ERC-3643) reasons the wallet knows; Panic codes by their meaning
// (Solidity docs, "Panic via assert and Error via require"); the custom errors of known-errors.ts with
// their arguments (token amounts in the token's decimals when the wallet knows it); anything else raw.
import { formatUnits } from '../../core/format';
import type { CallView, RevertView, SimulatedFailure } from '../../protocol/transactions';
import { t } from '../i18n';
import { amountPhrase, fill, mark, timeValue, type Part, type TokenView } from './sentence';

type CustomRevert = Extract<RevertView, { kind: 'custom' }>;
type PanicKind = Extract<RevertView, { kind: 'panic' }>['panic'];

/** A contract's revert reason is a sentence, not a name: framed as the contract's words, but capped later. */
const REASON_CAP = 200;

const strong = (value: string): Part => ({ kind: 'strong', text: value });
const address = (value: string): Part => ({ kind: 'address', address: value });
const number = (value: string): Part => ({ kind: 'number', text: value });
const contractText = (value: string): Part => ({ kind: 'outside', text: value, source: 'contract', cap: REASON_CAP });

/** The token a call moves or counts votes of, for showing an error's amounts in its units. */
export function callToken(call: CallView): TokenView | undefined {
  return 'token' in call.action ? call.action.token : undefined;
}

function grouped(value: string): Part {
  return strong(/^\d+$/.test(value) ? formatUnits(BigInt(value), 0) : value);
}

function tokenAmount(value: string, token: TokenView | undefined): Part[] {
  return token === undefined ? [grouped(value)] : amountPhrase(token, value);
}

/** Governor's ProposalState enum (IGovernor.sol), in words. */
function proposalState(state: string): Part {
  switch (state) {
    case '0': return strong(t('proposalState_pending'));
    case '1': return strong(t('proposalState_active'));
    case '2': return strong(t('proposalState_canceled'));
    case '3': return strong(t('proposalState_defeated'));
    case '4': return strong(t('proposalState_succeeded'));
    case '5': return strong(t('proposalState_queued'));
    case '6': return strong(t('proposalState_expired'));
    case '7': return strong(t('proposalState_executed'));
    default: return number(state);
  }
}

export function panicWords(panic: PanicKind): string {
  switch (panic) {
    case 'generic': return t('panic_generic');
    case 'assert': return t('panic_assert');
    case 'arithmetic-overflow': return t('panic_overflow');
    case 'division-by-zero': return t('panic_divisionByZero');
    case 'enum-conversion': return t('panic_enumConversion');
    case 'storage-encoding': return t('panic_storageEncoding');
    case 'pop-empty-array': return t('panic_popEmptyArray');
    case 'array-out-of-bounds': return t('panic_outOfBounds');
    case 'memory-overflow': return t('panic_memory');
    case 'zero-function': return t('panic_zeroFunction');
    case 'unknown': return t('panic_unknown');
  }
}

/**
 * Words for the require messages of the T-REX Token contract (@tokenysolutions/t-rex, Token.sol), which
 * has no custom errors; undefined for any other message.
 */
export function trexWords(reason: string): string | undefined {
  switch (reason) {
    case 'Pausable: paused': return t('trex_paused');
    case 'wallet is frozen': return t('trex_walletFrozen');
    case 'Insufficient Balance': return t('trex_insufficientBalance');
    case 'Amount exceeds available balance': return t('trex_insufficientBalance');
    case 'Identity is not verified.': return t('trex_notVerified');
    case 'Compliance not followed': return t('trex_compliance');
    // transfer() and transferFrom() end in this once the frozen and balance checks passed: the recipient is
    // not verified (identityRegistry.isVerified) or the compliance refuses (compliance.canTransfer).
    case 'Transfer not possible': return t('trex_transferNotPossible');
    default: return undefined;
  }
}

function customWords(revert: CustomRevert, token: TokenView | undefined): Part[] {
  const arg = (name: string): string => revert.args[name] ?? '';
  const amount = (name: string) => tokenAmount(arg(name), token);
  switch (revert.name) {
    case 'ERC20InsufficientBalance':
      return fill(t('revert_insufficientBalance', [mark(0), mark(1), mark(2)]), [address(arg('sender')), amount('balance'), amount('needed')]);
    case 'ERC20InvalidSender': return fill(t('revert_invalidSender', [mark(0)]), [address(arg('sender'))]);
    case 'ERC20InvalidReceiver': return fill(t('revert_invalidReceiver', [mark(0)]), [address(arg('receiver'))]);
    case 'ERC20InsufficientAllowance':
      return fill(t('revert_insufficientAllowance', [mark(0), mark(1), mark(2)]), [address(arg('spender')), amount('allowance'), amount('needed')]);
    case 'ERC20InvalidApprover': return fill(t('revert_invalidApprover', [mark(0)]), [address(arg('approver'))]);
    case 'ERC20InvalidSpender': return fill(t('revert_invalidSpender', [mark(0)]), [address(arg('spender'))]);
    case 'ERC2612ExpiredSignature': return fill(t('revert_permitExpired', [mark(0)]), [timeValue(arg('deadline'), false)]);
    case 'ERC2612InvalidSigner':
      return fill(t('revert_permitSigner', [mark(0), mark(1)]), [address(arg('signer')), address(arg('owner'))]);
    case 'VotesExpiredSignature': return fill(t('revert_delegationExpired', [mark(0)]), [timeValue(arg('expiry'), false)]);
    case 'ERC5805FutureLookup':
      return fill(t('revert_futureLookup', [mark(0), mark(1)]), [number(arg('timepoint')), number(arg('clock'))]);
    case 'ERC6372InconsistentClock': return [{ kind: 'text', text: t('revert_inconsistentClock') }];
    case 'ERC20ExceededSafeSupply':
      return fill(t('revert_safeSupply', [mark(0), mark(1)]), [amount('increasedSupply'), amount('cap')]);
    case 'InvalidAccountNonce':
      return fill(t('revert_accountNonce', [mark(0), mark(1)]), [address(arg('account')), number(arg('currentNonce'))]);
    case 'GovernorInvalidProposalLength':
      return fill(t('revert_proposalLength', [mark(0), mark(1), mark(2)]), [grouped(arg('targets')), grouped(arg('calldatas')), grouped(arg('values'))]);
    case 'GovernorAlreadyCastVote': return fill(t('revert_alreadyVoted', [mark(0)]), [address(arg('voter'))]);
    case 'GovernorDisabledDeposit': return [{ kind: 'text', text: t('revert_disabledDeposit') }];
    case 'GovernorOnlyExecutor': return fill(t('revert_onlyExecutor', [mark(0)]), [address(arg('account'))]);
    case 'GovernorNonexistentProposal': return fill(t('revert_noProposal', [mark(0)]), [number(arg('proposalId'))]);
    case 'GovernorUnexpectedProposalState':
      return fill(t('revert_proposalState', [mark(0), mark(1)]), [number(arg('proposalId')), proposalState(arg('current'))]);
    case 'GovernorInvalidVotingPeriod': return fill(t('revert_votingPeriod', [mark(0)]), [grouped(arg('votingPeriod'))]);
    case 'GovernorInsufficientProposerVotes':
      return fill(t('revert_proposerVotes', [mark(0), mark(1), mark(2)]), [address(arg('proposer')), amount('votes'), amount('threshold')]);
    case 'GovernorRestrictedProposer': return fill(t('revert_restrictedProposer', [mark(0)]), [address(arg('proposer'))]);
    case 'GovernorInvalidVoteType': return [{ kind: 'text', text: t('revert_voteType') }];
    case 'GovernorInvalidVoteParams': return [{ kind: 'text', text: t('revert_voteParams') }];
    case 'GovernorProposalQueueingNotRequired': return fill(t('revert_queueingNotRequired', [mark(0)]), [number(arg('proposalId'))]);
    case 'GovernorProposalQueueingFailed': return fill(t('revert_queueingFailed', [mark(0)]), [number(arg('proposalId'))]);
    case 'GovernorAlreadyQueuedProposal': return fill(t('revert_alreadyQueued', [mark(0)]), [number(arg('proposalId'))]);
    case 'GovernorInvalidSignature': return fill(t('revert_voteSignature', [mark(0)]), [address(arg('voter'))]);
    case 'GovernorUnableToCancel':
      return fill(t('revert_unableToCancel', [mark(0), mark(1)]), [address(arg('account')), number(arg('proposalId'))]);
    case 'GovernorNotQueuedProposal': return fill(t('revert_notQueued', [mark(0)]), [number(arg('proposalId'))]);
    case 'GovernorQueueNotImplemented': return [{ kind: 'text', text: t('revert_noQueue') }];
    case 'GovernorInvalidQuorumFraction':
      return fill(t('revert_quorumFraction', [mark(0), mark(1)]), [grouped(arg('quorumNumerator')), grouped(arg('quorumDenominator'))]);
    case 'ERC3009InvalidSignature': return [{ kind: 'text', text: t('revert_authorizationSignature') }];
    case 'ERC3009InvalidAuthorizationTime':
      return fill(t('revert_authorizationTime', [mark(0), mark(1)]), [timeValue(arg('validAfter'), true), timeValue(arg('validBefore'), false)]);
    case 'ERC3009UsedAuthorization':
      return fill(t('revert_authorizationUsed', [mark(0), mark(1)]), [address(arg('authorizer')), number(arg('nonce'))]);
    case 'ECDSAInvalidSignature': return [{ kind: 'text', text: t('revert_signature') }];
    case 'ECDSAInvalidSignatureLength': return fill(t('revert_signatureLength', [mark(0)]), [grouped(arg('length'))]);
    case 'ECDSAInvalidSignatureS': return [{ kind: 'text', text: t('revert_signatureS') }];
    case 'OwnableUnauthorizedAccount': return fill(t('revert_notOwner', [mark(0)]), [address(arg('account'))]);
    case 'OwnableInvalidOwner': return fill(t('revert_invalidOwner', [mark(0)]), [address(arg('owner'))]);
    case 'SafeCastOverflowedUintDowncast':
      return fill(t('revert_downcast', [mark(0), mark(1)]), [grouped(arg('value')), grouped(arg('bits'))]);
  }
}

/** Why the contract refused, in words; `token` gives amounts their units. */
export function revertWords(revert: RevertView, token: TokenView | undefined): Part[] {
  switch (revert.kind) {
    case 'empty': return [{ kind: 'text', text: t('revert_empty') }];
    case 'error': {
      const known = trexWords(revert.reason);
      return known === undefined
        ? fill(t('revert_reason', [mark(0)]), [contractText(revert.reason)])
        : fill(t('revert_knownReason', [mark(0), mark(1)]), [{ kind: 'text', text: known }, contractText(revert.reason)]);
    }
    case 'panic': return fill(t('revert_panic', [mark(0), mark(1)]), [{ kind: 'text', text: panicWords(revert.panic) }, number(`0x${BigInt(revert.code).toString(16)}`)]);
    case 'custom': return customWords(revert, token);
    case 'unknown':
      return revert.selector === null
        ? fill(t('revert_unknownData', [mark(0)]), [number(revert.data)])
        : fill(t('revert_unknownError', [mark(0)]), [number(revert.selector)]);
  }
}

/**
 * Words for a simulated or mined failure. An empty revert with a message from the node shows that message
 * as the node's words (framed); the wallet never words it as its own.
 */
export function failureReason(failure: SimulatedFailure, token: TokenView | undefined): Part[] {
  if (failure.revert.kind === 'empty' && failure.nodeMessage !== undefined) {
    return fill(t('revert_nodeSays', [mark(0)]), [{ kind: 'outside', text: failure.nodeMessage, source: 'node', cap: REASON_CAP }]);
  }
  return revertWords(failure.revert, token);
}

/** "This transaction would fail: <why>." */
export function wouldFailSentence(failure: SimulatedFailure, call: CallView): Part[] {
  return fill(t('tx_wouldFail', [mark(0)]), [failureReason(failure, callToken(call))]);
}
