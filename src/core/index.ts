// The public API of the wallet core. Pure: no browser, extension, storage or network API.
export { createAccountDeriver, deriveAccount, ETHEREUM_ACCOUNT_PARENT, type DerivedAccount } from './account';
export { isAddress, privateKeyToAddress, publicKeyToAddress, toChecksumAddress } from './address';
export { deriveNode, parsePath, type HDNode } from './hd';
export {
  entropyToMnemonic, findMnemonicProblem, generateMnemonic, mnemonicToEntropy, mnemonicToSeed, mnemonicWords, normalizeMnemonic,
  validateMnemonic,
  type MnemonicProblem, type MnemonicStrength, type WordlistName,
} from './mnemonic';
export {
  hashPersonalMessage, recoverAddress, recoverDigestSigner, signDigest, signDigestRecoverable, signPersonalMessage, signTypedData,
  type RecoverableSignature,
} from './sign';
export { CheckedTypedData, type TypedDataVersion } from './typed-data/checked';
export { encodeType, hashStruct, hashTypedData, typedDataDigest } from './typed-data/encode';
export { TypedDataError, type TypedData, type TypedDataField, type TypedDataTypes } from './typed-data/types';
export {
  decryptVault, encryptVault, parseVaultRecord, VAULT_ITERATIONS, VAULT_VERSION, VaultOpenError, vaultNeedsUpgrade,
  type VaultKdf, type VaultRecord,
} from './vault';
export { describeTypedData, type TokenLookup } from './actions/describe';
export type { GenericField, KnownToken, ShareholderAction, TokenRef, VoteSupport } from './actions/types';
export { formatUnits, MAX_UINT256, shortAddress } from './format';
export { describeCall } from './actions/calls/describe-call';
export { encodeDelegate, encodeTransfer } from './actions/calls/encode';
export { findImitatedAddress, IMITATED_CHARACTERS } from './actions/calls/poisoning';
export { addressesSentTo, pastRecipients, type CallDestination } from './actions/calls/recipients';
export type {
  AuthorizationMode, CallAction, CallRequest, CallWarning, DescribedCall, ProposalCall,
} from './actions/calls/types';
export { checkTransaction, MAX_CHAIN_ID, MAX_GAS, MAX_NONCE } from './transactions/check';
export { decodeSignedTransaction, recoverTransactionSender, type DecodedTransaction } from './transactions/decode';
export { errorSignature, KNOWN_ERRORS, type KnownErrorDefinition, type KnownErrorName } from './transactions/known-errors';
export { decodeRevert, type PanicKind, type RevertArgument, type RevertReason } from './transactions/revert';
export { RlpError } from './transactions/rlp';
export {
  serializeSignedTransaction, serializeUnsignedTransaction, transactionSigningHash, type TransactionSignature,
} from './transactions/serialize';
export { signTransaction } from './transactions/sign';
export {
  TransactionError, type CheckedTransaction, type Eip1559Transaction, type LegacyTransaction, type SignedTransaction,
  type TransactionField, type TransactionInput, type TransactionProblem,
} from './transactions/types';
export { ERC7943_FUNGIBLE_INTERFACE_ID, ERC7943_FUNGIBLE_SELECTORS } from './register/erc7943';
export { transfersOfCall, transfersOfTypedData } from './register/transfers';
export { registerVerdict } from './register/verdict';
export type {
  Erc3643Facts, Erc7943Facts, ProposedTransfers, RegisterCheck, RegisterFacts, RegisterRefusal, RegisterRule, RegisterStandard,
  RegisterVerdict, SenderPosition, ShareTransfer, UncheckedCause,
} from './register/types';
export { ClockModeError, parseClockMode, timepointSeconds, type ChainNow, type GovernorClock } from './governance/clock';
export { acceptsVotes, isOpen, PROPOSAL_STATES, proposalState, ProposalStateError, type ProposalState } from './governance/proposal-state';
export { REMINDER_LEADS_MS, reminderSchedule, type Reminder } from './governance/reminders';
export { slip39Combine } from './slip39/combine';
export { describeSlip39Problem, Slip39Error, type Slip39Problem, type Slip39SetField } from './slip39/errors';
export { slip39CombineToPhrase, slip39SplitPhrase } from './slip39/phrase';
export { slip39Split, slip39SplitGroups, type Slip39Group, type Slip39SplitOptions } from './slip39/split';
