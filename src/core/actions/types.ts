// What a typed-data request asks the shareholder to do, in terms the approval screen can put in words.

/** A share token as the wallet knows it: from its holdings or read from the chain, never from the page. */
export interface KnownToken {
  name: string;
  symbol: string;
  decimals: number;
  /**
   * The token's total supply, when the wallet has it: a permit for more than all the shares that exist is
   * as good as unlimited.
   */
  totalSupply?: bigint | undefined;
}

export interface TokenRef {
  /** EIP-55 address of the token contract (the domain's verifyingContract). */
  address: string;
  chainId: bigint | undefined;
  /** Undefined when the wallet does not know the token: amounts are then raw units. */
  known: KnownToken | undefined;
}

export type VoteSupport = 'against' | 'for' | 'abstain';

/** A value as the page sent it, in a generic structure: labelled by its field, typed by its EIP-712 type. */
export interface GenericField {
  name: string;
  type: string;
  value: string | GenericField[] | GenericField[][];
}

export type ShareholderAction =
  | {
    kind: 'transfer'; token: TokenRef; from: string; to: string; amount: bigint; validAfter: bigint; validBefore: bigint;
    /**
     * ERC-3009: anyone may submit a TransferWithAuthorization; a ReceiveWithAuthorization only the recipient
     * (the token requires msg.sender == to), so it cannot be front-run. The shares move the same way.
     */
    submitter: 'anyone' | 'recipient';
  }
  | { kind: 'permit'; token: TokenRef; owner: string; spender: string; amount: bigint; unlimited: boolean; deadline: bigint }
  | {
    kind: 'vote'; governor: string; chainId: bigint | undefined; proposalId: bigint; support: VoteSupport; voter: string | undefined;
    reason: string | undefined;
    /** ExtendedBallot's `params` as hex, when not empty: extra data the governor's counting module reads. */
    params: string | undefined;
  }
  | { kind: 'delegation'; token: TokenRef; delegatee: string; expiry: bigint }
  | {
    kind: 'snapshot-vote'; space: string; proposal: string; choice: string; voter: string; reason: string | undefined;
    /** The app and metadata strings the vote also signs, when not empty. */
    app: string | undefined; metadata: string | undefined;
  }
  | { kind: 'generic'; primaryType: string; domain: GenericField[]; message: GenericField[] };
