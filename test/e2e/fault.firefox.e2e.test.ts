import { faultSuite } from './fault-suite';

faultSuite('firefox');
