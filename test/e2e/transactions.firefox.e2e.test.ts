import { transactionsSuite } from './transactions-suite';

transactionsSuite('firefox');
