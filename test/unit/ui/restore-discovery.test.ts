// Recovery discovery after a restore never keeps the user from their wallet.
import { describe, expect, it, vi } from 'vitest';
import type { DiscoveryView } from '../../../src/protocol/holdings';
import type { WalletView } from '../../../src/protocol/private';
import { discoverAfterRestore, type DiscoveryDeps } from '../../../src/ui/lib/restore-discovery';

// English keys as their text, so the test reads which message was chosen and with what.
vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (key: string, subs: string[] = []) => [key, ...subs].join('|') } },
}));

const ALICE = '0x8617E340B3D01FA5F11F306F4090FD50E238070D';
const BOB = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const created: WalletView = { status: 'unlocked', accounts: [{ index: 0, address: ALICE, name: '' }], autoLockMinutes: 15 };
const withTwo: WalletView = { ...created, accounts: [...created.accounts, { index: 1, address: BOB, name: '' }] };

function fakes(discover: () => Promise<DiscoveryView>, read: () => Promise<WalletView> = () => Promise.resolve(withTwo)) {
  const shown: WalletView[] = [];
  const stops: unknown[] = [];
  const notices: string[] = [];
  const deps: DiscoveryDeps = {
    discover, read,
    show: (view, stopped) => { shown.push(view); if (stopped !== undefined) stops.push(stopped); },
    announce: (message) => { notices.push(message); },
    failure: () => 'the wallet could not complete this',
  };
  return { deps, shown, stops, notices };
}

describe('discovery after a restore', () => {
  it('opens the wallet with the accounts it added and says how many', async () => {
    const { deps, shown, notices } = fakes(() => Promise.resolve({ added: [1], unreachable: [] }));
    await discoverAfterRestore(created, deps);
    expect(shown).toEqual([withTwo]);
    expect(notices).toEqual(['restore_discovered|1']);
  });

  it('opens home offering to keep looking when discovery stopped at its limit', async () => {
    const { deps, shown, stops, notices } = fakes(() => Promise.resolve({ added: [1], unreachable: [], stoppedAt: 2 }));
    await discoverAfterRestore(created, deps);
    expect(shown).toEqual([withTwo]);
    expect(stops).toEqual([{ from: 2, found: 1 }]);
    expect(notices).toEqual(['restore_discovered|1']);
  });

  it('opens the wallet as created, quietly, when no other account was used', async () => {
    const read = vi.fn(() => Promise.resolve(withTwo));
    const { deps, shown, notices } = fakes(() => Promise.resolve({ added: [], unreachable: [] }), read);
    await discoverAfterRestore(created, deps);
    expect(shown).toEqual([created]);
    expect(notices).toEqual([]);
    expect(read).not.toHaveBeenCalled();
  });

  it('says which networks could not be reached', async () => {
    const { deps, notices } = fakes(() => Promise.resolve({ added: [], unreachable: [{ chainId: '0x7a69', message: 'the node did not answer' }] }));
    await discoverAfterRestore(created, deps);
    expect(notices).toEqual(['restore_unreachable|the node did not answer']);
  });

  it('still opens the wallet, and says why, when discovery fails', async () => {
    const { deps, shown, notices } = fakes(() => Promise.reject(new Error('no network')));
    await discoverAfterRestore(created, deps);
    expect(shown).toEqual([created]);
    expect(notices).toEqual(['restore_discoverFailed|the wallet could not complete this']);
  });

  it('opens the wallet as created when reading it again fails', async () => {
    const { deps, shown } = fakes(() => Promise.resolve({ added: [1], unreachable: [] }), () => Promise.reject(new Error('gone')));
    await discoverAfterRestore(created, deps);
    expect(shown).toEqual([created]);
  });
});
