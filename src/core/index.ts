// The public API of the wallet core. Pure: no browser, extension, storage or network API.
export { createAccountDeriver, deriveAccount, ETHEREUM_ACCOUNT_PARENT, type DerivedAccount } from './account';
export { isAddress, privateKeyToAddress, publicKeyToAddress, toChecksumAddress } from './address';
export { deriveNode, parsePath, type HDNode } from './hd';
export {
  findMnemonicProblem, generateMnemonic, mnemonicToSeed, mnemonicWords, normalizeMnemonic, validateMnemonic,
  type MnemonicProblem, type MnemonicStrength, type WordlistName,
} from './mnemonic';
export { hashPersonalMessage, recoverDigestSigner, signDigest, signPersonalMessage, signTypedData } from './sign';
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
export { findImitatedAddress, IMITATED_CHARACTERS } from './actions/calls/poisoning';
export type {
  AuthorizationMode, CallAction, CallRequest, CallWarning, DescribedCall, ProposalCall,
} from './actions/calls/types';
