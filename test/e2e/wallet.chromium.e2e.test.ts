import { walletSuite } from './wallet-suite';

walletSuite('chromium');
