// Ethereum accounts on the BIP-44 path m/44'/60'/0'/0/i (SLIP-44 coin type 60).
import { privateKeyToAddress } from './address';
import { createChildDeriver } from './hd';

/** BIP-44 external chain of account 0 for Ethereum; account i is its i-th normal child. */
export const ETHEREUM_ACCOUNT_PARENT = "m/44'/60'/0'/0";

export interface DerivedAccount {
  index: number;
  path: string;
  /** EIP-55 checksummed. */
  address: string;
  privateKey: Uint8Array;
}

/**
 * A function that derives account `index` of `seed`; it derives the shared parent once, so that scanning
 * many accounts (recovery discovery) costs one child step each.
 */
export function createAccountDeriver(seed: Uint8Array): (index: number) => DerivedAccount {
  const child = createChildDeriver(seed, ETHEREUM_ACCOUNT_PARENT);
  return (index) => {
    const privateKey = child(index);
    return { index, path: `${ETHEREUM_ACCOUNT_PARENT}/${index}`, address: privateKeyToAddress(privateKey), privateKey };
  };
}

/**
 * Account `index` at m/44'/60'/0'/0/index.
 * @throws RangeError for an index that is not an integer from 0 to 2^31-1, or a seed of the wrong length.
 */
export function deriveAccount(seed: Uint8Array, index: number): DerivedAccount {
  return createAccountDeriver(seed)(index);
}
