import { walletSuite } from './wallet-suite';

walletSuite('firefox');
