// Content script, MAIN world, document_start: the EIP-1193 provider, announced through EIP-6963.
import { announceProvider, walletInfo } from '../provider/inpage/announce';
import { lockProviderMethods } from '../provider/inpage/lock-methods';
import { ShareholderProvider } from '../provider/inpage/provider';
import { createWindowTransport } from '../provider/inpage/window-transport';

const provider = new ShareholderProvider(createWindowTransport(window), () => crypto.randomUUID());
// Its methods fixed, so a page script cannot replace `request` on the object other scripts use; open to
// the page's own properties, which older dapps set (lock-methods.ts).
lockProviderMethods(provider);
announceProvider(window, walletInfo(crypto.randomUUID()), provider);
