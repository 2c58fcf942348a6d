// Content script, MAIN world, document_start: the EIP-1193 provider, announced through EIP-6963.
import { announceProvider, walletInfo } from '../provider/inpage/announce';
import { ShareholderProvider } from '../provider/inpage/provider';
import { createWindowTransport } from '../provider/inpage/window-transport';

const provider = new ShareholderProvider(createWindowTransport(window), () => crypto.randomUUID());
// Frozen, so a page script cannot replace `request` on the object other scripts use.
Object.freeze(provider);
announceProvider(window, walletInfo(crypto.randomUUID()), provider);
