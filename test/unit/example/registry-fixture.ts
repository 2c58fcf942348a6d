// The registry as a fresh anvil node has it (chain/deploy.ts: the company, account 9, deploys the token
// at its nonce 0 and the governor at nonce 1), for tests that sign without a chain.
import type { Address } from 'viem';

export const TOKEN = {
  address: '0x700b6A60ce7EaaEA56F065753d8dcB9653dbAD35' as Address,
  name: 'Acme Holdings Shares',
} as const;

export const GOVERNOR = {
  address: '0xA15BB66138824a1c7167f5E85b957d04Dd34E468' as Address,
  name: 'Acme Shareholder Governor',
} as const;
