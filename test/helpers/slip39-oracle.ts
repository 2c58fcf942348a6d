// The independent SLIP-0039 implementation the wallet's own is checked against: npm slip39 (ilap/slip39-js),
// a CommonJS package without types, loaded through require and given the types of the API its README shows.
import { createRequire } from 'node:module';

interface OracleNode { mnemonics: string[] }
interface OracleSlip { fromPath(path: string): OracleNode }
interface OracleClass {
  fromArray(masterSecret: number[], opts: {
    passphrase: string; threshold: number; groups: [number, number][]; iterationExponent: number; extendableBackupFlag: 0 | 1;
  }): OracleSlip;
  recoverSecret(mnemonics: string[], passphrase: string): number[];
  validateMnemonic(mnemonic: string): boolean;
}

const require = createRequire(import.meta.url);
const Slip39 = require('slip39') as OracleClass;

/** The oracle's word list (its helper module exports it). */
export const oracleWordlist = (require('slip39/src/slip39_helper.js') as { WORD_LIST: string[] }).WORD_LIST;

export interface OracleSplit {
  groupThreshold: number;
  groups: { threshold: number; shares: number }[];
  passphrase: string;
  extendable: boolean;
  iterationExponent: number;
}

/** The oracle's shares of `secret`, one list per group. */
export function oracleSplit(secret: Uint8Array, opts: OracleSplit): string[][] {
  const slip = Slip39.fromArray([...secret], {
    passphrase: opts.passphrase,
    threshold: opts.groupThreshold,
    groups: opts.groups.map((group) => [group.threshold, group.shares]),
    iterationExponent: opts.iterationExponent,
    extendableBackupFlag: opts.extendable ? 1 : 0,
  });
  return opts.groups.map((_, g) => slip.fromPath(`r/${g}`).mnemonics);
}

/** The master secret the oracle recovers from `mnemonics`. */
export function oracleCombine(mnemonics: string[], passphrase: string): Uint8Array {
  return Uint8Array.from(Slip39.recoverSecret(mnemonics, passphrase));
}

export function oracleValidates(mnemonic: string): boolean {
  return Slip39.validateMnemonic(mnemonic);
}
