// The registry's agent page: its form read into a request for the server, and the outcome in words.
import { describe, expect, it } from 'vitest';
import { agentOutcome, agentRequestOf } from '../../../example/registry/src/agent-request';

const HOLDER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const NRDW = { decimals: 18, symbol: 'NRDW' };
const form = (holder: string, shares = '100') => ({ holder, shares });

describe('the agent page\'s requests', () => {
  it('freeze a number of shares of a holder, in the token\'s base units', () => {
    expect(agentRequestOf('freeze-shares', form(` ${HOLDER.toLowerCase()} `, '12.5'), 18)).toEqual({
      action: 'freeze-shares', holder: HOLDER, shares: '12500000000000000000',
    });
  });

  it('name only the holder for an account freeze or a verification, and nobody to pause the token', () => {
    expect(agentRequestOf('revoke-verification', form(HOLDER, 'not read'), 18)).toEqual({ action: 'revoke-verification', holder: HOLDER });
    expect(agentRequestOf('unfreeze-account', form(HOLDER), 18)).toEqual({ action: 'unfreeze-account', holder: HOLDER });
    expect(agentRequestOf('pause', form('not an address', 'nor shares'), 18)).toEqual({ action: 'pause' });
  });

  it('refuse a bad holder or number of shares, naming the field, before the server is asked', () => {
    expect(() => agentRequestOf('freeze-account', form('0x1234'), 18)).toThrow('Holder must be an Ethereum address (0x followed by 40 hex digits).');
    expect(() => agentRequestOf('freeze-shares', form(HOLDER, '0'), 18)).toThrow('Shares must be more than 0.');
    expect(() => agentRequestOf('unfreeze-shares', form(HOLDER, '-3'), 18)).toThrow(RangeError);
  });

  it('say what was done, with the block it was mined in', () => {
    const mined = { hash: `0x${'ab'.repeat(32)}` as const, blockNumber: '42' };
    expect(agentOutcome({ action: 'freeze-shares', holder: HOLDER, shares: '100000000000000000000' }, mined, NRDW)).toBe(`Froze 100 NRDW of ${HOLDER} in block 42`);
    expect(agentOutcome({ action: 'pause' }, mined, NRDW)).toBe('Paused the token in block 42');
    expect(agentOutcome({ action: 'revoke-verification', holder: HOLDER }, mined, NRDW)).toBe(`Revoked the verification of ${HOLDER} in block 42`);
  });
});
