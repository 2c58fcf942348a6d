import { describe, expect, it } from 'vitest';
import type { HoldingsView, TokenHoldingsView } from '../../../src/protocol/holdings';
import type { AccountView } from '../../../src/protocol/private';
import { companiesOpenByDefault, COMPANIES_OPEN_AT_ONCE, delegateOf, findToken, formatAmount, freshness, holdingRows, registerStatus, scopedNetworks, stoppedDiscovery, tokenAddressInput } from '../../../src/ui/lib/holdings';

const ALICE = '0x8617E340B3D01FA5F11F306F4090FD50E238070D';
const BOB = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const CAROL = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const TOKEN = '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB';

const accounts: AccountView[] = [
  { index: 0, address: ALICE, name: '' },
  { index: 1, address: BOB, name: 'Savings' },
];

function acme(overrides: Partial<TokenHoldingsView> = {}): TokenHoldingsView {
  return {
    token: { chainId: '0x7a69', address: TOKEN, name: 'ACME Holdings', symbol: 'ACME', decimals: 18 },
    chainName: 'Acme Chain',
    hasVotes: true,
    accounts: [
      { address: ALICE, balance: '1500000000000000000000', votes: '1500000000000000000000', delegate: ALICE },
      { address: BOB, balance: '1234500000000000000000', votes: '0', delegate: null },
    ],
    total: '2734500000000000000000',
    ...overrides,
  };
}

describe('amounts on the holdings screen', () => {
  it('are whole shares with digit grouping, the fraction only when there is one', () => {
    expect(formatAmount('1500000000000000000000', 18)).toBe('1,500');
    expect(formatAmount('1234500000000000000000', 18)).toBe('1,234.5');
    expect(formatAmount('1500', 0)).toBe('1,500');
    expect(formatAmount('0', 18)).toBe('0');
  });

  it('keep every digit of amounts beyond what a float can hold', () => {
    expect(formatAmount('123456789012345678901234567890', 18)).toBe('123,456,789,012.34567890123456789');
  });

  it('show a dash rather than a made-up number for an amount that is not an unsigned integer', () => {
    expect(formatAmount('-5', 0)).toBe('—');
    expect(formatAmount('1e21', 18)).toBe('—');
    expect(formatAmount('', 18)).toBe('—');
    expect(formatAmount('5', 300)).toBe('—');
  });
});

describe('the delegate of an account', () => {
  it('is "yourself" when the account delegated to itself, whatever the letter case', () => {
    expect(delegateOf(ALICE, ALICE.toLowerCase(), accounts)).toEqual({ kind: 'self' });
  });

  it('is nobody when delegates() is null or the zero address', () => {
    expect(delegateOf(ALICE, null, accounts)).toEqual({ kind: 'none' });
    expect(delegateOf(ALICE, `0x${'0'.repeat(40)}`, accounts)).toEqual({ kind: 'none' });
  });

  it('is another account of the wallet when it is one', () => {
    expect(delegateOf(ALICE, BOB.toUpperCase().replace('0X', '0x'), accounts)).toEqual({ kind: 'account', account: accounts[1] });
  });

  it('is a bare address otherwise', () => {
    expect(delegateOf(ALICE, CAROL, accounts)).toEqual({ kind: 'other', address: CAROL });
  });
});

describe('the rows of a company', () => {
  it('give each account its shares, voting power and delegate, in the background order', () => {
    expect(holdingRows(acme(), accounts)).toEqual([
      { address: ALICE, account: accounts[0], balance: '1,500', holds: true, votes: '1,500', delegate: { kind: 'self' }, register: undefined },
      { address: BOB, account: accounts[1], balance: '1,234.5', holds: true, votes: '0', delegate: { kind: 'none' }, register: undefined },
    ]);
  });

  it('leave out voting power and delegate for a plain ERC-20 token', () => {
    const plain = acme({ hasVotes: false, accounts: [{ address: ALICE, balance: '7000000000000000000' }] });
    expect(holdingRows(plain, accounts)).toEqual([{ address: ALICE, account: accounts[0], balance: '7', holds: true, votes: undefined, delegate: undefined, register: undefined }]);
  });

  it('keep a row whose address is no longer one of the accounts, without a name', () => {
    const rows = holdingRows(acme({ accounts: [{ address: CAROL, balance: '1' }] }), accounts);
    expect(rows[0]?.account).toBeUndefined();
  });
});

describe('the register\'s facts of a restricted company', () => {
  const shares = (n: bigint) => (n * 10n ** 18n).toString();

  it('give frozen shares and what can still move, in whole shares', () => {
    expect(registerStatus(shares(1000n), { frozen: shares(100n), accountFrozen: false, verified: true }, 18)).toEqual({
      frozen: { frozen: '100', available: '900' }, accountFrozen: false, verified: true, canSend: undefined, canReceive: undefined,
    });
  });

  it('say nothing of frozen shares when none are', () => {
    expect(registerStatus(shares(1000n), { frozen: '0', verified: false }, 18).frozen).toBeUndefined();
  });

  it('leave nothing available when more is frozen than held (ERC-7943), or the whole account is frozen', () => {
    expect(registerStatus('50', { frozen: '80', canSend: false, canReceive: true }, 0)).toEqual({
      frozen: { frozen: '80', available: '0' }, accountFrozen: false, verified: undefined, canSend: false, canReceive: true,
    });
    expect(registerStatus('1000', { frozen: '100', accountFrozen: true }, 0).frozen).toEqual({ frozen: '100', available: '0' });
  });

  it('are on the rows of a restricted token only', () => {
    const restricted = acme({ hasVotes: false, register: { standard: 'erc3643' }, accounts: [{ address: ALICE, balance: '10', register: { frozen: '4' } }] });
    expect(holdingRows(restricted, accounts)[0]?.register?.frozen).toEqual({ frozen: '0.000000000000000004', available: '0.000000000000000006' });
    const plain = acme({ hasVotes: false, accounts: [{ address: ALICE, balance: '10', register: { frozen: '4' } }] });
    expect(holdingRows(plain, accounts)[0]?.register).toBeUndefined();
  });
});

describe('the freshness of each network', () => {
  const view = (chains: HoldingsView['chains']): HoldingsView => ({ tokens: [acme()], chains });

  it('gives the block and its time when the figures were read, in decimal', () => {
    expect(freshness(view([{ chainId: '0x7a69', name: 'Acme Chain', userChosen: true, asOf: { blockNumber: '0x4d2', blockTime: 1_790_000_000_000, fetchedAt: 1_790_000_001_000 } }])))
      .toEqual([{ chainId: '0x7a69', name: 'Acme Chain', asOf: { blockNumber: '1234', blockTime: 1_790_000_000_000 }, problem: undefined }]);
  });

  it('carries the problem of the latest refresh along with the cached block', () => {
    const [network] = freshness(view([{
      chainId: '0x7a69', name: 'Acme Chain', userChosen: true,
      asOf: { blockNumber: '1234', blockTime: 1_790_000_000_000, fetchedAt: 1_790_000_001_000 },
      problem: { message: 'The RPC server did not answer.', at: 1_790_000_100_000 },
    }]));
    expect(network?.problem).toBe('The RPC server did not answer.');
    expect(network?.asOf?.blockNumber).toBe('1234');
  });

  it('leaves out networks that have no token to vouch for', () => {
    expect(freshness(view([
      { chainId: '0x1', name: 'Other', userChosen: true, problem: { message: 'down', at: 1 } },
      { chainId: '0x7a69', name: 'Acme Chain', userChosen: true },
    ])).map((network) => network.name)).toEqual(['Acme Chain']);
  });
});

describe('the networks read only for a site\'s accounts', () => {
  const view: HoldingsView = {
    tokens: [acme()],
    chains: [
      { chainId: '0x1', name: 'Chosen', userChosen: true, addedBy: 'https://a.example' },
      { chainId: '0x5', name: 'Old', userChosen: false },
      { chainId: '0x7a69', name: 'Acme Chain', userChosen: false, addedBy: 'https://registry.example' },
    ],
  };

  it('lists every network the user has not chosen, with the site that added it, or only those with a token', () => {
    expect(scopedNetworks(view, false)).toEqual([
      { chainId: '0x5', name: 'Old', addedBy: undefined },
      { chainId: '0x7a69', name: 'Acme Chain', addedBy: 'https://registry.example' },
    ]);
    expect(scopedNetworks(view, true).map((network) => network.chainId)).toEqual(['0x7a69']);
  });

  it('knows where a search stopped at its limit goes on from, and on which network', () => {
    expect(stoppedDiscovery({ added: [1, 2], unreachable: [], stoppedAt: 3 }, '0x7a69')).toEqual({ chainId: '0x7a69', from: 3, found: 2 });
    expect(stoppedDiscovery({ added: [1, 2], unreachable: [], stoppedAt: 3 })).toEqual({ from: 3, found: 2 });
    expect(stoppedDiscovery({ added: [1, 2], unreachable: [] })).toBeUndefined();
  });
});

describe('the add-token form', () => {
  it('accepts a contract address with spaces around it', () => {
    expect(tokenAddressInput(`  ${TOKEN} `)).toBe(TOKEN);
  });

  it('refuses anything that is not 0x and 40 hex digits', () => {
    for (const text of ['', TOKEN.slice(0, 41), `${TOKEN}0`, TOKEN.replace('0x', ''), `0x${'g'.repeat(40)}`]) {
      expect(tokenAddressInput(text), text).toBeUndefined();
    }
  });

  it('finds the added token whatever the letter case of its address or the notation of its chain id', () => {
    const view: HoldingsView = { tokens: [acme()], chains: [{ chainId: '0x7a69', name: 'Acme Chain', userChosen: true }] };
    expect(findToken(view, '31337', TOKEN.toLowerCase())?.token.name).toBe('ACME Holdings');
    expect(findToken(view, '0x7a69', CAROL)).toBeUndefined();
  });
});

describe('companies listed at once', () => {
  it('lists every account of each company when there are at most three companies', () => {
    expect(COMPANIES_OPEN_AT_ONCE).toBe(3);
    expect([1, 2, 3].map(companiesOpenByDefault)).toEqual([true, true, true]);
  });

  it('shows only the totals of many companies until one is opened', () => {
    expect([4, 50].map(companiesOpenByDefault)).toEqual([false, false]);
  });
});
