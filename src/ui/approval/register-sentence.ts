// The register's verdict in plain words (issue 13 §3), for the approval window and the popup's Send: that
// the register would accept the transfer, which rule refuses it, or that it could not be checked and why.
// Amounts use the token's decimals when the wallet knows it; its name and symbol are the contract's words,
// framed (sentence.ts 'outside' parts). The background computes the verdict; only the words are made here.
import { formatUnits } from '../../core/format';
import type { RegisterCheckView } from '../../protocol/register';
import { t } from '../i18n';
import { NAME_CAP } from '../lib/outside-text';
import { amountPhrase, fill, markers, tokenPhrase, type Part, type TokenView } from './sentence';

type Verdict = Exclude<RegisterCheckView, { kind: 'unrestricted' }>;
type Refused = Extract<Verdict, { kind: 'refused' }>;
type Unchecked = Extract<Verdict, { kind: 'unchecked' }>;

export interface RegisterVerdictWords {
  /** 'refused' asks for the deliberate second step; 'accepted' and 'unchecked' never block. */
  tone: 'accepted' | 'refused' | 'unchecked';
  sentence: Part[];
  /** For a batch: which of its transfers the register refuses. */
  detail: Part[] | undefined;
  /** "Could not check": "Details: <the wallet's English reason>", framed as the node's words since it may quote them. */
  message: Part[] | undefined;
}

/** Long enough for a node's error, short enough not to push the decision off screen. */
const MESSAGE_CAP = 200;

const address = (value: string): Part => ({ kind: 'address', address: value });
const strong = (value: string): Part => ({ kind: 'strong', text: value });

/** A bare amount of `token` (its decimals when known, else raw units), to stand next to an amount phrase. */
function bareAmount(token: TokenView, amount: string): Part {
  return strong(formatUnits(BigInt(amount), token.known?.decimals ?? 0));
}

/** "Nordwind Bank Restricted Shares" as the contract names itself (framed), or "unknown token 0x…". */
function companyPhrase(token: TokenView): Part[] {
  return token.known === undefined ? tokenPhrase(token) : [{ kind: 'outside', text: token.known.name, source: 'contract', cap: NAME_CAP }];
}

function refusalSentence({ refusal }: Refused, token: TokenView): Part[] {
  switch (refusal.rule) {
    case 'paused':
      return fill(t('register_paused', markers(1)), [tokenPhrase(token)]);
    case 'sender-frozen':
      return fill(t('register_senderFrozen', markers(1)), [address(refusal.account)]);
    case 'recipient-frozen':
      return fill(t('register_recipientFrozen', markers(1)), [address(refusal.account)]);
    case 'insufficient-available':
      return BigInt(refusal.frozen) === 0n
        ? fill(t('register_aboveBalance', markers(2)), [amountPhrase(token, refusal.balance), amountPhrase(token, refusal.amount)])
        : fill(t('register_partlyFrozen', markers(3)),
          [bareAmount(token, refusal.frozen), amountPhrase(token, refusal.balance), bareAmount(token, refusal.available)]);
    case 'recipient-unverified':
      return fill(t('register_unverified', markers(2)), [address(refusal.account), companyPhrase(token)]);
    case 'compliance':
      return [{ kind: 'text', text: refusal.reverted ? t('register_complianceReverted') : t('register_compliance') }];
    case 'sender-not-allowed':
      return fill(t('register_senderNotAllowed', markers(2)), [address(refusal.account), tokenPhrase(token)]);
    case 'recipient-not-allowed':
      return fill(t('register_recipientNotAllowed', markers(2)), [address(refusal.account), tokenPhrase(token)]);
    case 'transfer-not-allowed':
      return [{ kind: 'text', text: t('register_transferNotAllowed') }];
  }
}

function uncheckedReason(verdict: Unchecked): string {
  switch (verdict.cause) {
    case 'node': return t('register_reasonNode');
    case 'answer': return t('register_reasonAnswer');
    case 'standard': return t('register_reasonStandard');
  }
}

/**
 * The words for `check` of a transfer of `token`, or undefined for a plain token (nothing is shown then).
 */
export function registerVerdictWords(check: RegisterCheckView, token: TokenView): RegisterVerdictWords | undefined {
  switch (check.kind) {
    case 'unrestricted':
      return undefined;
    case 'accepted':
      return { tone: 'accepted', sentence: [{ kind: 'text', text: t('register_accepted') }], detail: undefined, message: undefined };
    case 'refused': {
      const { transfer } = check;
      const detail = transfer.count > 1
        ? fill(t('register_batchTransfer', markers(4)),
          [strong(String(transfer.index + 1)), strong(String(transfer.count)), amountPhrase(token, transfer.amount), address(transfer.to)])
        : undefined;
      return { tone: 'refused', sentence: refusalSentence(check, token), detail, message: undefined };
    }
    case 'unchecked':
      return {
        tone: 'unchecked', sentence: fill(t('register_unchecked', markers(1)), [{ kind: 'text', text: uncheckedReason(check) }]), detail: undefined,
        message: fill(t('register_detail', markers(1)), [{ kind: 'outside', text: check.message, source: 'node', cap: MESSAGE_CAP }]),
      };
  }
}

/** Whether any of `checks` is a definite "no": approving then needs the deliberate tick. */
export function registerRefuses(checks: readonly (RegisterCheckView | null)[] | undefined): boolean {
  return checks?.some((check) => check?.kind === 'refused') === true;
}
